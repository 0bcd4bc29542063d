import { diffArrays } from 'diff';
import type { ExpectedArticle } from '../oracle/expected.ts';
import { normalizeImageUrl } from '../oracle/normalize.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { countOf, type CheckResult, type Finding } from './result.ts';

/** The only referrer policy that keeps the image host from seeing a foreign Referer. */
const REQUIRED_POLICY = 'no-referrer';

/**
 * Images: the source's content images appear in order with the same URLs and no others; every <img>
 * of the page has referrerpolicy="no-referrer" as attribute and as DOM property; and on the wire no
 * image request carries a Referer header.
 */
export function checkImages(expected: Pick<ExpectedArticle, 'images'> & Partial<Pick<ExpectedArticle, 'brokenImages'>>, observed: Pick<ObservedPage, 'images' | 'network' | 'url'>): CheckResult {
  const content = observed.images.filter((image) => image.inContent).map((image) => normalizeImageUrl(image.src) ?? image.src);
  const findings: Finding[] = [...orderFindings(expected.images, content), ...policyFindings(observed), ...wireFindings(observed)];
  const broken = expected.brokenImages ?? [];
  return {
    findings,
    metrics: { expectedImages: expected.images.length, contentImages: content.length, imageRequests: observed.network.images.length, brokenInSource: broken.length },
    ...(broken.length === 0 ? {} : { notes: broken.map((raw) => `an image of the source is broken there (its URL is a script's "undefined": ${raw}); a faithful page leaves it out`) }),
  };
}

/** Compares content image sequences; a swap shows as the images that moved. */
function orderFindings(expected: string[], rendered: string[]): Finding[] {
  const findings: Finding[] = [];
  const parts = diffArrays(expected, rendered);
  const removed = parts.filter((part) => part.removed).flatMap((part) => part.value);
  const added = parts.filter((part) => part.added).flatMap((part) => part.value);
  for (const url of removed) {
    const number = `#${expected.indexOf(url) + 1} of ${expected.length}`;
    findings.push({ message: added.includes(url) ? `image ${number} is out of order: ${url}` : `missing image ${number}: ${url}` });
  }
  const [expectedCount, renderedCount] = [countOf(expected), countOf(rendered)];
  for (const url of added) {
    if (!expected.includes(url)) findings.push({ message: `image not in the source's content: ${url}` });
    else if ((renderedCount.get(url) ?? 0) > (expectedCount.get(url) ?? 0)) findings.push({ message: `image shown more often than in the source: ${url}` });
  }
  return findings;
}

function policyFindings(observed: Pick<ObservedPage, 'images'>): Finding[] {
  const findings: Finding[] = [];
  for (const image of observed.images) {
    if (image.attribute === null) findings.push({ message: `<img src="${image.src}"> has no referrerpolicy attribute (needs "${REQUIRED_POLICY}")` });
    else if (image.attribute !== REQUIRED_POLICY) findings.push({ message: `<img src="${image.src}"> has referrerpolicy="${image.attribute}" (needs "${REQUIRED_POLICY}")` });
    else if (image.property !== REQUIRED_POLICY) findings.push({ message: `<img src="${image.src}"> reports referrerPolicy "${image.property}" to the browser (needs "${REQUIRED_POLICY}")` });
  }
  return findings;
}

/** Per URL: every request must leave without a Referer, and every image of the page must have been requested. */
function wireFindings(observed: Pick<ObservedPage, 'images' | 'network' | 'url'>): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const request of observed.network.images) {
    if (request.referer !== undefined && !reported.has(request.url)) {
      reported.add(request.url);
      findings.push({ message: `the request for ${request.url} carried "Referer: ${request.referer}"; the image host refuses it` });
    }
  }
  const requested = new Set(observed.network.images.map((request) => request.url));
  const local = new URL(observed.url).origin;
  for (const image of observed.images) {
    if (/^https?:/.test(image.src) && new URL(image.src).origin !== local && !requested.has(image.src)) {
      findings.push({ message: `${image.src} was never requested while the page loaded, so its Referer could not be checked` });
    }
  }
  return findings;
}
