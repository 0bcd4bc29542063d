/**
 * The source sites' chrome, as the harness knows it: policy as data, one reason per entry.
 * Kept apart from the renderer's own list on purpose, so a mistake in one is caught by the other.
 * `selector` entries are removed from the source before its content is read, and everything they
 * contained must be absent from the rendered page; `texts` and `urls` must be absent anywhere.
 */
export interface CatalogueEntry {
  id: string;
  why: string;
  /** Elements of the source that are chrome. */
  selector?: string;
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
  { id: 'style-and-script', why: "the source page's CSS and scripts", selector: 'style, script, noscript, template, link, meta, head, title', renderedSelector: null },
  { id: 'qr-promo', why: 'Sina app QR promo appended to every article', selector: '.appendQr_wrap', texts: ['海量资讯、精准解读，尽在新浪财经APP'] },
  { id: 'qr-promo-image', why: 'the QR promo picture, also used as headimg fallback', urls: [QR_PROMO_IMAGE] },
  { id: 'account-opening-qr', why: 'the 2022 "炒股开户享福利" QR block', selector: '.app-kaihu-qr', texts: ['炒股开户享福利'] },
  { id: 'editor-line', why: 'the CMS\'s "责任编辑：…" staff line', selector: 'p.article-editor', texts: ['责任编辑：'] },
  { id: 'video-placeholder', why: 'video player stub that only scripts filled', selector: '.video-2017' },
  { id: 'stock-quote-slot', why: 'live stock-quote slot, empty or stale in an archive', selector: '[id^="quote_"]' },
  { id: 'stock-keyword-link', why: 'auto-linked stock keyword: the name is text, the quote link is chrome', selector: 'a.keyword[href*="/realstock/"]', keepText: true, renderedSelector: 'a[href*="/realstock/"]' },
  { id: 'placeholder-image', why: 'inline data: pixels standing in for lazy images', selector: 'img[src^="data:"]' },
  { id: 'hidden-in-source', why: 'invisible in the source page, so never part of what readers saw', selector: '[hidden], [style*="display:none"], [style*="display: none"]', renderedSelector: null },
];

/** Marker texts of CMS comments and ad lists: seen inside a rendered page, they mean a comment leaked. */
export const COMMENT_MARKERS: readonly string[] = ['article_adlist', 'news_keyword_pub', '正文下iframe', '文末二维码', '编辑姓名及工作代码', '总声明', '开户二维码'];

/** Hosts whose images are random stand-ins, never the article's own picture. */
export const PLACEHOLDER_IMAGE_HOSTS: readonly string[] = ['picsum.photos'];
