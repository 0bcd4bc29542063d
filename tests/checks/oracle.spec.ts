import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectedArticle } from '../../harness/oracle/expected.ts';
import { readSourcePost, SourceError } from '../../harness/oracle/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
const source = (name: string, text: string | Buffer): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const post = (body: string, fields = "title: '标题'\ndate: 2021-04-25 04:12:10\nheadimg: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'") =>
  `\n---\n${fields}\n---\n\n<div>${body}</div>\n`;
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
    expect(expected.published.toISOString()).toBe('2021-04-24T20:12:10.000Z');
    expect(expected.headimg).toBeUndefined();
  });

  test('plain text bodies split at blank lines; BOM and CRLF are fine', () => {
    const path = source('p.md', `\uFEFF\r\n---\r\ntitle: 'T'\r\ndate: Thu, 10 Mar 2022 11:07:26 GMT\r\n---\r\n一段\r\n一行\r\n\r\n二段\r\n`);
    expect(expectedArticle('p', readSourcePost(path, 'UTC')).blocks).toEqual(['一段 一行', '二段']);
  });

  test('unreadable sources throw a SourceError naming the file and the problem', () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['nofm.md', '<p>x</p>', /nofm\.md: no front matter/],
      ['open.md', "---\ntitle: 'x'\n", /open\.md: front matter is never closed/],
      ['yaml.md', '---\ntitle: [x\n---\n', /yaml\.md: front matter is not valid YAML/],
      ['notitle.md', '---\ndate: 2021-04-25 04:12:10\n---\n', /notitle\.md: front matter has no title/],
      ['nodate.md', "---\ntitle: 'x'\ndate: soon\n---\n", /nodate\.md: front matter date "soon" cannot be read/],
      ['binary.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]), /binary\.md: cannot read the source/],
    ];
    for (const [name, text, message] of cases) {
      expect(() => readSourcePost(source(name, text), 'UTC'), name).toThrow(SourceError);
      expect(() => readSourcePost(source(name, text), 'UTC'), name).toThrow(message);
    }
  });
});
