import type { CheerioAPI } from 'cheerio';
import { isTag } from 'domhandler';
import type { ExpectedArticle, LeakProbe } from '../oracle/expected.ts';
import { normalizeText } from '../oracle/normalize.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { excerpt, type CheckResult, type Finding } from './result.ts';
import { parsedHtml } from './parsed-html.ts';

type Observed = Pick<ObservedPage, 'html' | 'texts' | 'comments'> & Partial<Pick<ObservedPage, 'contentRoot'>>;

/** Where in a page a leak was found; for an attribute, whether its element is outside the article body (the theme's, such as a header image from front matter). */
interface Place {
  where: string;
  text: string;
  outside?: boolean;
}

/**
 * Boilerplate gone: nothing of the source's chrome (the harness catalogue applied to this source:
 * QR promos, ad-list and CMS comments, editor lines, style blocks, video stubs, stock-quote slots and
 * links, the QR image) may appear anywhere in the page: visible text, hidden elements, attributes or
 * comments. No comment of the source may survive.
 */
export function checkBoilerplate(expected: Pick<ExpectedArticle, 'probes'>, observed: Observed): CheckResult {
  const $ = parsedHtml(observed);
  const places = placesOf(observed, $);
  const findings: Finding[] = [];
  const leaks: string[] = [];
  for (const probe of distinct(expected.probes)) {
    const matches = matchesOf(probe, places, $);
    // A URL is one leak however many attributes carry it: one finding per side of the article body, naming the places.
    const groups = probe.kind === 'url' ? [matches.filter((place) => place.outside !== true), matches.filter((place) => place.outside === true)].filter((group) => group.length > 0) : matches.map((place) => [place]);
    for (const group of groups) {
      const [place] = group;
      if (place === undefined) continue;
      const where = group.length === 1 ? place.where : `${group.length} attributes (${[...new Set(group.map((each) => each.where.replace(/^attribute /, '')))].join(', ')})`;
      const message = `${probe.entry}: ${describe(probe)} found in ${where}${place.outside === true ? ', outside the article body' : ''}`;
      findings.push({ message });
      leaks.push(`${message}\n    …${context(place.text, probe.value)}…`);
    }
  }
  return {
    findings,
    metrics: { probes: expected.probes.length },
    ...(findings.length === 0 ? {} : { report: { name: 'boilerplate-leaks.txt', contentType: 'text/plain' as const, body: `Source chrome found in the page, with context:\n\n${leaks.join('\n\n')}\n` } }),
  };
}

function placesOf(observed: Observed, $: CheerioAPI): Place[] {
  const visible = observed.texts
    .filter((t) => t.visible)
    .map((t) => t.text)
    .join('');
  const hidden = observed.texts
    .filter((t) => !t.visible)
    .map((t) => t.text)
    .join('\n');
  const places: Place[] = [
    { where: 'visible text', text: normalizeText(visible) },
    { where: 'hidden text (not shown, but in the page)', text: normalizeText(hidden) },
  ];
  for (const comment of observed.comments) places.push({ where: 'an HTML comment', text: normalizeText(comment) });
  const root = observed.contentRoot == null ? undefined : $(observed.contentRoot).first();
  const body = new Set<unknown>(root === undefined || root.length === 0 ? [] : [...root.toArray(), ...root.find('*').toArray()]);
  $('*').each((_, element) => {
    if (!isTag(element)) return;
    const outside = body.size > 0 && !body.has(element);
    for (const [name, value] of Object.entries(element.attribs)) places.push({ where: `attribute ${name} of <${element.name}>`, text: value, outside });
  });
  return places;
}

/** Each probe once: several catalogue entries may name the same text or URL (the QR promo and its image). */
function distinct(probes: readonly LeakProbe[]): LeakProbe[] {
  const byValue = new Map<string, LeakProbe>();
  for (const probe of probes) {
    const key = `${probe.kind}\0${probe.value}`;
    const known = byValue.get(key);
    byValue.set(key, known === undefined ? probe : { ...known, entry: known.entry.split(', ').includes(probe.entry) ? known.entry : `${known.entry}, ${probe.entry}` });
  }
  return [...byValue.values()];
}

function matchesOf(probe: LeakProbe, places: Place[], $: CheerioAPI): Place[] {
  switch (probe.kind) {
    case 'selector': {
      const found = $(probe.value);
      return found.length === 0 ? [] : [{ where: `${found.length} element(s) matching ${probe.value}`, text: $.html(found.first()) }];
    }
    case 'comment':
      return places.filter((place) => place.where === 'an HTML comment' && place.text === probe.value);
    case 'url':
      return places.filter((place) => place.where.startsWith('attribute') && place.text.includes(probe.value));
    case 'text':
      return places.filter((place) => place.text.includes(probe.value));
  }
}

function describe(probe: LeakProbe): string {
  if (probe.kind === 'selector') return `element ${probe.value}`;
  if (probe.kind === 'comment') return `source comment <!--${excerpt(probe.value, 40)}-->`;
  if (probe.kind === 'url') return `URL ${probe.value}`;
  return `"${excerpt(probe.value, 50)}"`;
}

function context(text: string, value: string): string {
  const at = text.indexOf(value);
  if (at === -1) return excerpt(text, 120);
  return text.slice(Math.max(0, at - 30), at + value.length + 30);
}
