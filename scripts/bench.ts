/**
 * The scale benchmark, measured in one run on this machine and written to bench/results.json:
 *   - render throughput and peak memory at 100, 1,000 and 10,000 synthetic articles;
 *   - the fidelity-only suite (no screenshots) at 100 and 1,000 articles, with 1 and 2 workers;
 *   - visual at 100 and 200 articles: the bare capture floor, our full suite (fidelity + both widths)
 *     and the same visual checks with Playwright's toHaveScreenshot, in two interleaved rounds;
 *   - how each cost grows with the archive, and the peak memory of each test run (all processes).
 * Synthetic archives are built with the same generator as `npm run archive:synth` (seed 1) in a
 * temporary folder and deleted afterwards. Usage: npm run bench [-- --quick]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { samplePeakMemory } from './bench-support/process-tree.ts';
import { benchTable, spliceIntoReadme, type BenchResults, type RunRow } from './bench-support/results-table.ts';
import { quantile, readJsonReport, testDurations } from './playwright-json.ts';
import { harvestIngredients } from '../harness/synth/ingredients.ts';
import { synthArchive } from '../harness/synth/synthetic-archive.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const VISUAL_ROUNDS = 2;
const SIZES = values.quick ? { render: [100, 1000], fidelity: [100, 200], visual: [50, 100] } : { render: [100, 1000, 10000], fidelity: [100, 1000], visual: [100, 200] };
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const ingredients = harvestIngredients();

/** Runs a command to the end, sampling the memory of its whole process tree. */
async function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; peakMiB: number; stderr: string }> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { env: { ...process.env, CI: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = samplePeakMemory(child.pid ?? 0);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const peakMiB = stop();
  if (code !== 0 && code !== 1) throw new Error(`${command} ${args.join(' ')} exited ${String(code)}:\n${stderr.slice(-2000)}`);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMiB, stderr };
}

const archives = new Map<number, string>();

