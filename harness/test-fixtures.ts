import { test as base, type Browser } from '@playwright/test';
import { renderedDir } from './archive-config.ts';
import { OBSERVE_VIEWPORT, PageObserver } from './observe/observe-page.ts';
import { serveFolder, type StaticServer } from './static-server.ts';
import { currentEnvironment } from './visual/environment.ts';
import { GoldenStore } from './visual/golden-store.ts';
import type { VisualContext } from './visual/steps.ts';

/** The rendered folder under test, served read-only on 127.0.0.1. */
export interface ServedArchive extends StaticServer {
  dir: string;
}

/** A browser page prepared to observe pages served from `origin`, with its context to close. */
export async function openObserver(browser: Browser, origin: string): Promise<{ observer: PageObserver; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: OBSERVE_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { observer: await PageObserver.create(await context.newPage(), origin), close: () => context.close() };
}

/** True when CI is set to anything but "", "0" or "false": then goldens are never written. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** Worker-scoped: one server and one reused browser page per worker, started on first use. */
export const test = base.extend<object, { archive: ServedArchive; observer: PageObserver; visual: VisualContext }>({
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
  visual: [
    async ({ browser }, use, workerInfo) => {
      const dir = process.env.ARCHIVE_GOLDEN === undefined || process.env.ARCHIVE_GOLDEN === '' ? 'golden' : process.env.ARCHIVE_GOLDEN;
      await use({ goldens: new GoldenStore(dir, workerInfo.config.updateSnapshots, isCi()), environment: currentEnvironment(browser) });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
