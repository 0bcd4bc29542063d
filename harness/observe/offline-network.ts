import { AsyncResource } from 'node:async_hooks';
import type { Page } from '@playwright/test';
import { devToolsConnection, type DevToolsSession } from '../browser/devtools-connection.ts';
import type { PackageFiles } from './cdn-packages.ts';
import { NPM_CDNS, CDNJS } from './cdn-table.ts';
import { placeholderPng } from './placeholder-image.ts';
import { isLocalUrl, type UnservedFont } from './declared-fonts.ts';

/** An image request as it left the browser. */
interface ImageRequest {
  url: string;
  /** The Referer header it carried, if any. */
  referer: string | undefined;
}

/** A request the browser paused for the harness to answer (DevTools Fetch.requestPaused). */
interface PausedRequest {
  requestId: string;
  resourceType: string;
  request: { url: string; headers: Record<string, string> };
}

/** What a page asked of the network while it loaded. */
export interface NetworkLog {
  images: ImageRequest[];
  /** Requests to another host: never sent; `why` says why one for a CDN could not be answered offline. */
  blocked: { url: string; resourceType: string; why?: string }[];
  /** Requests to the local server that did not complete, and HTTP errors (4xx/5xx) of the page's resources. */
  failed: { url: string; reason: string }[];
  /** Requests to a public CDN answered from an installed npm package, as the page runs online. */
  served: { url: string; from: string }[];
  /** Requests the page itself cancelled (it moved on, or a lazy loader swapped an image's source): nothing failed. */
  cancelled: string[];
}

/**
 * Resource types paused for inspection. Documents, style sheets and fonts are left alone so the HTTP
 * cache keeps the ~30 font files a page uses between pages (intercepting them, as page.route() does,
 * disables the cache and costs ~200 ms per page); remote ones of those types are stopped by the
 * browser's host-resolver rule (see CHROMIUM_ARGS in harness/browser/choose-browser.ts) and reported as blocked.
 */
const INTERCEPTED_TYPES = ['Image', 'Media', 'Script', 'XHR', 'Fetch', 'EventSource', 'Ping', 'CSPViolationReport', 'Other'] as const;

/** Every request to a public CDN, whatever its type (style sheets and fonts too): it may be answered from an npm package. */
const CDN_PATTERNS = [...NPM_CDNS.map((cdn) => cdn.host), CDNJS.host].flatMap((host) => [`https://${host}/*`, `http://${host}/*`]);

/**
 * Keeps a page offline and deterministic: remote images are answered with a generated placeholder PNG
 * after their request headers are recorded (the Referer is read exactly as it would have left), other
 * requests to a public CDN are answered from the npm package that holds the file when it is installed
 * (so a theme runs as it does online), other remote requests are refused and recorded, local ones go
 * through. Uses the DevTools Fetch domain, the mechanism behind page.route(), scoped to the types
 * above and to CDN hosts. `log` collects since the last `reset()`.
 */
export class OfflineNetwork {
  readonly log: NetworkLog = { images: [], blocked: [], failed: [], served: [], cancelled: [] };
  /** Answers a paused request in the async context of the last reset() (see there). */
  private answerInContext = this.answeringInThisContext();

  private constructor(
    private readonly cdp: DevToolsSession,
    private readonly localOrigin: string,
    private readonly packages: PackageFiles,
  ) {}

