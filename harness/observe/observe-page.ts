import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SiteProfile } from '../profiles/profile.ts';
import { PackageFiles } from './cdn-packages.ts';
import { collectPageFacts, type CollectOptions, type PageFacts } from './collect-in-page.ts';
import { httpErrorsInPage, KEEP_EVERY_RESOURCE_ENTRY, OfflineNetwork, type NetworkLog } from './offline-network.ts';
import { pageSettled, unsettledReason } from './settle-in-page.ts';
import { lazyImagesShown, restoreNativeLazyImages, scrollThroughPage, STARTED_IMAGES_KEY, startedImagesLoaded } from './lazy-images-in-page.ts';
import { declaredFontsInPage, type PageFontDeclarations } from './declared-fonts-in-page.ts';
import { observeAtOnce, type AtOnce } from './observe-in-page.ts';
import { LAZY_ATTRIBUTES } from '../oracle/image-source.ts';
import type { DeclaredFonts } from './declared-fonts.ts';

/** How often a page may navigate away by itself (a refresh loop) before observing it gives up. */
const MAX_SELF_NAVIGATIONS = 3;

/** The viewport pages are observed in (screenshots resize it afterwards). */
const OBSERVE_VIEWPORT = { width: 1280, height: 800 };

/** Elements HTML lays out inline (its default style sheet): where a page's CSS makes one a block, the text still runs on. */
const INLINE_TAGS = [
  'a',
  'abbr',
  'audio',
  'b',
  'bdi',
  'bdo',
  'big',
  'button',
  'canvas',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'embed',
  'font',
  'i',
  'iframe',
  'img',
  'kbd',
  'label',
  'mark',
  'object',
  'picture',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'svg',
  'time',
  'tt',
  'u',
  'var',
  'video',
];

/** Where lazy loaders keep an image's real picture until it is scrolled into view (the oracle reads the same in sources). */
const LAZY_IMAGE_ATTRIBUTES = ['data-srcset', ...LAZY_ATTRIBUTES];

/**
 * Tallest viewport a page is shown in at once so that every lazy image is "in view" together (one
 * layout instead of a scroll per image); a taller page's lower images are brought into view by scrolling.
 */
const LAZY_VIEW_HEIGHT = 16_000;

/**
 * Longest wait for lazy images to be swapped in and loaded once in view. A theme's loader swaps them
 * within a frame or two; one that never does leaves its placeholders, and the images check says so.
 */
const LAZY_SWAP_TIMEOUT_MS = 3_000;

/** Lazy images are waited for on a condition polled every frame, bounded. */
const LAZY_WAIT = { polling: 'raf', timeout: LAZY_SWAP_TIMEOUT_MS } as const;

/** Waits until `wait` resolves or times out: lazy images still not shown then are reported by the images check, with the picture each stands for. */
async function untilTimeout(wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    if (!/Timeout/i.test(String(error))) throw error;
  }
}

/**
 * Runs one phase of observing a page under its name (the suite passes test.step, so the report and
 * the benchmark show where the time goes); by default just runs it.
 */
export type Phase = <T>(name: string, body: () => Promise<T>) => Promise<T>;
const unnamed: Phase = (_name, body) => body();

/** Everything the checks know about one rendered page: plain data. */
export interface ObservedPage extends PageFacts {
  url: string;
  /** HTTP status of the page itself. */
  status: number | undefined;
  console: { type: string; text: string }[];
  network: NetworkLog;
}

/**
 * Opens pages in one reused browser page, offline, and gathers what the checks need. Reuse matters:
 * a new context costs ~150 ms, a navigation in an existing page a fraction of that.
 */
export class PageObserver {
  private readonly console: { type: string; text: string }[] = [];
  private readonly options: CollectOptions;

  private constructor(
    readonly page: Page,
    private readonly network: OfflineNetwork,
    readonly profile: SiteProfile,
    private readonly declaredFonts: DeclaredFonts | undefined,
  ) {
    const { article } = profile;
    this.options = {
      contentRoot: article.contentRoot,
      title: article.title,
      byline: article.byline ?? [],
      categories: article.categories,
      embedLink: article.embedLink,
      themeChrome: article.themeChrome,
      altCaptions: article.altCaptions,
      lazyAttributes: LAZY_IMAGE_ATTRIBUTES,
      inlineTags: INLINE_TAGS,
    };
    page.on('console', (message) => {
      // "Failed to load resource" repeats, without the URL, what the network log records with it.
      if (message.text().startsWith('Failed to load resource:')) return;
      if (message.type() === 'error' || message.type() === 'warning') this.console.push({ type: message.type(), text: message.text() });
    });
    page.on('pageerror', (error) => this.console.push({ type: 'pageerror', text: error.message }));
  }

