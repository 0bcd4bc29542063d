import { archiveConfig } from '../../harness/config/archive-config.ts';
import { pageMap } from '../../harness/site/locate-pages.ts';
import { articleUrl } from '../../harness/site/page-map.ts';
import { listSources } from '../../harness/run/sources.ts';
import { test } from '../../harness/suite/test-fixtures.ts';
import { captureAt, VIEWPORTS } from '../../harness/visual/screenshot.ts';

// (a) The bare capture floor: navigate, settle and take the two full-page screenshots, nothing else.
for (const source of listSources(archiveConfig().srcDir)) {
  test(`floor: ${source.slug}`, async ({ archive, observer }) => {
    const page = await observer.nextPage({ screenshots: true });
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(articleUrl(pageMap(), archive.dir, archive.origin, source.slug), { waitUntil: 'load' });
    for (const viewport of VIEWPORTS) await captureAt(page, viewport);
  });
}
