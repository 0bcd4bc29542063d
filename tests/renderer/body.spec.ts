import { readdirSync } from 'node:fs';
import { expect, test } from '../support/selftest.ts';
import { FIXTURES, post, renderFixture } from './helpers.ts';

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

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
    expect(
      plain
        .$('.article-body p')
        .toArray()
        .map((p) => plain.$(p).text()),
    ).toEqual(['第一段第一行第一段第二行', '第二段 <不是标签> & 符号']);
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

  test("an image keeps the source's width and height, scaled to the srcset candidate chosen; a URL hint wins; no size is made up", () => {
    const body = [
      '<img src="https://a.example/p.jpg" width="640" height="480">',
      '<img src="https://a.example/small.jpg" srcset="https://a.example/m.jpg 800w, https://a.example/l.jpg 1600w" width="400" height="300">',
      '<img src="https://a.example/s.jpg" srcset="https://a.example/2x.jpg 2x" width="320px" height="200px">',
      '<img src="https://n.sinaimg.cn/a/w1080h673/x.jpg" width="100" height="100">',
      '<img src="https://a.example/pct.jpg" width="100%" height="auto">',
      '<img src="https://a.example/none.jpg">',
    ].join('');
    const { $ } = renderFixture('sizes.md', post({}, `<p>${body}</p>`));
    expect(
      $('img')
        .toArray()
        .map((img) => `${$(img).attr('src') ?? ''} ${$(img).attr('width') ?? '-'}×${$(img).attr('height') ?? '-'}`),
    ).toEqual(['https://a.example/p.jpg 640×480', 'https://a.example/l.jpg 1600×1200', 'https://a.example/2x.jpg 320×200', 'https://n.sinaimg.cn/a/w1080h673/x.jpg 1080×673', 'https://a.example/pct.jpg -×-', 'https://a.example/none.jpg -×-']);
  });

  test('protocol-relative and http image URLs load over https; other schemes are dropped', () => {
    const { $ } = renderFixture('img.md', post({}, '<p><img src="//n.sinaimg.cn/a/w10h20/x.jpg"><img src="http://n.sinaimg.cn/b.png"><img src="javascript:alert(1)"><img src="ftp://x/y.png"></p>'));
    expect(
      $('img')
        .toArray()
        .map((img) => $(img).attr('src')),
    ).toEqual(['https://n.sinaimg.cn/a/w10h20/x.jpg', 'https://n.sinaimg.cn/b.png']);
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

test.describe('embeds, lazy images, the lead and text as written, on every feed', () => {
  test("each embed becomes, in its place, a link to its provider's page with the poster if it had one; never a frame", () => {
    const vimeo = renderFixture('324_blurstudio_elder-scrolls-4-vimeo.md');
    expect(
      vimeo
        .$('a.embed')
        .toArray()
        .map((a) => vimeo.$(a).attr('href')),
    ).toEqual(['https://vimeo.com/382980972', 'https://vimeo.com/347656821', 'https://vimeo.com/347653740', 'https://vimeo.com/380613276']);
    expect(vimeo.$('a.embed').first().text()).toBe('视频 · Vimeo');
    const video = renderFixture('325_methodstudios_blackops-video-source-h2.md');
    expect(video.$('a.embed').attr('href')).toBe('https://player.vimeo.com/external/243401449.hd.mp4?s=a3632f40aef7f2c6b2b7dc259f0da44fdf706f8f&profile_id=175');
    expect(video.$('a.embed img').attr('src')).toMatch(/call_of_duty_-_blackops_iii\.jpg$/);
    expect(video.$('a.embed img').attr('referrerpolicy')).toBe('no-referrer');
    const youtube = renderFixture('326_digic_midnight-suns-youtube-invalid-date.md');
    expect(youtube.$('a.embed').attr('href')).toBe('https://www.youtube.com/watch?v=Wz8Vw5tOf5M');
    expect(youtube.$('a.embed').text()).toBe('视频 · YouTube');
    const podcast = renderFixture('327_monotype_podcast-svg-sprite-share-picture.md');
    expect(podcast.$('a.embed').attr('href')).toBe('https://podcasts.apple.com/us/podcast/scott-starrett/id1554900091?i=1000512482608');
    expect(podcast.$('a.embed').text()).toBe('音频 · Apple Podcasts');
    for (const page of [vimeo, video, youtube, podcast]) expect(page.$('iframe, video, audio, object, embed, source')).toHaveLength(0);
  });

  test('an embed with no web address shows where it was, with no link; script, data and srcdoc never survive', () => {
    const { $, html } = renderFixture('embeds.md', post({}, '<p>前<iframe srcdoc="<b>x</b>"></iframe>后</p><iframe src="javascript:alert(1)"></iframe><video><source src="data:video/mp4;base64,AA"></video><embed src="https://x.example/a.swf">'));
    expect(
      $('span.embed-unavailable')
        .toArray()
        .map((span) => $(span).text()),
    ).toEqual(['嵌入内容 · 地址不可用', '嵌入内容 · 地址不可用', '视频 · 地址不可用']);
    expect($('a.embed').attr('href')).toBe('https://x.example/a.swf');
    expect($('.article-body p').first().text()).toBe('前嵌入内容 · 地址不可用后');
    expect(html).not.toMatch(/javascript:|data:video|srcdoc/);
  });

  test('lazy images show their real picture; a /undefined image is left out and a /undefined link keeps its text', () => {
    const sspai = renderFixture('303_sspai_obsidian-code-share-widget.md');
    expect(sspai.$('.article-body img').attr('src')).toBe('https://cdn.sspai.com/2021/09/27/c66cc66b5326a2336306dbb65b9355ee.png');
    const bahamut = renderFixture('302_bahamut_lol-msi-ping-figcaption.md');
    expect(bahamut.$('.article-body img').first().attr('src')).toBe('https://p2.bahamut.com.tw/B/2KU/74/fd22e7916e81d1ce55f230588e1gc5u5.JPG');
    const daodu = renderFixture('316_daodu_google-oracle-ol-blockquote-srcset.md');
    expect(daodu.$('.article-body img').first().attr('src')).toBe('https://daodu.tech/wp-content/uploads/2021/04/image-compressed.jpg');
    const broken = renderFixture('undefined.md', post({}, '<p><img src="https://x.example/undefined"><a href="http://www.paulgraham.com/undefined">1</a></p>'));
    expect(broken.$('.article-body img')).toHaveLength(0);
    expect(broken.$('.article-body a')).toHaveLength(0);
    expect(broken.bodyText).toBe('1');
  });

  test('the description starts at the lead: not a heading, caption, chrome or a lone "+"', () => {
    const description = (name: string): string | undefined => renderFixture(name).$('meta[name="description"]').attr('content');
    expect(description('364_woshipm_text-correction-donate-button-svg.md')).toMatch(/^编辑导语：AI在现实中的应用有很多/);
    expect(description('317_deepmind_perceiver-h4-single-para.md')).toMatch(/^Most architectures used by AI systems today are specialists\./);
    expect(description('302_bahamut_lol-msi-ping-figcaption.md')).toMatch(/^《英雄聯盟》2022 季中邀請賽/);
    expect(description('362_axisstudios_avowed-youtube-credits-blank-lines.md')).toBe('Direction Full Service CG Production Animation');
    expect(description('321_bing_national-day-single-img.md')).toBeUndefined();
    expect([...(description('010_sina-2022-03-fund-managers-very-long-interview.md') ?? '')].length).toBeLessThanOrEqual(120);
  });

  test("text as written: unescaped code, whitespace in <pre>, a space in an empty <sup>, a button's text, Cloudflare's address", () => {
    const code = renderFixture('339_jianshu_list-remove-invalid-date-raw-generics.md');
    expect(code.$('pre').first().text()).toContain('    List<String> platformList = new ArrayList<>();\n');
    const turing = renderFixture('333_acm-turing_2015-tables-youtube-long.md');
    expect(turing.bodyText).toContain('Y=gy mod n');
    const kenshin = renderFixture('307_kenshin_myfamily-ep1-buttons-hr.md');
    expect(kenshin.$('a[href="http://kenshin.hk/myfamily"]').text()).toBe('《My Family》劇集詳細介紹');
    const cnbeta = renderFixture('350_cnbeta_amd-pan-cfemail-affiliate.md');
    expect(cnbeta.bodyText).toContain('https://lore.kernel.org/lkml/20220128052851.17162-1-bharata@amd.com/');
    expect(cnbeta.html).not.toContain('email protected');
  });

  test("a plain-text body in the generator's <div> keeps its lines and paragraphs", () => {
    const { $ } = renderFixture('310_jinse_grim-finance-invalid-date-plain.md');
    expect($('.article-body p').first().find('br').length).toBeGreaterThanOrEqual(4);
    expect($('.article-body p').first().text()).toContain('1. 攻击者通过闪电贷借出');
  });
});
