import { archiveConfig } from '../../harness/run/archive-config.ts';
import { ARTICLE_CHECKS } from '../../harness/checks/article-checks.ts';
import { expect } from '../../harness/report/findings-expect.ts';
import { archiveZone } from '../../harness/oracle/dates.ts';
import { expectedArticle } from '../../harness/oracle/expected.ts';
import { readSourcePost } from '../../harness/oracle/source.ts';
import { pagePath, pageUrl } from '../../harness/run/pages.ts';
import { recordCheck } from '../../harness/report/record.ts';
import { listSources } from '../../harness/run/sources.ts';
import { test } from '../../harness/run/test-fixtures.ts';
import { visualSelection } from '../../harness/visual/plan.ts';
import { visualSteps } from '../../harness/visual/steps.ts';

const zone = archiveZone();
const sources = listSources(archiveConfig().srcDir);
const visual = visualSelection(sources.map((source) => source.slug));

for (const source of sources) {
  test(`fidelity: ${source.slug}`, async ({ archive, observer, profile, visual: goldens }, testInfo) => {
    const expected = await test.step('read the source', () => expectedArticle(source.slug, readSourcePost(source.path, zone)));
    const observed = await test.step('open the page in Chromium', () => observer.observe(pageUrl(archive.dir, archive.origin, source.slug), { screenshots: visual.has(source.slug) }));
    for (const check of ARTICLE_CHECKS) {
      await test.step(check.title, async () => {
        const result = check.run(expected, observed, { zone, profile });
        await recordCheck(testInfo, check.id, result);
        expect.soft(result).toHaveNoFindings(check.title);
      });
    }
    if (visual.has(source.slug)) await visualSteps(observer.page, pagePath(archive.dir, source.slug), source.slug, testInfo, goldens);
  });
}
