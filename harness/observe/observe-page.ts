import type { Browser, BrowserContext, Page } from '@playwright/test';
import { contentRootSelectors, PAGE_CONVENTIONS } from '../config.ts';
import { OfflineNetwork, type NetworkLog } from './offline-network.ts';
import { collectPageFacts, type PageFacts } from './collect-in-page.ts';

/** How often a page may navigate away by itself (a refresh loop) before observing it gives up. */
const MAX_SELF_NAVIGATIONS = 3;

/** The viewport pages are observed in (screenshots resize it afterwards). */
const OBSERVE_VIEWPORT = { width: 1280, height: 800 };

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

  private constructor(
    readonly page: Page,
    private readonly network: OfflineNetwork,
  ) {
    page.on('console', (message) => {
      // "Failed to load resource" repeats, without the URL, what the network log records with it.
      if (message.text().startsWith('Failed to load resource:')) return;
      if (message.type() === 'error' || message.type() === 'warning') this.console.push({ type: message.type(), text: message.text() });
    });
    page.on('pageerror', (error) => this.console.push({ type: 'pageerror', text: error.message }));
  }

  /** A new browser context with one page prepared to observe pages served from `origin`. */
  static async open(browser: Browser, origin: string): Promise<{ observer: PageObserver; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: OBSERVE_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return { observer: await PageObserver.create(await context.newPage(), origin), context };
  }

  /** Prepares a page (routing, listeners) for observing pages served from `origin`. */
  static async create(page: Page, origin: string): Promise<PageObserver> {
    // Scripts run through tsx (esbuild keepNames) wrap functions in __name(); give serialised ones that helper.
    await page.addInitScript('globalThis.__name ??= (fn) => fn;');
    return new PageObserver(page, await OfflineNetwork.attach(page, origin));
  }

  /**
   * Gathers the loaded page's facts. A page that navigates away by itself (a meta refresh, a script)
   * is not a crash of the harness: it is recorded for the health check and the new page is observed.
   */
  private async collect(requested: string): Promise<PageFacts> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.page.evaluate(collectPageFacts, { contentRoot: contentRootSelectors(), byline: PAGE_CONVENTIONS.byline, categories: PAGE_CONVENTIONS.categories, embedLink: PAGE_CONVENTIONS.embedLink });
      } catch (error) {
        // Caught mid-navigation, the page may have no document element yet: any error then means "it moved".
        const moved = /Execution context was destroyed|navigat/i.test(String(error)) || this.page.url() !== requested;
        if (!moved || attempt >= MAX_SELF_NAVIGATIONS) throw error;
        this.console.push({ type: 'navigation', text: `the page navigated away by itself, to ${this.page.url()}` });
        await this.page.waitForLoadState('load');
      }
    }
  }

  /** Loads `url` and gathers its facts once the load event has fired. */
  async observe(url: string): Promise<ObservedPage> {
    const viewport = this.page.viewportSize();
    if (viewport?.width !== OBSERVE_VIEWPORT.width || viewport.height !== OBSERVE_VIEWPORT.height) await this.page.setViewportSize(OBSERVE_VIEWPORT);
    this.console.length = 0;
    this.network.reset();
    // 'load' has waited for style sheets and every image request; text checks need no web fonts.
    const response = await this.page.goto(url, { waitUntil: 'load' });
    const facts = await this.collect(response?.url() ?? url);
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
 * loaded, every image decoded, animations finished (endless ones cancelled), the text caret hidden.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getComputedTiming().endTime === Infinity) animation.cancel();
      else animation.finish();
    }
    // A constructed style sheet: allowed by the pages' CSP, unlike an injected <style> element.
    if (!document.adoptedStyleSheets.some((sheet) => sheet.cssRules[0]?.cssText.includes('caret-color'))) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('*, *::before, *::after { caret-color: transparent !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
  });
}
