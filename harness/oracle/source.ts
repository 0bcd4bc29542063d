import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeHTML } from 'entities';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { readInstant } from './dates.ts';

/** A source the oracle cannot read; its message names the file and the problem. */
export class SourceError extends Error {}

/** An archived post as the oracle reads it: front-matter fields and the raw HTML body. */
export interface SourcePost {
  file: string;
  /** The title; a blank one is replaced by the file name (or 无题 when that is blank too), as the renderer states. */
  title: string;
  /** True when the front matter's title is blank: a generator that keeps it blank (Hexo) shows none (profile `article.blankTitle`). */
  titleBlank: boolean;
  /** Undefined for a missing, blank or unreadable date: a faithful page then shows no date at all. */
  published: Date | undefined;
  author: string;
  categories: string[];
  headimg: string;
  comments: boolean;
  body: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Keeps `2021-04-25 04:12:10` text (the default YAML schema would make it a UTC Date). */
const MATTER_OPTIONS = { engines: { yaml: (text: string): object => loadYaml(text, { schema: CORE_SCHEMA }) as object } };

/** Reads and checks one source post; throws SourceError saying what is wrong. */
export function readSourcePost(file: string, zone: string): SourcePost {
  let text: string;
  try {
    text = utf8.decode(readFileSync(file)).replace(/\r\n?/g, '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === undefined || code === 'ERR_ENCODING_INVALID_ENCODED_DATA' ? 'it is not valid UTF-8' : code;
    throw new SourceError(`${file}: cannot read the source (${reason})`);
  }
  const start = text.search(/\S/);
  if (start === -1 || !/^---[ \t]*\n/.test(text.slice(start))) throw new SourceError(`${file}: no front matter (the file must start with ---)`);
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(start + 3))) throw new SourceError(`${file}: front matter is never closed with ---`);

  let data: unknown;
  let body: string;
  try {
    const parsed = matter(text.slice(start), MATTER_OPTIONS); // options given: gray-matter caches otherwise
    data = parsed.data;
    body = parsed.content;
  } catch (error) {
    throw new SourceError(`${file}: front matter is not valid YAML (${(error as Error).message.split('\n')[0] ?? ''})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new SourceError(`${file}: front matter is not a set of fields`);
  const fields = data as Record<string, unknown>;

  if (fields.title === undefined || fields.title === null) throw new SourceError(`${file}: front matter has no title`);
  const written = decodeHTML(asText(fields.title)).trim();
  const title = written || titleFromFileName(file);
  const published = readInstant(asText(fields.date), zone);
  const categories = fields.categories;
  if (categories != null && typeof categories !== 'string' && !Array.isArray(categories)) {
    throw new SourceError(`${file}: categories must be a list of names`);
  }
  return {
    file,
    title,
    titleBlank: written === '',
    published,
    author: decodeHTML(asText(fields.author)).trim(),
    categories: (Array.isArray(categories) ? categories : categories == null ? [] : [categories]).map((c) => decodeHTML(asText(c)).trim()).filter((c) => c !== ''),
    headimg: asText(fields.headimg).trim(),
    comments: fields.comments !== false,
    body,
  };
}

/** The stated stand-in for a blank title: the file name without `.md`, or 无题 ("untitled") when that is blank too. */
function titleFromFileName(file: string): string {
  return basename(file, '.md').trim() || '无题';
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
