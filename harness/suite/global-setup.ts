import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runBrowser } from '../browser/choose-browser.ts';
import { CHROMIUM_VERSION_ENV, startBrowserOnce } from '../browser/preflight.ts';
import { BUILTIN_PROFILES, chooseProfile, DEFAULT_PROFILE } from '../profiles/choose-profile.ts';
import { HexoSiteError, themeOf, type HexoModel } from '../site/hexo-site.ts';
import { locatePages, savePageMap, type LocatedPages } from '../site/locate-pages.ts';
import { ManifestError } from '../site/page-manifest.ts';
import { ProfileError } from '../profiles/profile.ts';
import { readVerdictCache } from '../cache/verdict-cache.ts';
import { listUnchangedArticles } from '../cache/unchanged-articles.ts';
import { archiveConfig, RENDERED_DIR_ENV } from '../config/archive-config.ts';
import { settings, whereSet } from '../config/settings.ts';
import { listSitePages } from '../run/pages.ts';
import { siteProfile } from './site-profile.ts';

const run = promisify(execFile);

/** The package's root: this repository, or `lib/` of the installed package. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The renderer command the suite uses by default; the harness runs it as a program, never imports it. */
// From the built package, the compiled renderer; from this repository's sources, through tsx.
const RENDER_COMMAND = import.meta.url.endsWith('.js') ? [process.execPath, join(REPO_ROOT, 'renderer', 'cli.js')] : [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'renderer', 'cli.ts')];

/**
 * Starts the browser once (a browser that cannot start stops the run with one line, not one stack
 * trace per test), then renders ARCHIVE_SRC once per run into a temporary folder, unless ARCHIVE_OUT
 * names a folder rendered elsewhere (refused sources, exit status 1, are the suite's to report),
 * locates every source's page the way its generator publishes it (harness/site/), says how and
 * which site profile the archive project will read it with (a bad profile stops the run, naming the
 * file and the field), and, with ARCHIVE_CACHE, lists the articles unchanged since they passed.
 */
/** What this project's renderer leaves in a folder while it is not a complete render (renderer/page/staged-output.ts; the harness never imports the renderer). */
const INCOMPLETE_RENDER_MARKER = '.archive-render-incomplete';

export default async function globalSetup(playwrightConfig: FullConfig): Promise<() => Promise<void>> {
  const choice = await runBrowser();
  const cleanUps: (() => void | Promise<void>)[] = [];
  const config = archiveConfig();
  // A wrong path is one line naming the setting, before anything is rendered or opened.
  if (!isFolder(config.srcDir)) {
    // With no config file and no ARCHIVE_SRC, the default only fits this project's own repository: say how to set a site up.
    if (settings().configFile === undefined && whereSet('site.sources').endsWith('(default)')) stop(`no archive-fidelity.config.ts (or .json) in ${process.cwd()}, and ARCHIVE_SRC is not set: run npx archive-fidelity init here`);
    stop(`${whereSet('site.sources')}: no such folder of source articles (${config.srcDir})`);
  }
  if (config.outDir !== undefined && !isFolder(config.outDir)) stop(`${whereSet('site.pages')}: no such folder of rendered pages (${config.outDir})`);
  if (config.outDir !== undefined && existsSync(join(config.outDir, INCOMPLETE_RENDER_MARKER))) {
    stop(`${whereSet('site.pages')}: an interrupted render left it incomplete (${join(config.outDir, INCOMPLETE_RENDER_MARKER)}): render it again`);
  }
  if (config.outDir !== undefined && listSitePages(config.outDir, []).length === 0 && !existsSync(join(config.outDir, 'index.html'))) {
    stop(`${whereSet('site.pages')}: no page in ${config.outDir}, nothing was generated there (generate the site first, e.g. hexo generate, or point it at the folder the generator writes)`);
  }
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
  process.env[CHROMIUM_VERSION_ENV] = started.version;
  await rendering;
  const located = await locateOrStop(siteDir);
  cleanUps.push(savePageMap(located.map));
  const profileLine = chooseProfileOrStop(siteDir, located.hexo);
  announcePages(located);
  console.error(profileLine); // stderr: stdout may be a JSON report
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
    // The renderer is a program of its own: it is told the run's time zone as its environment variable.
    await run(program, [...args, srcDir, outDir], { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ARCHIVE_TZ: settings().timezone } });
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
  const cacheDir = settings().cache;
  if (cacheDir === undefined) return false;
  const { problem } = readVerdictCache(cacheDir);
  if (problem !== undefined) console.error(`WARNING: ${problem}`);
  if (!playwrightConfig.reporter.some(([name]) => name.includes('fidelity-reporter'))) {
    console.error(
      'WARNING: ARCHIVE_CACHE is set, but the fidelity reporter, which writes the cache, is not among the reporters (--reporter replaces them): add it (--reporter=json,archive-fidelity/reporter), or run archive-fidelity test, which keeps it',
    );
  }
  return problem === undefined;
}

/** Every source's page, located the way its generator publishes it; a site or manifest that cannot be read stops the run in one line. */
async function locateOrStop(siteDir: string): Promise<LocatedPages> {
  try {
    return await locatePages(siteDir);
  } catch (error) {
    if (error instanceof HexoSiteError || error instanceof ManifestError) stop(error.message);
    throw error;
  }
}

/** One line before the tests: how pages were located (for a Hexo site: its generator, theme and permalink), and what stands out. */
function announcePages({ map, hexo }: LocatedPages): void {
  const places = Object.values(map.places);
  const unpublished = places.filter((place) => place.unpublished !== undefined).length;
  const counts = [`${places.length} sources`, ...(unpublished > 0 ? [`${unpublished} not published by the generator`] : []), ...(map.shared.length > 0 ? [`${map.shared.length} page(s) shared by two or more sources`] : [])];
  const where = hexo === undefined ? `Pages: located ${map.how}` : `Site: ${hexo.generator} at ${hexo.dir}, ${themeOf(hexo)}, permalink ${hexo.permalink}: pages located by Hexo's own model`;
  console.error(`${where}; ${counts.join(', ')}`); // stderr: stdout may be a JSON report
}

/**
 * The line naming the profile the site is read with, and why; a profile that is not valid stops the
 * run in one line, and so does a Hexo site whose theme no profile fits (read with another theme's
 * selectors, every article would fail for the harness's mistake).
 */
function chooseProfileOrStop(siteDir: string, hexo: HexoModel | undefined): string {
  try {
    const { profile, why } = chooseProfile(siteDir);
    if (hexo !== undefined && why === 'default') {
      stop(
        `Site profile: none fits this Hexo site (${themeOf(hexo)}): the built-in profiles are ${BUILTIN_PROFILES.filter((name) => name !== DEFAULT_PROFILE).join(', ')}. Write a profile for the theme (docs/profiles.md: "A worked example") and name it in site.profile (or ARCHIVE_PROFILE=<file>)`,
      );
    }
    return `Site profile: ${profile.name} (${why})`;
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    stop(error.message);
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Ends the run with one line on stderr: a setup problem is not a stack trace. */
function stop(line: string): never {
  console.error(line);
  process.exit(1);
}
