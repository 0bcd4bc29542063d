import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { renderFolder } from '../../renderer/render-folder.ts';
import { FIXTURES, ZONE } from './helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'renderer-pages-'));
let rendered: string[] = [];

test.beforeAll(() => {
  const report = renderFolder(FIXTURES, out, ZONE);
  expect(report.problems).toEqual([]);
  rendered = report.rendered;
});

test.describe('rendered folder', () => {
  test('every page is valid HTML5 (html-validate: standard + a11y rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    const pages = readdirSync(out).filter((name) => name.endsWith('.html'));
    expect(pages).toHaveLength(rendered.length + 1);
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(join(out, page), 'utf8'), page);
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${page}:${m.line} ${m.ruleId}: ${m.message}`));
      expect(messages, page).toEqual([]);
    }
  });

  test('the index lists every article once, newest first, with no-referrer thumbnails', () => {
    const $ = load(readFileSync(join(out, 'index.html'), 'utf8'));
    const links = $('.article-list a.entry')
      .toArray()
      .map((a) => decodeURIComponent($(a).attr('href') ?? ''));
    expect([...links].sort()).toEqual(rendered.map((slug) => `${slug}.html`).sort());
    const times = $('.article-list time')
      .toArray()
      .map((time) => Date.parse($(time).attr('datetime') ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect($('.article-list li').first().find('.title').text()).toBe('"保交楼"已近两月，成果到底如何？各方最新进展来了');
    const thumbs = $('.article-list img');
    expect(thumbs.length).toBeGreaterThan(10);
    thumbs.each((_, img) => expect($(img).attr('referrerpolicy')).toBe('no-referrer'));
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
