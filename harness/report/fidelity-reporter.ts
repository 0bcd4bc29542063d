import { appendFileSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { GoldenEnvironment } from '../visual/golden-store.ts';
import { summaryMarkdown } from './step-summary.ts';
import { ANNOTATIONS, type ArticleEntry, type Summary, type VisualEntry } from './summary.ts';
import { summaryPage } from './summary-page.ts';
import { goldenDir, reportDir } from '../config/archive-config.ts';
import { VerdictCacheWriter } from '../cache/cache-writer.ts';
import { settings } from '../config/settings.ts';
import type { AcceptedFinding } from './accepted-findings.ts';

/** Options in playwright.config.ts: `['./harness/report/fidelity-reporter.ts', { outputDir, htmlReport }]`. */
export interface FidelityReporterOptions {
  /** Where `index.html`, `summary.json` and `actual/` go (default ARCHIVE_REPORT_DIR, else `reports/fidelity`). */
  outputDir?: string;
  /** The Playwright HTML report folder rows link into (default PLAYWRIGHT_HTML_OUTPUT_DIR, else `playwright-report`). */
  htmlReport?: string;
}

const ARTICLE_TEST = /^fidelity: (.+)$/;

/**
 * Writes the fidelity summary of a run: `reports/fidelity/index.html` (one row per article: each
 * check, text recall, differing-pixel ratio per width, links into the Playwright report),
 * `summary.json`, the actual screenshots of changed or new goldens (for `npm run approve`), and a
 * short markdown summary to GITHUB_STEP_SUMMARY when that is set. Works on merged shard reports too.
 */
export default class FidelityReporter implements Reporter {
  private readonly outputDir: string;
  private readonly htmlReport: string;
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly deleted = new Set<string>();
  private readonly warnings = new Set<string>();
  private environment: GoldenEnvironment | undefined;
  private readonly screenshotsSkipped = { pages: 0, reason: undefined as string | undefined };
  /** False for runs without fidelity tests (unit tests only): they leave the last summary alone. */
  private active = false;
  private cache: VerdictCacheWriter | undefined;
  private unchanged = 0;
  /** A shard's summary covers part of the articles: the merged report writes the job summary, not each shard. */
  private shard = false;
  private readonly siteNotes = new Set<string>();
  /** How many findings each rule of the setting `accept` accepted, by its place in the list. */
  private readonly acceptedByRule = new Map<number, number>();

  constructor(options: FidelityReporterOptions = {}) {
    this.outputDir = resolve(options.outputDir ?? reportDir());
    this.htmlReport = resolve(options.htmlReport ?? (process.env.PLAYWRIGHT_HTML_OUTPUT_DIR || 'playwright-report'));
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.active = suite.allTests().some((test) => ARTICLE_TEST.test(test.title));
    if (!this.active) return;
    this.cache = VerdictCacheWriter.forRun(config, process.argv.includes('merge-reports'));
    this.shard = config.shard !== null;
    for (const folder of ['actual', 'diff']) {
      rmSync(join(this.outputDir, folder), { recursive: true, force: true }); // never approve, or show, a stale run's pictures
      mkdirSync(join(this.outputDir, folder), { recursive: true });
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!this.active) return;
    for (const annotation of result.annotations) {
      if (annotation.type === ANNOTATIONS.deletedGolden && annotation.description !== undefined) this.deleted.add(annotation.description);
      if (annotation.type === ANNOTATIONS.environmentChanged && annotation.description !== undefined) this.warnings.add(annotation.description);
      if (annotation.type === ANNOTATIONS.environment && annotation.description !== undefined) this.environment ??= JSON.parse(annotation.description) as GoldenEnvironment;
      if (annotation.type === ANNOTATIONS.accepted && annotation.description !== undefined) {
        const { rule } = JSON.parse(annotation.description) as AcceptedFinding;
        this.acceptedByRule.set(rule, (this.acceptedByRule.get(rule) ?? 0) + 1);
      }
      if (annotation.type === ANNOTATIONS.screenshotsSkipped) {
        this.screenshotsSkipped.pages++;
        this.screenshotsSkipped.reason ??= annotation.description;
      }
    }
    const match = ARTICLE_TEST.exec(test.title);
    if (match?.[1] === undefined) return;
    const slug = match[1] === 'index page' ? 'index' : match[1];
    if (slug === 'index') for (const annotation of result.annotations) if (annotation.type === ANNOTATIONS.note && annotation.description !== undefined) this.siteNotes.add(annotation.description);
    if (result.annotations.some((annotation) => annotation.type === ANNOTATIONS.unchanged)) this.unchanged++;
    this.cache?.add(slug, test, result);
    this.articles.set(slug, this.entryFor(slug, test, result));
  }

  onEnd(): void {
    if (!this.active) return;
    this.cache?.write();
    const articles = [...this.articles.values()].sort((a, b) => (a.slug === 'index' ? -1 : b.slug === 'index' ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const visual = articles.flatMap((article) => article.visual);
    const count = (status: VisualEntry['status']): number => visual.filter((entry) => entry.status === status).length;
    const accepted = settings().accept.map((rule, index) => ({ ...rule, count: this.acceptedByRule.get(index) ?? 0 }));
    const acceptedCount = accepted.reduce((sum, rule) => sum + rule.count, 0);
    const summary: Summary = {
      goldenDir: goldenDir() ?? '(none: the visual check was off)',
      environment: this.environment,
      environmentWarnings: [...this.warnings],
      counts: {
        articles: articles.length,
        failed: articles.filter((article) => article.status !== 'passed' && article.status !== 'skipped').length,
        unchanged: this.unchanged,
        visual: { passed: count('passed'), changed: count('changed'), new: count('new'), deleted: this.deleted.size, updated: count('updated'), missing: count('missing') },
      },
      deletedGoldens: [...this.deleted].sort(),
      screenshotsSkipped: { ...this.screenshotsSkipped },
      siteNotes: [...this.siteNotes],
      ...(accepted.length > 0 ? { accepted } : {}),
      articles,
    };
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
    writeFileSync(join(this.outputDir, 'index.html'), summaryPage(summary));
    const stepSummary = process.env.GITHUB_STEP_SUMMARY;
    if (stepSummary !== undefined && stepSummary !== '' && !this.shard) appendFileSync(stepSummary, summaryMarkdown(summary));
    const { counts } = summary;
    console.log(
      `\nFidelity: ${counts.articles} pages, ${counts.failed} failed${counts.unchanged > 0 ? `, ${counts.unchanged} unchanged since an earlier run (not checked again)` : ''}${acceptedCount > 0 ? ` · ${acceptedCount} finding(s) accepted by the setting accept` : ''} · goldens ${counts.visual.passed} passed, ${counts.visual.changed} changed, ` +
        `${counts.visual.new} new, ${counts.visual.deleted} deleted${counts.visual.missing > 0 ? `, ${counts.visual.missing} missing` : ''}` +
        `${counts.visual.updated > 0 ? `, ${counts.visual.updated} updated` : ''} · ${relative(process.cwd(), join(this.outputDir, 'index.html'))}`,
    );
    for (const warning of summary.environmentWarnings.slice(0, 3)) console.warn(`WARNING: ${warning}`);
    const skipped = summary.screenshotsSkipped;
    if (skipped.pages > 0) console.warn(`NOTE: screenshots of ${skipped.pages} page(s) were not taken: ${skipped.reason ?? ''}`);
    // A rule that accepted nothing among the pages checked may be stale (the theme was fixed): say so, without failing.
    const idle = accepted.filter((rule) => rule.count === 0);
    if (idle.length > 0 && counts.articles > counts.unchanged)
      console.warn(`NOTE: ${idle.length} rule(s) of the setting accept matched no finding of the ${counts.articles - counts.unchanged} page(s) checked: ${idle.map((rule) => `${rule.check} /${rule.finding}/`).join(', ')}`);
    if (this.siteNotes.size > 0) console.warn(`NOTE: ${this.siteNotes.size} note(s) on the site as a whole (what its theme loads that cannot be answered offline): see the summary page`);
  }

  printsToStdio(): boolean {
    return false;
  }

  private entryFor(slug: string, test: TestCase, result: TestResult): ArticleEntry {
    const checks: Record<string, number> = {};
    const accepted: Record<string, number> = {};
    let textRecall: number | undefined;
    const visual: VisualEntry[] = [];
    for (const annotation of result.annotations) {
      if (annotation.description === undefined) continue;
      if (annotation.type === ANNOTATIONS.check) {
        const record = JSON.parse(annotation.description) as { check: string; findings: number; accepted?: number; metrics: Record<string, number> };
        checks[record.check] = record.findings;
        if (record.accepted !== undefined) accepted[record.check] = record.accepted;
        if (record.check === 'text') textRecall = record.metrics.recall;
      } else if (annotation.type === ANNOTATIONS.visual) {
        visual.push(JSON.parse(annotation.description) as VisualEntry);
      }
    }
    for (const attachment of result.attachments) {
      // This run's pictures (for approve) and, for a changed screenshot, its diff (for the summary page).
      const saved = /^(.*)-(actual|diff)\.(png|html)$/.exec(attachment.name);
      if (saved === null) continue;
      const [, base = '', kind = '', extension = ''] = saved;
      if (kind === 'diff' && extension !== 'png') continue; // the HTML diff page stays in the Playwright report
      const file = join(kind, `${base}.${extension}`);
      if (attachment.path !== undefined) copyFileSync(attachment.path, join(this.outputDir, file));
      else if (attachment.body !== undefined) writeFileSync(join(this.outputDir, file), attachment.body);
      else continue;
      const entry = visual.find((v) => v.golden === `${base}.${extension}`);
      if (entry !== undefined && kind === 'actual') entry.actual = file;
      else if (entry !== undefined) entry.diff = file;
    }
    return {
      slug,
      title: test.title,
      status: result.status,
      checks,
      ...(Object.keys(accepted).length > 0 ? { accepted } : {}),
      textRecall,
      visual,
      reportLink: `${relative(this.outputDir, this.htmlReport)}/index.html#?testId=${test.id}`,
      errors: result.errors
        .map((error) => (error.message ?? '').split('\n')[0] ?? '')
        .filter((line) => line !== '')
        .slice(0, 5),
    };
  }
}
