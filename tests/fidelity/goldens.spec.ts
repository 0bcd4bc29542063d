import { archiveConfig } from '../../harness/archive-config.ts';
import { ANNOTATIONS } from '../../harness/report/summary.ts';
import { listSources } from '../../harness/sources.ts';
import { expect, test } from '../../harness/test-fixtures.ts';
import { visualEnabled } from '../../harness/visual/plan.ts';

test('goldens: none without an article', ({ visual }, testInfo) => {
  test.skip(!visualEnabled(), 'ARCHIVE_VISUAL=off');
  const pages = new Set(['index', ...listSources(archiveConfig().srcDir).map((source) => source.slug)]);
  const stale = visual.goldens.list().filter((name) => !pages.has(name.replace(/(@\d+)?\.(png|html)$/, '')));
  for (const name of stale) testInfo.annotations.push({ type: ANNOTATIONS.deletedGolden, description: visual.goldens.displayPath(name) });
  const files = stale.map((name) => visual.goldens.displayPath(name)).join(' ');
  expect(stale, `goldens whose article no longer exists (delete them: rm ${files})`).toEqual([]);
});
