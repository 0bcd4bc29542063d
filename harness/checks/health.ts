import { isTag } from 'domhandler';
import type { ObservedPage } from '../observe/observe-page.ts';
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

/**
 * Page health: served with 200, no console error or uncaught exception, no failed request, no request
 * to a host other than the local server and the routed images, no <script> but JSON-LD, no inline
 * event handler and no javascript:/vbscript:/data:text/html URL.
 */
export function checkHealth(observed: Pick<ObservedPage, 'status' | 'console' | 'network' | 'html'>): CheckResult {
  const findings: Finding[] = [];
  if (observed.status !== 200) findings.push({ message: `the page was served with HTTP ${observed.status ?? 'no response'}` });
  for (const entry of observed.console) {
    if (entry.type === 'navigation') findings.push({ message: entry.text });
    else if (entry.type !== 'warning') findings.push({ message: `${entry.type === 'pageerror' ? 'uncaught exception' : 'console error'}: ${excerpt(entry.text, 160)}` });
  }
  for (const failed of observed.network.failed) findings.push({ message: `request failed (${failed.reason}): ${failed.url}` });
  for (const blocked of observed.network.blocked) findings.push({ message: `request to an outside host (${blocked.resourceType}), blocked: ${blocked.url}` });

  const $ = parsedHtml(observed);
  $('script').each((_, script) => {
    const type = ($(script).attr('type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') findings.push({ message: `script element other than JSON-LD: ${excerpt($.html(script), 100)}` });
  });
  $('*').each((_, element) => {
    if (!isTag(element)) return;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) findings.push({ message: `inline event handler ${name} on <${element.name}>: ${excerpt(value, 60)}` });
      // Browsers ignore ASCII whitespace and control characters inside a scheme: "java\tscript:".
      else if (URL_ATTRIBUTES.has(name.toLowerCase()) && DANGEROUS_URL.test(withoutControls(value))) {
        findings.push({ message: `${name} on <${element.name}> points to a script URL: ${excerpt(value, 60)}` });
      }
    }
  });
  return { findings, metrics: { consoleMessages: observed.console.length } };
}
