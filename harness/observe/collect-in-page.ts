/**
 * Runs inside the page (passed to page.evaluate, so it must not reference anything outside itself):
 * reads what a reader sees, with the page's own CSS deciding visibility and block boundaries.
 */

/** Where to look: the site profile's selectors (harness/profiles/), each list tried in order. */
export interface CollectOptions {
  contentRoot: readonly string[];
  title: readonly string[];
  /** Empty when the theme shows no author. */
  byline: readonly string[];
  categories: readonly string[];
  /** The links a page shows in place of embedded media: read as embeds, not as text. */
  embedLink: string;
  /** What the theme adds inside the content root that is not the article's (a copy button): not read at all. */
  themeChrome: readonly string[];
  /** Captions the theme's script makes from images' alt texts: read apart from the article's blocks. */
  altCaptions: string | null;
  /** Attributes where a lazy loader keeps an image's real picture until it is shown (`data-srcset`, `data-src`, …). */
  lazyAttributes: readonly string[];
  /** Tags HTML lays out inline (img, a, span, video, …): a block boundary the page's CSS makes at one of them is presentation, not a break in the text. */
  inlineTags: readonly string[];
  /**
   * A listing page (an index page): only what the listing checks read is collected (its DOM, content
   * root and images); the article's facts (blocks, texts, embeds, titles…) are left empty, the text
   * walk that costs most of an index page's collection (~100 of ~120 ms for 100 entries).
   */
  listing?: boolean;
}

/** An embed as the page offers it: a link standing in for it, or a live player or frame. */
export interface EmbedFacts {
  /** 'a' (or another element) for a link matching the embed-link selector; iframe, video, … for a live one. */
  tag: string;
  link: boolean;
  /** Raw addresses, resolved against the page: href of a link; src / data-src / data / <source> srcs of a live embed. */
  href: string | null;
  src: string | null;
  sources: string[];
  text: string;
  visible: boolean;
}

/** One image element as the browser sees it. */
export interface ImageFacts {
  /** The URL the browser resolved (img.currentSrc, else img.src). */
  src: string;
  /** The `referrerpolicy` attribute as written, or null. */
  attribute: string | null;
  /** The DOM `referrerPolicy` property the browser will use ('' means the document default). */
  property: string;
  inContent: boolean;
  /** For an image still showing a lazy loader's placeholder: the attributes holding its real picture (see lazyAttributes), and whether a reader could see it. */
  pending?: { attributes: Record<string, string>; visible: boolean };
}

/** Facts a check needs that only a browser can tell. */
export interface PageFacts {
  /** The serialised DOM after load (comments, hidden elements and attributes included). */
  html: string;
  /** The content-root selector that matched, or null. */
  contentRoot: string | null;
  /** Visible text blocks inside the content root, in order (not yet normalised). */
  blocks: string[];
  /** Visible captions the theme made from images' alt texts (the profile's `altCaptions`), apart from the blocks. */
  altCaptions?: string[];
  /**
   * One per block: where only the page's CSS parts it from the block before, at an element HTML
   * lays out inline (a theme showing an image on a line of its own), the text that ran on there (''
   * or, with whitespace at the break, ' '); null at a real break.
   */
  softBreaks?: (string | null)[];
  /** Every text node of the document with whether a reader can see it. */
  texts: { text: string; visible: boolean }[];
  comments: string[];
  images: ImageFacts[];
  /** Embeds inside the content root, in document order (none inside another: that is fallback content). */
  embeds: EmbedFacts[];
  /** The rendered text of each outermost <pre> in the content root, whitespace and line breaks as shown. */
  preformatted: string[];
  /** The visible texts of the title elements (the profile's `article.title`), in order. */
  titles: string[];
  byline: string;
  categories: string[];
}

