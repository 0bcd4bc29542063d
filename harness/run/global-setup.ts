import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runBrowser } from '../browser/choose-browser.ts';
import { browserStartProblem } from '../browser/preflight.ts';
import { chooseProfile } from '../profiles/choose-profile.ts';
import { ProfileError } from '../profiles/profile.ts';
import { archiveConfig, RENDERED_DIR_ENV } from './archive-config.ts';

const run = promisify(execFile);

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The renderer command the suite uses by default; the harness runs it as a program, never imports it. */
const RENDER_COMMAND = [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'renderer', 'cli.ts')];

/**
 * Starts the browser once (a browser that cannot start stops the run with one line, not one stack
 * trace per test), then renders ARCHIVE_SRC once per run into a temporary folder, unless ARCHIVE_OUT
 * names a folder rendered elsewhere (refused sources, exit status 1, are the suite's to report), and
 * says which site profile the archive project will read it with (a bad profile stops the run, naming
 * the file and the field).
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const problem = await browserStartProblem(await runBrowser());
  if (problem !== undefined) stop(problem);
  const config = archiveConfig();
  if (config.outDir !== undefined) {
    announceProfile(config.outDir);
    return undefined;
  }
  const outDir = await mkdtemp(join(tmpdir(), 'archive-fidelity-'));
  const [program = process.execPath, ...args] = RENDER_COMMAND;
  try {
    await run(program, [...args, config.srcDir, outDir], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    if (failure.code !== 1) {
      await rm(outDir, { recursive: true, force: true });
      throw new Error(`Rendering ${config.srcDir} failed (exit ${String(failure.code)}):\n${failure.stderr ?? String(error)}`, { cause: error });
    }
  }
  process.env[RENDERED_DIR_ENV] = outDir;
  announceProfile(outDir);
  return async () => rm(outDir, { recursive: true, force: true });
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
