import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, type BrowserChoice } from './choose-browser.ts';
import { settings } from '../config/settings.ts';
import { DEBIAN_PACKAGE_OF } from './debian-packages.ts';

/** How long a browser may take to start before the run gives up on it: the setting `browser.startTimeoutSeconds` (CHROMIUM_START_TIMEOUT), default 60. */
function startTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return (settings(env).browser.startTimeoutSeconds ?? 60) * 1000;
}

/** The launch options of a run's browser (the config and this check use the same ones). */
export function launchOptionsFor(choice: BrowserChoice): { executablePath: string | undefined; args: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return { executablePath: choice.executablePath, args: [...CHROMIUM_ARGS], env: { ...env, ...choice.env } };
}

/** Where global setup leaves the Chromium version it started, for every worker of the run (the verdict key, the goldens' provenance). */
export const CHROMIUM_VERSION_ENV = 'ARCHIVE_CHROMIUM_VERSION';

/**
 * Starts the chosen browser once and closes it. Returns its version when it works, else one line
 * saying what failed and how to fix it (a missing shared library, a binary that is not a browser, a
 * start that never finishes), so a run stops before every test fails with the same stack trace.
 */
export async function startBrowserOnce(choice: BrowserChoice, timeout = startTimeoutMs()): Promise<{ version: string } | { problem: string }> {
  try {
    const browser = await chromium.launch({ ...launchOptionsFor(choice), timeout });
    const version = browser.version();
    await browser.close();
    return { version };
  } catch (error) {
    return { problem: describeStartFailure(choice, String((error as Error).message ?? error), timeout) };
  }
}

/** Turns Playwright's launch error (with the browser's own log) into one line to act on. */
function describeStartFailure(choice: BrowserChoice, message: string, timeout: number): string {
  const fix = choice.pinned ? 'run npm ci to reinstall it, or set CHROMIUM_PATH to another Chromium' : 'fix it, or unset CHROMIUM_PATH to use the pinned build, which brings its own libraries';
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(message)?.[1];
  if (library !== undefined) {
    const debian = DEBIAN_PACKAGE_OF[library];
    const install = debian === undefined ? `install the package that provides ${library}` : `install it (Debian/Ubuntu: apt-get install ${debian})`;
    return `Chromium cannot start: the shared library ${library} is missing (${choice.source}); ${install}, or ${choice.pinned ? 'run npm ci again' : 'unset CHROMIUM_PATH to use the pinned build, which brings its own libraries'}.`;
  }
  if (/Timeout \d+ms exceeded/.test(message)) return `Chromium did not start within ${Math.round(timeout / 1000)} s (${choice.source}); ${fix}.`;
  const browserSaid = message
    .split('\n')
    .map((line) => /\[err\]\s*(.+)$/.exec(line)?.[1]?.trim())
    .find((line): line is string => line !== undefined && line !== '');
  const first =
    browserSaid ??
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.replace(/^browserType\.launch:\s*/, '') ??
    'unknown error';
  return `Chromium cannot start (${choice.source}): ${first.trim()}; ${fix}.`;
}
