import type { CheerioAPI } from 'cheerio';
import { ARTICLE_CHECKS, type ArticleCheck } from '../../harness/checks/article-checks.ts';
import { archiveZone } from '../../harness/oracle/dates.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { expect } from '../../harness/report/findings-expect.ts';
import { test } from './broken-site.ts';

const CAPTIONS = '011_sina-2022-03-mu5735-captions-video-fragment.md';
const STOCKS = '000_9fc98f06a0b555e0.md';
const AD_LIST = '007_sina-2021-12-data-review-video-list-nested-imgwrapper.md';
const QR_HEADIMG = '013_sina-2022-07-lychee-article-adlist-base64-gif.md';
const VIMEO = '324_blurstudio_elder-scrolls-4-vimeo.md'; // four Vimeo players
const POSTER = '325_methodstudios_blackops-video-source-h2.md'; // a <video> with a poster and two sources
const LAZY = '303_sspai_obsidian-code-share-widget.md'; // img with data-original, code in <pre>
const CODE = '339_jianshu_list-remove-invalid-date-raw-generics.md'; // List<String> in <pre>, date "Invalid Date"
const BLANK_TITLE = '347_jike_blank-title-picture.md';
const TIP = '364_woshipm_text-correction-donate-button-svg.md'; // a 赞赏 widget, a blockquote lead
const CF_EMAIL = '350_cnbeta_amd-pan-cfemail-affiliate.md';
const NINE_TO_FIVE = '308_9to5mac_csam-blockquotes-affiliate.md';
const IT_HOME = '311_ithome-hot_huawei-appgallery-vmark.md';

const paragraph = ($: CheerioAPI, index: number) => $('.article-body > p').eq(index);

/** Our pages' CSP blocks inline styles; a page that hides text with them must lack it to be a real break. */
const styled = ($: CheerioAPI, index: number, style: string): void => {
  $('meta[http-equiv="Content-Security-Policy"]').remove();
  paragraph($, index).attr('style', style);
};

/**
 * Every check must fail on a page broken in the way it guards against, naming the problem.
 * Each case: the fixture, how the page is broken, which check must object and with what words.
 */
