import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { load, type CheerioAPI } from 'cheerio';
import { archiveZone } from '../../harness/oracle/dates.ts';
import { expectedArticle, type ExpectedArticle } from '../../harness/oracle/expected.ts';
import { readSourcePost } from '../../harness/oracle/source.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import type { ObservedPage } from '../../harness/observe/observe-page.ts';
import { RecyclingObserver, RENEW_BUDGET } from '../../harness/observe/recycling-observer.ts';
import { lazyBrowser } from '../../harness/browser/lazy-browser.ts';
import { test as base } from '../support/selftest.ts';
import { assetFiles } from '../../renderer/page/assets.ts';
import { renderArticle } from '../../renderer/render-article.ts';

/** A bundled fixture rendered by our renderer, changed on purpose, observed like any archive page. */
interface BrokenPage {
  expected: ExpectedArticle;
  observed: ObservedPage;
  /** The browser page, still showing it (for screenshots). */
  page: Page;
}

/**
 * Renders `fixtures/<fixture>`, applies `breakIt` to the page, writes `files` (say, an extra style
 * sheet under assets/) next to it and observes the result in Chromium as the suite does: with web
 * fonts for `screenshots`, else in the browser that loads none.
 */
export type BreakPage = (fixture: string, breakIt: ($: CheerioAPI) => void, files?: Record<string, string>, use?: { screenshots?: boolean }) => Promise<BrokenPage>;

let counter = 0;

/**
 * `breakPage`: the negative tests' own site. It always uses the repository's fixtures and renderer,
 * whatever ARCHIVE_SRC / ARCHIVE_OUT point at, so a broken page differs from a good one only by the break.
 */
export const test = base.extend<object, { breakPage: BreakPage }>({
  breakPage: [
    async ({ browser, playwright, launchOptions }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'archive-broken-'));
      for (const [path, bytes] of assetFiles()) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      const server = await serveFolder(dir);
      const fontless = lazyBrowser(playwright.chromium, launchOptions, { webFonts: false });
      const observer = new RecyclingObserver(() => Promise.resolve(browser), server.origin, builtinProfile('archive-renderer'), RENEW_BUDGET, undefined, fontless.get);
      const zone = archiveZone({});
      await use(async (fixture, breakIt, files = {}, { screenshots = false } = {}) => {
        const source = join('fixtures', fixture);
        const rendered = renderArticle(source, readFileSync(source), zone);
        if (!rendered.ok) throw new Error(`${fixture} does not render: ${rendered.problem.message}`);
        const $ = load(rendered.value.html);
        breakIt($);
        const name = `page-${counter++}`;
        writeFileSync(join(dir, `${name}.html`), $.html());
        for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
        const observed = await observer.observe(`${server.origin}/${name}.html`, { screenshots });
        return { expected: expectedArticle(name, readSourcePost(source, zone)), observed, page: observer.page };
      });
      await observer.close();
      await fontless.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
