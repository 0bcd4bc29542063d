import type { ArticleMeta } from '../source/article-meta.ts';
import { escapeHtml } from './html.ts';
import { sizeHint } from '../clean/images.ts';
import { categoryList, commonHead, publishedLine } from './page.ts';

/** What the index needs to know of a rendered article. */
export interface IndexEntry {
  /** Page file name without `.html`. */
  slug: string;
  meta: ArticleMeta;
}

/** The title of the archive's index page. */
const INDEX_TITLE = '新闻存档';

/** Renders the index: every article, newest first (ties by page name), those of unknown date last, by title. */
export function renderIndexPage(entries: readonly IndexEntry[], zone: string): string {
  const items = sortNewestFirst(entries).map((entry) => indexItem(entry, zone));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${commonHead(INDEX_TITLE)}
<meta name="description" content="${entries.length} 篇存档文章">
</head>
<body>
<main class="index">
<h1>${INDEX_TITLE}</h1>
<p class="count">共 ${entries.length} 篇</p>
<ol class="article-list">
${items.join('\n')}
</ol>
</main>
</body>
</html>
`;
}

/**
 * Newest first; articles of unknown date after all dated ones, by title. Ties fall back to the page
 * name, so the order never depends on the file system.
 */
function sortNewestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => {
    const [first, second] = [a.meta.published, b.meta.published];
    if (first !== undefined && second !== undefined) return second.getTime() - first.getTime() || byText(a.slug, b.slug);
    if (first !== undefined || second !== undefined) return first === undefined ? 1 : -1;
    return byText(a.meta.title, b.meta.title) || byText(a.slug, b.slug);
  });
}

/** A link that works for any file name: spaces, Chinese, `#`, `%` and `?` are percent-encoded. */
function pageHref(slug: string): string {
  return `${encodeURIComponent(slug)}.html`;
}

function indexItem({ slug, meta }: IndexEntry, zone: string): string {
  return `<li>
<a class="entry" href="${escapeHtml(pageHref(slug))}">${thumbnail(meta.thumbnail)}<span class="title">${escapeHtml(meta.title)}</span></a>
<p class="meta">${publishedLine(meta.published, zone)}</p>
${categoryList(meta.categories)}
</li>`;
}

function thumbnail(url: string | undefined): string {
  if (url === undefined) return '<span class="thumb thumb-none" aria-hidden="true"></span>';
  const size = sizeHint(url);
  const dimensions = size === undefined ? '' : ` width="${size.width}" height="${size.height}"`;
  return `<img class="thumb" src="${escapeHtml(url)}" alt=""${dimensions} referrerpolicy="no-referrer">`;
}
