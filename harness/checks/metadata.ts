import type { CheerioAPI } from 'cheerio';
import { readPublishedInstant } from '../oracle/dates.ts';
import type { ExpectedArticle } from '../oracle/expected.ts';
import { normalizeImageUrl, normalizeText } from '../oracle/normalize.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import type { CheckResult, Finding } from './result.ts';
import { parsedHtml } from './parsed-html.ts';

type Expected = Pick<ExpectedArticle, 'title' | 'published' | 'author' | 'categories' | 'headimg' | 'comments' | 'blocks' | 'lead' | 'images'> & Partial<Pick<ExpectedArticle, 'titleBlank'>>;
type Observed = Pick<ObservedPage, 'html' | 'titles' | 'byline' | 'categories'> & Partial<Pick<ObservedPage, 'embeds'>>;

/** What the metadata check needs of a site profile: where things are and what the theme writes. */
export type MetadataProfile = Pick<SiteProfile['article'], 'documentTitle' | 'byline' | 'date' | 'comments' | 'descriptionFrom' | 'ogImage' | 'jsonLd'> & Partial<Pick<SiteProfile['article'], 'blankTitle' | 'jsonLdSection'>>;

/** One compared value: what the source says, what the page says where. */
interface Row {
  field: string;
  where: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/**
 * Metadata matches the front matter, wherever the site profile says each thing is: title (<title> by
 * the profile's pattern, the visible title, og:title, JSON-LD headline), date (the visible date's
 * datetime, article:published_time, JSON-LD datePublished, compared as instants), author (byline,
 * JSON-LD), categories (visible, in order; JSON-LD articleSection), lead image (og:image, JSON-LD
 * image; absent for the QR promo), description, and no comment area for `comments: false`. JSON-LD
 * rows only where the profile says the theme writes JSON-LD.
 */
export function checkMetadata(expected: Expected, observed: Observed, zone: string, profile: MetadataProfile): CheckResult {
  const $ = parsedHtml(observed);
  const ld = profile.jsonLd === 'required' ? jsonLd($) : undefined;
  const withLd = profile.jsonLd === 'required';
  const rows: Row[] = [];
  const same = (field: string, where: string, want: string, got: string | undefined): void => {
    rows.push({ field, where, expected: want, actual: got === undefined ? '(absent)' : normalizeText(got), ok: got !== undefined && normalizeText(got) === want });
  };

  const documentTitle = normalizeText($('title').first().text());
  if (expected.titleBlank === true && profile.blankTitle === 'empty') {
    // A blank title stays blank (Hexo's rule): no title of the article may be shown, the site's own <title> and og:title are the theme's.
    const shown = normalizeText(observed.titles[0] ?? '');
    rows.push({ field: 'title', where: 'visible title', expected: '(none: the title is blank)', actual: shown || '(none)', ok: shown === '' });
    if (withLd) rows.push({ field: 'title', where: 'JSON-LD headline', expected: '(none: the title is blank)', actual: text(ld?.headline) ?? '(absent)', ok: normalizeText(text(ld?.headline) ?? '') === '' });
  } else {
    rows.push({
      field: 'title',
      where: profile.documentTitle === '{title}' ? '<title>' : `<title> as "${profile.documentTitle}"`,
      expected: expected.title,
      actual: documentTitle || '(absent)',
      ok: titlePattern(profile.documentTitle, expected.title).test(documentTitle),
    });
    same('title', 'visible title', expected.title, observed.titles[0]);
    same('title', 'og:title', expected.title, meta($, 'og:title')[0]);
    if (withLd) same('title', 'JSON-LD headline', expected.title, text(ld?.headline));
  }

  const published = expected.published;
  const date = (where: string, value: string | undefined): void => {
    if (published === undefined) {
      // An unknown date must not be made up: no machine-readable date at all.
      rows.push({ field: 'date', where, expected: '(absent: the source has no readable date)', actual: value ?? '(absent)', ok: value === undefined });
      return;
    }
    const read = value === undefined ? undefined : readPublishedInstant(value, zone);
    rows.push({ field: 'date', where, expected: published.toISOString(), actual: value ?? '(absent)', ok: read?.getTime() === published.getTime() });
  };
  const dateSelector = profile.date.join(', ');
  date(dateSelector, $(dateSelector).first().attr('datetime'));
  date('article:published_time', meta($, 'article:published_time')[0]);
  if (withLd) date('JSON-LD datePublished', text(ld?.datePublished));

  if (expected.author !== '') {
    if (profile.byline !== null) {
      const byline = normalizeText(observed.byline);
      rows.push({ field: 'author', where: 'visible byline', expected: expected.author, actual: byline || '(absent)', ok: byline.includes(expected.author) });
    }
    if (withLd) {
      const names = authorNames(ld?.author);
      rows.push({ field: 'author', where: 'JSON-LD author', expected: expected.author, actual: names.join(', ') || '(absent)', ok: names.includes(expected.author) });
    }
  }

  const categories = observed.categories.map(normalizeText);
  rows.push({ field: 'categories', where: 'visible, in order', expected: expected.categories.join(' › '), actual: categories.join(' › ') || '(absent)', ok: sameList(categories, expected.categories) });
  if (ld?.articleSection !== undefined) {
    const sections = list(ld.articleSection).map(normalizeText);
    // `first`: a theme that names only the top category as the section.
    const want = profile.jsonLdSection === 'first' ? expected.categories.slice(0, 1) : expected.categories;
    rows.push({ field: 'categories', where: 'JSON-LD articleSection', expected: want.join(' › '), actual: sections.join(' › '), ok: sameList(sections, want) });
  }

  const image = (where: string, values: string[], rule: 'only' | 'first' | 'own'): void => {
    const urls = values.map((value) => normalizeImageUrl(value) ?? value);
    const want = expected.headimg;
    const own = new Set([...expected.images, ...(want === undefined ? [] : [want])]);
    // `only`: the lead image and nothing else. `first`: the lead image first; after it (or with no lead image at all) only the article's own images.
    if (rule === 'only') {
      const ok = want === undefined ? urls.length === 0 : urls.length > 0 && urls.every((url) => url === want);
      rows.push({ field: 'headimg', where, expected: want ?? '(absent: no image of its own)', actual: urls.join(' ') || '(absent)', ok });
      return;
    }
    const strangers = urls.filter((url) => !own.has(url));
    if (rule === 'own') {
      rows.push({ field: 'headimg', where, expected: "only the article's own images", actual: strangers.length > 0 ? `not the article's: ${strangers.join(' ')}` : urls.join(' ') || '(absent)', ok: strangers.length === 0 });
      return;
    }
    const firstWrong = want !== undefined && urls[0] !== want;
    const actual = [firstWrong ? `first ${urls[0] ?? '(none)'}` : '', strangers.length > 0 ? `not the article's: ${strangers.join(' ')}` : ''].filter((part) => part !== '').join('; ');
    rows.push({ field: 'headimg', where, expected: `${want ?? '(no lead image)'} first, then only the article's own images`, actual: actual || urls.join(' ') || '(absent)', ok: !firstWrong && strangers.length === 0 });
  };
  image('og:image', meta($, 'og:image'), profile.ogImage);
  if (withLd) image('JSON-LD image', imageUrls(ld?.image), 'only');

  const standIns = (observed.embeds ?? []).filter((embed) => embed.link && embed.text !== '').map((embed) => embed.text);
  rows.push(descriptionRow(expected, meta($, 'description', 'name')[0], profile.descriptionFrom, standIns));

  if (!expected.comments) {
    const area = $(profile.comments);
    rows.push({ field: 'comments', where: profile.comments, expected: 'no comment area (comments: false)', actual: area.length === 0 ? '(none)' : $.html(area.first()).slice(0, 80), ok: area.length === 0 });
  }
  if (withLd && ld === undefined) rows.push({ field: 'JSON-LD', where: 'script[type="application/ld+json"]', expected: 'a NewsArticle object', actual: '(absent or invalid)', ok: false });

  const findings: Finding[] = rows.filter((row) => !row.ok).map((row) => ({ message: `${row.field} in ${row.where}: expected ${row.expected}, found ${row.actual}` }));
  return {
    findings,
    metrics: { compared: rows.length },
    ...(findings.length === 0 ? {} : { report: { name: 'metadata.md', contentType: 'text/markdown' as const, body: table(rows) } }),
  };
}

/**
 * The description must be a start of the article's text, of any length (an ending `…` or `...`
 * aside), from where the profile says: the lead (the first block outside headings and captions with
 * a letter or digit; see text-blocks.ts) or the first block. Compared without whitespace: generators
 * join blocks with or without a space; the words of links standing in for embeds are left out. With
 * no text to start from, no description is expected.
 */
function descriptionRow(expected: Pick<ExpectedArticle, 'blocks' | 'lead'>, description: string | undefined, from: 'lead' | 'first-block', standIns: readonly string[] = []): Row {
  const where = 'meta description';
  const start = from === 'lead' ? expected.lead : expected.blocks.length > 0 ? 0 : -1;
  if (start === -1) return { field: 'description', where, expected: '(absent: the article has no text to describe)', actual: description ?? '(absent)', ok: description === undefined };
  const text = expected.blocks.slice(start).join(' ');
  const squeeze = (value: string): string => value.replace(/[\s\u3000\u00a0]+/g, '');
  // The words of a link standing in for an embed (`视频 · Vimeo`) are not the article's: a generator that strips the whole content keeps them.
  let got = description === undefined ? undefined : squeeze(normalizeText(description).replace(/(…|\.\.\.)$/, ''));
  for (const standIn of standIns) got = got?.replace(squeeze(normalizeText(standIn)), '');
  return { field: 'description', where, expected: `a start of "${excerptStart(text)}…"`, actual: description ?? '(absent)', ok: got !== undefined && got !== '' && squeeze(text).startsWith(got) };
}

/** The page title as the profile writes it: `{title}` the article's title, `*` any text. */
function titlePattern(template: string, title: string): RegExp {
  const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${template
      .split('{title}')
      .map((part) => part.split('*').map(escape).join('.+'))
      .join(escape(title))}$`,
  );
}

function excerptStart(text: string): string {
  return [...text].slice(0, 30).join('');
}

function meta($: CheerioAPI, key: string, attribute: 'property' | 'name' = 'property'): string[] {
  return $(`meta[${attribute}="${key}"]`)
    .toArray()
    .map((element) => $(element).attr('content') ?? '');
}

/** The page's NewsArticle/Article/BlogPosting JSON-LD object, if there is one that parses. */
function jsonLd($: CheerioAPI): Record<string, unknown> | undefined {
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    try {
      const data: unknown = JSON.parse($(script).text());
      const candidates = Array.isArray(data) ? data : [data];
      // NewsArticle, Article, BlogPosting: schema.org's Article and its kinds of posting.
      const article = candidates.find((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && /(Article|Posting)$/.test(String((item as Record<string, unknown>)['@type'])));
      if (article !== undefined) return article;
    } catch {
      continue; // an invalid block is reported as absent
    }
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

function authorNames(value: unknown): string[] {
  return stringsOrField(value, 'name').map(normalizeText);
}

function imageUrls(value: unknown): string[] {
  return stringsOrField(value, 'url');
}

/** JSON-LD's "one or many, each a string or an object": the strings, or each object's `field`. */
function stringsOrField(value: unknown, field: string): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .map((item) => (typeof item === 'string' ? item : typeof item === 'object' && item !== null ? text((item as Record<string, unknown>)[field]) : undefined))
    .filter((item): item is string => item !== undefined);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function table(rows: Row[]): string {
  const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return ['| | field | where | expected (source) | found (page) |', '|---|---|---|---|---|', ...rows.map((row) => `| ${row.ok ? '✓' : '✗'} | ${row.field} | ${cell(row.where)} | ${cell(row.expected)} | ${cell(row.actual)} |`)].join('\n');
}
