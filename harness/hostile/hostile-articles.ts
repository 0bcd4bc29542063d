import type { Payload } from './corpus.ts';

/** Where a payload is put in an article. */
export const PLACES = ['body', 'title', 'author', 'categories', 'headimg', 'thumbnail', 'date'] as const;

/** A YAML double-quoted scalar: JSON's string escapes are all valid YAML escapes. */
const yaml = (text: string): string => JSON.stringify(text);

/**
 * An article carrying one payload in its body and in every front-matter field but the date (an
 * article's date must be a date, so that case is its own article, which must be refused).
 */
export function articleWithPayload(payload: Payload): string {
  const p = payload.html;
  // The title gets a prefix: a payload that is only markup would otherwise make an empty, refused title.
  return `
---
title: ${yaml(`载荷：${p}`)}
categories:
 - ${yaml(p)}
 - 金融
headimg: ${yaml(p)}
author: ${yaml(p)}
comments: false
date: Thu, 10 Mar 2022 11:07:26 GMT
thumbnail: ${yaml(p)}
---

<div>
<p>\u3000\u3000攻击载荷之前的段落。</p>
${p}
<p>\u3000\u3000攻击载荷之后的段落。</p>
</div>
`;
}

/** An article whose date is the payload: the renderer must refuse it with a clear error. */
export function articleWithPayloadDate(payload: Payload): string {
  return `\n---\ntitle: '日期载荷'\ndate: ${yaml(payload.html)}\n---\n\n<p>正文。</p>\n`;
}