  /**
   * A new browser context with one page prepared to observe pages of a site (described by `profile`)
   * served from `origin`; CDN files are answered from `packages` (see cdn-packages.ts). Pass
   * `declaredFonts` when `browser` loads no web fonts (NO_WEB_FONTS): they are checked from there.
   */
  static async open(browser: Browser, origin: string, profile: SiteProfile, packages = new PackageFiles([]), declaredFonts?: DeclaredFonts): Promise<{ observer: PageObserver; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: OBSERVE_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return { observer: await PageObserver.create(await context.newPage(), origin, profile, packages, declaredFonts), context };
  }

  /** Prepares a page (routing, listeners) for observing pages served from `origin`. */
  static async create(page: Page, origin: string, profile: SiteProfile, packages = new PackageFiles([]), declaredFonts?: DeclaredFonts): Promise<PageObserver> {
    // Scripts run through tsx (esbuild keepNames) wrap functions in __name(); give serialised ones that helper.
    await page.addInitScript(`globalThis.__name ??= (fn) => fn; ${KEEP_EVERY_RESOURCE_ENTRY}`);
    return new PageObserver(page, await OfflineNetwork.attach(page, origin, packages), profile, declaredFonts);
  }

  /**
   * Gathers the loaded page's facts. A page that navigates away by itself (a meta refresh, a script)
   * is not a crash of the harness: it is recorded for the health check and the new page is observed.
   */
  private async collect(requested: string, phase: Phase, settleOn: readonly string[], listing: boolean): Promise<PageFacts> {
    const collect = listing ? { ...this.options, listing } : this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        const lazy = { key: STARTED_IMAGES_KEY, attributes: LAZY_IMAGE_ATTRIBUTES };
        const options = { lazy, settle: { contentRoot: settleOn }, collect, fonts: this.declaredFonts?.request() ?? null };
        const atOnce = await phase('collect in the page', async () => {
          const seen = await this.page.evaluate<AtOnce>(observeAtOnce(options));
          if (seen.facts !== undefined) await this.record(seen.httpErrors ?? [], seen.fonts ?? null);
          return seen;
        });
        if (atOnce.facts !== undefined) return atOnce.facts;
        await phase('show lazy images', () => this.showLazyImages(atOnce.lazy));
        // Asked once already when observeAtOnce found no lazy image: the next answers must be a frame apart.
        await phase('settle', () => this.settleForReaders(settleOn, atOnce.settled === false));
        return await phase('collect in the page once settled', async () => {
          const facts = await this.page.evaluate(collectPageFacts, collect);
          await this.record(await this.page.evaluate(httpErrorsInPage), this.declaredFonts === undefined ? null : await this.page.evaluate(declaredFontsInPage, this.declaredFonts.request()));
          return facts;
        });
      } catch (error) {
        // Caught mid-navigation, the page may have no document element yet: any error then means "it moved".
        const moved = /Execution context was destroyed|navigat/i.test(String(error)) || this.page.url() !== requested;
        if (!moved || attempt >= MAX_SELF_NAVIGATIONS) throw error;
        this.console.push({ type: 'navigation', text: `the page navigated away by itself, to ${this.page.url()}` });
        await this.page.waitForLoadState('load');
      }
    }
  }

  /** Adds the page's HTTP errors and, in a browser that loads no web fonts, its declared fonts that would not load, to the network log. */
  private async record(httpErrors: { url: string; status: number }[], fonts: PageFontDeclarations | null): Promise<void> {
    this.network.addHttpErrors(httpErrors);
    if (this.declaredFonts !== undefined && fonts !== null) this.network.addUnservedFonts(await this.declaredFonts.unserved(this.page, fonts));
  }

  /**
   * Brings every lazy image into view, as a reader scrolling through the page would, and waits until
   * it has loaded: native lazy images (`loading="lazy"`) are started where they are (their request is
   * the same), and for a theme's build-time lazy-load (a 1×1 gif in `srcset`, the picture in
   * `data-srcset`), whose loader waits for the image to be in view, the page is shown in one tall
   * viewport, then as before, until the loader has swapped the real picture in. Given what
   * startLazyImages (in observeAtOnce) started and counted.
   */
  private async showLazyImages({ started, placeholders }: { started: number; placeholders: number }): Promise<void> {
    if (started > 0) {
      try {
        await untilTimeout(() => this.page.waitForFunction(startedImagesLoaded, STARTED_IMAGES_KEY, LAZY_WAIT));
      } finally {
        await this.page.evaluate(restoreNativeLazyImages, STARTED_IMAGES_KEY);
      }
    }
    if (placeholders === 0) return;
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    try {
      await this.page.setViewportSize({ width: OBSERVE_VIEWPORT.width, height: Math.min(LAZY_VIEW_HEIGHT, Math.max(OBSERVE_VIEWPORT.height, height)) });
      if (height > LAZY_VIEW_HEIGHT) await this.page.evaluate(scrollThroughPage);
      await untilTimeout(() => this.page.waitForFunction(lazyImagesShown, LAZY_IMAGE_ATTRIBUTES, LAZY_WAIT));
    } finally {
      await this.page.setViewportSize(OBSERVE_VIEWPORT);
    }
  }

  /**
   * Waits, on conditions polled every frame and never a fixed sleep, until the page is as a reader
   * sees it: scripted reveals and animations done (settle-in-page.ts). Bounded by the profile's
   * `settleTimeoutMs`: a page that never settles is recorded for the health check, and read as it is.
   */
  private async settleForReaders(settleOn: readonly string[], askedOnce: boolean): Promise<void> {
    const options = { contentRoot: settleOn };
    // Most pages are settled at `load`: one evaluation says so at once, where a frame-polled wait
    // would first wait for the next painted frame (~20 ms a page, a quarter of the checks' time).
    if (!askedOnce && (await this.page.evaluate(pageSettled, options))) return;
    try {
      await this.page.waitForFunction(pageSettled, options, { polling: 'raf', timeout: this.profile.settleTimeoutMs });
    } catch (error) {
      if (!/Timeout/i.test(String(error))) throw error;
      const reason = await this.page.evaluate(unsettledReason, options);
      this.console.push({ type: 'settle', text: `the page did not settle within ${this.profile.settleTimeoutMs / 1000} s: ${reason}` });
    }
  }

  /**
   * Loads `url` and gathers its facts once the load event has fired and the page has settled on
   * `settleOn` (default: the article's content root; an index page settles on its own list). A
   * `listing` page's article facts are left empty (CollectOptions.listing).
   */
  async observe(url: string, phase: Phase = unnamed, settleOn: readonly string[] = this.options.contentRoot, listing = false): Promise<ObservedPage> {
    const viewport = this.page.viewportSize();
    if (viewport?.width !== OBSERVE_VIEWPORT.width || viewport.height !== OBSERVE_VIEWPORT.height) await this.page.setViewportSize(OBSERVE_VIEWPORT);
    this.console.length = 0;
    this.network.reset();
    // 'load' has waited for style sheets and every image request; text checks need no web fonts.
    const response = await phase('load', () => this.page.goto(url, { waitUntil: 'load' }));
    const facts = await this.collect(response?.url() ?? url, phase, settleOn, listing);
    return {
      ...facts,
      url,
      status: response?.status(),
      console: [...this.console],
      network: structuredClone(this.network.log),
    };
  }
}

/**
 * Makes the page still for a screenshot, waiting on conditions, never a fixed sleep: web fonts
 * loaded, every image decoded, animations finished (endless ones cancelled), the text caret hidden,
 * and what changes on every build (the profile's volatile elements, such as an "Edited on" date) hidden.
 */
export async function settle(page: Page, volatile: readonly string[] = []): Promise<void> {
  await page.evaluate(async (hidden) => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getComputedTiming().endTime === Infinity) animation.cancel();
      else animation.finish();
    }
    // A constructed style sheet: allowed by the pages' CSP, unlike an injected <style> element.
    if (!document.adoptedStyleSheets.some((sheet) => sheet.cssRules[0]?.cssText.includes('caret-color'))) {
      const sheet = new CSSStyleSheet();
      const rules = ['*, *::before, *::after { caret-color: transparent !important; }', ...(hidden.length === 0 ? [] : [`${hidden.join(', ')} { visibility: hidden !important; }`])];
      sheet.replaceSync(rules.join('\n'));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
  }, volatile);
}
