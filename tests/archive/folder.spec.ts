import { archiveConfig } from '../../harness/run/archive-config.ts';
import { listPages } from '../../harness/run/pages.ts';
import { listSources } from '../../harness/run/sources.ts';
import { expect, test } from '../../harness/run/test-fixtures.ts';

// A page missing for a source fails that article's own test ("no page for …"); this one finds the reverse.
test('folder: every page has a source article', ({ archive, profile }) => {
  const sources = new Set(listSources(archiveConfig().srcDir).map((source) => source.slug));
  const extra = listPages(archive.dir, profile.folder.notArticles).filter((page) => !sources.has(page));
  expect(extra, `pages in ${archive.dir} with no source in ${archiveConfig().srcDir} (stale, or from elsewhere)`).toEqual([]);
});
