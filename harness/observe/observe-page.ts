import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SiteProfile } from '../profiles/profile.ts';
import { collectPageFacts, type CollectOptions, type PageFacts } from './collect-in-page.ts';
import { httpErrorsInPage, KEEP_EVERY_RESOURCE_ENTRY, OfflineNetwork, type NetworkLog } from './offline-network.ts';
import { pageSettled, unsettledReason } from './settle-in-page.ts';

/** How often a page may navigate away by itself (a refresh loop) before observing it gives up. */
const MAX_SELF_NAVIGATIONS = 3;

/** The viewport pages are observed in (screenshots resize it afterwards). */
const OBSERVE_VIEWPORT = { width: 1280, height: 800 };

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
  ) {
    const { article } = profile;
    this.options = { contentRoot: article.contentRoot, title: article.title, byline: article.byline ?? [], categories: article.categories, embedLink: article.embedLink };
    page.on('console', (message) => {
      // "Failed to load resource" repeats, without the URL, what the network log records with it.
      if (message.text().startsWith('Failed to load resource:')) return;
      if (message.type() === 'error' || message.type() === 'warning') this.console.push({ type: message.type(), text: message.text() });
    });
    page.on('pageerror', (error) => this.console.push({ type: 'pageerror', text: error.message }));
  }

  /** A new browser context with one page prepared to observe pages of a site (described by `profile`) served from `origin`. */
  static async open(browser: Browser, origin: string, profile: SiteProfile): Promise<{ observer: PageObserver; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: OBSERVE_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return { observer: await PageObserver.create(await context.newPage(), origin, profile), context };
  }

  /** Prepares a page (routing, listeners) for observing pages served from `origin`. */
  static async create(page: Page, origin: string, profile: SiteProfile): Promise<PageObserver> {
    // Scripts run through tsx (esbuild keepNames) wrap functions in __name(); give serialised ones that helper.
    await page.addInitScript(`globalThis.__name ??= (fn) => fn; ${KEEP_EVERY_RESOURCE_ENTRY}`);
    return new PageObserver(page, await OfflineNetwork.attach(page, origin), profile);
  }

  /**
   * Gathers the loaded page's facts. A page that navigates away by itself (a meta refresh, a script)
   * is not a crash of the harness: it is recorded for the health check and the new page is observed.
   */
  private async collect(requested: string, phase: Phase): Promise<PageFacts> {
    for (let attempt = 0; ; attempt++) {
      try {
        await phase('settle', () => this.settleForReaders());
        return await phase('collect in the page', async () => {
          const facts = await this.page.evaluate(collectPageFacts, this.options);
          this.network.addHttpErrors(await this.page.evaluate(httpErrorsInPage));
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

  /**
   * Waits, on conditions polled every frame and never a fixed sleep, until the page is as a reader
   * sees it: scripted reveals and animations done (settle-in-page.ts). Bounded by the profile's
   * `settleTimeoutMs`: a page that never settles is recorded for the health check, and read as it is.
   */
  private async settleForReaders(): Promise<void> {
    const options = { contentRoot: this.options.contentRoot };
    // Most pages are settled at `load`: one evaluation says so at once, where a frame-polled wait
    // would first wait for the next painted frame (~20 ms a page, a quarter of the checks' time).
    if (await this.page.evaluate(pageSettled, options)) return;
    try {
      await this.page.waitForFunction(pageSettled, options, { polling: 'raf', timeout: this.profile.settleTimeoutMs });
    } catch (error) {
      if (!/Timeout/i.test(String(error))) throw error;
      const reason = await this.page.evaluate(unsettledReason, options);
      this.console.push({ type: 'settle', text: `the page did not settle within ${this.profile.settleTimeoutMs / 1000} s: ${reason}` });
    }
  }

  /** Loads `url` and gathers its facts once the load event has fired. */
  async observe(url: string, phase: Phase = unnamed): Promise<ObservedPage> {
    const viewport = this.page.viewportSize();
    if (viewport?.width !== OBSERVE_VIEWPORT.width || viewport.height !== OBSERVE_VIEWPORT.height) await this.page.setViewportSize(OBSERVE_VIEWPORT);
    this.console.length = 0;
    this.network.reset();
    // 'load' has waited for style sheets and every image request; text checks need no web fonts.
    const response = await phase('load', () => this.page.goto(url, { waitUntil: 'load' }));
    const facts = await this.collect(response?.url() ?? url, phase);
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
