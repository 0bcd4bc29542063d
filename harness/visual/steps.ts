import { readFileSync } from 'node:fs';
import { test, type Page, type TestInfo } from '@playwright/test';
import { expect } from '../report/findings-expect.ts';
import { recordEnvironment, recordVisual } from '../report/record.ts';
import { ANNOTATIONS } from '../report/summary.ts';
import type { GoldenEnvironment, GoldenStore } from './golden-store.ts';
import { normalizeHtml } from './html-snapshot.ts';
import { captureAt, VIEWPORTS } from './screenshot.ts';
import { visualThresholds } from './thresholds.ts';
import { checkHtmlSnapshot, checkScreenshot } from './visual-check.ts';

/** What the visual steps need besides the loaded page. */
export interface VisualContext {
  goldens: GoldenStore;
  environment: GoldenEnvironment;
  /**
   * Why screenshots are not taken in this run, if they are not: pixels from another browser build
   * differ in anti-aliasing alone, so comparing them would blame the page for the browser.
   */
  screenshotsOff: string | undefined;
}

/**
 * The visual check of a page already loaded in `page`: its normalised HTML against
 * `golden/<slug>.html`, then a full-page screenshot per width against `golden/<slug>@<width>.png`.
 * One step and one soft assertion each.
 */
export async function visualSteps(page: Page, pageFile: string, slug: string, testInfo: TestInfo, { goldens, environment, screenshotsOff }: VisualContext): Promise<void> {
  recordEnvironment(testInfo, environment);
  await test.step('page HTML matches the approved snapshot', async () => {
    const result = checkHtmlSnapshot(goldens, slug, normalizeHtml(readFileSync(pageFile, 'utf8')));
    await recordVisual(testInfo, result, undefined);
    expect.soft(result).toPassGolden();
  });
  if (screenshotsOff !== undefined) {
    testInfo.annotations.push({ type: ANNOTATIONS.screenshotsSkipped, description: screenshotsOff });
    return;
  }
  const thresholds = visualThresholds();
  for (const viewport of VIEWPORTS) {
    await test.step(`screenshot at ${viewport.width} px matches the golden`, async () => {
      const screenshot = await captureAt(page, viewport);
      const result = await checkScreenshot(goldens, slug, `${slug}@${viewport.width}`, screenshot, environment, thresholds);
      await recordVisual(testInfo, result, viewport.width);
      expect.soft(result).toPassGolden();
    });
  }
}
