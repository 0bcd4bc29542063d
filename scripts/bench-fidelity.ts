/**
 * Fidelity-check cost per article: runs the article fidelity suite (no screenshots) in a child
 * Playwright process over a synthetic archive (the fixtures copied N times) and prints the median
 * test duration and wall time per article. Usage: npm run bench:fidelity -- [--copies N] [--workers W]
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '4' }, workers: { type: 'string', default: '1' } } });
const src = mkdtempSync(join(tmpdir(), 'bench-fidelity-'));
for (let copy = 1; copy <= Number(values.copies); copy++) {
  for (const name of readdirSync('fixtures').filter((n) => n.endsWith('.md'))) copyFileSync(join('fixtures', name), join(src, name.replace(/\.md$/, `-${copy}.md`)));
}

interface Report {
  stats: { duration: number; unexpected: number };
  suites: Suite[];
}
interface Suite {
  suites?: Suite[];
  specs?: { tests: { results: { duration: number }[] }[] }[];
}

const { stdout } = await promisify(execFile)('npx', ['playwright', 'test', 'tests/fidelity/articles.spec.ts', '--reporter=json', `--workers=${values.workers}`], {
  env: { ...process.env, ARCHIVE_SRC: src },
  maxBuffer: 256 * 1024 * 1024,
}).catch((error: { stdout: string }) => error);
rmSync(src, { recursive: true });
const report = JSON.parse(stdout) as Report;
const durations: number[] = [];
const walk = (suite: Suite): void => {
  suite.suites?.forEach(walk);
  for (const spec of suite.specs ?? []) for (const test of spec.tests) for (const result of test.results) durations.push(result.duration);
};
report.suites.forEach(walk);
durations.sort((a, b) => a - b);
const at = (q: number): number => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
console.log(
  JSON.stringify(
    {
      articles: durations.length,
      workers: Number(values.workers),
      failed: report.stats.unexpected,
      medianMsPerArticle: at(0.5),
      p90MsPerArticle: at(0.9),
      wallMsPerArticle: Math.round(report.stats.duration / durations.length),
    },
    null,
    2,
  ),
);
