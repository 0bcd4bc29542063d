/**
 * Fidelity-check cost per article: runs the article fidelity suite without screenshots
 * (ARCHIVE_VISUAL=off) in a child Playwright process over a synthetic archive (the fixtures copied
 * N times) and prints the median test duration and wall time per article.
 * Usage: npm run bench:fidelity -- [--copies N] [--workers W]
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { quantile, readJsonReport, testDurations } from './playwright-json.ts';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '4' }, workers: { type: 'string', default: '1' } } });
const work = mkdtempSync(join(tmpdir(), 'bench-fidelity-'));
for (let copy = 1; copy <= Number(values.copies); copy++) {
  for (const name of readdirSync('fixtures').filter((n) => n.endsWith('.md'))) copyFileSync(join('fixtures', name), join(work, name.replace(/\.md$/, `-${copy}.md`)));
}
const json = join(tmpdir(), `bench-fidelity-${process.pid}.json`);
await promisify(execFile)('npx', ['playwright', 'test', 'harness/suite/articles.spec.ts', '--reporter=json', `--workers=${values.workers}`], {
  env: { ...process.env, ARCHIVE_SRC: work, ARCHIVE_VISUAL: 'off', PLAYWRIGHT_JSON_OUTPUT_NAME: json },
}).catch(() => undefined); // failures are counted from the report below
rmSync(work, { recursive: true });
const report = readJsonReport(json);
rmSync(json);
const durations = testDurations(report);
console.log(
  JSON.stringify(
    {
      articles: durations.length,
      workers: Number(values.workers),
      failed: report.stats.unexpected,
      medianMsPerArticle: quantile(durations, 0.5),
      p90MsPerArticle: quantile(durations, 0.9),
      wallMsPerArticle: Math.round(report.stats.duration / durations.length),
    },
    null,
    2,
  ),
);
