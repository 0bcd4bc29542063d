/**
 * The source sites' chrome that a clean archive page leaves out: policy as data, one reason per rule.
 * Applied in order by body.ts before the semantic transforms; the sanitizer runs after both.
 */
export type BoilerplateRule =
  | { action: 'remove-comments'; why: string }
  | { action: 'remove' | 'unwrap' | 'remove-if-empty'; selector: string; why: string };

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    action: 'remove-comments',
    why: 'CMS markers (<!-- 正文下iframe -->, news_keyword), <!--article_adlist[…]--> ad lists and <!--video-list--> stubs: never article text',
  },
  { action: 'remove', selector: 'style, script, noscript, template, link, meta, head, title', why: "the source page's own head, CSS and JS; dead or unsafe in an archive" },
  { action: 'remove', selector: 'div.appendQr_wrap', why: 'Sina app QR promo "海量资讯、精准解读，尽在新浪财经APP" appended to every article' },
  { action: 'remove', selector: 'div.app-kaihu-qr', why: 'account-opening QR block "炒股开户享福利…" added to Sina articles in 2022' },
  { action: 'remove', selector: 'p.article-editor', why: 'the CMS\'s "责任编辑：…" staff line, not part of the story' },
  { action: 'remove', selector: 'div.video-2017', why: "video player placeholder that Sina's scripts filled; empty offline" },
  { action: 'remove', selector: 'span[id^="quote_"]', why: 'live stock-quote slot filled by script; empty or stale in an archive' },
  { action: 'unwrap', selector: 'a.keyword[href*="/realstock/"]', why: 'stock keyword auto-linked to a realstock quote page: keep the company name, drop the link' },
  { action: 'unwrap', selector: 'span[id^="stock_"]', why: 'wrapper of an auto-linked stock keyword; carries no text of its own' },
  { action: 'remove', selector: 'img[src$="/finance/cece9e13/20200514/343233024.png"]', why: 'the QR promo image itself, wherever it appears' },
  { action: 'remove', selector: 'img[src^="data:"]', why: 'inline placeholder or tracking pixels, never a picture of the story' },
  { action: 'remove', selector: '[hidden], [style*="display:none"], [style*="display: none"]', why: 'invisible in the source page (e.g. 知乎日报\'s a.originUrl), so not what readers saw' },
  { action: 'remove-if-empty', selector: 'p', why: 'empty paragraphs (the CMS\'s spacers, or what removed markers leave) are spacing, not text' },
];

/** The QR promo image Sina's feed puts in `headimg` when an article has no picture of its own. */
export const QR_PROMO_IMAGE = 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png';

/** Hosts that serve random stand-in pictures (the generator's fallback for feeds without images). */
export const PLACEHOLDER_IMAGE_HOSTS: readonly string[] = ['picsum.photos'];

/** True for a front-matter image that is the site's QR promo or a random placeholder, not the article's own picture. */
export function isPlaceholderImage(url: string): boolean {
  if (url === QR_PROMO_IMAGE) return true;
  try {
    return PLACEHOLDER_IMAGE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return true;
  }
}
