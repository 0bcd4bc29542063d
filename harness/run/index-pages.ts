import { load } from 'cheerio';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { PageUse, RecyclingObserver } from '../observe/recycling-observer.ts';
import type { SiteProfile } from '../profiles/profile.ts';

/** What the listing checks read of an index page: its article facts are not collected (PageUse.listing). */
export type ListingPage = Pick<ObservedPage, 'url' | 'status' | 'console' | 'network' | 'html' | 'contentRoot' | 'images'>;

/** Enough for 100,000 articles at 10 a page; a `next` loop stops long before. */
const MAX_INDEX_PAGES = 10_000;

/**
 * Opens the site's index and every page after it by the profile's `next` link (generators paginate
 * the index, 10 posts a page for Hexo), each once, as the browser shows them. So that the pages need
 * not wait for each other, the chain is first read ahead over HTTP (the served markup's `next`
 * links) and the pages it names are observed one per observer at a time, each observer in a browser
 * context of its own (`observers[0]` is the test's); then the chain is followed as the browser
 * showed it, and a page it reaches that was not read ahead (a script changed a `next` link) is
 * observed then. The first page is observed with `use`, and with screenshots last in `observers[0]`,
 * so its browser page is left showing it. `onPage` is called before each page is opened.
 */
export async function indexPages(observers: readonly [RecyclingObserver, ...RecyclingObserver[]], origin: string, index: SiteProfile['index'], use: PageUse = {}, onPage: () => void = () => undefined): Promise<ListingPage[]> {
  const first = new URL(index.start === 'index.html' ? '/' : index.start, `${origin}/`).href;
  // An index has no article body: a scripted index page settles on its own list.
  const plain: PageUse = { settleOn: index.root ?? ['body'], listing: true };
  const firstUse: PageUse = { ...use, ...plain };
  const observed = new Map<string, ListingPage>();
  let lastInFirst: string | undefined;
  const observe = async (observer: RecyclingObserver, url: string, pageUse: PageUse): Promise<ListingPage> => {
    onPage();
    const page = await observer.observe(url, pageUse);
    if (observer === observers[0]) lastInFirst = url;
    return page;
  };
  // Read ahead: every page of the served chain but the first, which is observed with `use`.
  const queue = (await chainOverHttp(first, index.next, origin)).slice(1);
  await Promise.all(
    observers.map(async (observer) => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) observed.set(url, await observe(observer, url, plain));
    }),
  );
  const pages: ListingPage[] = [];
  const seen = new Set<string>();
  for (let url: string | undefined = first; url !== undefined && !seen.has(url) && pages.length < MAX_INDEX_PAGES;) {
    seen.add(url);
    const page = observed.get(url) ?? (await observe(observers[0], url, url === first ? firstUse : plain));
    pages.push(page);
    url = nextPage(page.html, page.url, index.next, origin);
  }
  if (use.screenshots === true && lastInFirst !== first) pages[0] = await observe(observers[0], first, firstUse);
  return pages;
}

/** The index chain as the server serves it: each page's `next` link in its markup, until one is missing, repeats or does not answer. */
async function chainOverHttp(first: string, next: string | null, origin: string): Promise<string[]> {
  const chain = new Set<string>();
  for (let url: string | undefined = first; url !== undefined && !chain.has(url) && chain.size < MAX_INDEX_PAGES;) {
    chain.add(url);
    const response = await fetch(url);
    if (!response.ok) break;
    url = nextPage(await response.text(), url, next, origin);
  }
  return [...chain];
}

function nextPage(html: string, pageUrl: string, next: string | null, origin: string): string | undefined {
  if (next === null) return undefined;
  const href = load(html)(next).first().attr('href');
  if (href === undefined) return undefined;
  const url = new URL(href, pageUrl);
  return url.origin === origin ? url.href : undefined;
}
