import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SiteProfile } from '../profiles/profile.ts';
import { PackageFiles } from './cdn-packages.ts';
import { PageObserver, type ObservedPage, type Phase } from './observe-page.ts';

/**
 * How much work a browser context does before it is replaced, counted in page loads, and what a page
 * costs. Chromium's renderer keeps growing while one context is reused: measured here, ~2 MB per page
 * load and ~13 MB per page with two full-page screenshots (past 2 GB after 100 such pages). A new
 * context costs ~150 ms (the web font is fetched again), so renewing after 100 plain pages or 25 pages
 * with screenshots bounds a run near 1.2–1.6 GB for ~2% of its time (see README, Scale).
 */
export const RENEW_BUDGET = 100;
export const PAGE_COST = { plain: 1, withScreenshots: 4 } as const;

/** What the page will be used for: screenshots make it cost more of the context's budget. */
export interface PageUse {
  screenshots?: boolean;
  /** Names the phases of observing (see PageObserver.observe). */
  phase?: Phase;
  /** What the page settles on, if not the article's content root (an index page's list). */
  settleOn?: readonly string[];
}

/** A PageObserver that starts afresh in a new browser context when the budget is spent. */
export class RecyclingObserver {
  private current: { observer: PageObserver; context: BrowserContext } | undefined;
  private spent = 0;

  constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly profile: SiteProfile,
    private readonly budget = RENEW_BUDGET,
    private readonly packages = new PackageFiles([]),
  ) {}

  /** The browser page showing the last observed page. */
  get page(): Page {
    if (this.current === undefined) throw new Error('nothing observed yet');
    return this.current.observer.page;
  }

  /** The page to load the next article in (a fresh context when due). */
  async nextPage(use: PageUse = {}): Promise<Page> {
    return (await this.next(use)).page;
  }

  /** Loads `url` and gathers its facts (see PageObserver.observe). */
  async observe(url: string, use: PageUse = {}): Promise<ObservedPage> {
    return (await this.next(use)).observe(url, use.phase, use.settleOn);
  }

  async close(): Promise<void> {
    await this.current?.context.close();
    this.current = undefined;
  }

  private async next(use: PageUse): Promise<PageObserver> {
    const cost = use.screenshots === true ? PAGE_COST.withScreenshots : PAGE_COST.plain;
    if (this.current === undefined || this.spent + cost > this.budget) {
      await this.close();
      this.current = await PageObserver.open(this.browser, this.origin, this.profile, this.packages);
      this.spent = 0;
    }
    this.spent += cost;
    return this.current.observer;
  }
}
