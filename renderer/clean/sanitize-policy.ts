import type { IOptions } from 'sanitize-html';

/**
 * The allow-list every article body passes through last: what a clean, script-free archive page may contain.
 * Policy as data; sanitize-html applies it (see body.ts).
 */
export const SANITIZE_POLICY: IOptions = {
  // Text structure, emphasis, lists, quotes, figures, tables and links: what news articles are made of.
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'mark',
    'q',
    'cite',
    'abbr',
    'span',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'figure',
    'figcaption',
    'img',
    'a',
    'div',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    span: ['class'],
    // referrerpolicy must survive: the image host refuses requests with a foreign Referer.
    img: ['src', 'alt', 'width', 'height', 'referrerpolicy', 'class'],
    td: ['rowspan', 'colspan'],
    th: ['rowspan', 'colspan', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed'],
    p: ['class'],
    div: ['class'],
  },
  // Alignment of centred sub-heads and right-aligned table numbers, the table scroller, small avatars,
  // and the links that stand in for embedded media (embeds.ts).
  allowedClasses: { p: ['center', 'right'], div: ['table-scroll'], img: ['avatar'], a: ['embed'], span: ['embed', 'embed-unavailable', 'embed-label'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // The page's CSP loads images over https only; anything else would be a broken image.
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Unknown tags lose their markup but keep their text: scraped HTML is full of <font> and custom tags.
  disallowedTagsMode: 'discard',
  // Elements whose content is code or a fallback for a plugin, never readable text.
  // (A <button>'s text is kept: blogs style links as buttons, 《My Family》劇集詳細介紹 is such a link.)
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'xmp', 'noembed', 'noframes', 'select'],
  parseStyleAttributes: false,
  transformTags: {
    // Enforced here too, so no path through the renderer can emit an image that leaks the Referer.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, referrerpolicy: 'no-referrer' } }),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
  },
  // An image whose URL was refused is an empty box; drop it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};
