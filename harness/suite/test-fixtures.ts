import { test as base } from '@playwright/test';
import { runBrowser } from '../browser/choose-browser.ts';
import { lazyFontlessBrowser, type LazyBrowser } from '../browser/fontless-browser.ts';
import { goldenDir, renderedDir } from '../config/archive-config.ts';
import { PackageFiles } from '../observe/cdn-packages.ts';
import { RecyclingObserver, RENEW_BUDGET } from '../observe/recycling-observer.ts';
import { packageRoots } from '../site/locate-pages.ts';
import { serveFolder, type StaticServer } from '../run/static-server.ts';
import { currentEnvironment } from '../visual/environment.ts';
import { GoldenStore } from '../visual/golden-store.ts';
import type { VisualContext } from '../visual/steps.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { siteProfile } from './site-profile.ts';
import { ArticleVerdicts } from '../cache/article-verdicts.ts';

/** The rendered folder under test, served read-only on 127.0.0.1. */
export interface ServedArchive extends StaticServer {
  dir: string;
}

/** True when CI is set to anything but "", "0" or "false": then goldens are never written. */
function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * Worker-scoped, started on first use: one server; two browsers, one loading no web fonts for pages
 * without screenshots; a browser page in each reused (renewed every 100 pages); the goldens.
 */
export const test = base.extend<object, { archive: ServedArchive; profile: SiteProfile; fontlessBrowser: LazyBrowser; observer: RecyclingObserver; visual: VisualContext; verdicts: ArticleVerdicts | undefined }>({
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
  profile: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      await use(siteProfile());
    },
    { scope: 'worker' },
  ],
  verdicts: [
    async ({ archive, profile, browser }, use, workerInfo) => {
      const choice = await runBrowser();
      await use(ArticleVerdicts.forRun({ siteDir: archive.dir, profile, browser: `${choice.build} ${browser.version()}`, updateSnapshots: workerInfo.config.updateSnapshots }));
    },
    { scope: 'worker' },
  ],
  fontlessBrowser: [
    async ({ playwright, launchOptions }, use) => {
      const fontless = lazyFontlessBrowser(playwright.chromium, launchOptions);
      await use(fontless);
      await fontless.close();
    },
    { scope: 'worker' },
  ],
  observer: [
    async ({ browser, fontlessBrowser, archive, profile }, use) => {
      const observer = new RecyclingObserver(browser, archive.origin, profile, RENEW_BUDGET, new PackageFiles(packageRoots(archive.dir)), fontlessBrowser.get);
      await use(observer);
      await observer.close();
    },
    { scope: 'worker' },
  ],
  visual: [
    async ({ browser, profile }, use, workerInfo) => {
      const choice = await runBrowser();
      const dir = goldenDir();
      await use({
        goldens: dir === undefined ? undefined : new GoldenStore(dir, workerInfo.config.updateSnapshots, isCi()),
        environment: currentEnvironment(browser, choice),
        screenshotsOff: choice.pinned ? undefined : `this run's browser is ${choice.source}; goldens are made and compared only in the pinned build (unset CHROMIUM_PATH; see README, Browser)`,
        volatile: profile.volatile,
      });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
