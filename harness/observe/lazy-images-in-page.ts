/**
 * Run inside the page (passed to page.evaluate and page.waitForFunction; they must not reference
 * anything outside themselves). A lazy image shows a loader's placeholder — an inline `data:`
 * picture, or none — while its real picture waits in one of `attributes` (`data-srcset`,
 * `data-src`, …) until the image is scrolled into view; a native lazy image (`loading="lazy"`) is
 * not fetched until it nears the viewport. Only images a reader could see count: one inside a closed
 * menu is never in view, for a reader or for the loader.
 */

/** Where the page keeps the native lazy images startLazyImages started, until they are restored. */
export const STARTED_IMAGES_KEY = '__archiveFidelityStartedLazyImages';

/**
 * Starts loading every rendered native lazy image not loaded yet, as scrolling to it would: its
 * request is the same (the page's referrer policy, the image's own attributes), without showing the
 * page in a viewport as tall as itself (~350 ms for an index page of 100 thumbnails); and counts the
 * rendered images still showing a lazy loader's placeholder, which only being in view swaps.
 * restoreNativeLazyImages gives the started ones back their `loading="lazy"` once they have loaded.
 */
export function startLazyImages({ key, attributes }: { key: string; attributes: readonly string[] }): { started: number; placeholders: number } {
  const started: HTMLImageElement[] = [];
  let placeholders = 0;
  for (const img of document.images) {
    if (!img.checkVisibility({ visibilityProperty: true }) || img.getClientRects().length === 0) continue;
    if (img.loading === 'lazy' && !img.complete) started.push(img);
    const shown = img.currentSrc || img.getAttribute('src') || '';
    if (shown !== '' && !shown.startsWith('data:')) continue;
    if (attributes.some((name) => /^\s*(https?:)?\/\//i.test(img.getAttribute(name) ?? ''))) placeholders++;
  }
  // Started after every image is read: a change of `loading` invalidates the layout the next read
  // would force again (an index page's 100 thumbnails took ~80 ms, one layout each).
  for (const img of started) img.loading = 'eager';
  // Kept only while they load: restoreNativeLazyImages removes it, so the page's globals are its own.
  if (started.length > 0) (globalThis as unknown as Record<string, HTMLImageElement[]>)[key] = started;
  return { started: started.length, placeholders };
}

/** True when every image startLazyImages started has loaded (or failed). */
export function startedImagesLoaded(key: string): boolean {
  return ((globalThis as unknown as Record<string, HTMLImageElement[] | undefined>)[key] ?? []).every((img) => img.complete);
}

/** Gives the started images back their `loading="lazy"`, so the page's markup is as it was served. */
export function restoreNativeLazyImages(key: string): void {
  const holder = globalThis as unknown as Record<string, HTMLImageElement[] | undefined>;
  for (const img of holder[key] ?? []) img.loading = 'lazy';
  delete holder[key];
}

/** True when every rendered lazy image has been swapped in and its picture has loaded (or failed). */
export function lazyImagesShown(attributes: readonly string[]): boolean {
  for (const img of document.images) {
    if (img.loading === 'lazy' && !img.complete && img.checkVisibility({ visibilityProperty: true }) && img.getClientRects().length > 0) return false;
    if (!attributes.some((name) => /^\s*(https?:)?\/\//i.test(img.getAttribute(name) ?? ''))) continue;
    if (!img.checkVisibility({ visibilityProperty: true }) || img.getClientRects().length === 0) continue;
    const shown = img.currentSrc || img.getAttribute('src') || '';
    if (shown === '' || shown.startsWith('data:') || !img.complete) return false;
  }
  return true;
}

/** Scrolls from top to bottom a viewport at a time, two frames each (intersection observers report after a frame), then back to the top. */
export async function scrollThroughPage(): Promise<void> {
  const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await frame();
    await frame();
  }
  window.scrollTo(0, 0);
}
