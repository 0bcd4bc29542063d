import { load } from 'cheerio';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { PageUse, RecyclingObserver } from '../observe/recycling-observer.ts';
import type { SiteProfile } from '../profiles/profile.ts';

/** Enough for 100,000 articles at 10 a page; a `next` loop stops long before. */
const MAX_INDEX_PAGES = 10_000;

/**
 * Opens the site's index and every page after it by the profile's `next` link (generators paginate
 * the index, 10 posts a page for Hexo), each once. The first page is observed last, so the browser
 * page is left showing it (for the index screenshots). `onPage` is called before each page is opened.
 */
export async function indexPages(observer: RecyclingObserver, origin: string, index: SiteProfile['index'], use: PageUse = {}, onPage: () => void = () => undefined): Promise<ObservedPage[]> {
  const first = new URL(index.start === 'index.html' ? '/' : index.start, `${origin}/`).href;
  // An index has no article body: a scripted index page settles on its own list.
  use = { ...use, settleOn: index.root ?? ['body'] };
  const pages: ObservedPage[] = [];
  const seen = new Set<string>();
  for (let url: string | undefined = first; url !== undefined && !seen.has(url) && pages.length < MAX_INDEX_PAGES;) {
    seen.add(url);
    onPage();
    const page = await observer.observe(url, url === first ? use : { settleOn: use.settleOn });
    pages.push(page);
    url = nextPage(page.html, page.url, index.next, origin);
  }
  if (pages.length > 1) pages[0] = await observer.observe(first, use);
  return pages;
}

function nextPage(html: string, pageUrl: string, next: string | null, origin: string): string | undefined {
  if (next === null) return undefined;
  const href = load(html)(next).first().attr('href');
  if (href === undefined) return undefined;
  const url = new URL(href, pageUrl);
  return url.origin === origin ? url.href : undefined;
}
