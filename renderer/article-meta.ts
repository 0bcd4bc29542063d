import { decodeHTML } from 'entities';
import { z } from 'zod';
import { parseArticleDate } from './dates.ts';
import type { SplitSource } from './front-matter.ts';
import { isPlaceholderImage } from './boilerplate.ts';
import { httpsImageUrl } from './images.ts';
import { quoted, type Result } from './problem.ts';

/** An article's front matter, validated and normalised. */
export interface ArticleMeta {
  /** Title with HTML entities (the generator writes `{` as `&#123;`) decoded. */
  title: string;
  published: Date;
  author: string;
  categories: string[];
  /** Lead image (https), absent when the source only had the site's QR promo or a random placeholder. */
  headimg: string | undefined;
  thumbnail: string | undefined;
  comments: boolean;
}

const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is missing' : `must be ${what}, not ${describe(issue.input)}`;

const text = z
  .union([z.string(), z.number()], { error: expected('text') })
  .transform((value) => decodeHTML(String(value)).trim());

const optionalText = text.nullish().transform((value) => value ?? '');

const FrontMatter = z.object({
  title: text.refine((title) => title !== '', 'is empty'),
  date: z.unknown().optional(), // read by parseArticleDate, which explains what is wrong
  author: optionalText,
  categories: z
    .union([text, z.array(text, { error: expected('a list of names') })], { error: expected('a list of names') })
    .nullish()
    .transform((value) => (value == null ? [] : Array.isArray(value) ? value : [value]).filter((name) => name !== '')),
  headimg: optionalText,
  thumbnail: optionalText,
  comments: z.boolean({ error: expected('true or false') }).nullish().transform((value) => value ?? true),
});

/** Validates front-matter data into ArticleMeta, naming the field and its line on failure. */
export function readArticleMeta(file: string, source: SplitSource, zone: string): Result<ArticleMeta> {
  const checked = FrontMatter.safeParse(source.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return fail(file, source, field, `front-matter field "${field}" ${issue?.message ?? 'is invalid'}`);
  }
  const fields = checked.data;
  const date = parseArticleDate(fields.date, zone);
  if (!date.ok) return fail(file, source, 'date', date.reason);
  return {
    ok: true,
    value: {
      title: fields.title,
      published: date.instant,
      author: fields.author,
      categories: fields.categories,
      headimg: articleImage(fields.headimg),
      thumbnail: articleImage(fields.thumbnail),
      comments: fields.comments,
    },
  };
}

function articleImage(raw: string): string | undefined {
  const url = httpsImageUrl(raw);
  return url === undefined || isPlaceholderImage(url) ? undefined : url;
}

function fail(file: string, source: SplitSource, field: string, message: string): Result<never> {
  const line = source.keyLines.get(field) ?? source.openLine;
  return { ok: false, problem: { file, line, message } };
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return typeof value === 'string' ? `text ${quoted(value)}` : `${typeof value} ${JSON.stringify(value) ?? ''}`;
}
