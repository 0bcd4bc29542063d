import type { Payload } from './corpus.ts';

/** Where a payload is put in an article. */
export const PLACES = ['body', 'title', 'author', 'categories', 'headimg', 'thumbnail', 'date'] as const;

/** A YAML double-quoted scalar: JSON's string escapes are all valid YAML escapes. */
const yaml = (text: string): string => JSON.stringify(text);

/**
 * An article carrying one payload in its body and in every front-matter field, the date included
 * (a date that is not a date is rendered as "date unknown", with a warning line).
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
date: ${yaml(p)}
thumbnail: ${yaml(p)}
---

<div>
<p>\u3000\u3000攻击载荷之前的段落。</p>
${p}
<p>\u3000\u3000攻击载荷之后的段落。</p>
</div>
`;
}
