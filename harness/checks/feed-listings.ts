import { load } from 'cheerio';
import { normalizeText } from '../oracle/normalize.ts';
import type { CheckResult, Finding } from './result.ts';
import { pageFileOf } from './index-page.ts';

/** A source as the feed check needs it: its page name and its feed (categories, broadest first). */
interface FeedArticle {
  slug: string;
  categories: readonly string[];
}

/** One feed's listing as served: every page of it, first to last. */
export interface FeedListing {
  /** The first page's URL, to name the listing in findings. */
  url: string;
  pages: { url: string; html: string }[];
  /** Why the listing could not be read to its end: a page linked from the directory, or from the page before it, that is not there. */
  broken?: string;
}

/** What the feed check reads of a site profile. */
export interface FeedRules {
  /** The one link per article on a listing page (the index's `entries`). */
  entries: string;
  /** The elements naming the listing's feed, one per category, broadest first. */
  name: string;
}

const feedKey = (categories: readonly string[]): string => categories.map(normalizeText).join(' / ');

/**
 * The per-feed listings: every feed of the sources (an article's categories) has exactly one listing,
 * which holds each of its articles exactly once and no article of another feed; every thumbnail there
 * keeps referrerpolicy="no-referrer". Links are matched to sources by page file, as on the index.
 */
export function checkFeedListings(articles: readonly FeedArticle[], listings: readonly FeedListing[], rules: FeedRules, slugsAt: ReadonlyMap<string, readonly string[]>): CheckResult {
  const findings: Finding[] = [];
  const byFeed = new Map<string, string[]>();
  for (const article of articles) {
    if (article.categories.length === 0) continue;
    const key = feedKey(article.categories);
    const slugs = byFeed.get(key);
    if (slugs === undefined) byFeed.set(key, [article.slug]);
    else slugs.push(article.slug);
  }
  const listed = new Set<string>();
  let entries = 0;
  for (const listing of listings) {
    if (listing.broken !== undefined) findings.push({ message: `a feed listing's page is missing: ${listing.broken}` });
    if (listing.pages.length === 0) continue;
    const $first = load(listing.pages[0]?.html ?? '');
    const feed = feedKey(
      $first(rules.name)
        .toArray()
        .map((element) => $first(element).text()),
    );
    if (listed.has(feed)) findings.push({ message: `feed ${feed}: a second listing at ${listing.url}` });
    listed.add(feed);
    const expected = new Set(byFeed.get(feed) ?? []);
    if (!byFeed.has(feed)) findings.push({ message: `a listing for a feed no source has: ${feed === '' ? '(no name)' : feed} at ${listing.url}` });
    const counts = new Map<string, number>();
    for (const page of listing.pages) {
      const $ = load(page.html);
      const files = new Set(
        $(rules.entries)
          .toArray()
          .map((a) => pageFileOf($(a).attr('href') ?? '', page.url, slugsAt))
          .filter((file): file is string => file !== undefined),
      );
      for (const file of files) for (const slug of slugsAt.get(file) ?? []) counts.set(slug, (counts.get(slug) ?? 0) + 1);
      entries += files.size;
      for (const image of $('img').toArray()) {
        if ($(image).attr('referrerpolicy')?.trim().toLowerCase() !== 'no-referrer') findings.push({ message: `feed ${feed}: <img src="${$(image).attr('src') ?? ''}"> on ${page.url} has no referrerpolicy="no-referrer"` });
      }
    }
    for (const slug of expected) {
      const count = counts.get(slug) ?? 0;
      if (count === 0) findings.push({ message: `feed ${feed}: no entry for ${slug}` });
      else if (count > 1) findings.push({ message: `feed ${feed}: ${slug} is listed ${count} times (once expected)` });
    }
    for (const slug of counts.keys()) if (!expected.has(slug)) findings.push({ message: `feed ${feed}: lists ${slug}, an article of another feed` });
  }
  for (const feed of byFeed.keys()) if (!listed.has(feed)) findings.push({ message: `feed ${feed}: no listing (${byFeed.get(feed)?.length ?? 0} articles)` });
  return { findings, metrics: { feeds: listings.length, pages: listings.reduce((sum, listing) => sum + listing.pages.length, 0), entries } };
}
