import type { ExpectedArticle } from '../oracle/expected.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { checkImages } from './images.ts';
import type { CheckResult, Finding } from './result.ts';
import { parsedHtml } from './parsed-html.ts';
import { sameOriginUrl } from '../oracle/normalize.ts';

type Article = Pick<ExpectedArticle, 'slug' | 'published' | 'title'>;
type IndexPage = Pick<ObservedPage, 'html' | 'url' | 'images' | 'network'>;

/**
 * The index: over all its pages (a generator paginates it), every article has exactly one entry (the
 * profile's `entries` links; however many of those point at one post on a page, it is one entry; every
 * other link is navigation and ignored), newest first (equal dates in any order), articles of unknown
 * date after every dated one and by title (code-point order), and every thumbnail keeps
 * referrerpolicy="no-referrer" as attribute, property and on the wire.
 */
export function checkIndex(articles: Article[], pages: IndexPage[], entries: string): CheckResult {
  const linked = pages.flatMap((page) => {
    const $ = parsedHtml(page);
    const names = $(entries)
      .toArray()
      .map((a) => pageOf($(a).attr('href') ?? '', page.url))
      .filter((slug): slug is string => slug !== undefined && slug !== 'index');
    return [...new Set(names)]; // one entry per post and page, however many links it has there
  });

  const findings: Finding[] = [];
  const known = new Map(articles.map((article) => [article.slug, article]));
  const counts = new Map<string, number>();
  for (const slug of linked) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  for (const article of articles) {
    const count = counts.get(article.slug) ?? 0;
    if (count === 0) findings.push({ message: `no entry for ${article.slug}` });
    else if (count > 1) findings.push({ message: `${article.slug} is listed ${count} times (once expected)` });
  }
  for (const slug of counts.keys()) if (!known.has(slug)) findings.push({ message: `an entry for a page with no source article: ${slug}` });

  const order = [...new Set(linked)].flatMap((slug) => known.get(slug) ?? []);
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1];
    const current = order[i];
    if (previous !== undefined && current !== undefined) findings.push(...orderFinding(previous, current));
  }

  for (const page of pages) {
    const thumbnails = checkImages({ images: [] }, { ...page, images: page.images.map((image) => ({ ...image, inContent: false })) });
    findings.push(...thumbnails.findings);
  }
  return { findings, metrics: { pages: pages.length, entries: linked.length, articles: articles.length, thumbnails: pages.reduce((sum, page) => sum + page.images.length, 0) } };
}

/** What is wrong, if anything, with `current` being listed right after `previous`. */
function orderFinding(previous: Article, current: Article): Finding[] {
  const [before, after] = [previous.published, current.published];
  if (before !== undefined && after !== undefined) {
    return after > before ? [{ message: `not newest first: ${current.slug} (${after.toISOString()}) is listed after ${previous.slug} (${before.toISOString()})` }] : [];
  }
  if (before === undefined && after !== undefined) return [{ message: `${current.slug} (${after.toISOString()}) is listed after ${previous.slug}, whose date is unknown: articles of unknown date come last` }];
  if (before === undefined && after === undefined && current.title < previous.title) {
    return [{ message: `articles of unknown date are not in title order: "${current.title}" (${current.slug}) is listed after "${previous.title}" (${previous.slug})` }];
  }
  return [];
}

/** The page name a link points to on the same server: `x.html`, `x/` and `x/index.html` all name `x`. */
export function pageOf(href: string, base: string): string | undefined {
  const url = sameOriginUrl(href, base);
  if (url === undefined) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/^\//, '');
  } catch {
    return undefined; // malformed percent-encoding: not a page of ours
  }
  return path.replace(/\/index\.html$/, '').replace(/\/$/, '').replace(/\.html$/, '') || 'index';
}
