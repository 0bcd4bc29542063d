import { envValue } from './run/archive-config.ts';

/**
 * Where the harness looks in a rendered page. Renderer-agnostic conventions as data, each with why;
 * every list is tried in order and the first selector that matches wins.
 */
export const PAGE_CONVENTIONS = {
  /** The element holding the article body; text outside it (title, byline) is not body text. */
  contentRoot: ['[itemprop="articleBody"]', '.article-body', '.post-content', 'article', 'main', 'body'],
  /** The visible byline naming the author. */
  byline: ['[itemprop="author"]', '[rel="author"]', '.byline', '.author', '.post-meta'],
  /** One element per category, in order. */
  categories: ['.categories li', '[itemprop="articleSection"]', '.post-categories a', '.category'],
  /** A link standing in for embedded media (our renderer: `<a class="embed">`; `span.embed` when it has no address). */
  embedLink: '.embed',
  /** A comment area: must not exist when front matter says `comments: false`. */
  commentArea: '#comments, .comments, .comment-area, [data-comments]',
} as const;

/** A selector from ARCHIVE_CONTENT_SELECTOR replaces the content-root list (one selector, tried alone). */
export function contentRootSelectors(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const custom = envValue(env, 'ARCHIVE_CONTENT_SELECTOR');
  return custom === undefined ? PAGE_CONVENTIONS.contentRoot : [custom];
}
