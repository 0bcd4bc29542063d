import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's `chromium` package puts the real binary (`/usr/bin/chromium` is a shell wrapper). */
export const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/** The browser a run will use and why it was chosen. */
export interface ChromiumChoice {
  /** Binary to launch; `undefined` lets Playwright use its own downloaded browser. */
  executablePath: string | undefined;
  /** Human-readable reason, shown in reports. */
  source: string;
}

/**
 * Launch flags for every test browser. The host-resolver rule makes every name but 127.0.0.1 unresolvable,
 * so nothing a page asks for can leave the machine even if interception missed it.
 */
export const CHROMIUM_ARGS: readonly string[] = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

/** Raised when no usable Chromium exists; its message says how to get one. */
export class NoChromiumError extends Error {}

/**
 * Chooses Chromium in this order: `CHROMIUM_PATH`, Debian's package, Playwright's own browser.
 * Throws NoChromiumError with install instructions when none is present.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) {
      throw new NoChromiumError(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Fix the path or unset CHROMIUM_PATH.`);
    }
    return { executablePath: fromEnv, source: `CHROMIUM_PATH (${fromEnv})` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { executablePath: DEBIAN_CHROMIUM, source: `Debian chromium (${DEBIAN_CHROMIUM})` };
  }
  const bundled = playwrightBundledChromium();
  if (bundled !== undefined) return { executablePath: undefined, source: `Playwright's Chromium (${bundled})` };
  throw new NoChromiumError(
    [
      'No Chromium found for the test run. Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (used from /usr/lib/chromium/chromium)',
      "  - Playwright's own build: npx playwright install chromium",
      '  - any Chromium/Chrome binary: export CHROMIUM_PATH=/path/to/chrome',
    ].join('\n'),
  );
}

function playwrightBundledChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined; // executablePath() throws on platforms Playwright does not support
  }
}