const CASES: { name: string; fixture: string; check: ArticleCheck['id']; finding: RegExp; breakIt: ($: CheerioAPI) => void }[] = [
  // text preserved
  { name: 'a dropped paragraph', fixture: CAPTIONS, check: 'text', finding: /^missing block #3 of 25: "受党中央/, breakIt: ($) => paragraph($, 2).remove() },
  { name: 'a paragraph hidden by the hidden attribute', fixture: CAPTIONS, check: 'text', finding: /^missing block #3/, breakIt: ($) => paragraph($, 2).attr('hidden', '') },
  { name: 'a paragraph hidden by display:none', fixture: CAPTIONS, check: 'text', finding: /^missing block #3/, breakIt: ($) => styled($, 2, 'display:none') },
  { name: 'a paragraph hidden by visibility:hidden', fixture: CAPTIONS, check: 'text', finding: /^missing block #3/, breakIt: ($) => styled($, 2, 'visibility:hidden') },
  { name: 'a paragraph set in font-size 0', fixture: CAPTIONS, check: 'text', finding: /^missing block #3/, breakIt: ($) => styled($, 2, 'font-size:0') },
  {
    name: 'a paragraph clipped to one pixel (visually hidden)',
    fixture: CAPTIONS,
    check: 'text',
    finding: /^missing block #3/,
    breakIt: ($) => styled($, 2, 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)'),
  },
  { name: 'two paragraphs swapped', fixture: CAPTIONS, check: 'text', finding: /out of order/, breakIt: ($) => paragraph($, 2).insertBefore(paragraph($, 1)) },
  { name: 'a duplicated paragraph', fixture: CAPTIONS, check: 'text', finding: /^duplicated block: "受党中央.*shown 2 times, the source has it once/, breakIt: ($) => paragraph($, 2).after(paragraph($, 2).clone()) },
  {
    name: 'one full-width comma turned ASCII',
    fixture: CAPTIONS,
    check: 'text',
    finding: /^missing block #3 of 25/,
    breakIt: ($) => paragraph($, 2).text(paragraph($, 2).text().replace('，', ',')),
  },
  { name: 'two paragraphs merged into one', fixture: CAPTIONS, check: 'text', finding: /merged into the rendered block/, breakIt: ($) => paragraph($, 1).append(paragraph($, 2).text()) && paragraph($, 2).remove() },
  { name: 'a caption dropped', fixture: CAPTIONS, check: 'text', finding: /^missing block .*新华社记者 梁舜 摄/, breakIt: ($) => $('figcaption').first().remove() },
  // boilerplate gone
  {
    name: 'the QR promo line left in',
    fixture: STOCKS,
    check: 'boilerplate',
    finding: /^qr-promo: "海量资讯、精准解读，尽在新浪财经APP" found in visible text/,
    breakIt: ($) => $('.article-body').append('<p>海量资讯、精准解读，尽在新浪财经APP</p>'),
  },
  { name: 'the editor line left in, hidden', fixture: STOCKS, check: 'boilerplate', finding: /^editor-line: "责任编辑：李墨轩" found in hidden text/, breakIt: ($) => $('.article-body').append('<p hidden>责任编辑：李墨轩</p>') },
  { name: 'a source comment left in', fixture: STOCKS, check: 'boilerplate', finding: /^comment: source comment <!--编辑姓名及工作代码--> found in an HTML comment/, breakIt: ($) => $('.article-body').append('<!-- 编辑姓名及工作代码 -->') },
  { name: 'ad-list text surfacing', fixture: AD_LIST, check: 'boilerplate', finding: /^ad-list: "转载请注明“央视财经”" found in visible text/, breakIt: ($) => $('.article-body').append('<p>转载请注明“央视财经”</p>') },
  { name: 'ad-list text kept in an attribute', fixture: AD_LIST, check: 'boilerplate', finding: /^ad-list: "你会关注" found in attribute title of <p>/, breakIt: ($) => paragraph($, 0).attr('title', '你会关注') },
  {
    name: 'the style block left in',
    fixture: STOCKS,
    check: 'boilerplate',
    finding: /^style-and-script: "\.appendQr_normal&#123;float:left;&#125;" found in hidden text/,
    breakIt: ($) => $('head').append('<style>.appendQr_normal&#123;float:left;&#125;</style>'),
  },
  {
    name: 'the stock quote link kept',
    fixture: STOCKS,
    check: 'boilerplate',
    finding: /^stock-keyword-link: element a\[href\*="\/realstock\/"\] found/,
    breakIt: ($) => $('.article-body p').last().append('<a href="https://finance.sina.com.cn/realstock/company/sh603099/nc.shtml">长白山</a>'),
  },
  {
    name: 'the QR promo image as og:image',
    fixture: QR_HEADIMG,
    check: 'boilerplate',
    finding: /^(qr-promo, )?qr-promo-image: URL .*343233024\.png found in attribute content of <meta>, outside the article body$/,
    breakIt: ($) => $('head').append('<meta property="og:image" content="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png">'),
  },
  // embeds
  { name: 'an embed dropped', fixture: VIMEO, check: 'embeds', finding: /^missing embed #1 of 4 \(<iframe>\): https:\/\/vimeo\.com\/382980972$/, breakIt: ($) => $('a.embed').first().remove() },
  {
    name: 'an embed the source never had',
    fixture: VIMEO,
    check: 'embeds',
    finding: /^embed not in the source: https:\/\/vimeo\.com\/1$/,
    breakIt: ($) => $('.article-body').append('<p><a class="embed" href="https://vimeo.com/1">视频 · Vimeo</a></p>'),
  },
  { name: 'two embeds swapped', fixture: VIMEO, check: 'embeds', finding: /^embed #\d of 4 is out of order: https:\/\/vimeo\.com\//, breakIt: ($) => $('a.embed').eq(1).insertBefore($('a.embed').eq(0)) },
  { name: 'an embed leading to another video', fixture: VIMEO, check: 'embeds', finding: /^missing embed #2 of 4 \(<iframe>\): https:\/\/vimeo\.com\/347656821$/, breakIt: ($) => $('a.embed').eq(1).attr('href', 'https://vimeo.com/2') },
  {
    name: 'an embed hidden from readers',
    fixture: VIMEO,
    check: 'embeds',
    finding: /^embed #3 of the page is hidden from readers: https:\/\/vimeo\.com\/347653740$/,
    breakIt: ($) => {
      $('meta[http-equiv="Content-Security-Policy"]').remove();
      $('a.embed').eq(2).attr('style', 'display:none');
    },
  },
  { name: "a video's link without its poster", fixture: POSTER, check: 'images', finding: /^missing image #1 of \d+: .*call_of_duty_-_blackops_iii\.jpg/, breakIt: ($) => $('a.embed img').remove() },
  {
    name: 'a video linked to its streaming playlist instead of its file',
    fixture: POSTER,
    check: 'embeds',
    finding: /^missing embed #1 of 1 \(<video>\): https:\/\/player\.vimeo\.com\/external\/243401449\.hd\.mp4/,
    breakIt: ($) => $('a.embed').attr('href', 'https://player.vimeo.com/external/243401449.m3u8?s=fd90ba77a220dc84207487737c85fc6d1d259fa0'),
  },
  // images
  {
    name: 'a lazy image showing its placeholder, not its picture',
    fixture: LAZY,
    check: 'images',
    finding: /^missing image #1 of 1: https:\/\/cdn\.sspai\.com\/2021\/09\/27\/c66cc66b5326a2336306dbb65b9355ee\.png$/,
    breakIt: ($) => $('img').first().attr('src', 'https://cdn.sspai.com/2021/09/27/c66cc66b5326a2336306dbb65b9355ee.png?imageView2/2/w/1120/q/40/interlace/1/ignore-error/1'),
  },
  {
    name: 'referrerpolicy stripped from one image',
    fixture: CAPTIONS,
    check: 'images',
    finding: /^<img src=".*eb48-9286e481047d1865ba324e06b0f8a453\.jpg"> has no referrerpolicy attribute/,
    breakIt: ($) => $('img').first().removeAttr('referrerpolicy'),
  },
  { name: 'referrerpolicy weakened to unsafe-url', fixture: CAPTIONS, check: 'images', finding: /has referrerpolicy="unsafe-url"/, breakIt: ($) => $('img').eq(1).attr('referrerpolicy', 'unsafe-url') },
  {
    name: 'no policy anywhere: the Referer leaves on the wire',
    fixture: CAPTIONS,
    check: 'images',
    finding: /^the request for https:\/\/n\.sinaimg\.cn\/.*eb48-.*\.jpg carried "Referer: http:\/\/127\.0\.0\.1:\d+\/"; the image host refuses it$/,
    breakIt: ($) => {
      $('meta[name="referrer"]').remove();
      $('img').first().removeAttr('referrerpolicy');
    },
  },
  { name: 'two images swapped', fixture: CAPTIONS, check: 'images', finding: /^image #\d of 4 is out of order/, breakIt: ($) => $('figure').eq(1).insertBefore($('figure').eq(0)) },
  { name: 'an image missing', fixture: CAPTIONS, check: 'images', finding: /^missing image #2 of 4: .*3ee4-/, breakIt: ($) => $('figure').eq(1).find('img').remove() },
  {
    name: 'an image the source never had',
    fixture: CAPTIONS,
    check: 'images',
    finding: /^image not in the source's content: https:\/\/n\.sinaimg\.cn\/extra\.jpg/,
    breakIt: ($) => $('.article-body').append('<p><img src="https://n.sinaimg.cn/extra.jpg" alt="" referrerpolicy="no-referrer"></p>'),
  },
  // text as written
  {
    name: 'code indentation changed',
    fixture: CODE,
    check: 'text',
    finding: /^preformatted block #1 of 7 differs at line 2: the source has " {4}List<String> platformList = new ArrayList<>\(\);", the page " List<String>/,
    breakIt: ($) => $('pre').first().find('code').text($('pre').first().text().replace('    List', ' List')),
  },
  {
    name: 'unescaped generics lost from code, as a parser would',
    fixture: CODE,
    check: 'text',
    finding: /^preformatted block #1 of 7 differs at line 2: the source has " {4}List<String> platformList = new ArrayList<>\(\);", the page " {4}List platformList/,
    breakIt: ($) => $('pre').first().find('code').text($('pre').first().text().replaceAll('<String>', '')),
  },
  { name: 'a blank-titled post whose page has no title either', fixture: BLANK_TITLE, check: 'metadata', finding: /^title in visible title: expected 347_jike_blank-title-picture/, breakIt: ($) => $('h1').text(' ') },
  // chrome of other feeds
  { name: 'the tip widget left in', fixture: TIP, check: 'boilerplate', finding: /^tip-widget: "给作者打赏" found in visible text/, breakIt: ($) => $('.article-body').append('<div><p>给作者打赏，鼓励TA抓紧创作！</p></div>') },
  {
    name: "Cloudflare's e-mail placeholder instead of the address",
    fixture: CF_EMAIL,
    check: 'boilerplate',
    finding: /^email-protection: "\[email protected\]" found in visible text/,
    breakIt: ($) => $('a[href*="bharata"]').text('https://lore.kernel.org/lkml/[email protected]/'),
  },
  {
    name: "9to5Mac's affiliate disclaimer left in",
    fixture: NINE_TO_FIVE,
    check: 'boilerplate',
    finding: /^affiliate-disclaimer: "FTC: We use income earning auto affiliate links" found in visible text/,
    breakIt: ($) => $('.article-body').append('<p><em>FTC: We use income earning auto affiliate links.</em> More.</p>'),
  },
  { name: "IT之家's tag link kept", fixture: IT_HOME, check: 'boilerplate', finding: /^tag-autolink: element a\.s_tag found/, breakIt: ($) => $('.article-body p').first().prepend('<a class="s_tag" href="https://www.ithome.com/">IT之家</a>') },
  // metadata
  { name: 'a wrong title in <h1>', fixture: CAPTIONS, check: 'metadata', finding: /^title in visible title: expected 一夜过去，东航客机坠毁事故有这些最新情况, found 一夜过去/, breakIt: ($) => $('h1').text('一夜过去') },
  { name: 'a wrong title in og:title', fixture: CAPTIONS, check: 'metadata', finding: /^title in og:title/, breakIt: ($) => $('meta[property="og:title"]').attr('content', '别的标题') },
  { name: 'a date a day off', fixture: CAPTIONS, check: 'metadata', finding: /^date in time\[datetime\]: expected 2022-03-23T01:20:39\.000Z, found 2022-03-24T01:20:39Z/, breakIt: ($) => $('time').attr('datetime', '2022-03-24T01:20:39Z') },
  { name: 'a date written as wall time without its zone', fixture: CAPTIONS, check: 'metadata', finding: /^date in article:published_time/, breakIt: ($) => $('meta[property="article:published_time"]').attr('content', '2022-03-23T01:20:39') },
  {
    name: 'categories out of order',
    fixture: CAPTIONS,
    check: 'metadata',
    finding: /^categories in visible, in order: expected 金融 › 新浪财经 › 新浪财经－国內, found 新浪财经 › 金融/,
    breakIt: ($) => $('.categories li').eq(1).insertBefore($('.categories li').eq(0)),
  },
  { name: 'a category dropped from JSON-LD', fixture: CAPTIONS, check: 'metadata', finding: /^categories in JSON-LD articleSection/, breakIt: ($) => replaceJsonLd($, (ld) => ({ ...ld, articleSection: ['金融'] })) },
  { name: 'the author missing from the byline', fixture: CAPTIONS, check: 'metadata', finding: /^author in visible byline/, breakIt: ($) => $('.byline .author').remove() },
  { name: 'a wrong og:image', fixture: CAPTIONS, check: 'metadata', finding: /^headimg in og:image/, breakIt: ($) => $('meta[property="og:image"]').attr('content', 'https://n.sinaimg.cn/other.jpg') },
  { name: 'a description not from the article', fixture: CAPTIONS, check: 'metadata', finding: /^description in meta description/, breakIt: ($) => $('meta[name="description"]').attr('content', '本站精选新闻') },
  {
    name: 'a description taken from chrome',
    fixture: TIP,
    check: 'metadata',
    finding: /^description in meta description: expected a start of "编辑导语：AI在现实中的应用有很多，你有没有想过，它还可以进…", found 给作者打赏/,
    breakIt: ($) => $('meta[name="description"]').attr('content', '给作者打赏，鼓励TA抓紧创作！'),
  },
  { name: 'a description starting after the lead', fixture: TIP, check: 'metadata', finding: /^description in meta description/, breakIt: ($) => $('meta[name="description"]').attr('content', $('.article-body p').eq(3).text().slice(0, 40)) },
  {
    name: 'an unknown date made up',
    fixture: CODE,
    check: 'metadata',
    finding: /^date in time\[datetime\]: expected \(absent: the source has no readable date\), found 2021-12-19T00:00:00Z/,
    breakIt: ($) => $('.byline').append('<time datetime="2021-12-19T00:00:00Z">2021-12-19</time>'),
  },
  { name: 'a comment area despite comments: false', fixture: CAPTIONS, check: 'metadata', finding: /^comments in #comments/, breakIt: ($) => $('article').append('<section id="comments"><h2>评论</h2></section>') },
  {
    name: 'broken JSON-LD',
    fixture: CAPTIONS,
    check: 'metadata',
    finding: /^JSON-LD in script\[type="application\/ld\+json"\]: expected a NewsArticle object/,
    breakIt: ($) => $('script[type="application/ld+json"]').text('{"@type": "NewsArticle",'),
  },
  // page health
  { name: 'an injected script', fixture: CAPTIONS, check: 'health', finding: /^script element other than JSON-LD/, breakIt: ($) => $('.article-body').append('<script>window.injected = 1</script>') },
  { name: 'an inline event handler', fixture: CAPTIONS, check: 'health', finding: /^inline event handler onerror on <img>/, breakIt: ($) => $('img').first().attr('onerror', 'alert(1)') },
  { name: 'a javascript: link, obfuscated with a tab', fixture: CAPTIONS, check: 'health', finding: /^href on <a> points to a script URL/, breakIt: ($) => paragraph($, 0).append('<a href="java\tscript:alert(1)">x</a>') },
  {
    name: 'a request to an outside host from the article',
    fixture: CAPTIONS,
    check: 'health',
    finding: /^request to an outside host \(stylesheet\), blocked: https:\/\/cdn\.example\.com\/x\.css/,
    breakIt: ($) => $('.article-body').append('<link rel="stylesheet" href="https://cdn.example.com/x.css">'),
  },
  { name: 'a missing local file', fixture: CAPTIONS, check: 'health', finding: /^request failed \(HTTP 404\): http:\/\/127\.0\.0\.1:\d+\/assets\/missing\.css/, breakIt: ($) => $('head').append('<link rel="stylesheet" href="assets/missing.css">') },
  // past the 250 entries a page's resource timing keeps by default
  {
    name: 'a missing local file after 300 that load',
    fixture: CAPTIONS,
    check: 'health',
    finding: /^request failed \(HTTP 404\): http:\/\/127\.0\.0\.1:\d+\/assets\/late-missing\.css/,
    breakIt: ($) => $('head').append(`${Array.from({ length: 300 }, (_, i) => `<link rel="stylesheet" href="assets/style.css?copy=${i}">`).join('')}<link rel="stylesheet" href="assets/late-missing.css">`),
  },
];

function replaceJsonLd($: CheerioAPI, change: (ld: Record<string, unknown>) => Record<string, unknown>): void {
  const script = $('script[type="application/ld+json"]');
  script.text(JSON.stringify(change(JSON.parse(script.text()) as Record<string, unknown>)));
}

const context = { zone: archiveZone({}), profile: builtinProfile('archive-renderer') };

test.describe('every check fails on a page broken the way it guards against', () => {
  test('control: the unbroken pages pass every check', async ({ breakPage }) => {
    for (const fixture of [CAPTIONS, STOCKS, AD_LIST, QR_HEADIMG, VIMEO, POSTER, LAZY, CODE, BLANK_TITLE, TIP, CF_EMAIL, NINE_TO_FIVE, IT_HOME]) {
      const { expected, observed } = await breakPage(fixture, () => undefined);
      for (const check of ARTICLE_CHECKS) expect.soft(check.run(expected, observed, context)).toHaveNoFindings(`${fixture} ${check.title}`);
    }
  });

  for (const { name, fixture, check, finding, breakIt } of CASES) {
    test(`${check}: ${name}`, async ({ breakPage }) => {
      const { expected, observed } = await breakPage(fixture, breakIt);
      const result = ARTICLE_CHECKS.find((c) => c.id === check)?.run(expected, observed, context);
      const messages = result?.findings.map((f) => f.message) ?? [];
      expect(
        messages.some((message) => finding.test(message)),
        `findings of ${check}:\n${messages.join('\n')}`,
      ).toBe(true);
    });
  }
});
