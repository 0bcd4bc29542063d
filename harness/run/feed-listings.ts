import { load } from 'cheerio';
import type { SiteProfile } from '../profiles/profile.ts';
import type { FeedListing } from '../checks/feed-listings.ts';

/** Enough for 100,000 articles of one feed at 10 a page; a `next` loop stops long before. */
const MAX_LISTING_PAGES = 10_000;

/**
 * Every feed's listing, as the site serves it: the profile's directory of feeds, each link there, and
 * every page after its first by the index's `next` link. Read over HTTP, not in the browser: what a
 * listing holds is its markup (the index itself, with its thumbnails on the wire, is observed in Chromium).
 */
export async function feedListings(origin: string, index: SiteProfile['index']): Promise<FeedListing[]> {
  const feeds = index.feeds;
  if (feeds === undefined) return [];
  const directoryUrl = new URL(feeds.directory, `${origin}/`).href;
  const directory = await fetchPage(directoryUrl);
  const $ = load(directory);
  const firsts = [
    ...new Set(
      $(feeds.link)
        .toArray()
        .map((a) => sameOrigin($(a).attr('href'), directoryUrl, origin))
        .filter((url): url is string => url !== undefined),
    ),
  ];
  const listings: FeedListing[] = [];
  for (const first of firsts) {
    const pages: FeedListing['pages'] = [];
    const seen = new Set<string>();
    let broken: string | undefined;
    for (let url: string | undefined = first; url !== undefined && !seen.has(url) && pages.length < MAX_LISTING_PAGES;) {
      seen.add(url);
      const response: Response = await fetch(url);
      if (!response.ok) {
        broken = `${url} answers HTTP ${response.status}`;
        break;
      }
      const html: string = await response.text();
      pages.push({ url, html });
      url = index.next === null ? undefined : sameOrigin(load(html)(index.next).first().attr('href'), url, origin);
    }
    listings.push({ url: first, pages, ...(broken === undefined ? {} : { broken }) });
  }
  return listings;
}

/** The directory of feeds: a site whose profile names one must serve it. */
async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} (the profile's index.feeds.directory)`);
  return response.text();
}

function sameOrigin(href: string | undefined, base: string, origin: string): string | undefined {
  if (href === undefined) return undefined;
  const url = new URL(href, base);
  return url.origin === origin ? url.href : undefined;
}
