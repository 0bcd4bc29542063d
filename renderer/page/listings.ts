import { createHash } from 'node:crypto';
import { monthOf } from '../source/dates.ts';
import { ARCHIVE_TITLE, renderDirectoryPage, renderListingPage, sortNewestFirst, type IndexEntry, type ListingPage } from './index-page.ts';

/** Articles a listing page holds, as Hexo's `per_page` (its default is 10; the archive's readers scroll). */
export const DEFAULT_PER_PAGE = 100;

/** A listing before it is cut into pages: its first page's folder, what it lists, its entries newest first. */
interface Listing {
  /** '' for the index, else e.g. `categories/新媒体/36kr/` or `archives/2021/04/`. */
  folder: string;
  heading: string;
  feed: readonly string[];
  entries: IndexEntry[];
}

/**
 * Every listing page of the archive, as `[path, html]`: the index, one listing per feed (an article's
 * categories, broadest first, as the feed generator wrote them) and one per month, each cut into
 * pages of `perPage` newest first (`index.html`, `page/2/index.html` … as Hexo does), and a
 * directory of the feeds and of the months. Every page stays small, whatever the archive's size.
 */
export function renderListings(entries: readonly IndexEntry[], zone: string, perPage = DEFAULT_PER_PAGE): [string, string][] {
  const sorted = sortNewestFirst(entries);
  const feeds = groupBy(sorted, (entry) => (entry.meta.categories.length === 0 ? undefined : feedFolder(entry.meta.categories)));
  const months = groupBy(sorted, (entry) => (entry.meta.published === undefined ? undefined : `archives/${monthOf(entry.meta.published, zone)}/`));
  const listings: Listing[] = [
    { folder: '', heading: ARCHIVE_TITLE, feed: [], entries: sorted },
    ...[...feeds].map(([folder, list]) => ({ folder, heading: list[0]?.meta.categories.join(' / ') ?? '', feed: list[0]?.meta.categories ?? [], entries: list })),
    ...[...months].map(([folder, list]) => ({ folder, heading: folder.slice('archives/'.length, -1).replace('/', ' 年 ') + ' 月', feed: [], entries: list })),
  ];
  const pages = listings.flatMap((listing) => paginate(listing, perPage).map((page): [string, string] => [page.path, renderListingPage(page, zone)]));
  const directory = (map: Map<string, IndexEntry[]>, label: (list: IndexEntry[], folder: string) => string, className: string) =>
    [...map].map(([folder, list]) => ({ path: `${folder}index.html`, label: label(list, folder), count: list.length, className }));
  return [
    ...pages,
    [
      'categories/index.html',
      renderDirectoryPage(
        'categories/index.html',
        '按来源',
        directory(feeds, (list) => list[0]?.meta.categories.join(' / ') ?? '', 'feed').sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      ),
    ],
    [
      'archives/index.html',
      renderDirectoryPage(
        'archives/index.html',
        '按月份',
        directory(months, (_list, folder) => folder.slice('archives/'.length, -1), 'month'),
      ),
    ],
  ];
}

/** A listing cut into pages of `perPage`: the first at the listing's folder, the others at `page/N/` under it. */
function paginate(listing: Listing, perPage: number): ListingPage[] {
  const count = Math.max(1, Math.ceil(listing.entries.length / perPage));
  const pathOf = (number: number): string => `${listing.folder}${number === 1 ? '' : `page/${number}/`}index.html`;
  return Array.from({ length: count }, (_, at) => ({
    path: pathOf(at + 1),
    heading: listing.heading,
    feed: listing.feed,
    total: listing.entries.length,
    entries: listing.entries.slice(at * perPage, (at + 1) * perPage),
    number: at + 1,
    pages: count,
    previous: at === 0 ? undefined : pathOf(at),
    next: at + 1 === count ? undefined : pathOf(at + 2),
  }));
}

/** Entries grouped by key (undefined: in no group), each group in the entries' order, groups in order of first appearance. */
function groupBy(entries: readonly IndexEntry[], key: (entry: IndexEntry) => string | undefined): Map<string, IndexEntry[]> {
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const name = key(entry);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [entry]);
    else group.push(entry);
  }
  return groups;
}

/** Longest folder name kept as the category's own, in characters (a file name may hold 255 bytes; a CJK character takes 3). */
const LONGEST_FOLDER_NAME = 60;

/**
 * A feed's folder: `categories/` and one folder per category, broadest first, named as the category
 * is when a file name can hold it as it is. A name with what a file name or a URL path cannot hold
 * (`/`, `\`, control characters, `<>:"|?*`), one too long, or one the listings use (`.`, `..`, `page`,
 * `index.html`) gets a cleaned, shortened name and a hash of the whole: two names never share a folder.
 */
function feedFolder(categories: readonly string[]): string {
  return `categories/${categories.map(folderName).join('/')}/`;
}

function folderName(category: string): string {
  const name = category.normalize('NFC');
  const cleaned = name
    .replace(/[/\\<>:"|?*\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const usable = cleaned === name && [...name].length <= LONGEST_FOLDER_NAME && !['', '.', '..', 'page', 'index.html'].includes(name);
  if (usable) return name;
  return `${[...cleaned].slice(0, 40).join('').trim() || 'feed'}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
