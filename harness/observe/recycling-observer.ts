import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { SiteProfile } from '../profiles/profile.ts';
import { PackageFiles } from './cdn-packages.ts';
import { DeclaredFonts } from './declared-fonts.ts';
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
  /** A listing page: only its DOM, content root and images are collected (CollectOptions.listing). */
  listing?: boolean;
}

/** One browser's observer, renewed in a new context when its budget is spent. */
interface Lane {
  current: { observer: PageObserver; context: BrowserContext } | undefined;
  spent: number;
}

/**
 * A PageObserver that starts afresh in a new browser context when the budget is spent. Given a
 * browser that loads no web fonts (`fontless`, NO_WEB_FONTS), pages without screenshots are observed
 * there, with their declared fonts checked from the server (declared-fonts.ts): measured on 1,000
 * articles on 2 cores, ~15 % less time a page. Pages with screenshots need the fonts: `browser`.
 * Each browser is asked for only when a page first needs it.
 */
export class RecyclingObserver {
  private readonly withFonts: Lane = { current: undefined, spent: 0 };
  private readonly withoutFonts: Lane = { current: undefined, spent: 0 };
  private last: Lane | undefined;
  private readonly declaredFonts: DeclaredFonts;

  constructor(
    private readonly browser: () => Promise<Browser>,
    private readonly origin: string,
    private readonly profile: SiteProfile,
    private readonly budget = RENEW_BUDGET,
    private readonly packages = new PackageFiles([]),
    private readonly fontless?: () => Promise<Browser>,
  ) {
    this.declaredFonts = new DeclaredFonts(origin, packages);
  }

  /** The browser page showing the last observed page. */
  get page(): Page {
    if (this.last?.current === undefined) throw new Error('nothing observed yet');
    return this.last.current.observer.page;
  }

  /** The page to load the next article in (a fresh context when due). */
  async nextPage(use: PageUse = {}): Promise<Page> {
    return (await this.next(use)).page;
  }

  /** Loads `url` and gathers its facts (see PageObserver.observe). */
  async observe(url: string, use: PageUse = {}): Promise<ObservedPage> {
    return (await this.next(use)).observe(url, use.phase, use.settleOn, use.listing);
  }

  /** Another observer of the same site in the same browsers, in browser contexts of its own: to observe pages side by side. */
  sibling(): RecyclingObserver {
    return new RecyclingObserver(this.browser, this.origin, this.profile, this.budget, this.packages, this.fontless);
  }

  async close(): Promise<void> {
    for (const lane of [this.withFonts, this.withoutFonts]) await this.closeLane(lane);
  }

  private async closeLane(lane: Lane): Promise<void> {
    await lane.current?.context.close();
    lane.current = undefined;
  }

  private async next(use: PageUse): Promise<PageObserver> {
    const screenshots = use.screenshots === true;
    const fontless = screenshots ? undefined : this.fontless;
    const lane = fontless === undefined ? this.withFonts : this.withoutFonts;
    const cost = screenshots ? PAGE_COST.withScreenshots : PAGE_COST.plain;
    if (lane.current === undefined || lane.spent + cost > this.budget) {
      await this.closeLane(lane);
      lane.current = fontless === undefined ? await PageObserver.open(await this.browser(), this.origin, this.profile, this.packages) : await PageObserver.open(await fontless(), this.origin, this.profile, this.packages, this.declaredFonts);
      lane.spent = 0;
    }
    lane.spent += cost;
    this.last = lane;
    return lane.current.observer;
  }
}
