import { normalizeImageUrl } from './normalize.ts';

/**
 * Where the real picture of a lazy-loaded image is kept, by priority. Lazy-loading scripts put a
 * placeholder in `src` and the picture in one of these; an archive page has no such script, so a
 * faithful page shows the picture itself.
 */
export const LAZY_ATTRIBUTES: readonly string[] = ['data-original-src', 'data-original', 'data-src', 'data-lazy-src', '_src'];

/** Responsive candidate lists, consulted after the lazy attributes: the largest candidate is the picture. */
const CANDIDATE_LIST_ATTRIBUTES: readonly string[] = ['data-srcset', 'srcset'];

/** What an <img> of the source stands for: its picture's URL, broken (a script's `/undefined`), or nothing usable. */
export type ImageSource = { kind: 'picture'; url: string } | { kind: 'broken'; raw: string } | { kind: 'none' };

/** Reads an <img>'s attributes the way a reader would have seen the picture once its scripts had run. */
export function imageSource(attributes: Record<string, string>): ImageSource {
  const raw =
    LAZY_ATTRIBUTES.map((name) => attributes[name]?.trim() ?? '').find((value) => value !== '' && !/^data:/i.test(value)) ??
    CANDIDATE_LIST_ATTRIBUTES.map((name) => biggestCandidate(attributes[name] ?? '')).find((value) => value !== undefined) ??
    attributes.src ??
    '';
  if (/(^|\/)undefined([?#]|$)/.test(raw.trim())) return { kind: 'broken', raw };
  const url = normalizeImageUrl(raw);
  return url === undefined ? { kind: 'none' } : { kind: 'picture', url };
}

/**
 * The biggest candidate of a srcset: the widest by `w` descriptor, else the densest by `x` (no
 * descriptor counts as 1x). Parsed as browsers do: a URL ends at whitespace, descriptors at a comma.
 */
function biggestCandidate(list: string): string | undefined {
  const candidates: { url: string; w: number; x: number }[] = [];
  const pattern = /[\s,]*([^\s]+)([^,]*)/g;
  for (let match = pattern.exec(list); match !== null && match[0] !== ''; match = pattern.exec(list)) {
    let url = match[1] ?? '';
    let descriptor = (match[2] ?? '').trim();
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      descriptor = '';
      pattern.lastIndex = match.index + match[0].length - (match[2] ?? '').length; // the descriptor text belongs to the next candidate
    }
    if (url === '' || /^data:/i.test(url)) continue;
    const w = /^(\d+)w$/.exec(descriptor)?.[1];
    const x = /^([\d.]+)x$/.exec(descriptor)?.[1];
    candidates.push({ url, w: w === undefined ? 0 : Number(w), x: x === undefined ? (descriptor === '' ? 1 : 0) : Number(x) });
  }
  candidates.sort((a, b) => b.w - a.w || b.x - a.x);
  return candidates[0]?.url;
}
