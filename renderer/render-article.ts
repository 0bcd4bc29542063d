import { readArticleMeta, type ArticleMeta } from './source/article-meta.ts';
import { cleanBody } from './clean/body.ts';
import { splitFrontMatter } from './source/front-matter.ts';
import { renderArticlePage } from './page/page.ts';
import type { Problem, Result } from './source/problem.ts';
import { decodeSource } from './source/source-text.ts';

/** A rendered article: its validated front matter and the complete page. */
export interface RenderedArticle {
  meta: ArticleMeta;
  html: string;
  /** Odd but renderable (a blank title, an unknown date), each `path:line: what the page does instead`. */
  warnings: Problem[];
}

/** Renders one source file's bytes to a page, or says what is wrong with it. Pure: no I/O. */
export function renderArticle(file: string, bytes: Uint8Array, zone: string): Result<RenderedArticle> {
  const text = decodeSource(file, bytes);
  if (!text.ok) return text;
  const split = splitFrontMatter(file, text.value);
  if (!split.ok) return split;
  const read = readArticleMeta(file, split.value, zone);
  if (!read.ok) return read;
  const { meta, warnings } = read.value;
  const html = renderArticlePage(meta, cleanBody(split.value.body), zone);
  return { ok: true, value: { meta, html, warnings } };
}
