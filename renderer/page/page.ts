import type { ArticleMeta } from '../source/article-meta.ts';
import type { CleanBody } from '../clean/body.ts';
import { displayTime, isoInstant } from '../source/dates.ts';
import { escapeHtml, jsonForScript } from './html.ts';

/** What a page says instead of a date when the source's date is missing or unreadable. */
const DATE_UNKNOWN = '日期不详';

/** Longest description, in characters; search engines cut around here anyway. */
const DESCRIPTION_LENGTH = 120;

/**
 * No script at all, images over https only, styles and fonts only from the archive itself
 * (CSP cannot name a folder, so 'self' is the closest), nothing that could rebase or post the page.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src https:; style-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'";

/** The `<head>` lines every page shares; `root` leads from the page's folder to the output folder's top (`../../`). */
export function commonHead(title: string, root = ''): string {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    // A second guard only: every <img> carries referrerpolicy itself.
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${root}assets/fonts.css">`,
    `<link rel="stylesheet" href="${root}assets/style.css">`,
  ].join('\n');
}

/** Renders one article as a complete, self-contained HTML page. */
export function renderArticlePage(meta: ArticleMeta, body: CleanBody, zone: string): string {
  const published = meta.published === undefined ? undefined : isoInstant(meta.published);
  const description = truncate(body.lead, DESCRIPTION_LENGTH);
  const head = [
    commonHead(meta.title),
    description === '' ? '' : `<meta name="description" content="${escapeHtml(description)}">`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}">`,
    '<meta property="og:type" content="article">',
    meta.headimg === undefined ? '' : `<meta property="og:image" content="${escapeHtml(meta.headimg)}">`,
    published === undefined ? '' : `<meta property="article:published_time" content="${published}">`,
    meta.categories[0] === undefined ? '' : `<meta property="article:section" content="${escapeHtml(meta.categories[0])}">`,
    ...meta.categories.map((category) => `<meta property="article:tag" content="${escapeHtml(category)}">`),
    `<script type="application/ld+json">${jsonForScript(structuredData(meta, published, description))}</script>`,
  ].filter((line) => line !== '');

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${head.join('\n')}
</head>
<body>
<main>
<article>
<header class="article-header">
<h1>${escapeHtml(meta.title)}</h1>
<p class="byline">${meta.author === '' ? '' : `<span class="author">${escapeHtml(meta.author)}</span> `}${publishedLine(meta.published, zone)}</p>
${categoryList(meta.categories)}
</header>
<div class="article-body">
${body.html}
</div>
${meta.comments ? commentArea() : ''}
</article>
</main>
<footer class="site-footer"><a href="index.html">← 返回目录</a></footer>
</body>
</html>
`;
}

/** The date as readers see it: a `<time>`, or a plain note when the source's date is unknown. */
export function publishedLine(published: Date | undefined, zone: string): string {
  if (published === undefined) return `<span class="date-unknown">${DATE_UNKNOWN}</span>`;
  return `<time datetime="${isoInstant(published)}">${displayTime(published, zone)}</time>`;
}

function structuredData(meta: ArticleMeta, published: string | undefined, description: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    ...(published === undefined ? {} : { datePublished: published }),
    ...(meta.author === '' ? {} : { author: { '@type': 'Organization', name: meta.author } }),
    ...(meta.headimg === undefined ? {} : { image: [meta.headimg] }),
    articleSection: meta.categories,
    ...(description === '' ? {} : { description }),
    inLanguage: 'zh-CN',
  };
}

/** Categories in their order, from the broadest down. */
export function categoryList(categories: readonly string[]): string {
  if (categories.length === 0) return '';
  const items = categories.map((category) => `<li>${escapeHtml(category)}</li>`).join('');
  return `<ol class="categories">${items}</ol>`;
}

/** A static archive has no comment service; the area says so instead of pretending. */
function commentArea(): string {
  return '<section class="comments" id="comments" aria-label="评论"><h2>评论</h2><p>原文的评论未随存档保存。</p></section>';
}

function truncate(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}
