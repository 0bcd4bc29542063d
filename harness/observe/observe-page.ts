import type { Page } from '@playwright/test';
import { contentRootSelectors, PAGE_CONVENTIONS } from '../config.ts';
import { OfflineNetwork, type NetworkLog } from '../offline-network.ts';
import { collectPageFacts, type PageFacts } from './collect-in-page.ts';

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

  /** Prepares a page (routing, listeners) for observing pages served from `origin`. */
  static async create(page: Page, origin: string): Promise<PageObserver> {
    // Scripts run through tsx (esbuild keepNames) wrap functions in __name(); give serialised ones that helper.
    await page.addInitScript('globalThis.__name ??= (fn) => fn;');
    return new PageObserver(page, await OfflineNetwork.attach(page, origin));
  }

  /** Loads `url` and gathers its facts once the load event has fired. */
  async observe(url: string): Promise<ObservedPage> {
    this.console.length = 0;
    this.network.reset();
    // 'load' has waited for style sheets and every image request; text checks need no web fonts.
    const response = await this.page.goto(url, { waitUntil: 'load' });
    const facts = await this.page.evaluate(collectPageFacts, {
      contentRoot: contentRootSelectors(),
      byline: PAGE_CONVENTIONS.byline,
      categories: PAGE_CONVENTIONS.categories,
    });
    return {
      ...facts,
      url,
      status: response?.status(),
      console: [...this.console],
      network: structuredClone(this.network.log),
    };
  }
}

/** Waits for the page to be still for a screenshot: web fonts loaded and every image decoded (never a fixed sleep). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
}
