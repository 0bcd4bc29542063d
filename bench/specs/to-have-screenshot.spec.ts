import { expect } from '@playwright/test';
import { archiveConfig } from '../../harness/config/archive-config.ts';
import { settle } from '../../harness/observe/observe-page.ts';
import { pageMap } from '../../harness/site/locate-pages.ts';
import { articleUrl } from '../../harness/site/page-map.ts';
import { listSources } from '../../harness/run/sources.ts';
import { test } from '../../harness/suite/test-fixtures.ts';
import { VIEWPORTS } from '../../harness/visual/screenshot.ts';

// (c) The same visual checks written with Playwright's own toHaveScreenshot (same pages, widths, settle).
for (const source of listSources(archiveConfig().srcDir)) {
  test(`toHaveScreenshot: ${source.slug}`, async ({ archive, observer }) => {
    const page = await observer.nextPage({ screenshots: true });
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(articleUrl(pageMap(), archive.dir, archive.origin, source.slug), { waitUntil: 'load' });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await settle(page);
      await expect(page).toHaveScreenshot(`${source.slug}@${viewport.width}.png`, { fullPage: true });
    }
  });
}
