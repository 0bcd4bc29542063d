import type { Ingredients } from './ingredients.ts';

/** One synthetic source file. */
export interface SynthArticle {
  name: string;
  text: string;
}

const QR_PROMO = 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png';
const FROM = Date.UTC(2018, 0, 1);
const TO = Date.UTC(2023, 0, 1);

/** A small, fast, well-known PRNG (mulberry32): the same seed gives the same numbers everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Article `index` of a synthetic archive. Each article has its own random stream (seed and index),
 * so archive N is the first N articles of any larger archive with the same seed.
 */
function synthArticle(ingredients: Ingredients, seed: number, index: number): SynthArticle {
  const next = random(Math.imul(seed, 1_000_003) + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const name = `${String(index).padStart(6, '0')}_synth`;
  const published = new Date(FROM + Math.floor((next() * (TO - FROM)) / 1000) * 1000);
  const date = chance(0.8) ? published.toUTCString() : wallClock(published);
  const title = `${[...pick(ingredients.titles)].slice(0, 24).join('')}（${index}）`;

  if (chance(0.05)) {
    // A 36kr-style flash: bare text, placeholder picture.
    return { name, text: front(title, ['新媒体', '36kr', '快讯'], '36kr', date, `https://picsum.photos/400/300?random=${index}`, `<div>   \n${pick(ingredients.paragraphs)}  \n</div>`) };
  }

  const images: string[] = [];
  const parts: string[] = [];
  if (chance(0.1)) parts.push('<!--video-list-->\n\n<div class="video-2017" id="videoList0" style></div>\n\n<!--/video-list-->');
  const paragraphs = 3 + Math.floor(next() * 14);
  for (let p = 0; p < paragraphs; p++) {
    let text = pick(ingredients.paragraphs);
    if (chance(0.15)) text = `<font cms-style="font-L strong-Bold">${text}</font>`;
    if (chance(0.05))
      text += `<span id="stock_sh60${String(index % 10000).padStart(4, '0')}"><a href="https://finance.sina.com.cn/realstock/company/sh60${String(index % 10000).padStart(4, '0')}/nc.shtml" class="keyword" target="_blank">公司${index}</a></span><span id="quote_sh60${String(index % 10000).padStart(4, '0')}"></span>。`;
    parts.push(`<p cms-style="font-L">\u3000\u3000${text}</p>`);
    if (chance(0.3)) {
      const { width, height } = pick(ingredients.imageSizes);
      const url = `https://n.sinaimg.cn/synth/${seed}/w${width}h${height}/${index}-${images.length}.jpg`;
      images.push(url);
      const caption = chance(0.3) ? pick(ingredients.captions) : '';
      parts.push(`<div class="img_wrapper"><img id="${images.length - 1}" src="${url}" alt="${caption}" referrerpolicy="no-referrer"><span class="img_descr">${caption}</span></div>`);
    }
    if (chance(0.03)) parts.push(pick(ingredients.tables));
  }
  if (chance(0.4)) parts.push(pick(ingredients.adLists));
  const tail = chance(0.1) ? ingredients.kaihu + ingredients.tail.slice(ingredients.tail.indexOf('\n')) : ingredients.tail;
  return { name, text: front(title, ['金融', '新浪财经', '新浪财经－国內'], '新浪财经', date, images[0] ?? QR_PROMO, `<div>   \n${parts.join('\n')}\n${tail}`) };
}

/** The first `count` articles of the synthetic archive with this seed. */
export function* synthArchive(ingredients: Ingredients, count: number, seed: number): Generator<SynthArticle> {
  for (let index = 0; index < count; index++) yield synthArticle(ingredients, seed, index);
}

function front(title: string, categories: string[], author: string, date: string, image: string, body: string): string {
  return `
---
title: '${title.replace(/'/g, "''")}'
categories: 
${categories.map((category) => ` - ${category}`).join('\n')}
headimg: '${image}'
author: ${author}
comments: false
date: ${date}
thumbnail: '${image}'
---

${body}
`;
}

/** The zone-less form some feeds use: Asia/Shanghai wall-clock time, `YYYY-MM-DD HH:mm:ss`. */
function wallClock(instant: Date): string {
  const shanghai = new Date(instant.getTime() + 8 * 3600 * 1000); // no DST in China since 1991
  return shanghai.toISOString().slice(0, 19).replace('T', ' ');
}