  /** Starts intercepting on a page whose own pages are served from `localOrigin`; CDN files come from `packages`. */
  static async attach(page: Page, localOrigin: string, packages: PackageFiles): Promise<OfflineNetwork> {
    const cdp = await fetchSession(page);
    const network = new OfflineNetwork(cdp, localOrigin, packages);
    cdp.onEvent((method, params) => {
      if (method === 'Fetch.requestPaused') network.answerInContext(params as PausedRequest);
    });
    await cdp.send('Fetch.enable', { patterns: [...INTERCEPTED_TYPES.map((resourceType) => ({ urlPattern: '*', resourceType })), ...CDN_PATTERNS.map((urlPattern) => ({ urlPattern }))] });
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      if (reason.startsWith('net::ERR_BLOCKED_BY_CLIENT')) return; // refused by answer(), already logged
      if (reason.startsWith('net::ERR_ABORTED')) {
        network.log.cancelled.push(request.url());
        return;
      }
      if (network.isLocal(request.url())) network.log.failed.push({ url: request.url(), reason });
      else network.log.blocked.push({ url: request.url(), resourceType: request.resourceType() });
    });
    // HTTP errors are read from the page's own resource timing after it loads (httpErrorsInPage): a
    // Playwright 'response' listener would cost ~5 ms a page, one event per request.
    return network;
  }

  /** Records the page's HTTP errors (4xx/5xx), as httpErrorsInPage read them. */
  addHttpErrors(errors: { url: string; status: number }[]): void {
    for (const { url, status } of errors) this.log.failed.push({ url, reason: `HTTP ${status}` });
  }

  /**
   * Forgets everything logged so far, and answers the requests from now on in the caller's async
   * context: the observation of a page, inside its test step. When a page is answered through
   * Playwright (see fetchSession), each answer is a call recorded as a step of the running test; called from the event's own context, with no
   * step around it, Playwright searches every step of the test for its parent, so an index test of
   * 200 pages and 20,000 thumbnails spent half its time (96 of 186 s) searching.
   */
  reset(): void {
    this.answerInContext = this.answeringInThisContext();
    this.log.images.length = 0;
    this.log.blocked.length = 0;
    this.log.failed.length = 0;
    this.log.served.length = 0;
    this.log.cancelled.length = 0;
  }

  /** A handler that answers paused requests in the async context it is made in. */
  private answeringInThisContext(): (event: PausedRequest) => void {
    return AsyncResource.bind((event: PausedRequest): void => void this.answer(event));
  }

  /**
   * Records the declared web fonts that would not load (declared-fonts.ts), for a browser that loads
   * none, as the failed or blocked requests a browser loading them would have made.
   */
  addUnservedFonts(fonts: UnservedFont[]): void {
    for (const font of fonts) {
      if (font.local) this.log.failed.push({ url: font.url, reason: `${font.reason}, a web font the style sheets declare` });
      else this.log.blocked.push({ url: font.url, resourceType: 'font', ...(font.why === undefined ? {} : { why: font.why }) });
    }
  }

  private isLocal(url: string): boolean {
    return isLocalUrl(url, this.localOrigin);
  }

  private async answer(event: PausedRequest): Promise<void> {
    const { requestId, resourceType, request } = event;
    try {
      if (this.isLocal(request.url)) {
        await this.cdp.send('Fetch.continueRequest', { requestId });
        return;
      }
      const referer = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'referer')?.[1];
      if (resourceType === 'Image' && /^https?:/.test(request.url)) this.log.images.push({ url: request.url, referer });
      const fromPackage = this.packages.answer(request.url);
      if (fromPackage?.served === true) {
        this.log.served.push({ url: request.url, from: fromPackage.from });
        await this.cdp.send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          // CORS: fonts a CDN style sheet names are fetched cross-origin, and the CDNs allow it
          responseHeaders: [
            { name: 'content-type', value: fromPackage.contentType },
            { name: 'access-control-allow-origin', value: '*' },
            { name: 'cache-control', value: 'no-store' },
          ],
          body: fromPackage.body.toString('base64'),
        });
      } else if (resourceType === 'Image' && /^https?:/.test(request.url)) {
        await this.cdp.send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          // no-store: every page must request its images again, so every request is checked
          responseHeaders: [
            { name: 'content-type', value: 'image/png' },
            { name: 'cache-control', value: 'no-store' },
          ],
          body: placeholderPng(request.url).toString('base64'),
        });
      } else {
        this.log.blocked.push({ url: request.url, resourceType: resourceType.toLowerCase(), ...(fromPackage === undefined ? {} : { why: fromPackage.why }) });
        await this.cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      }
    } catch {
      // The page navigated away and the request is gone; nothing to answer.
    }
  }
}

/**
 * The DevTools session that pauses and answers `page`'s requests: over the harness's own connection
 * to the browser when it has one (devtools-connection.ts: no Playwright call, and so no test step,
 * for each of a page's requests), otherwise a Playwright CDP session.
 */
async function fetchSession(page: Page): Promise<DevToolsSession> {
  const connection = await devToolsConnection(page.context().browser());
  if (connection !== undefined) {
    try {
      return await connection.attach(page);
    } catch {
      // the port answered but the page is not its browser's: answer through Playwright
    }
  }
  const session = await page.context().newCDPSession(page);
  return {
    send: (method, params) => session.send(method as 'Fetch.enable', params),
    onEvent: (listener) => session.on('Fetch.requestPaused', (event) => listener('Fetch.requestPaused', event)),
  };
}

/**
 * Makes the page keep a timing entry for every resource it loads (the default buffer holds 250; an
 * index page loads more), so httpErrorsInPage sees them all. Runs before any script of the page.
 */
export const KEEP_EVERY_RESOURCE_ENTRY = 'performance.setResourceTimingBufferSize(1000000);';

/**
 * Runs inside the page: every request of the document and its resources answered with an HTTP error
 * (status 400 or more), from Resource Timing's responseStatus.
 */
export function httpErrorsInPage(): { url: string; status: number }[] {
  return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => ({ url: entry.name, status: (entry as PerformanceResourceTiming).responseStatus })).filter((entry) => entry.status >= 400);
}
