import { expect, test } from '../support/selftest.ts';
import { htmlDiffPage, normalizeHtml } from '../../harness/visual/html-snapshot.ts';

const page = (body: string, head = '<title>T</title>') => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;

test.describe('page HTML snapshots (pure)', () => {
  test('formatting differences disappear: whitespace, line breaks, attribute order', () => {
    const a = normalizeHtml(page('<main><p class="a" id="x">正文 <strong>强调</strong></p></main>'));
    const b = normalizeHtml(page('\n<main>\n  <p id="x"   class="a">正文\n <strong>强调</strong>\n</p>\n</main>\n'));
    expect(b).toBe(a);
    expect(a).toContain('<p class="a" id="x">正文 <strong>强调</strong></p>');
  });

  test('meaningful changes stay: a word, an attribute, an element, a comment', () => {
    const base = normalizeHtml(page('<p>正文</p><img src="a.jpg" referrerpolicy="no-referrer">'));
    expect(normalizeHtml(page('<p>正文。</p><img src="a.jpg" referrerpolicy="no-referrer">'))).not.toBe(base);
    expect(normalizeHtml(page('<p>正文</p><img src="a.jpg">'))).not.toBe(base);
    expect(normalizeHtml(page('<p>正文</p><p></p><img src="a.jpg" referrerpolicy="no-referrer">'))).not.toBe(base);
    expect(normalizeHtml(page('<p>正文</p><!-- x --><img src="a.jpg" referrerpolicy="no-referrer">'))).not.toBe(base);
  });

  test('JSON-LD is compared as data, whatever its spacing', () => {
    const ld = (json: string) => normalizeHtml(page('', `<script type="application/ld+json">${json}</script>`));
    expect(ld('{"headline":"T","author":{"name":"A"}}')).toBe(ld('{ "headline": "T",\n "author": { "name": "A" } }'));
  });

  test('the diff page is rendered by diff2html and names the approved file', () => {
    const html = htmlDiffPage('x', 'golden/x.html', normalizeHtml(page('<p>旧</p>')), normalizeHtml(page('<p>新</p>')));
    expect(html).toContain('d2h-file-wrapper');
    expect(html).toContain('approved golden/x.html');
  });
});
