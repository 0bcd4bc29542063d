import { join } from 'node:path';
import { archiveConfig } from '../../harness/run/archive-config.ts';
import { checkHealth } from '../../harness/checks/health.ts';
import { checkIndex } from '../../harness/checks/index-page.ts';
import { expect } from '../../harness/report/findings-expect.ts';
import { archiveZone } from '../../harness/oracle/dates.ts';
import { readSourcePost, SourceError } from '../../harness/oracle/source.ts';
import { recordCheck } from '../../harness/report/record.ts';
import { listSources } from '../../harness/run/sources.ts';
import { test } from '../../harness/run/test-fixtures.ts';
import { visualSelection } from '../../harness/visual/plan.ts';
import { visualSteps } from '../../harness/visual/steps.ts';

test('fidelity: index page', async ({ archive, observer, visual }, testInfo) => {
  const zone = archiveZone();
  // A source the oracle cannot read fails its own test; the index is judged on the readable ones.
  // index.md can have no page of its own (its own test says so); every other readable source must be linked.
  const articles = listSources(archiveConfig().srcDir).filter((source) => source.slug !== 'index').flatMap((source) => {
    try {
      const post = readSourcePost(source.path, zone);
      return [{ slug: source.slug, published: post.published, title: post.title }];
    } catch (error) {
      if (error instanceof SourceError) return [];
      throw error;
    }
  });
  const screenshots = visualSelection(articles.map((article) => article.slug)).has('index');
  const observed = await test.step('open the index in Chromium', () => observer.observe(`${archive.origin}/`, { screenshots }));
  for (const [id, title, run] of [
    ['index', 'links every article once, newest first, thumbnails without Referer', () => checkIndex(articles, observed)],
    ['health', 'page health', () => checkHealth(observed)],
  ] as const) {
    await test.step(title, async () => {
      const result = run();
      await recordCheck(testInfo, id, result);
      expect.soft(result).toHaveNoFindings(title);
    });
  }
  if (screenshots) await visualSteps(observer.page, join(archive.dir, 'index.html'), 'index', testInfo, visual);
});