/** The synthetic archive of `count` articles (seed 1), written once per run. */
function archive(count: number): string {
  const known = archives.get(count);
  if (known !== undefined) return known;
  const dir = join(work, `archive-${count}`);
  mkdirSync(dir, { recursive: true });
  for (const article of synthArchive(ingredients, count, 1)) writeFileSync(join(dir, `${article.name}.md`), article.text);
  archives.set(count, dir);
  return dir;
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

// Render: the CLI in its own process, as users run it; peak resident memory reported by the process itself.
const render: BenchResults['render'] = [];
for (const count of SIZES.render) {
  const src = archive(count);
  const out = join(work, `site-${count}`);
  const result = await measure(process.execPath, ['--import', 'tsx', '--import', './scripts/bench-support/print-max-rss.ts', 'renderer/cli.ts', src, out]);
  const maxRss = Number(/max-rss-kib (\d+)/.exec(result.stderr)?.[1] ?? 0);
  render.push({ articles: count, seconds: round(result.seconds), articlesPerSecond: Math.round(count / result.seconds), peakMiB: Math.round(maxRss / 1024) });
  console.log('render', render.at(-1));
}

/** One Playwright run; per-test median and wall time per article from its JSON report. */
async function suite(label: string, args: string[], env: Record<string, string>): Promise<{ row: RunRow; durations: number[] }> {
  const json = join(work, `${label}.json`);
  const result = await measure('npx', ['playwright', 'test', ...args, '--reporter=json', `--output=${join(work, 'results')}`], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  const report = readJsonReport(json);
  const durations = testDurations(report);
  const row = { run: label, tests: durations.length, failed: report.stats.unexpected, medianTestMs: quantile(durations, 0.5), wallSecondsPerTest: round(result.seconds / durations.length), peakMiB: result.peakMiB };
  console.log(row);
  return { row, durations };
}

/**
 * Every kind run VISUAL_ROUNDS times, in turn (a b c a b c), so a slow spell on the shared machine
 * hits every kind alike; the median is over all rounds' tests, the wall time their mean.
 */
async function interleaved<Kind extends string>(kinds: Record<Kind, string[]>, count: number, env: Record<string, string>): Promise<Record<Kind, RunRow>> {
  const runs = new Map<Kind, { row: RunRow; durations: number[] }[]>();
  for (let r = 1; r <= VISUAL_ROUNDS; r++) {
    for (const kind of Object.keys(kinds) as Kind[]) runs.set(kind, [...(runs.get(kind) ?? []), await suite(`${kind}-${count}-round${r}`, [...kinds[kind], '--workers=1'], env)]);
  }
  const combined = {} as Record<Kind, RunRow>;
  for (const [kind, measured] of runs) {
    const durations = measured.flatMap((run) => run.durations).sort((a, b) => a - b);
    const rows = measured.map((run) => run.row);
    const wall = rows.reduce((sum, row) => sum + row.wallSecondsPerTest, 0) / rows.length;
    combined[kind] = { run: `${kind}-${count} (${rows.length} rounds)`, tests: rows[0]?.tests ?? 0, failed: Math.max(...rows.map((row) => row.failed)), medianTestMs: quantile(durations, 0.5), wallSecondsPerTest: round(wall), peakMiB: Math.max(...rows.map((row) => row.peakMiB)) };
  }
  return combined;
}

// Fidelity only, every article, no screenshots; 1 and 2 workers on the largest size.
const fidelity: BenchResults['fidelity'] = [];
for (const count of SIZES.fidelity) {
  const env = { ARCHIVE_SRC: archive(count), ARCHIVE_VISUAL: 'off' };
  const { row } = await suite(`fidelity-${count}-w1`, ['tests/archive/articles.spec.ts', '--workers=1'], env);
  fidelity.push({ articles: count, workers: 1, ...row });
}
const largest = SIZES.fidelity.at(-1) ?? 100;
const { row: twoWorkers } = await suite(`fidelity-${largest}-w2`, ['tests/archive/articles.spec.ts', '--workers=2'], { ARCHIVE_SRC: archive(largest), ARCHIVE_VISUAL: 'off' });
fidelity.push({ articles: largest, workers: 2, ...twoWorkers });

// Visual: the same rendered pages for the three kinds; goldens and baselines made first, not timed.
const kinds = {
  floor: ['--config=bench/playwright.bench.config.ts', 'capture-floor'],
  suite: ['tests/archive/articles.spec.ts'],
  toHaveScreenshot: ['--config=bench/playwright.bench.config.ts', 'to-have-screenshot'],
};
const visual: BenchResults['visual'] = [];
for (const count of SIZES.visual) {
  const src = archive(count);
  const out = join(work, `visual-site-${count}`);
  await measure(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out]);
  const env = { ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_GOLDEN: join(work, `golden-${count}`), ARCHIVE_GOLDEN_OPTIMISE: 'off', BENCH_SNAPSHOTS: join(work, `snapshots-${count}`) };
  await suite(`goldens-${count}`, [...kinds.suite, '--workers=1', '--update-snapshots=all'], env);
  await suite(`baselines-${count}`, [...kinds.toHaveScreenshot, '--workers=1', '--update-snapshots=all'], env);
  const { floor, suite: full, toHaveScreenshot } = await interleaved(kinds, count, env);
  const suiteOverFloor = round(full.medianTestMs / floor.medianTestMs, 2);
  visual.push({ articles: count, floor, suite: full, toHaveScreenshot, suiteOverFloor, toHaveScreenshotOverSuite: round(toHaveScreenshot.medianTestMs / full.medianTestMs, 2) });
}

rmSync(work, { recursive: true, force: true });
const results: BenchResults = { machine: '2 cores, shared VM; medians of one run', date: new Date().toISOString().slice(0, 10), render, fidelity, visual };
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
spliceIntoReadme('README.md', benchTable(results));
console.log(`\n${benchTable(results)}\n\nwritten to bench/results.json and README.md`);
