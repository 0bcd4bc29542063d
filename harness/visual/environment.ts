import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserChoice } from '../browser/choose-browser.ts';
import { FALLBACK_FONTS } from '../browser/fallback-fonts.ts';
import type { GoldenEnvironment } from './golden-store.ts';
import { VIEWPORTS } from './screenshot.ts';

/** The font packages this repository's pages use (text and code) and the browser falls back to; their versions change glyphs. */
const FONT_PACKAGES = ['@fontsource/noto-sans-sc', '@fontsource/noto-sans-mono', ...FALLBACK_FONTS.map((font) => font.package)];

/** What this run renders screenshots with, recorded in every golden it writes. */
export function currentEnvironment(chromiumVersion: string, choice: Pick<BrowserChoice, 'build'>): GoldenEnvironment {
  return {
    browser: choice.build,
    chromium: chromiumVersion,
    playwright: versionOf('@playwright/test'),
    font: FONT_PACKAGES.map((name) => `${name}@${versionOf(name)}`).join(', '),
    widths: VIEWPORTS.map((viewport) => viewport.width),
  };
}

function versionOf(name: string): string {
  const path = createRequire(import.meta.url).resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
