import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import type { ArticleMeta } from '../../renderer/source/article-meta.ts';
import { renderArticle } from '../../renderer/render-article.ts';

export const FIXTURES = 'fixtures';
export const ZONE = 'Asia/Shanghai';

/** A fixture rendered in memory, with its page parsed the way a browser parses it (parse5). */
export interface RenderedFixture {
  meta: ArticleMeta;
  html: string;
  $: CheerioAPI;
  /** The article body's visible text with whitespace collapsed. */
  bodyText: string;
}

/** Renders `fixtures/<name>` (or any text as a source named `name`) and parses the page. */
export function renderFixture(name: string, source?: string, zone = ZONE): RenderedFixture {
  const bytes = source === undefined ? readFileSync(join(FIXTURES, name)) : new TextEncoder().encode(source);
  const result = renderArticle(name, bytes, zone);
  if (!result.ok) throw new Error(`${name} was refused: ${result.problem.message}`);
  const $ = load(result.value.html);
  return { ...result.value, $, bodyText: $('.article-body').text().replace(/\s+/g, ' ').trim() };
}

/** A minimal valid post with front-matter overrides and a body. */
export function post(fields: Record<string, string>, body = '<p>正文。</p>'): string {
  const defaults: Record<string, string> = { title: "'标题'", date: 'Thu, 10 Mar 2022 11:07:26 GMT', author: '新浪财经' };
  const lines = Object.entries({ ...defaults, ...fields })
    .filter(([, value]) => value !== '<omit>')
    .map(([key, value]) => `${key}: ${value}`);
  return `\n---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
