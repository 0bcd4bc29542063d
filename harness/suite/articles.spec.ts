import { archiveConfig } from '../config/archive-config.ts';
import { ARTICLE_CHECKS } from '../checks/article-checks.ts';
import { reportCheck } from '../report/check-outcome.ts';
import { archiveZone } from '../oracle/dates.ts';
import { expectedArticle } from '../oracle/expected.ts';
import { readSourcePost } from '../oracle/source.ts';
import { pageMap } from '../site/locate-pages.ts';
import { articleUrl, pageFile } from '../site/page-map.ts';
import { basename } from 'node:path';
import { listSources } from '../run/sources.ts';
import { test } from './test-fixtures.ts';
import { visualSelection } from '../visual/plan.ts';
import { visualSteps } from '../visual/steps.ts';
import { ANNOTATIONS } from '../report/summary.ts';
import { articleFiles, unchangedAnnotation, unchangedArticles } from '../cache/unchanged-articles.ts';

const zone = archiveZone();
const PAGE_OF_ITS_OWN = 'a page of its own';
const sources = listSources(archiveConfig().srcDir);
const visual = visualSelection(sources.map((source) => source.slug));

// With ARCHIVE_CACHE: articles whose every input is byte-identical to a run where they passed (found by global setup).
const unchanged = unchangedArticles();

/**
 * Articles run in batches, each batch one Playwright test group. A worker binds the whole spec file
 * (every test cloned, its id hashed) once for each group it is given: with one group a test, as
 * fullyParallel makes them, that is O(articles) a test and O(articles²) a run (at 1,000 articles,
 * 1.9 s of a worker's ~50 s of CPU went to hashing test ids; at 20,000 it would be 400 times that).
 * Batches of at most 50, and at least 64 of them, so `--shard` and the workers still split the
 * archive evenly; an archive of up to 64 articles runs one article a group, as before.
 */
const MAX_BATCH = 50;
const MIN_BATCHES = 64;
const batchSize = Math.min(MAX_BATCH, Math.max(1, Math.ceil(sources.length / MIN_BATCHES)));

for (let start = 0; start < sources.length; start += batchSize) {
  test.describe(() => {
    // In order inside a batch, batches in parallel: each batch is one test group.
    test.describe.configure({ mode: 'default' });
    for (const source of sources.slice(start, start + batchSize)) declareArticle(source);
  });
}

function declareArticle(source: (typeof sources)[number]): void {
  const why = unchanged.articles[source.slug];
  if (why !== undefined && unchanged.skipAtDeclaration) {
    test.skip(`fidelity: ${source.slug}`, { annotation: unchangedAnnotation(why) }, () => undefined);
    return;
  }
  test(`fidelity: ${source.slug}`, async ({ archive, observer, profile, visual: goldens, verdicts }, testInfo) => {
    if (why !== undefined) {
      testInfo.annotations.push(unchangedAnnotation(why));
      test.skip(true, why);
    }
    const pages = pageMap();
    const unpublished = pages.places[source.slug]?.unpublished;
    test.skip(unpublished !== undefined, `the generator publishes no page for it: ${unpublished ?? ''}`);
    // Two sources at one page: the page cannot be judged as either's, and one of them is lost.
    const shared = pages.shared.find((page) => page.sources.includes(basename(source.path)));
    if (shared !== undefined) {
      await test.step(PAGE_OF_ITS_OWN, async () => {
        await reportCheck(testInfo, 'page', PAGE_OF_ITS_OWN, { findings: [{ message: shared.advice }], metrics: { sharingSources: shared.sources.length } });
      });
      return;
    }
    const expected = await test.step('read the source', () => expectedArticle(source.slug, readSourcePost(source.path, zone)));
    const observed = await test.step('open the page in Chromium', () => observer.observe(articleUrl(pages, archive.dir, archive.origin, source.slug), { screenshots: visual.has(source.slug), phase: (name, body) => test.step(name, body) }));
    let findings = 0;
    for (const check of ARTICLE_CHECKS) {
      await test.step(check.title, async () => {
        findings += await reportCheck(testInfo, check.id, check.title, check.run(expected, observed, { zone, profile }));
      });
    }
    // A page whose fidelity checks fail is not offered for approval: its goldens would approve the failure.
    if (visual.has(source.slug)) await visualSteps(observer.page, pageFile(pages, archive.dir, source.slug), source.slug, testInfo, goldens, findings);
    // Keyed after the visual steps, which may have written goldens; the reporter caches it only if the test passed.
    if (verdicts !== undefined) testInfo.annotations.push({ type: ANNOTATIONS.verdictKey, description: verdicts.keyOf(articleFiles(archive.dir, source, visual.has(source.slug))) });
  });
}
