import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleEntry, Summary } from '../report/summary.ts';
import { GoldenStore } from '../visual/golden-store.ts';

/** How an approval ended: the lines to print and the exit status (0 done, 1 some refused, 2 nothing to read). */
export interface ApproveOutcome {
  lines: string[];
  errors: string[];
  code: 0 | 1 | 2;
}

/** The fidelity findings a page had in the run, by check (`text 1, images 2`), or '' for none. */
function failedChecks(article: ArticleEntry): string {
  return Object.entries(article.checks)
    .filter(([, findings]) => findings > 0)
    .map(([check, findings]) => `${check} ${findings}`)
    .join(', ');
}

/**
 * Accepts the last run's actual screenshots and page snapshots (read from `<reportDir>/summary.json`)
 * as the new goldens, without running the suite again: every changed or missing golden, or every one
 * of the named pages. A page whose fidelity checks failed in that run is refused, with why: its
 * pictures would approve the failure. `force` approves it anyway and records so in each screenshot.
 */
export async function approve(reportDir: string, slugs: readonly string[], { force = false }: { force?: boolean } = {}): Promise<ApproveOutcome> {
  const summaryPath = join(reportDir, 'summary.json');
  const lines: string[] = [];
  const errors: string[] = [];
  if (!existsSync(summaryPath)) return { lines, errors: [`${summaryPath} not found: run the suite first, then approve its results.`], code: 2 };
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Summary;
  if (summary.environment === undefined) return { lines, errors: [`${summaryPath} records no screenshots (was the visual check off?); nothing to approve.`], code: 2 };
  const unknown = slugs.filter((slug) => !summary.articles.some((article) => article.slug === slug));
  if (unknown.length > 0) return { lines, errors: [`not in the last run: ${unknown.join(', ')}`], code: 2 };

  const store = new GoldenStore(summary.goldenDir, 'all', false);
  let refused = 0;
  for (const article of summary.articles.filter((each) => slugs.length === 0 || slugs.includes(each.slug))) {
    const entries = article.visual.filter((entry) => entry.actual !== undefined && (slugs.length > 0 || entry.status === 'changed' || entry.status === 'missing'));
    if (entries.length === 0) continue;
    const failed = failedChecks(article);
    if (failed !== '' && !force) {
      refused++;
      errors.push(`refused ${article.slug}: its fidelity checks failed in the last run (${failed}); fix the page and run again, or approve with --force to accept its pictures anyway`);
      continue;
    }
    const despite = failed === '' ? undefined : `approved with --force although the page's fidelity checks failed in that run (${failed})`;
    for (const entry of entries) {
      const actual = readFileSync(join(reportDir, entry.actual ?? ''));
      if (entry.golden.endsWith('.png')) await store.writePng(entry.golden, actual, summary.environment, undefined, despite);
      else store.writeText(entry.golden, actual.toString('utf8'));
      lines.push(`approved ${store.displayPath(entry.golden)} (${entry.status} in the last run)${despite === undefined ? '' : `, ${despite}`}`);
    }
  }
  if (lines.length === 0 && refused === 0) lines.push('nothing to approve: the last run found no changed or missing goldens for these pages');
  return { lines, errors, code: refused > 0 ? 1 : 0 };
}
