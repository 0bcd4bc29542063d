import { test as base } from '@playwright/test';
import { runBrowser } from '../browser/choose-browser.ts';
import { CHROMIUM_VERSION_ENV } from '../browser/preflight.ts';
import { lazyBrowser, type LazyBrowser } from '../browser/lazy-browser.ts';
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

/** The worker's two browsers, each launched when first needed: one with web fonts (pages with screenshots), one without (the others). */
interface Browsers {
  withFonts: LazyBrowser;
  withoutFonts: LazyBrowser;
  /** The Chromium version global setup started; without one, from whichever browser is running (the same build). */
  version: () => Promise<string>;
}

/**
 * Worker-scoped, started on first use: one server; two browsers, one loading no web fonts for pages
 * without screenshots, each launched only when a page needs it (a worker restarted after a failing
 * test starts one); a browser page in each reused (renewed every 100 pages); the goldens.
 */
export const test = base.extend<object, { archive: ServedArchive; profile: SiteProfile; browsers: Browsers; observer: RecyclingObserver; visual: VisualContext; verdicts: ArticleVerdicts | undefined }>({
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
  browsers: [
    async ({ playwright, launchOptions }, use) => {
      const withFonts = lazyBrowser(playwright.chromium, launchOptions, { webFonts: true });
      const withoutFonts = lazyBrowser(playwright.chromium, launchOptions, { webFonts: false });
      const started = process.env[CHROMIUM_VERSION_ENV];
      const version = async (): Promise<string> => started ?? (await (withFonts.launched() ? withFonts : withoutFonts).get()).version();
      await use({ withFonts, withoutFonts, version });
      await withFonts.close();
      await withoutFonts.close();
    },
    { scope: 'worker' },
  ],
  verdicts: [
    async ({ archive, profile, browsers }, use, workerInfo) => {
      const choice = await runBrowser();
      await use(ArticleVerdicts.forRun({ siteDir: archive.dir, profile, browser: `${choice.build} ${await browsers.version()}`, updateSnapshots: workerInfo.config.updateSnapshots }));
    },
    { scope: 'worker' },
  ],
  observer: [
    async ({ browsers, archive, profile }, use) => {
      const observer = new RecyclingObserver(browsers.withFonts.get, archive.origin, profile, RENEW_BUDGET, new PackageFiles(packageRoots(archive.dir)), browsers.withoutFonts.get);
      await use(observer);
      await observer.close();
    },
    { scope: 'worker' },
  ],
  visual: [
    async ({ browsers, profile }, use, workerInfo) => {
      const choice = await runBrowser();
      const dir = goldenDir();
      await use({
        goldens: dir === undefined ? undefined : new GoldenStore(dir, workerInfo.config.updateSnapshots, isCi()),
        environment: currentEnvironment(await browsers.version(), choice),
        screenshotsOff: choice.pinned ? undefined : `this run's browser is ${choice.source}; goldens are made and compared only in the pinned build (unset CHROMIUM_PATH; see README, Browser)`,
        volatile: profile.volatile,
      });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
