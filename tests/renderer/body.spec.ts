import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURES, post, renderFixture } from './helpers.ts';

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();

test.describe('article body as semantic HTML', () => {
  test('text stays exactly as written; the leading full-width indent becomes CSS', () => {
    const { $ } = renderFixture('000_9fc98f06a0b555e0.md');
    const first = $('.article-body p').first().text();
    expect(first.startsWith('据吉林广播电视台官微消息，今天（3月10日）')).toBe(true);
    expect($('.article-body').text()).toContain('各级党政“一把手”要深入摸清实际情况，科学研判、精准施策');
  });

  test('strong-Bold <font> becomes one <strong>; other <font>s disappear', () => {
    const { $, html } = renderFixture('000_9fc98f06a0b555e0.md');
    expect($('.article-body strong').text()).toBe('严格落实转运隔离、医疗救治等措施，确保师生生命安全和身体健康。');
    expect(html).not.toContain('<font');
    expect(html).not.toContain('cms-style');
    const nested = renderFixture('009_sina-2022-01-gdp-tables.md');
    expect(nested.$('.article-body strong strong')).toHaveLength(0);
    expect(nested.$('p.center strong').first().text()).toBe('表12021年四季度和全年GDP初步核算数据');
  });

  test('img_wrapper becomes <figure>, a non-empty img_descr its <figcaption>, nested wrappers collapse', () => {
    const captions = renderFixture('011_sina-2022-03-mu5735-captions-video-fragment.md');
    const withCaption = captions.$('figure:has(figcaption)');
    expect(withCaption.length).toBeGreaterThanOrEqual(2);
    expect(withCaption.first().find('figcaption').text()).toBe('这是国家应急处置指挥部在广西梧州举行的新闻发布会现场（3月22日摄，手机照片）。新华社记者 梁舜 摄');
    expect(captions.$('figcaption:empty')).toHaveLength(0);

    const nested = renderFixture('007_sina-2021-12-data-review-video-list-nested-imgwrapper.md');
    expect(nested.$('figure')).toHaveLength(16);
    expect(nested.$('figure figure')).toHaveLength(0);
  });

  test('tables keep rows, cells and their row/column spans', () => {
    const { $ } = renderFixture('009_sina-2022-01-gdp-tables.md');
    expect($('table')).toHaveLength(3);
    const first = $('table').first();
    expect(first.find('td[rowspan="2"]')).toHaveLength(1);
    expect(first.find('td[colspan="2"]')).toHaveLength(2);
    expect(first.find('tr').first().find('td').eq(1).text().trim()).toBe('现价总量（亿元）');
    expect(first.find('td').filter((_, td) => $(td).text().trim() === '1143670')).toHaveLength(1);
    expect($('.table-scroll > table')).toHaveLength(3);
    expect(first.attr('border')).toBeUndefined();
  });

  test('blockquote, rules, links and emphasis of other feeds survive', () => {
    const { $ } = renderFixture('020_other-zhihu-daily-2021-04-iso-date-blockquote.md');
    expect($('blockquote')).toHaveLength(1);
    expect($('blockquote').text()).toContain('比如前天一个企业搞了一个标准化的面试流程');
    expect($('blockquote br').length).toBeGreaterThan(4);
    expect($('hr')).toHaveLength(1);
    expect($('a[href="https://www.zhihu.com/question/310871829/answer/804557345"]').text()).toBe('一直频繁辞职，到底是哪里出了问题？');
    expect($('.article-body strong').first().text()).toContain('弗兰克扬');
    const links = renderFixture('004_sina-2021-12-heimao-links-stocks-noid-img.md');
    expect(links.$('a[href="http://tousu.sina.com.cn/"]').text()).toBe('投诉平台');
    expect(links.$('a[target], a[data-comos-dataid]')).toHaveLength(0);
  });

  test('a bare-text body (36kr) becomes a paragraph; plain text with no tags becomes paragraphs', () => {
    const kr = renderFixture('017_other-36kr-kuaixun-2021-10-plain-text-picsum.md');
    expect(kr.$('.article-body p')).toHaveLength(1);
    expect(kr.$('.article-body p').text().trim()).toMatch(/^10月份，中国制造业采购经理指数（PMI）为49\.2%.*（证券时报）$/);
    const plain = renderFixture('plain.md', post({}, '第一段第一行\n第一段第二行\n\n第二段 <不是标签> & 符号'));
    expect(plain.$('.article-body p').toArray().map((p) => plain.$(p).text())).toEqual(['第一段第一行第一段第二行', '第二段 <不是标签> & 符号']);
    expect(plain.$('.article-body p br')).toHaveLength(1);
  });

  test('every image: https src, alt, size from the URL hint, referrerpolicy=no-referrer', () => {
    let images = 0;
    for (const name of fixtures) {
      const { $ } = renderFixture(name);
      $('img').each((_, img) => {
        images++;
        const src = $(img).attr('src') ?? '';
        expect(src, name).toMatch(/^https:\/\//);
        expect($(img).attr('referrerpolicy'), `${name} ${src}`).toBe('no-referrer');
        expect($(img).attr('alt'), `${name} ${src}`).toBeDefined();
        const hint = /\/w(\d+)h(\d+)\//.exec(src);
        if (hint !== null) {
          expect($(img).attr('width'), src).toBe(hint[1]);
          expect($(img).attr('height'), src).toBe(hint[2]);
        }
      });
      expect($('meta[name="referrer"]').attr('content'), name).toBe('no-referrer');
    }
    expect(images).toBeGreaterThan(50);
  });

  test('protocol-relative and http image URLs load over https; other schemes are dropped', () => {
    const { $ } = renderFixture(
      'img.md',
      post({}, '<p><img src="//n.sinaimg.cn/a/w10h20/x.jpg"><img src="http://n.sinaimg.cn/b.png"><img src="javascript:alert(1)"><img src="ftp://x/y.png"></p>'),
    );
    expect($('img').toArray().map((img) => $(img).attr('src'))).toEqual(['https://n.sinaimg.cn/a/w10h20/x.jpg', 'https://n.sinaimg.cn/b.png']);
  });

  test('untrusted markup is sanitised: no script, handler, frame, form or javascript: URL', () => {
    const { $, html } = renderFixture(
      'evil.md',
      post(
        {},
        `<p onclick="alert(1)">点<a href="javascript:alert(2)">链接</a></p><script>alert(3)</script><iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><input name=x></form><svg><script>alert(4)</script></svg><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
<img src="https://n.sinaimg.cn/x.jpg" onerror="alert(5)" referrerpolicy="unsafe-url"><style>body{display:none}</style><object data="x.swf"></object>`,
      ),
    );
    expect($('script')).toHaveLength(1); // the JSON-LD block
    expect($('iframe, form, input, svg, base, object, embed, style, meta[http-equiv="refresh"]')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('javascript:');
    expect($('.article-body img').attr('referrerpolicy')).toBe('no-referrer');
    expect($('.article-body').text()).toContain('点链接');
  });

  test('every page has a restrictive Content-Security-Policy and no JavaScript', () => {
    for (const name of fixtures) {
      const { $ } = renderFixture(name);
      const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      expect(csp, name).toContain("default-src 'none'");
      expect(csp, name).toContain('img-src https:');
      expect(csp, name).toContain("style-src 'self'");
      expect(csp, name).toContain("font-src 'self'");
      expect($('script:not([type="application/ld+json"])'), name).toHaveLength(0);
    }
  });
});
