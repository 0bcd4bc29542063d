import type { ArticleMeta } from '../source/article-meta.ts';
import { escapeHtml } from './html.ts';
import { sizeHint } from '../clean/images.ts';
import { categoryList, commonHead, publishedLine } from './page.ts';

/** What a listing needs to know of a rendered article. */
export interface IndexEntry {
  /** Page file name without `.html`. */
  slug: string;
  meta: ArticleMeta;
}

/** One page of a listing: where it is, what it says it lists, its part of the entries, and its neighbours. */
export interface ListingPage {
  /** The page's path in the output folder: `index.html`, `page/2/index.html`, `categories/…/index.html`. */
  path: string;
  /** What is listed, for the title and heading: the archive, a feed, a month. */
  heading: string;
  /** A feed's categories, broadest first (shown, and read by the harness's per-feed check); empty for other listings. */
  feed: readonly string[];
  /** How many articles the whole listing (all its pages) holds. */
  total: number;
  entries: readonly IndexEntry[];
  /** 1-based number of this page, and how many the listing has. */
  number: number;
  pages: number;
  /** Paths of the previous and next page of the same listing. */
  previous: string | undefined;
  next: string | undefined;
}

/** The archive's name: the index's title, and the start of every listing's. */
export const ARCHIVE_TITLE = '新闻存档';

/** Renders one page of a listing: its entries in the order given, links relative to the page's own folder. */
export function renderListingPage(page: ListingPage, zone: string): string {
  const root = '../'.repeat(page.path.split('/').length - 1);
  const title = [page.heading === ARCHIVE_TITLE ? ARCHIVE_TITLE : `${page.heading} · ${ARCHIVE_TITLE}`, page.number > 1 ? `第 ${page.number} 页` : ''].filter((part) => part !== '').join(' · ');
  const items = page.entries.map((entry) => indexItem(entry, zone, root));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${commonHead(title, root)}
<meta name="description" content="${page.total} 篇存档文章">
</head>
<body>
<main class="index">
<nav class="site-nav" aria-label="存档"><a href="${root}index.html">${ARCHIVE_TITLE}</a> <a href="${root}categories/index.html">按来源</a> <a href="${root}archives/index.html">按月份</a></nav>
<h1>${escapeHtml(page.heading)}</h1>
${page.feed.length === 0 ? '' : `<ol class="feed-path">${page.feed.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ol>\n`}<p class="count">共 ${page.total} 篇${page.pages > 1 ? `，第 ${page.number} / ${page.pages} 页` : ''}</p>
<ol class="article-list">
${items.join('\n')}
</ol>
${pagination(page, root)}</main>
</body>
</html>
`;
}

/** A directory of listings (every feed, every month): a link to each one's first page, with its count. */
export function renderDirectoryPage(path: string, heading: string, links: readonly { path: string; label: string; count: number; className: string }[]): string {
  const root = '../'.repeat(path.split('/').length - 1);
  const items = links.map((link) => `<li><a class="${link.className}" href="${escapeHtml(hrefTo(root, link.path))}">${escapeHtml(link.label)}</a> <span class="count">${link.count}</span></li>`);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${commonHead(`${heading} · ${ARCHIVE_TITLE}`, root)}
</head>
<body>
<main class="index">
<nav class="site-nav" aria-label="存档"><a href="${root}index.html">${ARCHIVE_TITLE}</a> <a href="${root}categories/index.html">按来源</a> <a href="${root}archives/index.html">按月份</a></nav>
<h1>${escapeHtml(heading)}</h1>
<ul class="listing-directory">
${items.join('\n')}
</ul>
</main>
</body>
</html>
`;
}

/**
 * Newest first; articles of unknown date after all dated ones, by title. Ties fall back to the page
 * name, so the order never depends on the file system.
 */
export function sortNewestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => {
    const [first, second] = [a.meta.published, b.meta.published];
    if (first !== undefined && second !== undefined) return second.getTime() - first.getTime() || byText(a.slug, b.slug);
    if (first !== undefined || second !== undefined) return first === undefined ? 1 : -1;
    return byText(a.meta.title, b.meta.title) || byText(a.slug, b.slug);
  });
}

/** A link from a page `root` below the top to a path of the output folder; each segment percent-encoded (spaces, Chinese, `#`, `%`, `?`). */
function hrefTo(root: string, path: string): string {
  return `${root}${path.split('/').map(encodeURIComponent).join('/')}`;
}

function pagination(page: ListingPage, root: string): string {
  if (page.previous === undefined && page.next === undefined) return '';
  const previous = page.previous === undefined ? '' : `<a class="prev" rel="prev" href="${escapeHtml(hrefTo(root, page.previous))}">← 上一页</a>`;
  const next = page.next === undefined ? '' : `<a class="next" rel="next" href="${escapeHtml(hrefTo(root, page.next))}">下一页 →</a>`;
  return `<nav class="pagination" aria-label="分页">${previous} <span class="page-number">${page.number} / ${page.pages}</span> ${next}</nav>\n`;
}

function indexItem({ slug, meta }: IndexEntry, zone: string, root: string): string {
  return `<li>
<a class="entry" href="${escapeHtml(hrefTo(root, `${slug}.html`))}">${thumbnail(meta.thumbnail)}<span class="title">${escapeHtml(meta.title)}</span></a>
<p class="meta">${publishedLine(meta.published, zone)}</p>
${categoryList(meta.categories)}
</li>`;
}

/** The thumbnail box's size in CSS pixels (style.css): the picture is cropped to it, so the list never moves as pictures arrive. */
const THUMB_BOX = { width: 120, height: 80 };

/** A thumbnail loaded only when it comes near the screen, with its size known before it arrives (the URL's hint, else the box's). */
function thumbnail(url: string | undefined): string {
  if (url === undefined) return '<span class="thumb thumb-none" aria-hidden="true"></span>';
  const size = sizeHint(url) ?? THUMB_BOX;
  return `<img class="thumb" src="${escapeHtml(url)}" alt="" width="${size.width}" height="${size.height}" loading="lazy" decoding="async" referrerpolicy="no-referrer">`;
}
