import type { Page, Request, Route } from '@playwright/test';
import { placeholderPng } from './placeholder-image.ts';

/** An image request as it left the browser. */
export interface ImageRequest {
  url: string;
  /** The Referer header sent with it, if any. */
  referer: string | undefined;
}

/** A request to somewhere other than the local server that was not an image; it was aborted. */
export interface BlockedRequest {
  url: string;
  resourceType: string;
}

/** What a page asked of the network while it loaded. */
export interface NetworkLog {
  images: ImageRequest[];
  blocked: BlockedRequest[];
  /** Requests that did not complete (a 404 from the local server counts as failed too). */
  failed: { url: string; reason: string }[];
}

/**
 * Keeps a page offline and deterministic: requests to `localOrigin` go through, remote images get a
 * generated placeholder PNG (their headers are recorded first), anything else remote is aborted.
 */
export async function keepOffline(page: Page, localOrigin: string): Promise<NetworkLog> {
  const log: NetworkLog = { images: [], blocked: [], failed: [] };
  const isRemote = (url: URL): boolean => url.origin !== localOrigin;
  await page.route(isRemote, async (route: Route, request: Request) => {
    const url = request.url();
    if (request.resourceType() === 'image' && /^https?:/.test(url)) {
      const headers = await request.allHeaders();
      log.images.push({ url, referer: headers.referer });
      await route.fulfill({ status: 200, contentType: 'image/png', body: placeholderPng(url) });
    } else {
      log.blocked.push({ url, resourceType: request.resourceType() });
      await route.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_BLOCKED_BY_CLIENT') log.failed.push({ url: request.url(), reason });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.failed.push({ url: response.url(), reason: `HTTP ${response.status()}` });
  });
  return log;
}
