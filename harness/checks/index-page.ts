import type { ExpectedArticle } from '../oracle/expected.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { checkImages } from './images.ts';
import type { CheckResult, Finding } from './result.ts';
import { parsedHtml } from './parsed-html.ts';
import { sameOriginUrl } from '../oracle/normalize.ts';
import type { SiteProfile } from '../profiles/profile.ts';

type Article = Pick<ExpectedArticle, 'slug' | 'published' | 'title'>;
type IndexPage = Pick<ObservedPage, 'html' | 'url' | 'images' | 'network'>;

/** What the index check reads of a site profile: the entry links, and where posts of unknown date belong. */
export type IndexRules = Pick<SiteProfile['index'], 'entries' | 'undated'>;

/**
 * The index: over all its pages (a generator paginates it), every article has exactly one entry (the
 * profile's `entries` links; however many of those point at one post on a page, it is one entry; every
 * other link is navigation and ignored), newest first (equal dates in any order), articles of unknown
 * date where the profile says (`last`: after every dated one, by title, as our renderer lists them;
 * `anywhere`: where the generator's own date puts them), and every thumbnail keeps
 * referrerpolicy="no-referrer" as attribute, property and on the wire. Links are matched to sources
 * by page file (`slugsAt`, from the run's page map); a page two sources share is left to the
 * articles' own "a page of its own" finding.
 */
export function checkIndex(articles: Article[], pages: IndexPage[], rules: IndexRules, slugsAt: ReadonlyMap<string, readonly string[]>): CheckResult {
  const linked = pages.flatMap((page) => {
    const $ = parsedHtml(page);
    const files = $(rules.entries)
      .toArray()
      .map((a) => pageFileOf($(a).attr('href') ?? '', page.url, slugsAt))
      .filter((file): file is string => file !== undefined && file !== 'index.html');
    return [...new Set(files)]; // one entry per post and page, however many links it has there
  });

  const findings: Finding[] = [];
  const known = new Map(articles.map((article) => [article.slug, article]));
  const shared = new Set([...slugsAt.values()].filter((slugs) => slugs.length > 1).flat());
  const counts = new Map<string, number>();
  for (const file of linked) for (const slug of slugsAt.get(file) ?? []) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  for (const article of articles) {
    if (shared.has(article.slug)) continue;
    const count = counts.get(article.slug) ?? 0;
    if (count === 0) findings.push({ message: `no entry for ${article.slug}` });
    else if (count > 1) findings.push({ message: `${article.slug} is listed ${count} times (once expected)` });
  }
  for (const file of new Set(linked)) if (!slugsAt.has(file)) findings.push({ message: `an entry for a page with no source article: ${file}` });

  const order = [...new Set(linked)].flatMap((file) => {
    const slugs = slugsAt.get(file) ?? [];
    return slugs.length === 1 ? (known.get(slugs[0] ?? '') ?? []) : [];
  });
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1];
    const current = order[i];
    if (previous !== undefined && current !== undefined) findings.push(...orderFinding(previous, current, rules.undated));
  }

  for (const page of pages) {
    const thumbnails = checkImages({ images: [] }, { ...page, images: page.images.map((image) => ({ ...image, inContent: false })) }, { article: false });
    findings.push(...thumbnails.findings);
  }
  return { findings, metrics: { pages: pages.length, entries: linked.length, articles: articles.length, thumbnails: pages.reduce((sum, page) => sum + page.images.length, 0) } };
}

/** What is wrong, if anything, with `current` being listed right after `previous`. */
function orderFinding(previous: Article, current: Article, undated: IndexRules['undated']): Finding[] {
  const [before, after] = [previous.published, current.published];
  if (before !== undefined && after !== undefined) {
    return after > before ? [{ message: `not newest first: ${current.slug} (${after.toISOString()}) is listed after ${previous.slug} (${before.toISOString()})` }] : [];
  }
  if (undated === 'anywhere') return [];
  if (before === undefined && after !== undefined) return [{ message: `${current.slug} (${after.toISOString()}) is listed after ${previous.slug}, whose date is unknown: articles of unknown date come last` }];
  if (before === undefined && after === undefined && current.title < previous.title) {
    return [{ message: `articles of unknown date are not in title order: "${current.title}" (${current.slug}) is listed after "${previous.title}" (${previous.slug})` }];
  }
  return [];
}

/**
 * The page file a link points to on the same server, as the page map names files: `x.html`, `x/`
 * (`x/index.html`) and `x` are tried in the forms a server answers them with, the first one a
 * source is published at wins; `index.html` is the index itself.
 */
export function pageFileOf(href: string, base: string, known: ReadonlyMap<string, unknown>): string | undefined {
  const url = sameOriginUrl(href, base);
  if (url === undefined) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return undefined; // malformed percent-encoding: not a page of ours
  }
  if (path === '') return 'index.html';
  const given = path.endsWith('/') ? `${path}index.html` : path;
  const stem = given.replace(/(\/index)?\.html$/, '');
  const candidates = [given, `${stem}.html`, `${stem}/index.html`];
  return candidates.find((candidate) => known.has(candidate)) ?? candidates[0];
}
