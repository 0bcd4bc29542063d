/** Whitespace the text check ignores: ASCII whitespace, full-width space U+3000 and NBSP U+00A0. */
const WHITESPACE = /[ \t\n\r\f\u3000\u00a0]+/g;

/** Collapses whitespace runs to one space and trims; every other character must match exactly. */
export function normalizeText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** `reference` resolved against `base`, if it is a URL on the same origin as `base` (a file of the same site). */
export function sameOriginUrl(reference: string, base: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(reference, base);
  } catch {
    return undefined;
  }
  return url.origin === new URL(base).origin ? url : undefined;
}

/**
 * The URL an image is expected to load from: protocol-relative `//host/…` is made `https:`, and
 * `http:` compares equal to `https:` (an https upgrade is the same picture). Returns undefined for
 * anything that is not a web URL.
 */
export function normalizeImageUrl(raw: string): string | undefined {
  const url = raw.trim();
  const absolute = url.startsWith('//') ? `https:${url}` : url;
  try {
    const parsed = new URL(absolute);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    parsed.protocol = 'https:';
    return parsed.href;
  } catch {
    return undefined;
  }
}