export function collectPageFacts(options: CollectOptions): PageFacts {
  let root: { selector: string; element: Element } | null = null;
  for (const selector of options.contentRoot) {
    const element = document.querySelector(selector);
    if (element !== null) {
      root = { selector, element };
      break;
    }
  }
  // The theme's own parts (its header, sidebar and footer; a code block's copy button) are not the
  // article: their text is never read, and inside the article they are hidden while it is read.
  const chrome = options.themeChrome.join(', ');
  const chromeSheet = new CSSStyleSheet();
  if (chrome !== '' && root !== null) {
    chromeSheet.replaceSync(`:is(${root.selector}) :is(${chrome}) { display: none !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, chromeSheet];
  }
  const isThemeChrome = (element: Element | null): boolean => chrome !== '' && element?.closest(chrome) != null;
  const hiddenCache = new Map<Element, boolean>();
  const isHidden = (element: Element): boolean => {
    const cached = hiddenCache.get(element);
    if (cached !== undefined) return cached;
    let hidden = !element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    if (!hidden) {
      const style = getComputedStyle(element);
      // "visually hidden" boxes: clipped to (almost) nothing
      const clipped = style.overflow === 'hidden' || style.overflow === 'clip' || style.clipPath === 'inset(50%)' || style.clip !== 'auto';
      if (clipped) {
        const rect = element.getBoundingClientRect();
        hidden = rect.width * rect.height <= 1;
      }
    }
    if (!hidden && element.parentElement !== null) hidden = isHidden(element.parentElement);
    hiddenCache.set(element, hidden);
    return hidden;
  };
  const range = document.createRange();
  const textCache = new Map<Text, boolean>();
  const textVisible = (node: Text): boolean => {
    let visible = textCache.get(node);
    if (visible === undefined) {
      const parent = node.parentElement;
      if (parent === null || isHidden(parent)) visible = false;
      // Whitespace only separates words: where a line wraps it has no box of its own, yet it still separates.
      else if (node.data.trim() === '') visible = true;
      else {
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        visible = rect.width > 0 && rect.height > 0; // font-size: 0 and friends
      }
      textCache.set(node, visible);
    }
    return visible;
  };
  const first = (selectors: readonly string[]): { selector: string; element: Element } | null => {
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (element !== null) return { selector, element };
    }
    return null;
  };
  const visibleText = (element: Element): string => {
    let text = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if (textVisible(node as Text)) text += (node as Text).data;
    return text;
  };

  const pendingOf = (img: HTMLImageElement): { attributes: Record<string, string>; visible: boolean } | undefined => {
    const shown = img.currentSrc || img.getAttribute('src') || '';
    if (shown !== '' && !shown.startsWith('data:')) return undefined;
    const held = options.lazyAttributes.filter((name) => /^\s*(https?:)?\/\//i.test(img.getAttribute(name) ?? ''));
    if (held.length === 0) return undefined;
    return { attributes: Object.fromEntries(held.map((name) => [name, img.getAttribute(name) ?? ''])), visible: !isHidden(img) && img.getClientRects().length > 0 };
  };
  const images: ImageFacts[] = [...document.images]
    .filter((img) => !(root?.element.contains(img) === true && isThemeChrome(img)))
    .map((img) => {
      const pending = pendingOf(img);
      return {
        src: img.currentSrc || img.src,
        attribute: img.getAttribute('referrerpolicy'),
        property: img.referrerPolicy,
        inContent: root !== null && root.element.contains(img),
        ...(pending === undefined ? {} : { pending }),
      };
    });
  if (options.listing === true) {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== chromeSheet);
    return { html: document.documentElement.outerHTML, contentRoot: root?.selector ?? null, blocks: [], texts: [], comments: [], images, embeds: [], preformatted: [], titles: [], byline: '', categories: [] };
  }

  const blocks: string[] = [];
  const softBreaks: (string | null)[] = [];
  const altCaptions: string[] = [];
  const inlineTags = new Set(options.inlineTags.map((tag) => tag.toUpperCase()));
  let current = '';
  // What parts the next block from the last one: every boundary since, soft only if all were at inline tags.
  let boundary: 'none' | 'soft' | 'hard' = 'hard';
  let spaced = false; // whitespace at the boundary
  const flush = (kind: 'soft' | 'hard'): void => {
    if (current.trim() !== '') {
      const before = spaced || /^\s/.test(current);
      blocks.push(current);
      softBreaks.push(boundary === 'soft' ? (before ? ' ' : '') : null);
      boundary = 'none';
      spaced = /\s$/.test(current);
    } else if (current !== '') spaced = true;
    current = '';
    boundary = kind === 'hard' || boundary === 'hard' ? 'hard' : 'soft';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (textVisible(node as Text)) current += (node as Text).data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      current += ' ';
      return;
    }
    if (element.matches(options.embedLink)) return; // stands in for an embed: checked as one, not as text
    if (options.altCaptions !== null && element.matches(options.altCaptions)) {
      if (!isHidden(element)) altCaptions.push(visibleText(element));
      return;
    }
    const display = getComputedStyle(element).display;
    if (display === 'none' || isHidden(element)) return;
    const inline = display.startsWith('inline') || display === 'contents' || display.startsWith('ruby');
    const kind = inlineTags.has(element.tagName) ? 'soft' : 'hard';
    if (!inline) flush(kind);
    element.childNodes.forEach(walk);
    if (!inline) flush(kind);
  };
  if (root !== null) {
    root.element.childNodes.forEach(walk);
    flush('hard');
  }

  const texts: { text: string; visible: boolean }[] = [];
  const comments: string[] = [];
  const all = document.createTreeWalker(document, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  for (let node = all.nextNode(); node !== null; node = all.nextNode()) {
    if (isThemeChrome(node.parentElement)) continue;
    if (node.nodeType === Node.COMMENT_NODE) comments.push((node as Comment).data);
    else if ((node as Text).data.trim() !== '') texts.push({ text: (node as Text).data, visible: textVisible(node as Text) });
  }

  const categories = (() => {
    for (const selector of options.categories) {
      const found = [...document.querySelectorAll(selector)].filter((element) => !isHidden(element));
      if (found.length > 0) return found.map(visibleText);
    }
    return [];
  })();
  const byline = first(options.byline);
  const LIVE = 'iframe, video, audio, embed, object';
  const embeds: EmbedFacts[] = [];
  if (root !== null) {
    for (const element of root.element.querySelectorAll(`${options.embedLink}, ${LIVE}`)) {
      if (element.parentElement?.closest(`${options.embedLink}, ${LIVE}`) != null) continue; // fallback or decoration inside another
      if (isThemeChrome(element)) continue;
      const link = element.matches(options.embedLink);
      const absolute = (value: string | null): string | null => (value === null ? null : new URL(value, document.baseURI).href);
      embeds.push({
        tag: element.tagName.toLowerCase(),
        link,
        href: link ? absolute(element.getAttribute('href')) : null,
        src: link ? null : absolute(element.getAttribute(element.tagName === 'OBJECT' ? 'data' : 'src') ?? element.getAttribute('data-src')),
        sources: link ? [] : [...element.querySelectorAll(':scope > source[src]')].map((source) => (source as HTMLSourceElement).src),
        text: visibleText(element).trim(),
        visible: !isHidden(element),
      });
    }
  }
  const facts: PageFacts = {
    html: document.documentElement.outerHTML,
    contentRoot: root?.selector ?? null,
    blocks,
    softBreaks,
    altCaptions,
    texts,
    comments,
    images,
    embeds,
    preformatted: root === null ? [] : [...root.element.querySelectorAll('pre')].filter((pre) => pre.parentElement?.closest('pre') == null).map((pre) => (pre as HTMLElement).innerText),
    titles: (() => {
      for (const selector of options.title) {
        const found = [...document.querySelectorAll(selector)].filter((element) => !isHidden(element));
        if (found.length > 0) return found.map(visibleText);
      }
      return [];
    })(),
    byline: byline === null ? '' : visibleText(byline.element),
    categories,
  };
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== chromeSheet);
  return facts;
}
