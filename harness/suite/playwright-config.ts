import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaywrightTestConfig } from '@playwright/test';
import { NoChromiumError, runBrowser } from '../browser/choose-browser.ts';
import { PinnedChromiumError } from '../browser/pinned-chromium.ts';
import { launchOptionsFor } from '../browser/preflight.ts';
import { ConfigError } from '../config/config-file.ts';
import { prepareSettings, settings } from '../config/settings.ts';

/** This folder: the archive specs, their fixtures and global setup (`.ts` here, `.js` in the built package). */
const SUITE_DIR = dirname(fileURLToPath(import.meta.url));
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const module = (path: string): string => join(SUITE_DIR, `${path}${EXTENSION}`);

/** Ends the run with one line: a setup problem is not a stack trace. */
function stop(error: Error): never {
  console.error(error.message);
  process.exit(1);
}

/**
 * The Playwright configuration of the verdict on a site: the archive project (one test per article,
 * the index, the folder, the goldens), its reporters (a quiet terminal, the HTML report, the fidelity
 * summary and verdict cache), global setup, and the pinned browser. Reads the site's settings
 * (archive-fidelity.config.* under the environment's overrides) once, for every process of the run.
 * A site's `playwright.config.ts` is `defineConfig(await archiveFidelity())`; `archive-fidelity test`
 * uses the same. Extra reporters a user adds come after these, never instead of them.
 */
export async function archiveFidelity(): Promise<PlaywrightTestConfig> {
  try {
    await prepareSettings();
  } catch (error) {
    if (error instanceof ConfigError) stop(error);
    throw error;
  }
  // merge-reports only reads blob reports (CI merges on a machine without a browser): no Chromium needed.
  const merging = process.argv.includes('merge-reports');
  let launchOptions: ReturnType<typeof launchOptionsFor> | undefined;
  try {
    launchOptions = merging ? undefined : launchOptionsFor(await runBrowser());
  } catch (error) {
    if (error instanceof NoChromiumError || error instanceof PinnedChromiumError) stop(error);
    throw error;
  }
  return {
    testDir: SUITE_DIR,
    testMatch: `*.spec${EXTENSION}`,
    projects: [{ name: 'archive', testDir: SUITE_DIR, testMatch: `*.spec${EXTENSION}` }],
    fullyParallel: true,
    // The setting `workers`, by default every core: measured on 1,000 articles on 2 cores, two workers
    // judge 12-20 % faster than one (docs/scale-and-ci.md); a worker has its own browser, server and observer.
    workers: settings().workers,
    forbidOnly: Boolean(process.env.CI),
    retries: 0,
    reporter: archiveReporters(),
    // Checks the browser starts, renders the sources once per run unless the pages are rendered elsewhere, locates every page.
    globalSetup: module('global-setup'),
    use: {
      browserName: 'chromium',
      ...(launchOptions === undefined ? {} : { launchOptions }),
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    },
  };
}

/** One line a test and a finding in the terminal (no code frames of the harness), the HTML report, and the fidelity summary and verdict cache. */
function archiveReporters(): NonNullable<PlaywrightTestConfig['reporter']> & unknown[] {
  return [[join(SUITE_DIR, '..', 'report', `terminal-reporter${EXTENSION}`)], ['html', { open: 'never' }], [join(SUITE_DIR, '..', 'report', `fidelity-reporter${EXTENSION}`)]];
}
