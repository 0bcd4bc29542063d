import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { currentEnvironment } from '../../harness/visual/environment.ts';
import { GoldenStore } from '../../harness/visual/golden-store.ts';
import { captureAt, VIEWPORTS } from '../../harness/visual/screenshot.ts';
import { DEFAULT_THRESHOLDS } from '../../harness/visual/thresholds.ts';
import { checkScreenshot } from '../../harness/visual/visual-check.ts';
import { expect, test } from '../fidelity/broken-site.ts';

const FIXTURE = '000_9fc98f06a0b555e0.md'; // short, with two figures
const unchanged = () => undefined;
/** An extra style sheet of our own folder: the page's CSP allows it. */
const withStyle = ($: CheerioAPI) => $('head').append('<link rel="stylesheet" href="assets/extra.css">');

/**
 * Each visual regression must fail with the three images attached; the golden is the unbroken page,
 * made in this test with the same browser, so only the break can differ.
 */
const CASES: { name: string; breakIt: ($: CheerioAPI) => void; css?: string; message: RegExp }[] = [
  {
    name: 'one pixel of another colour',
    breakIt: withStyle,
    css: 'body::after { content: ""; position: absolute; top: 3px; left: 3px; width: 1px; height: 1px; background: #f00; }',
    message: /differs: 1 pixels \(0\.000%\) differ\. If the change is intended/,
  },
  { name: 'a style change', breakIt: withStyle, css: 'h1 { letter-spacing: 0.05em; }', message: /differs: \d+ pixels/ },
  { name: 'a moved image', breakIt: ($) => $('figure').eq(1).insertBefore($('figure').eq(0)), message: /differs: \d+ pixels/ },
  { name: 'a taller page', breakIt: ($) => $('.article-body').append('<p>多出来的一段。</p>'), message: /page size 1280×\d+ → 1280×\d+ px/ },
];

test.describe('visual regressions fail with expected, actual and diff images', () => {
  test('an unchanged page passes, by byte comparison alone', async ({ breakPage, browser }) => {
    const store = new GoldenStore(mkdtempSync(join(tmpdir(), 'golden-')), 'missing', false);
    const environment = currentEnvironment(browser.version(), { build: 'this test' });
    const { page } = await breakPage(FIXTURE, unchanged, {}, { screenshots: true });
    for (const viewport of VIEWPORTS) {
      const first = await checkScreenshot(store, 'p', `p@${viewport.width}`, await captureAt(page, viewport), environment, DEFAULT_THRESHOLDS);
      expect(first.status).toBe('new');
    }
    const again = await breakPage(FIXTURE, unchanged, {}, { screenshots: true });
    for (const viewport of VIEWPORTS) {
      const result = await checkScreenshot(store, 'p', `p@${viewport.width}`, await captureAt(again.page, viewport), environment, DEFAULT_THRESHOLDS);
      expect(result).toMatchObject({ status: 'passed', fail: false, diffPixels: 0, attachments: [] });
    }
  });

  for (const { name, breakIt, css, message } of CASES) {
    test(name, async ({ breakPage, browser }) => {
      const store = new GoldenStore(mkdtempSync(join(tmpdir(), 'golden-')), 'none', false);
      const environment = currentEnvironment(browser.version(), { build: 'this test' });
      const viewport = VIEWPORTS[0];
      const good = await breakPage(FIXTURE, unchanged, {}, { screenshots: true });
      await store.writePng('p@1280.png', await captureAt(good.page, viewport), environment);

      const broken = await breakPage(FIXTURE, breakIt, css === undefined ? {} : { 'assets/extra.css': css }, { screenshots: true });
      const result = await checkScreenshot(store, 'p', 'p@1280', await captureAt(broken.page, viewport), environment, DEFAULT_THRESHOLDS);
      expect(result).toMatchObject({ status: 'changed', fail: true });
      expect(result.message).toMatch(message);
      expect(result.attachments.map((a) => a.name)).toEqual(['p@1280-actual.png', 'p@1280-expected.png', 'p@1280-diff.png']);
    });
  }
});
