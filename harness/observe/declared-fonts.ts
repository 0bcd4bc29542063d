import type { Page } from '@playwright/test';
import type { PackageFiles } from './cdn-packages.ts';
import { declaredFontsInPage, type PageFontDeclarations, type SheetFonts } from './declared-fonts-in-page.ts';

/** A declared web font that would not load: a file of the site's own that its server does not serve, or another host's. */
export type UnservedFont = { url: string; local: true; reason: string } | { url: string; local: false; why?: string };

/** True for a URL served by `origin` (the site under test, on 127.0.0.1). */
export function isLocalUrl(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin;
}

/**
 * Checks the web fonts a page's style sheets declare, for pages observed in a browser that loads none
 * (NO_WEB_FONTS in harness/browser/choose-browser.ts: ~35 font requests fewer a page). Such a browser
 * never asks for a font, so a font file that is missing would go unseen: each one declared is checked
 * instead, once a run, against what serves it (the site's server; for a CDN, the npm package that
 * holds it), and each sheet is read once a run. Stricter than a browser that loads fonts, which asks
 * only for the faces the page's text uses: a face no page uses yet must be served too, as the next
 * post in another script would need it.
 */
export class DeclaredFonts {
  private readonly sheets = new Map<string, SheetFonts>();
  /** The fonts of sheets the page could not read (another origin's), parsed from their text. */
  private readonly unreadable = new Map<string, string[]>();
  private readonly verdicts = new Map<string, Promise<UnservedFont | undefined>>();

  constructor(
    private readonly localOrigin: string,
    private readonly packages: PackageFiles,
  ) {}

  /** What declaredFontsInPage is asked: the sheets already read. */
  request(): { known: string[] } {
    return { known: [...this.sheets.keys()] };
  }

  /** The fonts `page`'s style sheets declare that would not load, each once. */
  async unservedOn(page: Page): Promise<UnservedFont[]> {
    return this.unserved(page, await page.evaluate(declaredFontsInPage, this.request()));
  }

  /** The same, from what declaredFontsInPage (asked `request()`) found in `page`. */
  async unserved(page: Page, found: PageFontDeclarations): Promise<UnservedFont[]> {
    const inline = this.remember(found.read);
    const applied = [...found.hrefs.flatMap((href) => this.sheets.get(href) ?? []), ...inline];
    const unread = [...new Set(applied.flatMap((sheet) => sheet.unreadable))].filter((href) => !this.unreadable.has(href));
    if (unread.length > 0) await this.readTexts(page, unread);
    const fonts = new Set(applied.flatMap((sheet) => [...sheet.fonts, ...sheet.unreadable.flatMap((href) => this.unreadable.get(href) ?? [])]));
    const verdicts = await Promise.all([...fonts].map((url) => this.verdictOn(url)));
    return verdicts.filter((verdict) => verdict !== undefined);
  }

  /** Keeps what linked sheets declare; returns the page's own `<style>` sheets, which are not kept. */
  private remember(read: SheetFonts[]): SheetFonts[] {
    for (const sheet of read) if (sheet.href !== null) this.sheets.set(sheet.href, sheet);
    return read.filter((sheet) => sheet.href === null);
  }

  /** Reads sheets of another origin from the npm packages that serve them offline; one that none serves did not load at all, and declares nothing. */
  private async readTexts(page: Page, hrefs: string[]): Promise<void> {
    const texts: { href: string; text: string }[] = [];
    for (const href of hrefs) {
      const answer = this.packages.answer(href);
      if (answer?.served === true) texts.push({ href, text: answer.body.toString('utf8') });
      else this.unreadable.set(href, []);
    }
    if (texts.length === 0) return;
    const wanted = new Set(texts.map((text) => text.href));
    const found = await page.evaluate(declaredFontsInPage, { ...this.request(), texts });
    for (const sheet of found.read) if (sheet.href !== null && wanted.has(sheet.href)) this.unreadable.set(sheet.href, sheet.fonts);
  }

  private verdictOn(url: string): Promise<UnservedFont | undefined> {
    let verdict = this.verdicts.get(url);
    if (verdict === undefined) {
      verdict = this.check(url);
      this.verdicts.set(url, verdict);
    }
    return verdict;
  }

  private async check(url: string): Promise<UnservedFont | undefined> {
    if (isLocalUrl(url, this.localOrigin)) {
      try {
        const response = await fetch(url, { method: 'HEAD' });
        return response.ok ? undefined : { url, local: true, reason: `HTTP ${response.status}` };
      } catch (error) {
        return { url, local: true, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    const answer = this.packages.answer(url);
    if (answer?.served === true) return undefined;
    return { url, local: false, ...(answer === undefined ? {} : { why: answer.why }) };
  }
}
