import { join } from 'node:path';
import { listingFiles, unchangedAnnotation, unchangedArticles } from '../cache/unchanged-articles.ts';
import { ANNOTATIONS } from '../report/summary.ts';
import { checkHealth } from '../checks/health.ts';
import { checkFeedListings } from '../checks/feed-listings.ts';
import { checkIndex } from '../checks/index-page.ts';
import { checkSiteIcons } from '../checks/site-icons.ts';
import { archiveZone } from '../oracle/dates.ts';
import { readSourcePost, SourceError } from '../oracle/source.ts';
import { reportCheck } from '../report/check-outcome.ts';
import { archiveConfig } from '../config/archive-config.ts';
import { feedListings } from '../run/feed-listings.ts';
import { indexPages } from '../run/index-pages.ts';
import { listSources } from '../run/sources.ts';
import { pageMap } from '../site/locate-pages.ts';
import { sourcesByPage } from '../site/page-map.ts';
import { test } from './test-fixtures.ts';
import { visualSelection } from '../visual/plan.ts';
import { visualSteps } from '../visual/steps.ts';

/** Time to load one index page, beside its settling (the profile's bound). */
const INDEX_PAGE_LOAD_MS = 5_000;

// With ARCHIVE_CACHE: skipped when every input of the listings is byte-identical to a run where it passed (found by global setup).
const unchanged = unchangedArticles();

if (unchanged.index !== undefined && unchanged.skipAtDeclaration) {
  test.skip('fidelity: index page', { annotation: unchangedAnnotation(unchanged.index) }, () => undefined);
} else {
  test('fidelity: index page', async ({ archive, observer, profile, visual, verdicts }, testInfo) => {
    if (unchanged.index !== undefined) {
      testInfo.annotations.push(unchangedAnnotation(unchanged.index));
      test.skip(true, unchanged.index);
    }
    const zone = archiveZone();
    // A source the oracle cannot read fails its own test; the index is judged on the readable ones.
    // index.md can have no page of its own (its own test says so); every other readable source must be listed.
    const articles = listSources(archiveConfig().srcDir)
      .filter((source) => source.slug !== 'index')
      .flatMap((source) => {
        try {
          const post = readSourcePost(source.path, zone);
          return [{ slug: source.slug, published: post.published, title: post.title, categories: post.categories }];
        } catch (error) {
          if (error instanceof SourceError) return [];
          throw error;
        }
      });
    const screenshots = visualSelection(articles.map((article) => article.slug)).has('index');
    // Every index page, following the profile's "next" links, two at a time, each in a browser context
    // of its own (at 2,000 articles, ×0.77 the time of one at a time); the first stays loaded for the screenshots.
    // Each index page may take as long as an article page to settle: the test's time grows with the pages found, still bounded.
    const pages = await test.step('open every index page in Chromium', async () => {
      const beside = observer.sibling();
      try {
        return await indexPages([observer, beside], archive.origin, profile.index, { screenshots }, () => testInfo.setTimeout(testInfo.timeout + profile.settleTimeoutMs + INDEX_PAGE_LOAD_MS));
      } finally {
        await beside.close();
      }
    });
    const checks: [string, string, () => ReturnType<typeof checkIndex> | Promise<ReturnType<typeof checkIndex>>][] = [
      ['index', 'lists every article once, newest first, thumbnails without Referer', () => checkIndex(articles, pages, profile.index, sourcesByPage(pageMap()))],
      ['health', 'page health, and the site is self-contained', () => mergeResults(pages.map((page) => checkHealth(page, profile.policy, 'site')))],
      ['icons', "the site's icons exist", () => checkSiteIcons(pages[0], archive.origin)],
    ];
    const { feeds } = profile.index;
    if (feeds !== undefined) {
      checks.push([
        'feeds',
        "each feed's listing holds exactly its articles",
        async () => checkFeedListings(articles, await feedListings(archive.origin, profile.index), { entries: profile.index.entries, name: feeds.name }, sourcesByPage(pageMap())),
      ]);
    }
    let findings = 0;
    for (const [id, title, run] of checks) {
      await test.step(title, async () => {
        findings += await reportCheck(testInfo, id, title, await run());
      });
    }
    if (screenshots) await visualSteps(observer.page, join(archive.dir, 'index.html'), 'index', testInfo, visual, findings);
    // Keyed after the visual steps, which may have written goldens; the reporter caches it only if the test passed.
    if (verdicts !== undefined) testInfo.annotations.push({ type: ANNOTATIONS.verdictKey, description: verdicts.listingKeyOf(listingFiles(archive.dir, screenshots)) });
  });
}

/** Several index pages' results as one: each finding and note once (a theme's CDN style sheet is on every page), metrics summed. */
function mergeResults(results: ReturnType<typeof checkHealth>[]): ReturnType<typeof checkHealth> {
  const metrics: Record<string, number> = {};
  for (const result of results) for (const [key, value] of Object.entries(result.metrics)) metrics[key] = (metrics[key] ?? 0) + value;
  const messages = [...new Set(results.flatMap((result) => result.findings.map((finding) => finding.message)))];
  const notes = [...new Set(results.flatMap((result) => result.notes ?? []))];
  return { findings: messages.map((message) => ({ message })), metrics, ...(notes.length === 0 ? {} : { notes }) };
}
