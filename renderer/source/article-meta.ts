import { basename } from 'node:path';
import { decodeHTML } from 'entities';
import { z } from 'zod';
import { parseArticleDate } from './dates.ts';
import type { SplitSource } from './front-matter.ts';
import { isPlaceholderImage } from '../clean/boilerplate.ts';
import { httpsImageUrl } from '../clean/images.ts';
import { quoted, type Problem, type Result } from './problem.ts';

/** An article's front matter, validated and normalised. */
export interface ArticleMeta {
  /** Title with HTML entities (the generator writes `{` as `&#123;`) decoded; for a blank title, the stated fallback (see fallbackTitle). */
  title: string;
  /** Undefined when the source's date is missing or unreadable: the page says the date is unknown. */
  published: Date | undefined;
  author: string;
  categories: string[];
  /** Lead image (https), absent when the source only had the site's QR promo or a random placeholder. */
  headimg: string | undefined;
  thumbnail: string | undefined;
  comments: boolean;
}

const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}, not ${describe(issue.input)}`);

const text = z.union([z.string(), z.number()], { error: expected('text') }).transform((value) => decodeHTML(String(value)).trim());

const optionalText = text.nullish().transform((value) => value ?? '');

/** The title of a page whose source title is blank: its file name, or this when the file name is blank too. */
const UNTITLED = '无题';

const FrontMatter = z.object({
  title: text,
  date: z.unknown().optional(), // read by parseArticleDate, which explains what is wrong
  author: optionalText,
  categories: z
    .union([text, z.array(text, { error: expected('a list of names') })], { error: expected('a list of names') })
    .nullish()
    .transform((value) => (value == null ? [] : Array.isArray(value) ? value : [value]).filter((name) => name !== '')),
  headimg: optionalText,
  thumbnail: optionalText,
  comments: z
    .boolean({ error: expected('true or false') })
    .nullish()
    .transform((value) => value ?? true),
});

/** Front matter read into ArticleMeta, and what was odd but not wrong (a blank title, an unknown date). */
export interface ReadMeta {
  meta: ArticleMeta;
  warnings: Problem[];
}

/** Validates front-matter data into ArticleMeta, naming the field and its line on failure. */
export function readArticleMeta(file: string, source: SplitSource, zone: string): Result<ReadMeta> {
  const checked = FrontMatter.safeParse(source.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return fail(file, source, field, `front-matter field "${field}" ${issue?.message ?? 'is invalid'}`);
  }
  const fields = checked.data;
  const warnings: Problem[] = [];
  const date = parseArticleDate(fields.date, zone);
  if (date.kind === 'refused') return fail(file, source, 'date', date.reason);
  if (date.kind === 'unknown') warnings.push({ ...problemAt(file, source, 'date', date.reason), fallback: 'the page says the date is unknown' });
  let title = fields.title;
  if (title === '') {
    title = fallbackTitle(file);
    const stand = title === UNTITLED ? `"${UNTITLED}" (untitled)` : `the file name ${quoted(title)}`;
    warnings.push({ ...problemAt(file, source, 'title', 'title is blank'), fallback: `the page uses ${stand} as its title` });
  }
  const meta: ArticleMeta = {
    title,
    published: date.kind === 'known' ? date.instant : undefined,
    author: fields.author,
    categories: fields.categories,
    headimg: articleImage(fields.headimg),
    thumbnail: articleImage(fields.thumbnail),
    comments: fields.comments,
  };
  return { ok: true, value: { meta, warnings } };
}

function articleImage(raw: string): string | undefined {
  const url = httpsImageUrl(raw);
  return url === undefined || isPlaceholderImage(url) ? undefined : url;
}

/** A blank title's stand-in: the file name without `.md`, or UNTITLED when that is blank too (a file named ` .md`). */
function fallbackTitle(file: string): string {
  const stem = basename(file).replace(/\.md$/, '').trim();
  return stem === '' ? UNTITLED : stem;
}

function problemAt(file: string, source: SplitSource, field: string, message: string): Problem {
  return { file, line: source.keyLines.get(field) ?? source.openLine, message };
}

function fail(file: string, source: SplitSource, field: string, message: string): Result<never> {
  return { ok: false, problem: problemAt(file, source, field, message) };
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return typeof value === 'string' ? `text ${quoted(value)}` : `${typeof value} ${JSON.stringify(value) ?? ''}`;
}
