/**
 * The source sites' chrome that a clean archive page leaves out: policy as data, one rule per kind of
 * chrome, each with the feed it comes from and why it is chrome. Only what is clearly chrome: when in
 * doubt, it is content. Applied in order by transform.ts before the semantic transforms; the sanitizer
 * runs after both.
 */
export type BoilerplateRule = { feed: string; why: string } & (
  | { action: 'remove-comments' }
  /** remove: the element and all it holds; unwrap: keep its content, drop the element; remove-if-empty: when it shows nothing. */
  | { action: 'remove' | 'unwrap' | 'remove-if-empty'; selector: string }
  /** Remove the element when its whole text (whitespace collapsed) matches. */
  | { action: 'remove-if-text'; selector: string; text: RegExp }
  /** Replace Cloudflare's e-mail protection by the address a reader's browser showed (decode-email.ts). */
  | { action: 'decode-email'; selector: string }
);

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    action: 'remove-comments',
    feed: 'every feed',
    why: 'CMS markers (<!-- 正文下iframe -->, news_keyword), <!--article_adlist[…]--> ad lists and <!--video-list--> stubs: never article text',
  },
  { action: 'remove', selector: 'style, script, noscript, template, link, meta, head, title', feed: 'every feed', why: "the source page's own head, CSS and JS; dead or unsafe in an archive" },
  { action: 'remove', selector: '[hidden], [style*="display:none"], [style*="display: none"]', feed: 'every feed', why: "invisible in the source page (知乎日报's a.originUrl, 少数派's share popovers), so not what readers saw" },
  { action: 'remove', selector: 'ins.adsbygoogle, iframe[src*="googlesyndication.com"], iframe[src*="doubleclick.net"], iframe[src*="googleads."]', feed: 'any feed with Google ads', why: 'AdSense slots and ad frames: advertising, never the story' },
  { action: 'remove', selector: 'input[type="hidden"]', feed: 'any feed', why: 'hidden form controls: page machinery with nothing to read' },
  {
    action: 'remove',
    selector: 'img[src^="data:"]:not([data-original-src], [data-original], [data-src], [data-lazy-src], [_src], [data-srcset], [srcset])',
    feed: 'every feed',
    why: 'inline placeholder or tracking pixels with no real picture behind them (a lazy image keeps its real URL elsewhere)',
  },
  { action: 'unwrap', selector: 'a[href$="/undefined"]', feed: 'Paul Graham 博客, 码农网', why: "a link whose target a feed script wrote as JavaScript's undefined: broken, keep its text (a footnote number)" },
  { action: 'decode-email', selector: '.__cf_email__[data-cfemail]', feed: 'cnBeta (any site behind Cloudflare)', why: 'Cloudflare e-mail protection shows "[email protected]" until its script runs: readers saw the address' },
  // 新浪财经
  { action: 'remove', selector: 'div.appendQr_wrap', feed: '新浪财经', why: 'Sina app QR promo "海量资讯、精准解读，尽在新浪财经APP" appended to every article' },
  { action: 'remove', selector: 'div.app-kaihu-qr', feed: '新浪财经', why: 'account-opening QR block "炒股开户享福利…" added to Sina articles in 2022' },
  { action: 'remove', selector: 'p.article-editor', feed: '新浪财经', why: 'the CMS\'s "责任编辑：…" staff line, not part of the story' },
  { action: 'remove', selector: 'div.video-2017', feed: '新浪财经', why: "video player placeholder that Sina's scripts filled; empty offline" },
  { action: 'remove', selector: 'span[id^="quote_"]', feed: '新浪财经', why: 'live stock-quote slot filled by script; empty or stale in an archive' },
  { action: 'unwrap', selector: 'a.keyword[href*="/realstock/"]', feed: '新浪财经', why: 'stock keyword auto-linked to a realstock quote page: keep the company name, drop the link' },
  { action: 'unwrap', selector: 'span[id^="stock_"]', feed: '新浪财经', why: 'wrapper of an auto-linked stock keyword; carries no text of its own' },
  { action: 'remove', selector: 'img[src$="/finance/cece9e13/20200514/343233024.png"]', feed: '新浪财经', why: 'the QR promo image itself, wherever it appears' },
  // other feeds, in the order of the README's table
  { action: 'remove', selector: 'div.view-more', feed: '知乎日报', why: 'the "查看知乎讨论" button under every item: site navigation' },
  { action: 'remove', selector: 'ul.platform-tag', feed: '巴哈姆特 GNN 新聞', why: 'platform tag links ("PC 線上") above every story: site navigation' },
  { action: 'remove', selector: 'div.article_gamercard', feed: '巴哈姆特 GNN 新聞', why: "fan-page card that the site's script fills; empty offline" },
  { action: 'unwrap', selector: 'a.acglink', feed: '巴哈姆特 GNN 新聞', why: "game names auto-linked to the site's search: keep the name, drop the link" },
  { action: 'remove', selector: 'div.page-link', feed: '劍心．回憶 (WordPress)', why: 'WordPress page navigation "Pages: 1 2"' },
  { action: 'remove', selector: 'div.ad-disclaimer-container, #after_disclaimer_placement', feed: '9To5Mac', why: 'the affiliate-links disclaimer ("FTC: We use income earning auto affiliate links") and the ad slot after it' },
  { action: 'remove', selector: 'span[id^="more-"]', feed: '9To5Mac (WordPress)', why: 'empty "read more" anchor of WordPress excerpts' },
  { action: 'remove', selector: 'p.zhuanzai, p.bqian', feed: '快科技', why: 'the reprint notice ("转载请注明出处：快科技") and the tag links ("#AMD#Intel") under every story' },
  { action: 'remove-if-text', selector: 'p.url', text: /^责任编辑：/, feed: '快科技', why: 'the "责任编辑：…" staff line' },
  { action: 'remove-if-text', selector: 'p.end', text: /^-?\s*THE END\s*-?$/, feed: '快科技', why: 'the "- THE END -" end marker' },
  { action: 'unwrap', selector: 'a.s_tag', feed: 'IT 之家', why: 'words auto-linked to the site\'s tag pages ("IT之家", "鸿蒙"): keep the words, drop the links' },
  { action: 'remove-if-text', selector: 'p', text: /^閱讀時間 \d+ 分鐘$/, feed: '科技島讀', why: 'the reading-time line "閱讀時間 12 分鐘" the site computes' },
  { action: 'remove-if-text', selector: 'a[href^="https://www.methodstudios.com/"]', text: /^See All /, feed: 'Method Studios', why: 'the "See All Design/Advertising" link back to the site\'s index' },
  { action: 'remove', selector: 'div.resource-content-citation', feed: 'Monotype', why: 'topic and tag link lists and the share buttons under the article' },
  { action: 'unwrap', selector: 'a[href^="https://c.duomai.com/track.php"]', feed: 'cnBeta', why: 'affiliate tracking link on a product word: keep the word' },
  { action: 'unwrap', selector: 'a.toggle[data-toggle="collapse"]', feed: 'Axis Studios', why: 'collapse toggle of the credits: keep its heading text, drop the control' },
  { action: 'remove', selector: 'div.support-author', feed: '人人都是产品经理', why: 'the tip widget ("给作者打赏，鼓励TA抓紧创作！" and its 赞赏 button)' },
  { action: 'remove-if-empty', selector: 'p, h1, h2, h3, h4, h5, h6', feed: 'every feed', why: "empty paragraphs and headings (CMS spacers, ACM's styled empty <h4>, what removed markers leave) are spacing, not text" },
];

/** The QR promo image Sina's feed puts in `headimg` when an article has no picture of its own. */
const QR_PROMO_IMAGE = 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png';

/** Hosts that serve random stand-in pictures (the generator's fallback for feeds without images). */
const PLACEHOLDER_IMAGE_HOSTS: readonly string[] = ['picsum.photos'];

/** True for a front-matter image that is the site's QR promo or a random placeholder, not the article's own picture. */
export function isPlaceholderImage(url: string): boolean {
  if (url === QR_PROMO_IMAGE) return true;
  try {
    return PLACEHOLDER_IMAGE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return true;
  }
}
