import { readFileSync } from 'node:fs';
import { compile } from 'css-select';
import { z } from 'zod';

/** A list of selectors tried in order (the first that matches wins), or one selector. */
const Selectors = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

/**
 * A site profile: where a generator puts things in its pages, and what its pages may do. Data, one
 * small JSON file per generator (harness/profiles/builtin/); a user writes one for another theme
 * without touching code. Validated at start; an error names the file and the field.
 */
export const SiteProfile = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** How to recognise the generator from its pages (all given conditions must hold); absent: never chosen automatically. */
    detect: z
      .object({
        /** A regular expression the page's `<meta name="generator">` content must match. */
        generator: z.string().optional(),
        /** A selector that must match in the page (a theme marker). */
        marker: z.string().optional(),
      })
      .strict()
      .optional(),
    article: z
      .object({
        /** The element holding the article body. */
        contentRoot: Selectors,
        /** The visible title. */
        title: Selectors,
        /** The page's <title>: `{title}` is the article's title, `*` any text (`{title} | *` for "title | site"). */
        documentTitle: z.string().includes('{title}'),
        /** The visible byline naming the author; null: the theme shows no author, nothing is checked. */
        byline: Selectors.nullable(),
        /** The element carrying the visible date in a `datetime` attribute. */
        date: Selectors,
        /** One element per category, in order. */
        categories: Selectors,
        /** A comment area: must not exist when front matter says `comments: false`. */
        comments: z.string().min(1),
        /** Links standing in for embedded media (a live player counts too). */
        embedLink: z.string().min(1),
        /** Where the description starts: the article's lead (headings and captions skipped), or its first text block. */
        descriptionFrom: z.enum(['lead', 'first-block']),
        /**
         * og:image: `only` the lead image (none when the article has none); `first` the lead image first,
         * the article's other images allowed after it; `own` only the article's own images, in any order
         * (Hexo's open_graph takes them from the content).
         */
        ogImage: z.enum(['only', 'first', 'own']),
        /** A NewsArticle/Article JSON-LD block: `required` and checked field by field, or `none` (the theme writes none). */
        jsonLd: z.enum(['required', 'none']),
        /** JSON-LD articleSection names `all` the categories in order, or the `first` (a theme that names the top one as the section). */
        jsonLdSection: z.enum(['all', 'first']).default('all'),
        /** What a blank title becomes: the source's `file-name` (our renderer's stated rule) or stays `empty` (Hexo's). */
        blankTitle: z.enum(['file-name', 'empty']).default('file-name'),
        /**
         * Captions a theme's script makes from an image's alt text (landscape's `span.caption`): not article
         * text, unless one repeats a text of the article (the reader then reads it twice).
         */
        altCaptions: z.string().min(1).nullable().default(null),
        /** What the theme adds inside the content root that is not the article's (a code block's copy button): not read as article text, images or embeds. */
        themeChrome: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    index: z
      .object({
        /** The first index page, relative to the site root. */
        start: z.string().min(1),
        /** The link to the next index page, followed until there is none (absent: one page). */
        next: z.string().min(1).nullable(),
        /** The one link per article; every other link (navigation, archives, categories, tags, feeds, date and sidebar links) is ignored. */
        entries: z.string().min(1),
        /** The element holding the index's list, which a scripted index page settles on (absent: the page's body). */
        root: Selectors.optional(),
        /** Where posts of unknown date are listed: `last` (after every dated one, by title: our renderer) or `anywhere` (the generator gives them a date of its own, such as the file's time). */
        undated: z.enum(['last', 'anywhere']).default('last'),
        /** A listing per feed (an article's categories), paginated like the index: each must hold exactly its feed's articles (absent: not checked). */
        feeds: z
          .object({
            /** The page linking every feed's listing, relative to the site root. */
            directory: z.string().min(1),
            /** The link to each feed's first listing page there. */
            link: z.string().min(1),
            /** The elements of a listing page naming its feed, one per category, broadest first. */
            name: z.string().min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    folder: z
      .object({
        /** Top-level names in the site folder that are not articles (asset folders, archive and tag pages). */
        notArticles: z.array(z.string().min(1)),
      })
      .strict(),
    /** What changes on every build and is no part of the page: left out of page snapshots and hidden in screenshots. */
    volatile: z
      .object({
        attributes: z.array(z.string().min(1)),
        elements: z.array(z.string().min(1)),
      })
      .strict(),
    /** What the site may do, apart from fidelity. */
    policy: z
      .object({
        /** `none`: no script at all but JSON-LD (our renderer); `site`: the site's own scripts may run outside the article body. */
        scripts: z.enum(['none', 'site']),
        /**
         * What a request for the site's chrome to another host (a theme's CDN script or style sheet)
         * that cannot be answered offline is: a `finding` once per site (our renderer promises
         * self-contained pages) or a `note` once per site (a theme that loads from a CDN by design).
         */
        outsideChrome: z.enum(['finding', 'note']).default('finding'),
      })
      .strict(),
    /** Longest wait for a page to settle (scripted reveals and animations done) before that is a finding. */
    settleTimeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

/** A validated site profile. */
export type SiteProfile = z.infer<typeof SiteProfile>;

/** Raised for a profile that is not valid; the message names the file and the field. */
export class ProfileError extends Error {}

/** Reads and validates a profile file. */
export function loadProfile(file: string): SiteProfile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such profile file' : `not valid JSON (${(error as Error).message})`}`);
  }
  const parsed = SiteProfile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProfileError(`${file}: field "${issue?.path.join('.') || '(top)'}": ${issue?.message ?? 'invalid'}`);
  }
  for (const [field, selector] of selectorsOf(parsed.data)) {
    if (!isValidSelector(selector)) throw new ProfileError(`${file}: field "${field}": ${JSON.stringify(selector)} is not a valid CSS selector`);
  }
  return parsed.data;
}

/** Every selector of a profile with the field it sits in, to check them all before any page is opened. */
function selectorsOf(profile: SiteProfile): [string, string][] {
  const { article, index, volatile } = profile;
  const lists: [string, string[]][] = [
    ['article.contentRoot', article.contentRoot],
    ['article.title', article.title],
    ['article.byline', article.byline ?? []],
    ['article.date', article.date],
    ['article.categories', article.categories],
    ['article.comments', [article.comments]],
    ['article.embedLink', [article.embedLink]],
    ['index.next', index.next === null ? [] : [index.next]],
    ['index.entries', [index.entries]],
    ['index.root', index.root ?? []],
    ['index.feeds.link', index.feeds === undefined ? [] : [index.feeds.link]],
    ['index.feeds.name', index.feeds === undefined ? [] : [index.feeds.name]],
    ['article.themeChrome', article.themeChrome],
    ['article.altCaptions', article.altCaptions === null ? [] : [article.altCaptions]],
    ['volatile.elements', volatile.elements],
    ['detect.marker', profile.detect?.marker === undefined ? [] : [profile.detect.marker]],
  ];
  return lists.flatMap(([field, selectors]) => selectors.map((selector): [string, string] => [field, selector]));
}

function isValidSelector(selector: string): boolean {
  try {
    compile(selector);
    return true;
  } catch {
    return false;
  }
}
