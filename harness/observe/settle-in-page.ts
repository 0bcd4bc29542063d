/**
 * Runs inside the page (passed to page.waitForFunction, polled every animation frame; it must not
 * reference anything outside itself): has the page settled, as a reader would see it once its
 * scripts have revealed it? A page with no script settles when its finite CSS animations are done (run to their end here). A
 * scripted page (a theme that fades its post in after `load`) also needs its content root present and
 * fully visible, and its layout unchanged over two frames. Endless animations never finish: ignored.
 */
export function pageSettled(options: { contentRoot: readonly string[] }): boolean {
  const state = window as unknown as { __archiveSettle?: { key: string; stable: number } };
  if (document.readyState !== 'complete') return false;
  // A finite CSS or Web animation (a lazy image fading in, a reveal) is run to its end: a reader sees
  // that end a moment later, and waiting for it costs a quarter second a page on some themes.
  for (const animation of document.getAnimations()) {
    if (animation.effect?.getComputedTiming().endTime !== Infinity && animation.playState !== 'finished') animation.finish();
  }
  const animating = document.getAnimations().some((animation) => {
    const end = animation.effect?.getComputedTiming().endTime;
    return (animation.pending || animation.playState === 'running') && end !== Infinity;
  });
  if (animating) return false;
  const scripted = [...document.scripts].some((script) => !/json/i.test(script.type));
  if (!scripted) return true;
  let root: Element | null = null;
  for (const selector of options.contentRoot) {
    root = document.querySelector(selector);
    if (root !== null) break;
  }
  if (root === null) return false;
  let opacity = 1;
  for (let element: Element | null = root; element !== null; element = element.parentElement) opacity *= Number(getComputedStyle(element).opacity);
  if (opacity < 0.999 || !root.checkVisibility({ visibilityProperty: true })) return false;
  const box = root.getBoundingClientRect();
  const key = `${box.x},${box.y},${box.width},${box.height},${document.documentElement.scrollHeight}`;
  const last = state.__archiveSettle;
  state.__archiveSettle = { key, stable: last?.key === key ? last.stable + 1 : 0 };
  return state.__archiveSettle.stable >= 2;
}

/** Runs inside the page after a page failed to settle: why, in words, for the finding. */
export function unsettledReason(options: { contentRoot: readonly string[] }): string {
  if (document.readyState !== 'complete') return `the document is still ${document.readyState}`;
  const running = document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity).length;
  if (running > 0) return `${running} animation(s) still running`;
  const selector = options.contentRoot.find((candidate) => document.querySelector(candidate) !== null);
  if (selector === undefined) return `no content root (${options.contentRoot.join(', ')})`;
  const root = document.querySelector(selector) as Element;
  let opacity = 1;
  for (let element: Element | null = root; element !== null; element = element.parentElement) opacity *= Number(getComputedStyle(element).opacity);
  if (opacity < 0.999) return `the content root ${selector} is still ${opacity === 0 ? 'invisible' : 'fading in'} (opacity ${opacity.toFixed(2)})`;
  if (!root.checkVisibility({ visibilityProperty: true })) return `the content root ${selector} is hidden`;
  return 'its layout kept changing';
}
