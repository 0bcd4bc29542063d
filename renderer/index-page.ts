import type { ArticleMeta } from './article-meta.ts';
import { displayTime, isoInstant } from './dates.ts';
import { escapeHtml } from './html.ts';
import { sizeHint } from './images.ts';
import { categoryList, commonHead } from './page.ts';

/** What the index needs to know of a rendered article. */
export interface IndexEntry {
  /** Page file name without `.html`. */
  slug: string;
  meta: ArticleMeta;
}

/** The title of the archive's index page. */
export const INDEX_TITLE = '新闻存档';

/** Renders the index: every article, newest first (ties by page name), linking to its page. */
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

/** Newest first; equal instants fall back to the page name so the order never depends on the file system. */
function sortNewestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort(
    (a, b) => b.meta.published.getTime() - a.meta.published.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
}

/** A link that works for any file name: spaces, Chinese, `#`, `%` and `?` are percent-encoded. */
function pageHref(slug: string): string {
  return `${encodeURIComponent(slug)}.html`;
}

function indexItem({ slug, meta }: IndexEntry, zone: string): string {
  return `<li>
<a class="entry" href="${escapeHtml(pageHref(slug))}">${thumbnail(meta.thumbnail)}<span class="title">${escapeHtml(meta.title)}</span></a>
<p class="meta"><time datetime="${isoInstant(meta.published)}">${displayTime(meta.published, zone)}</time></p>
${categoryList(meta.categories)}
</li>`;
}

function thumbnail(url: string | undefined): string {
  if (url === undefined) return '<span class="thumb thumb-none" aria-hidden="true"></span>';
  const size = sizeHint(url);
  const dimensions = size === undefined ? '' : ` width="${size.width}" height="${size.height}"`;
  return `<img class="thumb" src="${escapeHtml(url)}" alt=""${dimensions} referrerpolicy="no-referrer">`;
}
