import { archiveConfig } from '../config/archive-config.ts';
import { listSitePages } from '../run/pages.ts';
import { pageMap } from '../site/locate-pages.ts';
import { sourcesByPage } from '../site/page-map.ts';
import { expect, test } from './test-fixtures.ts';

// A page missing for a source fails that article's own test ("no page for …"); this one finds the reverse.
test('folder: every page has a source article', ({ archive, profile }) => {
  const map = pageMap();
  const known = new Set([...sourcesByPage(map).keys(), ...map.otherPages]);
  const extra = listSitePages(archive.dir, profile.folder.notArticles).filter((page) => !known.has(page));
  expect(extra, `pages in ${archive.dir} with no source in ${archiveConfig().srcDir} (stale, or from elsewhere; pages located ${map.how})`).toEqual([]);
});
