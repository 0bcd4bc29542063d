import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedArticle } from '../../../harness/oracle/expected.ts';
import { readSourcePost } from '../../../harness/oracle/source.ts';
import { listSources } from '../../../harness/run/sources.ts';

/** Real pieces of the archive that synthetic articles are assembled from. */
export interface Ingredients {
  /** Visible paragraph texts of the Sina fixtures. */
  paragraphs: string[];
  titles: string[];
  captions: string[];
  /** Image sizes from the fixtures' `/wNNNhNNN/` hints. */
  imageSizes: { width: number; height: number }[];
  /** Raw `<table>…</table>` markup. */
  tables: string[];
  /** Raw `<!--article_adlist[…]article_adlist-->` comments. */
  adLists: string[];
  /** The Sina end-of-article chrome (keyword comment, QR promo, editor line), as scraped. */
  tail: string;
  /** The 2022 account-opening QR block. */
  kaihu: string;
}

/** Harvests ingredients from the bundled fixtures (read through the oracle, so only real content). */
export function harvestIngredients(fixturesDir = 'fixtures'): Ingredients {
  const sina = listSources(fixturesDir).filter((source) => /^0\d\d_(?!other)/.test(source.slug));
  const raw = sina.map((source) => readFileSync(source.path, 'utf8'));
  const articles = sina.map((source) => expectedArticle(source.slug, readSourcePost(source.path, 'Asia/Shanghai')));
  const seed = readFileSync(join(fixturesDir, '000_9fc98f06a0b555e0.md'), 'utf8');
  const kaihuSource = raw.find((text) => text.includes('<!-- 开户二维码 start -->')) ?? '';
  return {
    paragraphs: articles.flatMap((article) => article.blocks).filter((block) => [...block].length >= 20),
    titles: articles.map((article) => article.title),
    captions: raw.flatMap((text) => [...text.matchAll(/<span class="img_descr">([^<]+)<\/span>/g)].map((match) => match[1] ?? '')),
    imageSizes: raw.flatMap((text) => [...text.matchAll(/\/w(\d+)h(\d+)\//g)].map((match) => ({ width: Number(match[1]), height: Number(match[2]) }))),
    tables: raw.flatMap((text) => [...text.matchAll(/<table[\s\S]*?<\/table>/g)].map((match) => match[0])),
    adLists: raw.flatMap((text) => [...text.matchAll(/<!--article_adlist\[[\s\S]*?\]article_adlist-->/g)].map((match) => match[0])),
    tail: seed.slice(seed.indexOf('<!-- news_keyword_pub')),
    kaihu: kaihuSource.slice(kaihuSource.indexOf('<!-- 开户二维码 start -->'), kaihuSource.indexOf('<!-- 开户二维码 end -->') + '<!-- 开户二维码 end -->'.length),
  };
}
