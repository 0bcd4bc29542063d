import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { renderFolder } from '../../renderer/render-folder.ts';
import type { IndexEntry } from '../../renderer/page/index-page.ts';
import { renderListings } from '../../renderer/page/listings.ts';
import { FIXTURES, ZONE } from './helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'renderer-pages-'));
let rendered: string[] = [];

test.beforeAll(() => {
  // A full render every time: a worker that runs a second test of this file runs this again, and an
  // incremental render would find every page unchanged and render none.
  const report = renderFolder(FIXTURES, out, ZONE, { full: true });
  expect(report.problems).toEqual([]);
  rendered = report.rendered;
});

test.describe('rendered folder', () => {
  test('every page is valid HTML5 (html-validate: standard + a11y rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    const articles = readdirSync(out).filter((name) => name.endsWith('.html'));
    expect(articles).toHaveLength(rendered.length + 1);
    const listings = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html') && /^(page|categories|archives)\//.test(name));
    expect(listings.length).toBeGreaterThan(50);
    const pages = [...articles, ...listings];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(join(out, page), 'utf8'), page);
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${page}:${m.line} ${m.ruleId}: ${m.message}`));
      expect(messages, page).toEqual([]);
    }
  });

  test('the index lists every article once, newest first, with no-referrer thumbnails', () => {
    // Every page of the index, first to last (100 a page).
    const $ = load(
      [
        'index.html',
        ...readdirSync(join(out, 'page'))
          .sort((a, b) => Number(a) - Number(b))
          .map((number) => join('page', number, 'index.html')),
      ]
        .map((page) => readFileSync(join(out, page), 'utf8'))
        .join('\n'),
    );
    const links = $('.article-list a.entry')
      .toArray()
      .map((a) => decodeURIComponent($(a).attr('href') ?? '').replace(/^(\.\.\/)+/, ''));
    expect([...links].sort()).toEqual(rendered.map((slug) => `${slug}.html`).sort());
    const times = $('.article-list time')
      .toArray()
      .map((time) => Date.parse($(time).attr('datetime') ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect($('.article-list li').first().find('.title').text()).toBe('"保交楼"已近两月，成果到底如何？各方最新进展来了');
    const thumbs = $('.article-list img');
    expect(thumbs.length).toBeGreaterThan(10);
    thumbs.each((_, img) => {
      expect($(img).attr('referrerpolicy')).toBe('no-referrer');
      // Loaded only near the screen, with its box's size known before it arrives.
      expect($(img).attr('loading')).toBe('lazy');
      expect(Number($(img).attr('width'))).toBeGreaterThan(0);
      expect(Number($(img).attr('height'))).toBeGreaterThan(0);
    });
    expect(
      $('.article-list .categories')
        .first()
        .find('li')
        .toArray()
        .map((li) => $(li).text()),
    ).toEqual(['金融', '新浪财经', '新浪财经－国內']);
  });

  test('the folder is self-contained: styles and fonts are local files that exist', () => {
    const fontsCss = readFileSync(join(out, 'assets', 'fonts.css'), 'utf8');
    const fonts = [...fontsCss.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1] ?? '');
    expect(fonts.length).toBeGreaterThan(150);
    for (const font of fonts) {
      expect(font).toMatch(/^fonts\/[\w.-]+\.woff2$/);
      expect(readFileSync(join(out, 'assets', font)).length, font).toBeGreaterThan(0);
    }
    const $ = load(readFileSync(join(out, `${rendered[0] ?? ''}.html`), 'utf8'));
    const hrefs = $('link[rel=stylesheet]')
      .toArray()
      .map((link) => $(link).attr('href'));
    expect(hrefs).toEqual(['assets/fonts.css', 'assets/style.css']);
    expect(readFileSync(join(out, 'assets', 'style.css'), 'utf8')).toContain("'Noto Sans SC'");
  });
});

test.describe('listings', () => {
  const pageOf = (path: string) => load(readFileSync(join(out, path), 'utf8'));
  /** A listing's pages by their next links, from its first page. */
  const chain = (first: string): string[] => {
    const paths = [first];
    for (;;) {
      const next = pageOf(paths.at(-1) ?? '')('a[rel="next"]').attr('href');
      if (next === undefined) return paths;
      paths.push(join(dirname(paths.at(-1) ?? ''), decodeURIComponent(next)));
    }
  };

  test('the index is paginated as Hexo does: 100 a page, page/2/ after it, prev and next links both ways', () => {
    expect(chain('index.html')).toEqual(['index.html', join('page', '2', 'index.html')]);
    expect(pageOf('index.html')('.article-list > li')).toHaveLength(100);
    const second = pageOf(join('page', '2', 'index.html'));
    expect(second('.article-list > li')).toHaveLength(rendered.length - 100);
    expect(second('a[rel="prev"]').attr('href')).toBe('../../index.html');
    expect(second('link[rel="stylesheet"]').first().attr('href')).toBe('../../assets/fonts.css');
    expect(second('title').text()).toBe('新闻存档 · 第 2 页');
  });

  test('one listing per feed holds exactly its articles, and one per month; a directory links each', () => {
    const feeds = pageOf(join('categories', 'index.html'))('a.feed')
      .toArray()
      .map((a) => decodeURIComponent(a.attribs.href ?? ''));
    expect(feeds).toContain('../categories/金融/新浪财经/新浪财经－国內/index.html');
    const sina = pageOf(join('categories', '金融', '新浪财经', '新浪财经－国內', 'index.html'));
    expect(
      sina('.feed-path li')
        .toArray()
        .map((li) => sina(li).text()),
    ).toEqual(['金融', '新浪财经', '新浪财经－国內']);
    const listed = sina('.article-list a.entry').length;
    expect(listed).toBe(22);
    expect(
      sina('.article-list .categories')
        .toArray()
        .every((list) => sina(list).text() === '金融新浪财经新浪财经－国內'),
    ).toBe(true);
    const months = pageOf(join('archives', 'index.html'))('a.month');
    expect(months.length).toBeGreaterThan(10);
    const april = pageOf(join('archives', '2021', '04', 'index.html'));
    expect(
      april('.article-list time')
        .toArray()
        .every((time) => (time.attribs.datetime ?? '').startsWith('2021-04') || (time.attribs.datetime ?? '').startsWith('2021-03-31')),
    ).toBe(true);
  });
});

test('a feed folder keeps the category’s name where a file name can hold it; otherwise a cleaned, short name and a hash, never shared', () => {
  const entry = (slug: string, categories: string[]): IndexEntry => ({ slug, meta: { title: slug, published: new Date('2021-04-25T00:00:00Z'), author: '', categories, headimg: undefined, thumbnail: undefined, comments: false } });
  const long = `${'很长的名字'.repeat(30)}<script>`;
  const entries = [entry('a', ['新媒体', '36kr']), entry('b', ['a/b']), entry('c', ['a-b']), entry('d', ['page']), entry('e', [long]), entry('f', ['..'])];
  const folders = renderListings(entries, ZONE, 100)
    .map(([path]) => path)
    .filter((path) => path.startsWith('categories/') && path !== 'categories/index.html')
    .map((path) => path.slice('categories/'.length, -'/index.html'.length));
  expect(folders).toContain('新媒体/36kr');
  expect(folders).toContain('a-b');
  expect(folders.filter((folder) => folder.startsWith('a-b'))).toHaveLength(2);
  expect(folders).toEqual(expect.arrayContaining([expect.stringMatching(/^a-b-[0-9a-f]{8}$/), expect.stringMatching(/^page-[0-9a-f]{8}$/), expect.stringMatching(/^\.\.-[0-9a-f]{8}$/)]));
  const longFolder = folders.find((folder) => folder.startsWith('很长的名字')) ?? '';
  expect([...longFolder].length).toBeLessThanOrEqual(49);
  expect(Buffer.byteLength(longFolder)).toBeLessThan(255);
  expect(new Set(folders).size).toBe(folders.length);
});
