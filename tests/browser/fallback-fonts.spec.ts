import { dirname } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { PNG } from 'pngjs';
import { runBrowser } from '../../harness/browser/choose-browser.ts';
import { FALLBACK_FONTS, fontConfigFile, installedFallbackFonts } from '../../harness/browser/fallback-fonts.ts';
import { launchOptionsFor } from '../../harness/browser/preflight.ts';
import { expect, test } from '../support/selftest.ts';

/** Text a theme's page shows without a web font of its own: Chinese (simplified and traditional), kana, emoji, symbols. */
const SAMPLES = { simplified: '简体中文', traditional: '繁體中文', kana: 'かなカナ', emoji: '😀🎉', symbols: '►★①→✓' };
const PAGE = `<!DOCTYPE html><html><body style="margin:0;background:#fff">${Object.entries(SAMPLES)
  .map(([name, text]) => `<div id="${name}" style="display:inline-block;padding:4px;font-size:32px;color:#000">${text}</div><br>`)
  .join('')}</body></html>`;

/** How many pixels of each sample are drawn (not white): zero means the browser had no glyph for it. */
async function ink(browser: Browser): Promise<Record<string, number>> {
  const page = await browser.newPage();
  await page.setContent(PAGE);
  await page.evaluate(() => document.fonts.ready);
  const drawn: Record<string, number> = {};
  for (const name of Object.keys(SAMPLES)) {
    const png = PNG.sync.read(await page.locator(`#${name}`).screenshot());
    let count = 0;
    for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 200 || (png.data[i + 1] ?? 255) < 200 || (png.data[i + 2] ?? 255) < 200) count++;
    drawn[name] = count;
  }
  await page.close();
  return drawn;
}

test('the pinned browser draws Chinese, kana, emoji and symbols on a page that names no web font, from the npm fonts; without them it draws nothing', async () => {
  const choice = await runBrowser();
  test.skip(!choice.pinned || choice.executablePath === undefined, `fallback fonts belong to the pinned build; this run's browser is ${choice.source}`);
  expect(installedFallbackFonts().map((font) => font.name)).toEqual(FALLBACK_FONTS.map((font) => font.package));

  const withFonts = await chromium.launch(launchOptionsFor(choice));
  const drawn = await ink(withFonts);
  await withFonts.close();
  for (const [name, count] of Object.entries(drawn)) expect(count, `${name}: ${SAMPLES[name as keyof typeof SAMPLES]} drawn`).toBeGreaterThan(100);

  // Negative: the same browser with only its bundled fonts (as before these packages) draws none of them.
  const browserDir = dirname(choice.executablePath ?? '');
  const bundledOnly = fontConfigFile(browserDir, []);
  const options = launchOptionsFor(choice);
  const without = await chromium.launch({ ...options, env: { ...options.env, FONTCONFIG_FILE: bundledOnly } });
  const blank = await ink(without);
  await without.close();
  for (const name of ['simplified', 'traditional', 'kana', 'emoji'] as const) expect(blank[name], `${name} without the fonts`).toBe(0);
  expect(blank.symbols, 'symbols without the fonts').toBeLessThan(drawn.symbols ?? 0);
});
