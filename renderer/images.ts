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
