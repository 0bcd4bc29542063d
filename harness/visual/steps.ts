import { readFileSync } from 'node:fs';
import { test, type Page, type TestInfo } from '@playwright/test';
import { expect } from '../report/findings-expect.ts';
import { recordEnvironment, recordVisual } from '../report/record.ts';
import { ANNOTATIONS } from '../report/summary.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { NO_GOLDENS } from '../config/archive-config.ts';
import type { GoldenEnvironment, GoldenStore } from './golden-store.ts';
import { normalizeHtml } from './html-snapshot.ts';
import { captureAt, screenshotName, VIEWPORTS } from './screenshot.ts';
import { visualThresholds } from './thresholds.ts';
import { checkHtmlSnapshot, checkScreenshot } from './visual-check.ts';

/** What the visual steps need besides the loaded page. */
export interface VisualContext {
  /** Undefined when the site has no goldens of its own (NO_GOLDENS): the visual check is skipped, with a note. */
  goldens: GoldenStore | undefined;
  environment: GoldenEnvironment;
  /** What changes on every build (the profile's): left out of page snapshots, hidden in screenshots. */
  volatile: SiteProfile['volatile'];
  /**
   * Why screenshots are not taken in this run, if they are not: pixels from another browser build
   * differ in anti-aliasing alone, so comparing them would blame the page for the browser.
   */
  screenshotsOff: string | undefined;
}

/**
 * The visual check of a page already loaded in `page`: its normalised HTML against
 * `golden/<slug>.html`, then a full-page screenshot per width against `golden/<slug>@<width>.png`.
 * One step and one soft assertion each. `findings`: how many the page's fidelity checks found in this
 * run; a changed golden of such a page is not offered for approval.
 */
export async function visualSteps(page: Page, pageFile: string, slug: string, testInfo: TestInfo, { goldens, environment, screenshotsOff, volatile }: VisualContext, findings = 0): Promise<void> {
  if (goldens === undefined) {
    testInfo.annotations.push({ type: ANNOTATIONS.visualSkipped, description: NO_GOLDENS });
    return;
  }
  recordEnvironment(testInfo, environment);
  await test.step('page HTML matches the approved snapshot', async () => {
    const result = checkHtmlSnapshot(goldens, slug, normalizeHtml(readFileSync(pageFile, 'utf8'), volatile), findings);
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
      const screenshot = await captureAt(page, viewport, volatile.elements);
      const result = await checkScreenshot(goldens, slug, screenshotName(slug, viewport), screenshot, environment, thresholds, findings);
      await recordVisual(testInfo, result, viewport.width);
      expect.soft(result).toPassGolden();
    });
  }
}
