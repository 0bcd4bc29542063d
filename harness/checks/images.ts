import { diffArrays } from 'diff';
import type { ExpectedArticle } from '../oracle/expected.ts';
import { imageSource } from '../oracle/image-source.ts';
import { normalizeImageUrl } from '../oracle/normalize.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { countOf, type CheckResult, type Finding } from './result.ts';
import { PUBLIC_CDN_HOSTS } from '../observe/cdn-table.ts';

/** The only referrer policy that keeps the image host from seeing a foreign Referer. */
const REQUIRED_POLICY = 'no-referrer';

/**
 * Images: the source's content images appear in order with the same URLs and no others; every <img>
 * a reader's browser fetches from a host that may refuse a foreign Referer has
 * referrerpolicy="no-referrer" as attribute and as DOM property — every image of the article, and
 * outside it (a theme's header image, thumbnails) every one but the site's own, inline data and a
 * public CDN's (which serve every site and refuse no Referer); and on the wire no request to such a
 * host carries a Referer header.
 */
export function checkImages(expected: Pick<ExpectedArticle, 'images'> & Partial<Pick<ExpectedArticle, 'brokenImages'>>, observed: Pick<ObservedPage, 'images' | 'network' | 'url'>, { article = true }: { article?: boolean } = {}): CheckResult {
  // An image still showing a lazy loader's placeholder stands for its real picture: judged as that, and said to be unshown.
  const images = observed.images.map((image) => ({ ...image, src: pictureOf(image) }));
  const content = images.filter((image) => image.inContent).map((image) => normalizeImageUrl(image.src) ?? image.src);
  const unshown = images.filter((image) => image.pending?.visible === true).map((image) => ({ message: `${image.src} was never shown: its lazy loader kept the placeholder though the image was brought into view` }));
  // On an article page, an image outside the body (a theme's header image or thumbnail) is said to be, for the reviewer who fixes the theme.
  const where = (outside: boolean): string => (article && outside ? ', outside the article body' : '');
  const findings: Finding[] = [...orderFindings(expected.images, content), ...unshown, ...policyFindings({ ...observed, images }, where), ...wireFindings({ ...observed, images }, where)];
  const broken = expected.brokenImages ?? [];
  return {
    findings,
    metrics: { expectedImages: expected.images.length, contentImages: content.length, imageRequests: observed.network.images.length, brokenInSource: broken.length },
    ...(broken.length === 0 ? {} : { notes: broken.map((raw) => `an image of the source is broken there (its URL is a script's "undefined": ${raw}); a faithful page leaves it out`) }),
  };
}

/** The picture an image shows, or for a lazy one still on its placeholder, the picture it stands for. */
function pictureOf(image: ObservedPage['images'][number]): string {
  if (image.pending === undefined) return image.src;
  const source = imageSource(image.pending.attributes);
  return source.kind === 'picture' ? source.url : image.src;
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

/** True when an image's host may refuse a foreign Referer: not the page's own server, not inline data, not a public CDN. */
function refererSensitive(src: string, pageUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return /^https?:$/.test(url.protocol) && url.origin !== new URL(pageUrl).origin && !PUBLIC_CDN_HOSTS.has(url.hostname);
}

type Where = (outside: boolean) => string;

function policyFindings(observed: Pick<ObservedPage, 'images' | 'url'>, where: Where): Finding[] {
  const findings: Finding[] = [];
  for (const image of observed.images) {
    if (!image.inContent && !refererSensitive(image.src, observed.url)) continue;
    const at = where(!image.inContent);
    if (image.attribute === null) findings.push({ message: `<img src="${image.src}"> has no referrerpolicy attribute (needs "${REQUIRED_POLICY}")${at}` });
    else if (image.attribute !== REQUIRED_POLICY) findings.push({ message: `<img src="${image.src}"> has referrerpolicy="${image.attribute}" (needs "${REQUIRED_POLICY}")${at}` });
    else if (image.property !== REQUIRED_POLICY) findings.push({ message: `<img src="${image.src}"> reports referrerPolicy "${image.property}" to the browser (needs "${REQUIRED_POLICY}")${at}` });
  }
  return findings;
}

/** Per URL: every request must leave without a Referer, and every image of the page must have been requested. */
function wireFindings(observed: Pick<ObservedPage, 'images' | 'network' | 'url'>, where: Where): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const request of observed.network.images) {
    if (request.referer !== undefined && !reported.has(request.url) && refererSensitive(request.url, observed.url)) {
      reported.add(request.url);
      // One request may serve several elements: it is the outside one's when an element there lacks the policy, or none in the body shows it.
      const shown = observed.images.filter((image) => image.src === request.url);
      const outside = shown.some((image) => !image.inContent && image.attribute !== REQUIRED_POLICY) || !shown.some((image) => image.inContent);
      findings.push({ message: `the request for ${request.url} carried "Referer: ${request.referer}"; the image host refuses it${where(outside)}` });
    }
  }
  const requested = new Set(observed.network.images.map((request) => request.url));
  const local = new URL(observed.url).origin;
  for (const image of observed.images) {
    if (image.pending === undefined && /^https?:/.test(image.src) && new URL(image.src).origin !== local && !requested.has(image.src)) {
      findings.push({ message: `${image.src} was never requested while the page loaded, so its Referer could not be checked` });
    }
  }
  return findings;
}
