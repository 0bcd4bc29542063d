/**
 * Run inside the page (passed to page.evaluate and page.waitForFunction; they must not reference
 * anything outside themselves). A lazy image shows a loader's placeholder — an inline `data:`
 * picture, or none — while its real picture waits in one of `attributes` (`data-srcset`,
 * `data-src`, …) until the image is scrolled into view; a native lazy image (`loading="lazy"`) is
 * not fetched until it nears the viewport. Only images a reader could see count: one inside a closed
 * menu is never in view, for a reader or for the loader.
 */

/** How many rendered images still show a lazy loader's placeholder, or are native lazy images not loaded yet. */
export function lazyPlaceholderCount(attributes: readonly string[]): number {
  let count = 0;
  for (const img of document.images) {
    if (!img.checkVisibility({ visibilityProperty: true }) || img.getClientRects().length === 0) continue;
    if (img.loading === 'lazy' && !img.complete) {
      count++;
      continue;
    }
    const shown = img.currentSrc || img.getAttribute('src') || '';
    if (shown !== '' && !shown.startsWith('data:')) continue;
    if (attributes.some((name) => /^\s*(https?:)?\/\//i.test(img.getAttribute(name) ?? ''))) count++;
  }
  return count;
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
