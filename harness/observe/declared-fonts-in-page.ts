/**
 * Runs inside the page (passed to page.evaluate, so it must not reference anything outside itself):
 * the web fonts the page's style sheets declare, for a browser that loads none (see declared-fonts.ts).
 */

/** The fonts one style sheet (with the sheets it imports) declares. */
export interface SheetFonts {
  /** The sheet's URL; null for a `<style>` element, which belongs to its page alone. */
  href: string | null;
  /** Absolute URLs: the first source of each `@font-face` the browser would load, as it parsed the rule. */
  fonts: string[];
  /** Sheets it is or imports from another origin, whose rules the page may not read (a CDN's): their text is parsed apart. */
  unreadable: string[];
}

/** What declaredFontsInPage found. */
export interface PageFontDeclarations {
  /** Every linked sheet the page applies, known or not: which fonts it declares is kept per URL. */
  hrefs: string[];
  /** The sheets not in `known`, and the `texts`, read now. */
  read: SheetFonts[];
}

/**
 * Walks the page's style sheets (imports, and `@media` / `@supports` blocks that apply) and reads, for
 * each `@font-face`, its first `url()` source. Chromium drops the sources it cannot use (an EOT, an SVG
 * font) when it parses `src`, so the first one left is the one it would fetch; `local()` sources are
 * passed over, as on a reader's machine without that font. Sheets in `known` are not read again.
 * `texts` are sheets the page could not read (another origin's), parsed here as its own would be,
 * without their `@import`s (a constructed sheet refuses them, with a console warning).
 */
export function declaredFontsInPage({ known, texts = [] }: { known: readonly string[]; texts?: readonly { href: string; text: string }[] }): PageFontDeclarations {
  const skip = new Set(known);
  const result: PageFontDeclarations = { hrefs: [], read: [] };
  const applies = (media: MediaList): boolean => media.mediaText === '' || matchMedia(media.mediaText).matches;
  const fontsOf = (rules: CSSRuleList, base: string, into: SheetFonts): void => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) {
        const first = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)]*?))\s*\)/.exec(rule.style.getPropertyValue('src'));
        const raw = first?.[1] ?? first?.[2] ?? first?.[3];
        if (raw !== undefined && !raw.startsWith('data:')) into.fonts.push(new URL(raw.replace(/\\(.)/g, '$1'), base).href);
      } else if (rule instanceof CSSImportRule) {
        const sheet = rule.styleSheet;
        if (sheet !== null && applies(rule.media)) walk(sheet, into);
      } else if (rule instanceof CSSMediaRule) {
        if (applies(rule.media)) fontsOf(rule.cssRules, base, into);
      } else if (rule instanceof CSSSupportsRule) {
        if (CSS.supports(rule.conditionText)) fontsOf(rule.cssRules, base, into);
      } else if (rule instanceof CSSLayerBlockRule) {
        fontsOf(rule.cssRules, base, into);
      }
    }
  };
  // A constructed sheet (one of `texts`) has no href: its URLs resolve against the href it was given.
  const walk = (sheet: CSSStyleSheet, into: SheetFonts, base = sheet.href ?? document.baseURI): void => {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      if (sheet.href !== null) into.unreadable.push(sheet.href);
      return;
    }
    fontsOf(rules, base, into);
  };
  for (const sheet of document.styleSheets) {
    if (sheet.disabled || !applies(sheet.media)) continue;
    if (sheet.href !== null) result.hrefs.push(sheet.href);
    if (sheet.href !== null && skip.has(sheet.href)) continue;
    const fonts: SheetFonts = { href: sheet.href, fonts: [], unreadable: [] };
    walk(sheet, fonts);
    result.read.push(fonts);
  }
  for (const { href, text } of texts) {
    const sheet = new CSSStyleSheet({ baseURL: href });
    sheet.replaceSync(text.replace(/@import[^;]*;/g, ''));
    const fonts: SheetFonts = { href, fonts: [], unreadable: [] };
    walk(sheet, fonts, href);
    result.read.push(fonts);
  }
  return result;
}
