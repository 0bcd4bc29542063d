import { archiveConfig, NO_GOLDENS } from '../config/archive-config.ts';
import { ANNOTATIONS } from '../report/summary.ts';
import { listSources } from '../run/sources.ts';
import { expect, test } from './test-fixtures.ts';
import { visualSelection, visualSetting } from '../visual/plan.ts';

const pageOf = (golden: string): string => golden.replace(/(@\d+)?\.(png|html)$/, '');

test('goldens: none without an article', ({ visual }, testInfo) => {
  test.skip(visualSetting() === 'off', 'ARCHIVE_VISUAL=off: goldens are not in use');
  test.skip(visual.goldens === undefined, NO_GOLDENS);
  const store = visual.goldens;
  if (store === undefined) return;
  const slugs = listSources(archiveConfig().srcDir).map((source) => source.slug);
  const pages = new Set(['index', ...slugs]);
  const goldens = store.list();
  const stale = goldens.filter((name) => !pages.has(pageOf(name)));
  for (const name of stale) testInfo.annotations.push({ type: ANNOTATIONS.deletedGolden, description: store.displayPath(name) });
  // Goldens of existing articles outside a sample or glob are kept (a narrowed run must not touch them), but said.
  const selected = visualSelection(slugs);
  const unused = goldens.filter((name) => pages.has(pageOf(name)) && !selected.has(pageOf(name)));
  if (unused.length > 0) testInfo.annotations.push({ type: 'unused goldens', description: `${unused.length} goldens of pages outside ARCHIVE_VISUAL=${visualSetting()} were not checked` });
  const files = stale.map((name) => store.displayPath(name)).join(' ');
  expect(stale, `goldens whose article no longer exists (delete them: rm ${files})`).toEqual([]);
});
