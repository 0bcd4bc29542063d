import { test as base, type Browser } from '@playwright/test';
import { renderedDir } from './archive-config.ts';
import { PageObserver } from './observe/observe-page.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

/** The rendered folder under test, served read-only on 127.0.0.1. */
export interface ServedArchive extends StaticServer {
  dir: string;
}

/** A browser page prepared to observe pages served from `origin`, with its context to close. */
export async function openObserver(browser: Browser, origin: string): Promise<{ observer: PageObserver; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { observer: await PageObserver.create(await context.newPage(), origin), close: () => context.close() };
}

/** Worker-scoped: one server and one reused browser page per worker, started on first use. */
export const test = base.extend<object, { archive: ServedArchive; observer: PageObserver }>({
  archive: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const dir = renderedDir();
      const server = await serveFolder(dir);
      await use({ ...server, dir });
      await server.close();
    },
    { scope: 'worker' },
  ],
  observer: [
    async ({ browser, archive }, use) => {
      const { observer, close } = await openObserver(browser, archive.origin);
      await use(observer);
      await close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
