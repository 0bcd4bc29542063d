import { load, type CheerioAPI } from 'cheerio';

const parsed = new WeakMap<object, { html: string; $: CheerioAPI }>();

/**
 * The observed page's HTML as a cheerio document, parsed once however many checks read it (checks
 * only read it). Keyed by the observed object and checked against its HTML, so a changed page is parsed anew.
 */
export function parsedHtml(observed: { html: string }): CheerioAPI {
  const cached = parsed.get(observed);
  if (cached?.html === observed.html) return cached.$;
  const $ = load(observed.html);
  parsed.set(observed, { html: observed.html, $ });
  return $;
}
