import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { BOILERPLATE_RULES } from '../../renderer/clean/boilerplate.ts';
import { FIXTURES, renderFixture } from './helpers.ts';

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();
const sourceOf = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/**
 * Each boilerplate rule, checked on every real fixture whose source has the marker:
 * the source text proves the rule applies, the page must not show it. `atLeast` keeps a rule from
 * passing because no fixture happened to contain its marker.
 */
const CASES: { rule: string; marker: string; gone: string[]; atLeast: number }[] = [
  { rule: 'QR promo block', marker: 'appendQr_wrap', gone: ['海量资讯、精准解读，尽在新浪财经APP', 'appendQr'], atLeast: 20 },
  { rule: 'QR promo image', marker: '343233024.png', gone: ['343233024.png'], atLeast: 20 },
  { rule: '<style> blocks', marker: '<style>', gone: ['<style', '&#123;', 'border:1px solid'], atLeast: 20 },
  { rule: 'editor line', marker: 'article-editor', gone: ['责任编辑', 'article-editor'], atLeast: 20 },
  { rule: 'account-opening QR block', marker: 'app-kaihu-qr', gone: ['炒股开户享福利', 'app-kaihu-qr', 'a061-3fcaa10d801d4e37e06636fcc145dccb'], atLeast: 1 },
  { rule: 'ad-list comments', marker: 'article_adlist[', gone: ['article_adlist', 'mmbiz.qpic.cn'], atLeast: 6 },
  { rule: 'video placeholders', marker: 'video-2017', gone: ['video-2017', 'videoList0', 'video-list'], atLeast: 3 },
  { rule: 'stock-quote spans', marker: 'id="quote_', gone: ['quote_'], atLeast: 4 },
  { rule: 'stock keyword links', marker: 'class="keyword"', gone: ['realstock', 'content_marketkeywords'], atLeast: 4 },
  { rule: 'data: placeholder images', marker: 'data:image', gone: ['data:image'], atLeast: 1 },
  { rule: 'hidden 知乎 original-link', marker: 'originUrl', gone: ['查看知乎原文'], atLeast: 1 },
  { rule: '知乎日报 view-discussion button', marker: 'view-more', gone: ['查看知乎讨论'], atLeast: 1 },
  { rule: '巴哈姆特 platform tags, gamer card and search links', marker: 'platform-tag', gone: ['platform-tag', 'news.php?p=', 'article_gamercard', 'search.php?encode'], atLeast: 2 },
  { rule: 'WordPress page navigation', marker: 'page-link', gone: ['Pages:'], atLeast: 1 },
  { rule: '9To5Mac affiliate disclaimer and more anchor', marker: 'ad-disclaimer-container', gone: ['FTC: We use income earning auto affiliate links', 'after_disclaimer_placement', 'id="more-'], atLeast: 2 },
  { rule: '快科技 reprint notice, tags, editor line and end marker', marker: 'zhuanzai', gone: ['转载请注明出处', '责任编辑：', 'THE END', 'news.mydrivers.com/tag'], atLeast: 2 },
  { rule: 'IT 之家 tag links', marker: 's_tag', gone: ['s_tag', 'href="https://www.ithome.com/"', 'hmos.ithome.com'], atLeast: 2 },
  { rule: '科技島讀 reading time', marker: '閱讀時間', gone: ['閱讀時間'], atLeast: 1 },
  { rule: 'Method Studios "See All" links', marker: 'See All', gone: ['See All'], atLeast: 2 },
  { rule: 'Monotype topics and share buttons', marker: 'resource-content-citation', gone: ['Creative matters', 'Share to Facebook', 'resources/expertise'], atLeast: 1 },
  { rule: 'cnBeta affiliate link and Cloudflare e-mail placeholder', marker: 'duomai', gone: ['duomai', 'email protected', '__cf_email__'], atLeast: 1 },
  { rule: 'Axis Studios collapse toggle', marker: 'data-toggle="collapse"', gone: ['fullCreditDetails'], atLeast: 1 },
  { rule: '人人都是产品经理 tip widget', marker: 'support-author', gone: ['给作者打赏', '赞赏'], atLeast: 1 },
];

