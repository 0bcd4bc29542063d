import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runBrowser } from '../browser/choose-browser.ts';
import { startBrowserOnce } from '../browser/preflight.ts';
import { chooseProfile } from '../profiles/choose-profile.ts';
import { ProfileError } from '../profiles/profile.ts';
import { readVerdictCache } from '../cache/verdict-cache.ts';
import { listUnchangedArticles } from '../cache/unchanged-articles.ts';
import { archiveConfig, envValue, RENDERED_DIR_ENV } from './archive-config.ts';
import { siteProfile } from './site-profile.ts';

const run = promisify(execFile);

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The renderer command the suite uses by default; the harness runs it as a program, never imports it. */
const RENDER_COMMAND = [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'renderer', 'cli.ts')];

/**
 * Starts the browser once (a browser that cannot start stops the run with one line, not one stack
 * trace per test), then renders ARCHIVE_SRC once per run into a temporary folder, unless ARCHIVE_OUT
 * names a folder rendered elsewhere (refused sources, exit status 1, are the suite's to report), says
 * which site profile the archive project will read it with (a bad profile stops the run, naming the
 * file and the field), and, with ARCHIVE_CACHE, lists the articles unchanged since they passed.
 */
export default async function globalSetup(playwrightConfig: FullConfig): Promise<() => Promise<void>> {
  const choice = await runBrowser();
  const cleanUps: (() => void | Promise<void>)[] = [];
  const config = archiveConfig();
  let siteDir = config.outDir;
  let rendering = Promise.resolve();
  if (siteDir === undefined) {
    const outDir = await mkdtemp(join(tmpdir(), 'archive-fidelity-'));
    cleanUps.push(() => rm(outDir, { recursive: true, force: true }));
    rendering = render(config.srcDir, outDir); // while the browser starts: the two use different cores
    process.env[RENDERED_DIR_ENV] = siteDir = outDir;
  }
  const started = await startBrowserOnce(choice);
  if ('problem' in started) {
    await rendering.catch(() => undefined);
    for (const cleanUp of cleanUps) await cleanUp();
    stop(started.problem);
  }
  await rendering;
  announceProfile(siteDir);
  if (warnAboutCache(playwrightConfig)) {
    const forget = listUnchangedArticles({ siteDir, profile: siteProfile(), browser: `${choice.build} ${started.version}`, updateSnapshots: playwrightConfig.updateSnapshots, sharded: playwrightConfig.shard !== null });
    if (forget !== undefined) cleanUps.push(forget);
  }
  return async () => {
    for (const cleanUp of cleanUps) await cleanUp();
  };
}

/** Renders `srcDir` into `outDir` with this project's renderer; refused sources (exit 1) are the suite's to report. */
async function render(srcDir: string, outDir: string): Promise<void> {
  const [program = process.execPath, ...args] = RENDER_COMMAND;
  try {
    await run(program, [...args, srcDir, outDir], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    if (failure.code !== 1) {
      await rm(outDir, { recursive: true, force: true });
      throw new Error(`Rendering ${srcDir} failed (exit ${String(failure.code)}):\n${failure.stderr ?? String(error)}`, { cause: error });
    }
  }
}

/**
 * With ARCHIVE_CACHE set: true when the cache can be used. A cache that cannot be read, or that no
 * reporter will write, is one warning line; the run goes on and checks every article.
 */
function warnAboutCache(playwrightConfig: FullConfig): boolean {
  const cacheDir = envValue(process.env, 'ARCHIVE_CACHE');
  if (cacheDir === undefined) return false;
  const { problem } = readVerdictCache(cacheDir);
  if (problem !== undefined) console.error(`WARNING: ${problem}`);
  if (!playwrightConfig.reporter.some(([name]) => name.includes('fidelity-reporter'))) {
    console.error('WARNING: ARCHIVE_CACHE is set, but the fidelity reporter, which writes the cache, is not among the reporters (--reporter replaces them): add ./harness/report/fidelity-reporter.ts');
  }
  return problem === undefined;
}

/** One line before the tests: the profile the site is read with, and why; a profile that is not valid stops the run. */
function announceProfile(siteDir: string): void {
  if (!existsSync(siteDir)) stop(`ARCHIVE_OUT=${siteDir}: no such folder of rendered pages`);
  try {
    const { profile, why } = chooseProfile(siteDir);
    console.error(`Site profile: ${profile.name} (${why})`); // stderr: stdout may be a JSON report
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    stop(error.message);
  }
}

/** Ends the run with one line on stderr: a setup problem is not a stack trace. */
function stop(line: string): never {
  console.error(line);
  process.exit(1);
}
