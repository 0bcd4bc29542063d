import { existsSync, realpathSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { settings } from '../config/settings.ts';
import { pinnedChromiumSupported, preparePinnedChromium } from './pinned-chromium.ts';

/** Where Debian's `chromium` package puts the real binary (`/usr/bin/chromium` is a shell wrapper). */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/** The browser a run uses, why, and how to launch it. */
export interface BrowserChoice {
  /** Binary to launch; `undefined` lets Playwright use its own downloaded browser. */
  executablePath: string | undefined;
  /** Variables the browser process needs on top of the run's own environment. */
  env: Record<string, string>;
  /** In words, for messages: `pinned @sparticuz/chromium@153.0.0 (…/chromium)`. */
  source: string;
  /** The build's identity, recorded in every golden: `@sparticuz/chromium@153.0.0`, `CHROMIUM_PATH /opt/chrome`, … */
  build: string;
  /** True for the pinned build: the only one whose screenshots are compared with goldens or become goldens. */
  pinned: boolean;
}

/**
 * Launch flags for every test browser. The host-resolver rule makes every name but 127.0.0.1 unresolvable,
 * so nothing a page asks for can leave the machine even if interception missed it.
 */
export const CHROMIUM_ARGS: readonly string[] = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

/**
 * Added for the browser that observes pages which get no screenshot: it loads no web font. A page's
 * ~35 font files cost ~40 % of its load (each a request the browser and Playwright track, then a
 * face to decode); the text checks read the text, not its glyphs, and the fonts the style sheets
 * declare are checked from the server instead (harness/observe/declared-fonts.ts).
 */
export const NO_WEB_FONTS: readonly string[] = ['--disable-remote-fonts'];

/** Raised when no usable Chromium exists; its message says how to get one. */
export class NoChromiumError extends Error {}

let chosen: Promise<BrowserChoice> | undefined;

/** chooseBrowser for this process's environment, worked out once (the config and the fixtures both ask). */
export function runBrowser(): Promise<BrowserChoice> {
  chosen ??= chooseBrowser(process.env);
  return chosen;
}

/**
 * Chooses Chromium in this order: `CHROMIUM_PATH`; the pinned build from package-lock.json (unpacked
 * on first use); and only where the pinned package has no binary (not Linux x64), Debian's package
 * or Playwright's own browser. Throws NoChromiumError, or PinnedChromiumError, with one line to act on.
 */
async function chooseBrowser(env: NodeJS.ProcessEnv): Promise<BrowserChoice> {
  const fromEnv = settings(env).browser.path;
  if (fromEnv !== undefined) {
    if (!existsSync(fromEnv)) throw new NoChromiumError(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Fix the path or unset CHROMIUM_PATH to use the pinned build.`);
    return { executablePath: fromEnv, env: {}, source: `CHROMIUM_PATH (${fromEnv})`, build: `CHROMIUM_PATH ${realpathSync(fromEnv)}`, pinned: false };
  }
  if (pinnedChromiumSupported()) {
    const pinned = await preparePinnedChromium(env);
    if (pinned !== undefined) return { executablePath: pinned.executablePath, env: pinned.env, source: `pinned ${pinned.build} (${pinned.executablePath})`, build: pinned.build, pinned: true };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: `Debian chromium (${DEBIAN_CHROMIUM})`, build: `Debian chromium`, pinned: false };
  const bundled = playwrightBundledChromium();
  if (bundled !== undefined) return { executablePath: undefined, env: {}, source: `Playwright's Chromium (${bundled})`, build: "Playwright's chromium", pinned: false };
  throw new NoChromiumError(
    pinnedChromiumSupported()
      ? 'No Chromium found: the pinned build comes with `npm ci` (package @sparticuz/chromium); run npm ci, or set CHROMIUM_PATH=/path/to/chrome.'
      : `No Chromium found: the pinned build exists for Linux x64 only (this is ${process.platform} ${process.arch}); run \`npx playwright install chromium\` or set CHROMIUM_PATH=/path/to/chrome. Screenshots are compared only in the pinned build.`,
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
