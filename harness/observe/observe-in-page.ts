import { collectPageFacts, type CollectOptions, type PageFacts } from './collect-in-page.ts';
import { declaredFontsInPage, type PageFontDeclarations } from './declared-fonts-in-page.ts';
import { startLazyImages } from './lazy-images-in-page.ts';
import { httpErrorsInPage } from './offline-network.ts';
import { pageSettled } from './settle-in-page.ts';

/** What each step of observeAtOnce is asked (its in-page function's argument); `fonts` null when the browser loads them. */
export interface AtOnceOptions {
  lazy: { key: string; attributes: readonly string[] };
  settle: { contentRoot: readonly string[] };
  collect: CollectOptions;
  fonts: { known: string[] } | null;
}

/** How far observeAtOnce got: everything, or where the page needs waiting for (lazy images to show, or to settle). */
export interface AtOnce {
  lazy: { started: number; placeholders: number };
  settled?: boolean;
  facts?: PageFacts;
  httpErrors?: { url: string; status: number }[];
  fonts?: PageFontDeclarations | null;
}

/**
 * The in-page steps of observing a page, in one evaluation for a page that needs no waiting (most
 * do: no lazy image, settled at `load`): start lazy images, ask if the page has settled, then collect
 * its facts, its HTTP errors and its declared fonts. It stops where the page needs waiting for, and
 * PageObserver goes on one step at a time. One evaluation instead of five: each Playwright call is
 * a test step, its stack captured and sent to the runner. The steps are the functions themselves,
 * composed as source (a page function cannot call another).
 */
const AT_ONCE = `(options) => {
  const lazy = (${startLazyImages.toString()})(options.lazy);
  if (lazy.started > 0 || lazy.placeholders > 0) return { lazy };
  if (!(${pageSettled.toString()})(options.settle)) return { lazy, settled: false };
  const facts = (${collectPageFacts.toString()})(options.collect);
  const httpErrors = (${httpErrorsInPage.toString()})();
  const fonts = options.fonts === null ? null : (${declaredFontsInPage.toString()})(options.fonts);
  return { lazy, settled: true, facts, httpErrors, fonts };
}`;

/** The expression page.evaluate runs for observeAtOnce with `options` (plain data, written as JSON). */
export function observeAtOnce(options: AtOnceOptions): string {
  return `(${AT_ONCE})(${JSON.stringify(options)})`;
}
