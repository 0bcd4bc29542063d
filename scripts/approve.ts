/**
 * Accepts the last run's actual screenshots and page snapshots as the new goldens, without running
 * the suite again. Reads reports/fidelity/summary.json (written by the fidelity reporter).
 * Usage: npm run approve -- [slug ...]   (no slug: every changed or missing golden of the last run)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../harness/report/summary.ts';
import { GoldenStore } from '../harness/visual/golden-store.ts';
import { reportDir } from '../harness/run/archive-config.ts';

const REPORT_DIR = reportDir();
const summaryPath = join(REPORT_DIR, 'summary.json');

async function main(slugs: string[]): Promise<number> {
  if (slugs.includes('--help') || slugs.includes('-h')) {
    console.log('Usage: npm run approve -- [slug ...]\nAccepts the last run\'s actual screenshots (all changed or missing ones, or those of the named articles) as goldens.');
    return 0;
  }
  if (!existsSync(summaryPath)) {
    console.error(`${summaryPath} not found: run the suite first (npx playwright test), then approve its results.`);
    return 2;
  }
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Summary;
  if (summary.environment === undefined) {
    console.error(`${summaryPath} records no screenshots (was the visual check off?); nothing to approve.`);
    return 2;
  }
  const unknown = slugs.filter((slug) => !summary.articles.some((article) => article.slug === slug));
  if (unknown.length > 0) {
    console.error(`not in the last run: ${unknown.join(', ')}`);
    return 2;
  }
  const chosen = summary.articles.filter((article) => (slugs.length === 0 ? true : slugs.includes(article.slug)));
  const entries = chosen.flatMap((article) => article.visual.filter((entry) => entry.actual !== undefined && (slugs.length > 0 || entry.status === 'changed' || entry.status === 'missing')));
  if (entries.length === 0) {
    console.log('nothing to approve: the last run found no changed or missing goldens for these pages');
    return 0;
  }
  const store = new GoldenStore(summary.goldenDir, 'all', false);
  for (const entry of entries) {
    const actual = readFileSync(join(REPORT_DIR, entry.actual ?? ''));
    if (entry.golden.endsWith('.png')) await store.writePng(entry.golden, actual, summary.environment);
    else store.writeText(entry.golden, actual.toString('utf8'));
    console.log(`approved ${store.displayPath(entry.golden)} (${entry.status} in the last run)`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