test.describe('boilerplate rules on the real fixtures', () => {
  for (const { rule, marker, gone, atLeast } of CASES) {
    test(`${rule} is removed`, () => {
      const affected = fixtures.filter((name) => sourceOf(name).includes(marker));
      expect(affected.length, `fixtures containing ${marker}`).toBeGreaterThanOrEqual(atLeast);
      for (const name of affected) {
        const { html } = renderFixture(name);
        for (const text of gone) expect(html, `${name} still contains ${text}`).not.toContain(text);
      }
    });
  }

  test('no HTML comment of any source survives', () => {
    for (const name of fixtures) expect(renderFixture(name).html, name).not.toContain('<!--');
  });

  test('ad-list comment text never surfaces, even when the comment sits inside a paragraph', () => {
    const adText: Record<string, string[]> = {
      '002_sina-2021-09-obituary-thepaper-adlist.md': ['本文来自澎湃新闻'],
      '005_sina-2021-12-zijinshan-font-m-report-adlist.md': ['举报/反馈'],
      '007_sina-2021-12-data-review-video-list-nested-imgwrapper.md': ['转载请注明“央视财经”', '你会关注', '持续关注！'],
      '013_sina-2022-07-lychee-article-adlist-base64-gif.md': ['排版：肖冉', '欢迎关注中国新闻周刊视频号', '打包拍卖175家食堂'],
      '016_sina-2022-09-baojiaolou-kaihu-qr-block-wechat-imgs.md': ['校对：姚远', '百万用户都在看'],
    };
    for (const [name, texts] of Object.entries(adText)) {
      const { html } = renderFixture(name);
      for (const text of texts) {
        expect(sourceOf(name), `${name} source has ${text}`).toContain(text);
        expect(html, `${name} shows ad-list text ${text}`).not.toContain(text);
      }
    }
  });

  test('stock keyword links keep their text', () => {
    const names: Record<string, string[]> = {
      '000_9fc98f06a0b555e0.md': ['长白山保护开发区'],
      '004_sina-2021-12-heimao-links-stocks-noid-img.md': ['苏宁易购', '吉祥航空', '中公教育'],
      '015_sina-2022-08-temple-captions-bj-stock-adlist.md': ['数字人文研究'],
    };
    for (const [name, texts] of Object.entries(names)) {
      const { bodyText, $ } = renderFixture(name);
      for (const text of texts) expect(bodyText, name).toContain(text);
      expect($('.article-body a[href*="realstock"]'), name).toHaveLength(0);
    }
  });

  test('empty paragraphs are dropped, including the lone U+3000 ones', () => {
    for (const name of fixtures) {
      const { $ } = renderFixture(name);
      const empty = $('.article-body p').filter((_, p) => $(p).text().trim() === '' && $(p).find('img').length === 0);
      expect(empty.length, name).toBe(0);
    }
  });

  test('every rule in the catalogue says which feed it serves and why it exists', () => {
    for (const rule of BOILERPLATE_RULES) {
      expect(rule.why.length, JSON.stringify(rule)).toBeGreaterThan(20);
      expect(rule.feed.length, JSON.stringify(rule)).toBeGreaterThan(2);
    }
  });

  test('when in doubt it is content: 原标题 lines, rights notices, credits and link-only bodies stay', () => {
    const keep: [string, string][] = [
      ['000_sina-2021-04-pingpang-no-image.md', '原标题：'],
      ['312_segmentfault_java-sae-bullets-h3.md', '本文为阿里云原创内容，未经允许不得转载。'],
      ['364_woshipm_text-correction-donate-button-svg.md', '本文由@Eric_d 原创发布于人人都是产品经理'],
      ['320_ximalaya_episode-link-only.md', '在网页中查看'],
      ['376_bahamut_nvidia-ganverse-h3-caution.md', '【以下內容為廠商提供資料原文】'],
      ['362_axisstudios_avowed-youtube-credits-blank-lines.md', 'Full credits'],
    ];
    for (const [name, text] of keep) expect(renderFixture(name).bodyText, name).toContain(text);
  });
});
