import type { CheerioAPI } from 'cheerio';
import { isTag, type Element } from 'domhandler';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { excerpt, type CheckResult, type Finding } from './result.ts';
import { parsedHtml } from './parsed-html.ts';

/** Schemes that run code or documents when followed. */
const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html)/i;
/** A URL as a browser reads its scheme: ASCII whitespace and control characters (U+0000–U+0020) ignored. */
function withoutControls(url: string): string {
  return [...url].filter((character) => character.charCodeAt(0) > 0x20).join('');
}

/** Attributes that hold URLs a browser may follow or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'cite', 'longdesc']);

/** Script types that only carry data (JSON-LD, a theme's JSON configuration): they run nothing. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

type Observed = Pick<ObservedPage, 'status' | 'console' | 'network' | 'html' | 'contentRoot' | 'url'>;

/**
 * Page health: served with 200, no console error, uncaught exception or unsettled page, no failed
 * request (the browser's own icon fetch aside: icons are checked once per site), nothing fetched
 * from another host, and no code where the site's policy allows none.
 *
 * On an article page (`scope: 'article'`), an outside request made for the site's own chrome (a
 * theme's CDN style sheet, referenced from outside the article body) is the site's, not the
 * article's: the site check (the index page) reports it once, as a finding or, where the profile's
 * `policy.outsideChrome` says a theme loads from a CDN by design, as a note. Scripts follow the
 * profile's policy: `none` allows no script but data (our renderer); `site` lets the site's own code
 * run outside the article body, while the body may never carry code.
 */
export function checkHealth(observed: Observed, policy: Pick<SiteProfile['policy'], 'scripts'> & Partial<Pick<SiteProfile['policy'], 'outsideChrome'>>, scope: 'article' | 'site' = 'article'): CheckResult {
  const findings: Finding[] = [];
  const notes: string[] = [];
  if (observed.status !== 200) findings.push({ message: `the page was served with HTTP ${observed.status ?? 'no response'}` });
  for (const entry of observed.console) {
    if (entry.type === 'navigation' || entry.type === 'settle') findings.push({ message: entry.text });
    else if (entry.type !== 'warning') findings.push({ message: `${entry.type === 'pageerror' ? 'uncaught exception' : 'console error'}: ${excerpt(entry.text, 160)}` });
  }
  const $ = parsedHtml(observed);
  const icons = declaredIcons($, observed.url);
  // Once per URL: a page may ask for one file again (a srcset chosen anew when the viewport changes).
  for (const message of new Set(observed.network.failed.filter((failed) => !icons.has(failed.url)).map((failed) => `request failed (${failed.reason}): ${failed.url}`))) findings.push({ message });
  const found = observed.contentRoot === null ? undefined : $(observed.contentRoot).get(0);
  const root = found !== undefined && isTag(found) ? found : undefined;
  for (const blocked of observed.network.blocked) {
    const why = blocked.why === undefined ? '' : ` (${blocked.why})`;
    const message = `request to an outside host (${blocked.resourceType}), blocked: ${blocked.url}${why}`;
    // An article's own request (referenced from its body) is the article's; the site's chrome is the site's matter, said once by the index page.
    if (scope === 'article' && (root === undefined || referencedWithin($, root, blocked.url))) findings.push({ message });
    else if (scope === 'article') notes.push(`the site's chrome loads from another host (reported once, by the index page): ${blocked.url}`);
    else if (policy.outsideChrome === 'note') notes.push(`the site's chrome needs another host, which cannot be answered offline: ${blocked.url}${why}`);
    else findings.push({ message: `the site is not self-contained: ${message}` });
  }
  $('script').each((_, script) => {
    if (DATA_SCRIPT.test(($(script).attr('type') ?? '').trim())) return;
    if (policy.scripts === 'site' && !inside(script, root)) return;
    findings.push({ message: `script element ${policy.scripts === 'none' ? 'other than JSON-LD' : 'in the article body'}: ${excerpt($.html(script), 100)}` });
  });
  $('*').each((_, element) => {
    if (!isTag(element) || (policy.scripts === 'site' && !inside(element, root))) return;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) findings.push({ message: `inline event handler ${name} on <${element.name}>: ${excerpt(value, 60)}` });
      // Browsers ignore ASCII whitespace and control characters inside a scheme: "java\tscript:".
      else if (URL_ATTRIBUTES.has(name.toLowerCase()) && DANGEROUS_URL.test(withoutControls(value))) {
        findings.push({ message: `${name} on <${element.name}> points to a script URL: ${excerpt(value, 60)}` });
      }
    }
  });
  return { findings, metrics: { consoleMessages: observed.console.length }, ...(notes.length === 0 ? {} : { notes }) };
}

/** The icons a page declares (`<link rel="icon">`) and the browser's default /favicon.ico, as absolute URLs. */
function declaredIcons($: CheerioAPI, pageUrl: string): Set<string> {
  const icons = new Set([new URL('/favicon.ico', pageUrl).href]);
  $('link[rel~="icon"][href], link[rel~="apple-touch-icon"][href]').each((_, link) => {
    try {
      icons.add(new URL($(link).attr('href') ?? '', pageUrl).href);
    } catch {
      // not a URL: nothing the browser would fetch
    }
  });
  return icons;
}

/** True when an element inside `root` names `url` in one of its URL attributes. */
function referencedWithin($: CheerioAPI, root: Element | undefined, url: string): boolean {
  if (root === undefined) return false;
  return $(root)
    .find('*')
    .toArray()
    .some((element) => Object.entries(element.attribs).some(([name, value]) => URL_ATTRIBUTES.has(name.toLowerCase()) && value.includes(url.replace(/^https?:/, ''))));
}

function inside(element: Element, root: Element | undefined): boolean {
  for (let parent: Element | null = element; parent !== null; parent = parent.parent !== null && isTag(parent.parent) ? parent.parent : null) if (parent === root) return true;
  return false;
}
