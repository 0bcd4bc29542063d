/** Sina image URLs carry their pixel size: `…/w1080h673/…`. */
const SIZE_HINT = /\/w(\d{1,5})h(\d{1,5})\//;

/** Pixel size read from an image URL's size hint, if it has one. */
export function sizeHint(url: string): { width: number; height: number } | undefined {
  const match = SIZE_HINT.exec(url);
  if (match === null) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The URL an archived image is loaded from: protocol-relative `//host/…` and `http:` become
 * `https:` (the page's CSP allows images over https only); anything else is not an image URL.
 */
export function httpsImageUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (url.startsWith('//')) return `https:${url}`;
  if (/^https:\/\//i.test(url)) return url;
  if (/^http:\/\//i.test(url)) return `https://${url.slice('http://'.length)}`;
  return undefined;
}

/**
 * Attributes where lazy-loading scripts keep the real picture while `src` holds a placeholder, most
 * specific first. They win over `src`: a page without those scripts would show the placeholder.
 */
const LAZY_SOURCE_ATTRIBUTES = ['data-original-src', 'data-original', 'data-src', 'data-lazy-src', '_src'] as const;
const SRCSET_ATTRIBUTES = ['data-srcset', 'srcset'] as const;

/**
 * The picture an `<img>` really shows: the first lazy-loading attribute with a URL, else the largest
 * candidate of `data-srcset` or `srcset`, else `src`. Returns the raw URL text (not yet made https).
 */
export function realImageSource(attribs: Record<string, string | undefined>): string {
  return realImage(attribs).url;
}

/** realImageSource, with the width a srcset gave the chosen candidate (`640w`), if it was one. */
function realImage(attribs: Record<string, string | undefined>): { url: string; candidateWidth?: number } {
  for (const name of LAZY_SOURCE_ATTRIBUTES) {
    const value = attribs[name]?.trim();
    if (value !== undefined && value !== '' && !value.startsWith('data:')) return { url: value };
  }
  for (const name of SRCSET_ATTRIBUTES) {
    const largest = largestCandidate(attribs[name] ?? '');
    if (largest !== undefined) return largest.width > 0 ? { url: largest.url, candidateWidth: largest.width } : { url: largest.url };
  }
  return { url: attribs.src ?? '' };
}

/**
 * The size an image's page keeps for it, so the page does not move as it loads: the chosen URL's own
 * size hint; else the source's `width`/`height` (whole pixels), scaled to the width of the srcset
 * candidate chosen instead of `src`; else none.
 */
export function imageSize(attribs: Record<string, string | undefined>, url: string): { width: number; height: number } | undefined {
  const hinted = sizeHint(url);
  if (hinted !== undefined) return hinted;
  const [width, height] = [pixels(attribs.width), pixels(attribs.height)];
  if (width === undefined || height === undefined) return undefined;
  const { candidateWidth } = realImage(attribs);
  return candidateWidth === undefined ? { width, height } : { width: candidateWidth, height: Math.max(1, Math.round((candidateWidth * height) / width)) };
}

/** A `width`/`height` attribute as whole pixels (`640`, `640px`), or undefined for percentages, `auto` and nonsense. */
function pixels(value: string | undefined): number | undefined {
  const match = /^\s*(\d{1,5})(?:px)?\s*$/i.exec(value ?? '');
  const number = match === null ? 0 : Number(match[1]);
  return number > 0 ? number : undefined;
}

/** The largest candidate of a srcset, by width (`640w`), else by density (`2x`; none means 1x). */
function largestCandidate(srcset: string): { url: string; width: number } | undefined {
  let best: { url: string; width: number; density: number } | undefined;
  for (const { url, descriptor } of srcsetCandidates(srcset)) {
    if (url === '' || url.startsWith('data:')) continue;
    const width = descriptor.endsWith('w') ? Number(descriptor.slice(0, -1)) || 0 : 0;
    const density = descriptor.endsWith('x') ? Number(descriptor.slice(0, -1)) || 0 : descriptor === '' ? 1 : 0;
    if (best === undefined || width > best.width || (width === best.width && density > best.density)) best = { url, width, density };
  }
  return best === undefined ? undefined : { url: best.url, width: best.width };
}

/**
 * A srcset's candidates as HTML parses them: a URL runs to the next whitespace (a comma that ends it
 * ends the candidate), then descriptors run to the next comma. URLs may themselves contain commas.
 */
function srcsetCandidates(srcset: string): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset.charAt(at))) at++;
    const urlStart = at;
    while (at < srcset.length && !/\s/.test(srcset.charAt(at))) at++;
    let url = srcset.slice(urlStart, at);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const descriptorStart = at;
      while (at < srcset.length && srcset.charAt(at) !== ',') at++;
      descriptor = srcset.slice(descriptorStart, at).trim();
    }
    if (url !== '') candidates.push({ url, descriptor });
  }
  return candidates;
}

/** A URL ending in `/undefined` (or just `undefined`): a script wrote JavaScript's undefined where a URL belonged. */
export function isUndefinedUrl(url: string): boolean {
  return /(^|\/)undefined$/.test(url.trim().replace(/[?#].*$/, ''));
}
