import type { ObservedPage } from '../../../harness/observe/observe-page.ts';
import { checkHealth } from '../../../harness/checks/health.ts';
import type { CheckResult, Finding } from '../../../harness/checks/result.ts';
import type { ExecutionEvidence } from './execution-trap.ts';
import { parsedHtml } from '../../../harness/checks/parsed-html.ts';

/** Elements that must never come from a source into an archive page. */
const FORBIDDEN = 'iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, style, svg, math, portal, noscript, template';

/**
 * Nothing executed and nothing executable is left: no dialog, global, navigation or pop-up; no
 * script but one JSON-LD block that parses with the expected headline; no handler, script URL,
 * frame, plugin, form, <base>, or <meta http-equiv> other than the page's own CSP; no request but
 * to the local server and for the page's own images; and the usual page health.
 */
export function checkHostile(observed: ObservedPage, evidence: ExecutionEvidence, expectedTitle: string): CheckResult {
  const findings: Finding[] = [
    ...evidence.calls.map((call) => ({ message: `executed: ${call}` })),
    ...evidence.newGlobals.map((name) => ({ message: `executed: window.${name} was set` })),
    ...evidence.navigations.map((navigation) => ({ message: `executed: ${navigation}` })),
    ...checkHealth(observed, { scripts: 'none' }).findings,
  ];
  const $ = parsedHtml(observed);
  $(FORBIDDEN).each((_, element) => void findings.push({ message: `forbidden element in the page: ${$.html(element).slice(0, 100)}` }));
  const httpEquiv = $('meta[http-equiv]').toArray();
  if (httpEquiv.length !== 1 || ($(httpEquiv[0]).attr('http-equiv') ?? '').toLowerCase() !== 'content-security-policy') {
    findings.push({ message: `expected exactly one <meta http-equiv> (the page's CSP), found ${httpEquiv.map((m) => $.html(m).slice(0, 80)).join(' ') || 'none'}` });
  }
  $('link').each((_, link) => {
    if ($(link).attr('rel') !== 'stylesheet' || !/^assets\/[\w.-]+\.css$/.test($(link).attr('href') ?? '')) findings.push({ message: `unexpected <link>: ${$.html(link).slice(0, 100)}` });
  });
  const ld = $('script[type="application/ld+json"]');
  if (ld.length !== 1) findings.push({ message: `expected one JSON-LD block, found ${ld.length}` });
  else {
    try {
      const headline = (JSON.parse(ld.text()) as { headline?: unknown }).headline;
      if (headline !== expectedTitle) findings.push({ message: `JSON-LD headline is ${JSON.stringify(headline)}, not the title: the block was broken out of` });
    } catch {
      findings.push({ message: 'JSON-LD no longer parses: the block was broken out of' });
    }
  }
  const images = new Set(observed.images.map((image) => image.src));
  for (const request of observed.network.images) {
    if (!images.has(request.url)) findings.push({ message: `image request not made by an <img> of the page: ${request.url}` });
  }
  return { findings, metrics: {} };
}
