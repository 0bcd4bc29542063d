/**
 * The source sites' chrome, as the harness knows it: policy as data, each entry with its feed and why.
 * Kept apart from the renderer's own list on purpose, so a mistake in one is caught by the other.
 * `selector` entries are removed from the source before its content is read, and everything they
 * contained must be absent from the rendered page; `texts` and `urls` must be absent anywhere.
 */
export interface CatalogueEntry {
  id: string;
  /** The feed (or feeds) whose pages carry this chrome. */
  feed: string;
  why: string;
  /** Elements of the source that are chrome. */
  selector?: string;
  /** Only those of them whose whole text (whitespace collapsed) matches: the selector alone would be too wide. */
  textPattern?: RegExp;
  /** Keep the element's text (drop only its markup), as for auto-linked stock names. */
  keepText?: boolean;
  /** What must not match in a rendered page (default: `selector`; null: too generic to probe for). */
  renderedSelector?: string | null;
  /** Fixed texts that must not appear anywhere in a rendered page. */
  texts?: string[];
  /** URLs that must not appear in any attribute of a rendered page. */
  urls?: string[];
}

export const QR_PROMO_IMAGE = 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png';

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'style-and-script', feed: 'all', why: "the source page's CSS and scripts", selector: 'style, script, noscript, template, link, meta, head, title', renderedSelector: null },
  { id: 'hidden-in-source', feed: 'all', why: 'invisible in the source page, so never part of what readers saw', selector: '[hidden], [style*="display:none"], [style*="display: none"]', renderedSelector: null },
  { id: 'ads', feed: 'all (Google AdSense)', why: 'ad slots and ad frames', selector: 'ins.adsbygoogle, iframe[src*="googlesyndication.com"], iframe[src*="doubleclick.net"], iframe[src*="googleads."]' },
  { id: 'hidden-form-control', feed: 'all', why: 'hidden inputs: machinery, not reading', selector: 'input[type="hidden"]' },
  {
    id: 'placeholder-image',
    feed: 'all',
    why: 'inline data: pixels with no picture behind them (a lazy image keeps its picture in data-src and friends, see image-source.ts)',
    selector: 'img[src^="data:"]:not([data-original-src]):not([data-original]):not([data-src]):not([data-lazy-src]):not([_src]):not([data-srcset]):not([srcset])',
    renderedSelector: 'img[src^="data:"]',
  },
  { id: 'broken-link', feed: 'Paul Graham 博客, 码农网', why: "a link to JavaScript's undefined: its text stays, the dead link goes", selector: 'a[href$="/undefined"]', keepText: true },
  { id: 'qr-promo', feed: '新浪财经', why: 'Sina app QR promo appended to every article', selector: '.appendQr_wrap', texts: ['海量资讯、精准解读，尽在新浪财经APP'] },
  { id: 'qr-promo-image', feed: '新浪财经', why: 'the QR promo picture, also used as headimg fallback', urls: [QR_PROMO_IMAGE] },
  { id: 'account-opening-qr', feed: '新浪财经', why: 'the 2022 "炒股开户享福利" QR block', selector: '.app-kaihu-qr', texts: ['炒股开户享福利'] },
  { id: 'editor-line', feed: '新浪财经', why: 'the CMS\'s "责任编辑：…" staff line', selector: 'p.article-editor', texts: ['责任编辑：'] },
  { id: 'video-placeholder', feed: '新浪财经', why: 'video player stub that only scripts filled', selector: '.video-2017' },
  { id: 'stock-quote-slot', feed: '新浪财经', why: 'live stock-quote slot, empty or stale in an archive', selector: '[id^="quote_"]' },
  { id: 'stock-keyword-link', feed: '新浪财经', why: 'auto-linked stock keyword: the name is text, the quote link is chrome', selector: 'a.keyword[href*="/realstock/"]', keepText: true, renderedSelector: 'a[href*="/realstock/"]' },
  { id: 'view-discussion', feed: '知乎日报', why: 'the "查看知乎讨论" button of every item', selector: 'div.view-more', texts: ['查看知乎讨论'] },
  { id: 'platform-tags', feed: '巴哈姆特 GNN 新聞', why: 'platform tag links above the story', selector: 'ul.platform-tag' },
  { id: 'gamer-card', feed: '巴哈姆特 GNN 新聞', why: 'fan-page card filled by script', selector: '.article_gamercard' },
  { id: 'search-autolink', feed: '巴哈姆特 GNN 新聞', why: "game names linked to the site's search: name kept, link chrome", selector: 'a.acglink', keepText: true, renderedSelector: 'a[href*="acg.gamer.com.tw/search.php"]' },
  { id: 'page-links', feed: '劍心．回憶', why: 'WordPress "Pages: 1 2" navigation', selector: '.page-link' },
  { id: 'affiliate-disclaimer', feed: '9To5Mac', why: 'the FTC affiliate-links line and its ad slot', selector: '.ad-disclaimer-container, #after_disclaimer_placement', texts: ['FTC: We use income earning auto affiliate links'] },
  { id: 'more-anchor', feed: '9To5Mac', why: 'WordPress\'s empty "more" anchor', selector: 'span[id^="more-"]' },
  { id: 'reprint-notice', feed: '快科技', why: 'the reprint notice and tag links under every story', selector: 'p.zhuanzai, p.bqian' },
  { id: 'mydrivers-editor', feed: '快科技', why: 'the "责任编辑：" staff line', selector: 'p.url', textPattern: /^责任编辑：/ },
  { id: 'the-end', feed: '快科技', why: 'the "- THE END -" marker', selector: 'p.end', textPattern: /^-?\s*THE END\s*-?$/ },
  { id: 'tag-autolink', feed: 'IT 之家', why: 'words linked to tag pages: words kept, links chrome', selector: 'a.s_tag', keepText: true },
  { id: 'reading-time', feed: '科技島讀', why: 'the computed reading-time line', selector: 'p', textPattern: /^閱讀時間 \d+ 分鐘$/ },
  { id: 'see-all', feed: 'Method Studios', why: 'the "See All …" link back to the index', selector: 'a[href^="https://www.methodstudios.com/"]', textPattern: /^See All / },
  { id: 'topics-and-share', feed: 'Monotype', why: 'topic and tag lists, share buttons', selector: '.resource-content-citation' },
  { id: 'affiliate-link', feed: 'cnBeta', why: 'affiliate tracking on a product word: word kept', selector: 'a[href^="https://c.duomai.com/"]', keepText: true },
  { id: 'collapse-toggle', feed: 'Axis Studios', why: 'collapse control of the credits: heading text kept', selector: 'a[data-toggle="collapse"]', keepText: true },
  { id: 'tip-widget', feed: '人人都是产品经理', why: 'the tip widget and its 赞赏 button', selector: '.support-author', texts: ['给作者打赏'] },
];

/** Marker texts of CMS comments and ad lists: seen inside a rendered page, they mean a comment leaked. */
export const COMMENT_MARKERS: readonly string[] = ['article_adlist', 'news_keyword_pub', '正文下iframe', '文末二维码', '编辑姓名及工作代码', '总声明', '开户二维码'];

/** Hosts whose images are random stand-ins, never the article's own picture. */
export const PLACEHOLDER_IMAGE_HOSTS: readonly string[] = ['picsum.photos'];
