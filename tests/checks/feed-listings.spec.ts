import { checkFeedListings, type FeedListing } from '../../harness/checks/feed-listings.ts';
import type { IndexEntry } from '../../renderer/page/index-page.ts';
import { renderListings } from '../../renderer/page/listings.ts';
import { expect, test } from '../support/selftest.ts';

const ORIGIN = 'http://127.0.0.1:9';
const RULES = { entries: 'a.entry', name: '.feed-path li' };
const ZONE = 'Asia/Shanghai';

/** Articles of two feeds (one of 5, paginated 2 a page) and one with no feed, as the renderer lists them. */
const ENTRIES: IndexEntry[] = [
  ...Array.from({ length: 5 }, (_, at) => entry(`kr-${at}`, ['新媒体', '36kr', '快讯'], `2021-10-0${at + 1}T00:00:00Z`)),
  entry('sina-0', ['财经', '新浪'], '2021-04-25T00:00:00Z'),
  entry('loose', [], '2021-01-01T00:00:00Z'),
];
const ARTICLES = ENTRIES.map(({ slug, meta }) => ({ slug, categories: meta.categories }));
const BY_FILE = new Map(ENTRIES.map(({ slug }) => [`${slug}.html`, [slug]]));

function entry(slug: string, categories: string[], date: string): IndexEntry {
  return { slug, meta: { title: slug, published: new Date(date), author: '', categories, headimg: undefined, thumbnail: 'https://n.sinaimg.cn/a/w400h300/b.jpg', comments: false } };
}

/** The renderer's real feed listings (every page of each), as the harness reads them over HTTP, after `edit`. */
function feedListingsOf(edit: (path: string, html: string) => string = (_path, html) => html): FeedListing[] {
  const pages = new Map(renderListings(ENTRIES, ZONE, 2).map(([path, html]) => [path, edit(path, html)]));
  const firsts = [...pages.keys()].filter((path) => path.startsWith('categories/') && path.endsWith('/index.html') && !path.includes('/page/') && path !== 'categories/index.html');
  return firsts.map((first) => {
    const folder = first.slice(0, -'index.html'.length);
    const chain = [first, ...[...pages.keys()].filter((path) => path.startsWith(`${folder}page/`)).sort()];
    return { url: `${ORIGIN}/${encodeURI(first)}`, pages: chain.map((path) => ({ url: `${ORIGIN}/${encodeURI(path)}`, html: pages.get(path) ?? '' })) };
  });
}

const check = (listings: FeedListing[]): string[] => checkFeedListings(ARTICLES, listings, RULES, BY_FILE).findings.map((finding) => finding.message);

test.describe('feed listings check (pure, on the renderer’s own listings)', () => {
  test('quiet when every feed has one listing holding exactly its articles, over its pages', () => {
    const listings = feedListingsOf();
    expect(listings.map((listing) => listing.pages.length).sort()).toEqual([1, 3]);
    expect(check(listings)).toEqual([]);
  });

  test('an entry dropped from a later page, an article of another feed, a listing twice, a feed with no listing', () => {
    const dropped = feedListingsOf((path, html) => (path.endsWith('36kr/快讯/page/2/index.html') ? html.replace(/<li>\n<a class="entry" href="[^"]*kr-2\.html"[\s\S]*?<\/li>/, '') : html));
    expect(check(dropped)).toEqual(['feed 新媒体 / 36kr / 快讯: no entry for kr-2']);
    const foreign = feedListingsOf((path, html) => (path.endsWith('新浪/index.html') ? html.replace('<ol class="article-list">', '<ol class="article-list"><li><a class="entry" href="../../../loose.html">x</a></li>') : html));
    expect(check(foreign)).toEqual(['feed 财经 / 新浪: lists loose, an article of another feed']);
    const listings = feedListingsOf();
    expect(check([...listings, listings[0] as FeedListing])[0]).toMatch(/^feed .*: a second listing at /);
    expect(check(listings.filter((listing) => !listing.url.includes(encodeURI('新浪'))))).toEqual(['feed 财经 / 新浪: no listing (1 articles)']);
  });

  test('a feed listing page that is not there is named; the rest of the listing is still checked', () => {
    const listings = feedListingsOf();
    const kr = listings.find((listing) => listing.pages.length === 3) as FeedListing;
    const cut = { ...kr, pages: kr.pages.slice(0, 1), broken: `${ORIGIN}/x/page/2/index.html answers HTTP 404` };
    expect(check(listings.map((listing) => (listing === kr ? cut : listing)))).toEqual([
      `a feed listing's page is missing: ${ORIGIN}/x/page/2/index.html answers HTTP 404`,
      'feed 新媒体 / 36kr / 快讯: no entry for kr-0',
      'feed 新媒体 / 36kr / 快讯: no entry for kr-1',
      'feed 新媒体 / 36kr / 快讯: no entry for kr-2',
    ]);
  });

  test('a thumbnail without referrerpolicy on a feed listing', () => {
    const leaky = feedListingsOf((path, html) => (path.endsWith('新浪/index.html') ? html.replace(' referrerpolicy="no-referrer"', '') : html));
    expect(check(leaky)).toEqual([expect.stringMatching(/^feed 财经 \/ 新浪: <img src="https:\/\/n\.sinaimg\.cn\/a\/w400h300\/b\.jpg"> on .* has no referrerpolicy="no-referrer"$/)]);
  });
});
