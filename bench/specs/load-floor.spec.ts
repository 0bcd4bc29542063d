import { archiveConfig } from '../../harness/config/archive-config.ts';
import { pageMap } from '../../harness/site/locate-pages.ts';
import { articleUrl } from '../../harness/site/page-map.ts';
import { listSources } from '../../harness/run/sources.ts';
import { test } from '../../harness/suite/test-fixtures.ts';

// The load floor of the fidelity checks: each article loaded, as they load it (the browser without
// web fonts, remote images answered offline), and nothing else: no settling, no collecting, no checks.
for (const source of listSources(archiveConfig().srcDir)) {
  test(`load floor: ${source.slug}`, async ({ archive, observer }) => {
    const page = await observer.nextPage();
    await page.goto(articleUrl(pageMap(), archive.dir, archive.origin, source.slug), { waitUntil: 'load' });
  });
}
