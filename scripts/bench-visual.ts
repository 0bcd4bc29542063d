/**
 * Visual-check speed, measured in one run on the same rendered pages:
 *   (a) the bare capture floor: navigate, settle, two full-page screenshots (bench/specs/capture-floor.spec.ts),
 *   (b) our full suite: fidelity checks + HTML snapshot + screenshots against goldens (harness/suite/articles.spec.ts),
 *   (c) the same visual checks with Playwright's toHaveScreenshot (bench/specs/to-have-screenshot.spec.ts).
 * Goldens and baselines are made first (not timed); then the three kinds run in turn, `--rounds` times.
 * Usage: npm run bench:visual -- [--copies N] [--rounds R]
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { quantile, readJsonReport, testDurations } from './playwright-json.ts';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '1' }, rounds: { type: 'string', default: '3' } } });
const work = mkdtempSync(join(tmpdir(), 'bench-visual-'));
const src = join(work, 'src');
const out = join(work, 'site');
mkdirSync(src);
for (let copy = 1; copy <= Number(values.copies); copy++) {
  for (const name of readdirSync('fixtures').filter((n) => n.endsWith('.md'))) copyFileSync(join('fixtures', name), join(src, name.replace(/\.md$/, `-${copy}.md`)));
}
const exec = promisify(execFile);
await exec(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out]);

const KINDS = {
  floor: ['--config=bench/playwright.bench.config.ts', 'capture-floor'],
  suite: ['harness/suite/articles.spec.ts'],
  toHaveScreenshot: ['--config=bench/playwright.bench.config.ts', 'to-have-screenshot'],
} as const;
type Kind = keyof typeof KINDS;

interface Timing {
  wallSeconds: number;
  medianTestMs: number;
  tests: number;
}

async function runKind(kind: Kind, extra: string[] = []): Promise<Timing> {
  const json = join(work, `${kind}.json`);
  await exec('npx', ['playwright', 'test', ...KINDS[kind], '--workers=1', '--reporter=json', `--output=${join(work, 'results')}`, ...extra], {
    env: { ...process.env, CI: '', ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_GOLDEN: join(work, 'golden'), BENCH_SNAPSHOTS: join(work, 'snapshots'), PLAYWRIGHT_JSON_OUTPUT_NAME: json },
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { stderr: string }) => {
    throw new Error(`${kind} run failed:\n${error.stderr.slice(-2000)}`);
  });
  const report = readJsonReport(json);
  if (report.stats.unexpected > 0) throw new Error(`${kind}: ${report.stats.unexpected} test(s) failed`);
  const durations = testDurations(report);
  return { wallSeconds: report.stats.duration / 1000, medianTestMs: quantile(durations, 0.5), tests: durations.length };
}

// Goldens and baselines first: writing them is not what is measured.
await runKind('suite', ['--update-snapshots=all']);
await runKind('toHaveScreenshot', ['--update-snapshots=all']);

const runs: Record<Kind, Timing[]> = { floor: [], suite: [], toHaveScreenshot: [] };
for (let round = 0; round < Number(values.rounds); round++) for (const kind of Object.keys(KINDS) as Kind[]) runs[kind].push(await runKind(kind));
rmSync(work, { recursive: true, force: true });

const median = (numbers: number[]): number => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const result = Object.fromEntries(
  (Object.keys(runs) as Kind[]).map((kind) => [kind, { medianWallSeconds: median(runs[kind].map((r) => r.wallSeconds)), medianTestMs: median(runs[kind].map((r) => r.medianTestMs)), pages: runs[kind][0]?.tests }]),
) as Record<Kind, { medianWallSeconds: number; medianTestMs: number; pages: number }>;
console.log(
  JSON.stringify(
    {
      ...result,
      ratios: {
        suiteOverFloor: Math.round((result.suite.medianTestMs / result.floor.medianTestMs) * 100) / 100,
        toHaveScreenshotOverSuite: Math.round((result.toHaveScreenshot.medianTestMs / result.suite.medianTestMs) * 100) / 100,
        wallSuiteOverFloor: Math.round((result.suite.medianWallSeconds / result.floor.medianWallSeconds) * 100) / 100,
        wallToHaveScreenshotOverSuite: Math.round((result.toHaveScreenshot.medianWallSeconds / result.suite.medianWallSeconds) * 100) / 100,
      },
    },
    null,
    2,
  ),
);
