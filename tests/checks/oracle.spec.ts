import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { expectedArticle } from '../../harness/oracle/expected.ts';
import { readSourcePost, SourceError } from '../../harness/oracle/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
const source = (name: string, text: string | Buffer): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const post = (body: string, fields = "title: '标题'\ndate: 2021-04-25 04:12:10\nheadimg: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'") => `\n---\n${fields}\n---\n\n<div>${body}</div>\n`;
const expectedOf = (body: string) => expectedArticle('x', readSourcePost(source('x.md', post(body)), 'Asia/Shanghai'));

test.describe('oracle: reading sources independently of the renderer', () => {
  test('blocks are what a reader sees: hidden elements, comments and chrome are not text; <br> is a space', () => {
    const expected = expectedOf(`<p>\u3000\u3000甲<br>乙</p><a class="originUrl" hidden>查看原文</a><!--article_adlist[<p>广告文字</p>]article_adlist-->
<p>丙<span id="stock_sz1"><a class="keyword" href="https://finance.sina.com.cn/realstock/company/sz1/nc.shtml">公司</a></span><span id="quote_sz1"></span>丁</p>
<div class="img_wrapper"><img src="//n.sinaimg.cn/x.jpg"><span class="img_descr">图注</span></div><p class="article-editor">责任编辑：某 </p>`);
    expect(expected.blocks).toEqual(['甲 乙', '丙公司丁', '图注']);
    expect(expected.images).toEqual(['https://n.sinaimg.cn/x.jpg']);
    const probe = (entry: string) => expected.probes.filter((p) => p.entry === entry).map((p) => `${p.kind}:${p.value}`);
    expect(probe('ad-list')).toEqual(['text:广告文字']);
    expect(probe('hidden-in-source')).toEqual(['text:查看原文']);
    expect(probe('editor-line')).toEqual(['text:责任编辑：', 'selector:p.article-editor', 'text:责任编辑：某']);
    expect(probe('stock-keyword-link')).toEqual(['selector:a[href*="/realstock/"]']);
  });

  test('zone-less dates are Asia/Shanghai time; the QR headimg means no lead image', () => {
    const expected = expectedOf('<p>x</p>');
    expect(expected.published?.toISOString()).toBe('2021-04-24T20:12:10.000Z');
    expect(expected.headimg).toBeUndefined();
  });

  test('plain text bodies split at blank lines; BOM and CRLF are fine', () => {
    const path = source('p.md', `\uFEFF\r\n---\r\ntitle: 'T'\r\ndate: Thu, 10 Mar 2022 11:07:26 GMT\r\n---\r\n一段\r\n一行\r\n\r\n二段\r\n`);
    expect(expectedArticle('p', readSourcePost(path, 'UTC')).blocks).toEqual(['一段 一行', '二段']);
  });

  test('an unreadable or missing date is unknown; a blank title becomes the file name, or 无题', () => {
    for (const date of ['date: Invalid Date\n', 'date: soon\n', "date: ''\n", '']) {
      expect(readSourcePost(source('nodate.md', `---\ntitle: 'x'\n${date}---\n`), 'UTC').published, date).toBeUndefined();
    }
    expect(readSourcePost(source('347_blank.md', "---\ntitle: ' '\ndate: 2021-04-25 04:12:10\n---\n"), 'UTC').title).toBe('347_blank');
    expect(readSourcePost(source(' .md', "---\ntitle: ''\ndate: 2021-04-25 04:12:10\n---\n"), 'UTC').title).toBe('无题');
  });

  test('lazy images: the real picture wins over the placeholder; the largest srcset candidate; /undefined is broken', () => {
    const expected = expectedOf(`<img src="data:image/gif;base64,R0l" data-src="//cdn.x.com/a.jpg"><img src="https://x.com/small.jpg" data-original="https://x.com/big.jpg">
<img src="https://x.com/b.jpg?w=1" data-srcset="https://x.com/b.jpg?w=1000 1x,https://x.com/b.jpg 2x"><img src="https://x.com/c-300.jpg" srcset="https://x.com/c,1.jpg 567w, https://x.com/c-300.jpg 300w">
<img src="https://x.com/undefined"><video poster="https://x.com/poster.jpg"><img src="https://x.com/fallback.jpg"></video>`);
    expect(expected.images).toEqual(['https://cdn.x.com/a.jpg', 'https://x.com/big.jpg', 'https://x.com/b.jpg', 'https://x.com/c,1.jpg', 'https://x.com/poster.jpg']);
    expect(expected.brokenImages).toEqual(['https://x.com/undefined']);
  });

  test('embeds: each in order with its target; fallback content is neither text nor another embed', () => {
    const expected = expectedOf(`<p>前<iframe src="https://www.youtube.com/embed/abc123XYZ">不显示的文字</iframe>后</p>
<object data="javascript:alert(1)"><embed src="https://x.com/inner.swf"></object><video><source src="https://x.com/v.m3u8"><source src="https://x.com/v.mp4"></video>`);
    expect(expected.embeds).toEqual([
      { element: 'iframe', target: 'https://www.youtube.com/watch?v=abc123XYZ' },
      { element: 'object', target: undefined },
      { element: 'video', target: 'https://x.com/v.mp4' },
    ]);
    expect(expected.blocks).toEqual(['前后']);
  });

  test('the lead: the first block outside headings and captions with a letter or digit', () => {
    expect(expectedOf('<h2>引言</h2><p>+</p><blockquote><p>编辑导语：正文开始。</p></blockquote><p>第二段。</p>').lead).toBe(2);
    expect(expectedOf('<div class="img_wrapper"><img src="//x.com/a.jpg"><span class="img_descr">图注</span></div><p>正文。</p>').lead).toBe(1);
    expect(expectedOf('<img src="//x.com/a.jpg">').lead).toBe(-1);
  });

  test('text as written: code pasted unescaped reads as written, whitespace of <pre> is kept exactly', () => {
    const expected = expectedOf('<pre><code>List<String> list;\n    for (String s : list) {}\n</code></pre><p>a<b>x</b></p>');
    expect(expected.blocks).toEqual(['List<String> list; for (String s : list) {}', 'ax']);
    expect(expected.preformatted).toEqual(['List<String> list;\n    for (String s : list) {}\n']);
  });

  test("a body of plain text inside the generator's <div>: lines and paragraphs as written, entities decoded", () => {
    const path = source('plain.md', "\n---\ntitle: 'T'\ndate: 2021-04-25 04:12:10\n---\n\n<div>   \n第一行\n第二行 &amp; 更多\n\n第二段\n</div>\n");
    expect(expectedArticle('plain', readSourcePost(path, 'UTC')).blocks).toEqual(['第一行 第二行 & 更多', '第二段']);
  });

  test("Cloudflare's e-mail protection reads as the address; its placeholder must not survive", () => {
    const expected = expectedOf('<p>mail <span class="__cf_email__" data-cfemail="1c2e2c2e2e2c2d2e242c292e24292d322d2b2d2a2e312d317e747d6e7d687d5c7d7178327f7371">[email&#160;protected]</span></p>');
    expect(expected.blocks).toEqual(['mail 20220128052851.17162-1-bharata@amd.com']);
    expect(expected.probes).toContainEqual({ entry: 'email-protection', kind: 'text', value: '[email protected]' });
  });

  test('unreadable sources throw a SourceError naming the file and the problem', () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['nofm.md', '<p>x</p>', /nofm\.md: no front matter/],
      ['open.md', "---\ntitle: 'x'\n", /open\.md: front matter is never closed/],
      ['yaml.md', '---\ntitle: [x\n---\n', /yaml\.md: front matter is not valid YAML/],
      ['notitle.md', '---\ndate: 2021-04-25 04:12:10\n---\n', /notitle\.md: front matter has no title/],
      ['binary.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]), /binary\.md: cannot read the source/],
    ];
    for (const [name, text, message] of cases) {
      expect(() => readSourcePost(source(name, text), 'UTC'), name).toThrow(SourceError);
      expect(() => readSourcePost(source(name, text), 'UTC'), name).toThrow(message);
    }
  });
});
