/**
 * The scale benchmark, measured in one run on this machine and written to bench/results.json:
 *   - render throughput and peak memory at 100, 1,000 and 20,000 synthetic articles; at the largest,
 *     a second render after 11 sources changed (10 edited, 1 added) as a share of the full one, and
 *     the size of the listings;
 *   - the listing check (`fidelity: index page`: every index page in the browser, every feed's
 *     listing) at 1,000 and 20,000 articles, per index page, to show it grows linearly;
 *   - the fidelity-only suite (no screenshots) at 100 and 1,000 articles, with 1 and 2 workers, and
 *     where an article's time goes (read the source, load, settle, collect in the page, the checks);
 *     with 2 workers, against the bare load of the same pages (its floor), interleaved;
 *   - the full verdict and the verdict cache at 20,000 articles: a render into a kept folder and a
 *     full run of the archive project (wall, per article, peak memory), then the daily run after
 *     adding 10 articles and changing 1, an incremental render and a run from the cache (wall time
 *     of each, render included, and their ratio);
 *   - visual at 100 and 200 articles: the bare capture floor, our full suite (fidelity + both widths)
 *     and the same visual checks with Playwright's toHaveScreenshot, in two interleaved rounds;
 *   - how each cost grows with the archive, and the peak memory of each test run (all processes).
 * Synthetic archives are built with the same generator as `npm run archive:synth` (seed 1) in a
 * temporary folder and deleted afterwards. Usage: npm run bench [-- --quick] [-- --only cache,fidelity]
 * (--only measures those parts and keeps the others' last results, each part dated).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JSONReport } from '@playwright/test/reporter';
import { samplePeakMemory } from './bench-support/process-tree.ts';
import { benchTable, spliceIntoReadme, type BenchResults, type RunRow } from './bench-support/results-table.ts';
import { existsSync, readFileSync } from 'node:fs';
import { phaseBreakdown, type PhaseBreakdown, quantile, readJsonReport, testDurations, testResults } from './playwright-json.ts';
import { harvestIngredients } from '../tests/kits/synth/ingredients.ts';
import { synthArchive } from '../tests/kits/synth/synthetic-archive.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const PARTS = ['render', 'listing', 'fidelity', 'visual', 'cache'] as const;
const only = new Set(values.only?.split(',').map((part) => part.trim()) ?? PARTS);
for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only ${part}: the parts are ${PARTS.join(', ')}`);
const VISUAL_ROUNDS = 2;
const SIZES = values.quick ? { render: [100, 1000], listing: [200, 1000], fidelity: [100, 200], visual: [50, 100], cache: 200 } : { render: [100, 1000, 20000], listing: [1000, 20000], fidelity: [100, 1000], visual: [100, 200], cache: 20000 };
// The caller's own archive settings never reach a measured run.
for (const name of Object.keys(process.env)) if (name.startsWith('ARCHIVE_')) delete process.env[name];
const today = new Date().toISOString().slice(0, 10);
const previous = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Partial<BenchResults>) : {};
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const ingredients = harvestIngredients();

/** Runs a command to the end, sampling the memory of its whole process tree. */
async function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; peakMiB: number; stdout: string; stderr: string }> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { env: { ...process.env, CI: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = samplePeakMemory(child.pid ?? 0);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const peakMiB = stop();
  if (code !== 0 && code !== 1) throw new Error(`${command} ${args.join(' ')} exited ${String(code)}:\n${stderr.slice(-2000)}`);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMiB, stdout, stderr };
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

/** The middle value; of an even count, the mean of the middle two. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2, 2);
}

// Render: the CLI in its own process, as users run it; peak resident memory reported by the process itself.
const render: BenchResults['render'] = [];
let incremental: BenchResults['incremental'];
for (const count of only.has('render') ? SIZES.render : []) {
  const src = archive(count);
  const out = join(work, `site-${count}`);
  const result = await measure(process.execPath, ['--import', 'tsx', '--import', './scripts/bench-support/print-max-rss.ts', 'renderer/cli.ts', src, out]);
  const maxRss = Number(/max-rss-kib (\d+)/.exec(result.stderr)?.[1] ?? 0);
  render.push({ articles: count, seconds: round(result.seconds), articlesPerSecond: Math.round(count / result.seconds), peakMiB: Math.round(maxRss / 1024) });
  console.log('render', render.at(-1));
  if (count === SIZES.render.at(-1)) incremental = await renderAgain(src, out, result.seconds, count);
}

/** The daily case: 10 sources edited and 1 added since the last render of `out`, rendered again; and how big its listing pages are. */
async function renderAgain(src: string, out: string, fullSeconds: number, count: number): Promise<NonNullable<BenchResults['incremental']>> {
  const names = readdirSync(src).sort();
  for (const name of names.slice(0, 10)) appendFileSync(join(src, name), '\n<p>更正：本文已更新。</p>\n');
  copyFileSync(join(src, names[0] ?? ''), join(src, 'zz-added.md'));
  const again = await measure(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out]);
  const counts = /rendered (\d+), unchanged (\d+)/.exec(again.stdout);
  const listings = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html') && (path === 'index.html' || /^(page|categories|archives)\//.test(path)));
  const largest = Math.max(...listings.map((path) => statSync(join(out, path)).size));
  const row = {
    articles: count,
    changed: 11,
    seconds: round(again.seconds),
    fullSeconds: round(fullSeconds),
    share: round(again.seconds / fullSeconds, 4),
    rendered: Number(counts?.[1] ?? 0),
    unchanged: Number(counts?.[2] ?? 0),
    listingPages: listings.length,
    largestListingKiB: Math.round(largest / 1024),
  };
  console.log('render again', row);
  return row;
}

/** One Playwright run; per-test median, wall time per article and where the time went, from its JSON report. */
async function suite(label: string, args: string[], env: Record<string, string>, reporters = 'json'): Promise<{ row: RunRow; durations: number[]; breakdown: PhaseBreakdown; seconds: number; report: JSONReport }> {
  const json = join(work, `${label}.json`);
  const result = await measure('npx', ['playwright', 'test', ...args, `--reporter=${reporters}`, `--output=${join(work, 'results')}`], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: json, ARCHIVE_REPORT_DIR: join(work, 'fidelity-report') });
  const report = readJsonReport(json);
  const durations = testDurations(report);
  const row = { run: label, tests: durations.length, failed: report.stats.unexpected, medianTestMs: quantile(durations, 0.5), wallSecondsPerTest: round(result.seconds / durations.length), peakMiB: result.peakMiB };
  console.log(row);
  return { row, durations, breakdown: phaseBreakdown(report), seconds: round(result.seconds, 1), report };
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
    combined[kind] = {
      run: `${kind}-${count} (${rows.length} rounds)`,
      tests: rows[0]?.tests ?? 0,
      failed: Math.max(...rows.map((row) => row.failed)),
      medianTestMs: quantile(durations, 0.5),
      wallSecondsPerTest: round(wall),
      peakMiB: Math.max(...rows.map((row) => row.peakMiB)),
    };
  }
  return combined;
}

// The listing check alone, no screenshots: the index test's own time, and per index page (100 articles a page).
const listing: BenchResults['listing'] = [];
for (const count of only.has('listing') ? SIZES.listing : []) {
  const { report, row } = await suite(`listing-${count}`, ['--project=archive', '--grep', 'fidelity: index page', '--workers=1'], { ARCHIVE_SRC: archive(count), ARCHIVE_VISUAL: 'off' });
  const index = testResults(report).find(({ title }) => title === 'fidelity: index page')?.result;
  if (index?.status !== 'passed') throw new Error(`the listing check at ${count} articles did not pass: ${index?.status ?? 'no result'}`);
  const opened = index.steps?.find((step) => step.title === 'open every index page in Chromium')?.duration ?? 0;
  const indexPages = Math.ceil(count / 100);
  listing.push({ articles: count, indexPages, seconds: round(index.duration / 1000, 1), browserSeconds: round(opened / 1000, 1), msPerIndexPage: Math.round(index.duration / indexPages), peakMiB: row.peakMiB });
  console.log('listing', listing.at(-1));
}

// Fidelity only, every article, no screenshots; 1 and 2 workers on the largest size.
const fidelity: BenchResults['fidelity'] = [];
for (const count of only.has('fidelity') ? SIZES.fidelity : []) {
  const env = { ARCHIVE_SRC: archive(count), ARCHIVE_VISUAL: 'off' };
  const { row, breakdown } = await suite(`fidelity-${count}-w1`, ['harness/suite/articles.spec.ts', '--workers=1'], env);
  fidelity.push({ articles: count, workers: 1, ...row, breakdown });
}
/**
 * The fidelity checks against their floor, at the largest size with 2 workers: the suite and the bare
 * load of the same pages (bench/specs/load-floor.spec.ts), interleaved over two rounds so a slow spell
 * of the shared machine hits both alike; the ratio of each round, and their median.
 */
let loadFloor: BenchResults['loadFloor'];
if (only.has('fidelity')) {
  const largest = SIZES.fidelity.at(-1) ?? 100;
  const env = { ARCHIVE_SRC: archive(largest), ARCHIVE_VISUAL: 'off' };
  const rounds: NonNullable<BenchResults['loadFloor']>['rounds'] = [];
  for (let r = 1; r <= VISUAL_ROUNDS; r++) {
    const { row: twoWorkers, breakdown } = await suite(`fidelity-${largest}-w2-round${r}`, ['harness/suite/articles.spec.ts', '--workers=2'], env);
    if (r === 1) fidelity.push({ articles: largest, workers: 2, ...twoWorkers, breakdown });
    const { row: floor } = await suite(`load-floor-${largest}-w2-round${r}`, ['--config=bench/playwright.bench.config.ts', 'load-floor', '--workers=2'], env);
    rounds.push({ suiteWallMs: Math.round(1000 * twoWorkers.wallSecondsPerTest), floorWallMs: Math.round(1000 * floor.wallSecondsPerTest), ratio: round(twoWorkers.wallSecondsPerTest / floor.wallSecondsPerTest, 2) });
  }
  loadFloor = {
    articles: largest,
    workers: 2,
    rounds,
    medianRatio: median(rounds.map((each) => each.ratio)),
  };
  console.log('load floor', loadFloor);
}

/**
 * The verdict cache, as a daily CI run meets it: the sources rendered into a folder the runs keep
 * (ARCHIVE_OUT; the render is incremental), then the archive project with the fidelity reporter
 * (which writes the cache), the config's workers, no screenshots. A full run renders everything and
 * fills a new cache; then 10 articles are added and 1 changed, and the daily run renders those again
 * and re-checks exactly those 11. Each run's time is its render plus its test run.
 */
async function cacheRuns(count: number): Promise<NonNullable<BenchResults['cache']>> {
  const src = join(work, `cache-archive-${count}`);
  const out = join(work, `cache-site-${count}`);
  mkdirSync(src);
  const articles = [...synthArchive(ingredients, count + 10, 1)];
  for (const article of articles.slice(0, count)) writeFileSync(join(src, `${article.name}.md`), article.text);
  const env = { ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_VISUAL: 'off', ARCHIVE_CACHE: join(work, `cache-${count}`) };
  const args = ['--project=archive'];
  const reporters = 'json,./harness/report/fidelity-reporter.ts';
  const renderInto = () => measure(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out]);
  const fullRender = await renderInto();
  const full = await suite(`cache-full-${count}`, args, env, reporters);
  for (const article of articles.slice(count)) writeFileSync(join(src, `${article.name}.md`), article.text);
  const changed = articles[Math.floor(count / 2)];
  if (changed === undefined) throw new Error('no article to change');
  writeFileSync(join(src, `${changed.name}.md`), `${changed.text}\n<p>一段后来加上的文字。</p>\n`);
  const dailyRender = await renderInto();
  const cached = await suite(`cache-cached-${count}`, args, env, reporters);
  const articleRuns = (report: JSONReport) => testResults(report).filter(({ title }) => title.startsWith('fidelity: ') && title !== 'fidelity: index page');
  const checked = articleRuns(cached.report).filter(({ result }) => result.status !== 'skipped').length;
  const unchanged = articleRuns(cached.report).filter(({ result }) => result.status === 'skipped').length;
  if (checked !== 11 || full.report.stats.unexpected + cached.report.stats.unexpected > 0) throw new Error(`the cached run checked ${checked} articles (expected 11), ${cached.report.stats.unexpected} failed`);
  const [fullSeconds, cachedSeconds] = [round(fullRender.seconds + full.seconds, 1), round(dailyRender.seconds + cached.seconds, 1)];
  const index = testResults(cached.report).find(({ title }) => title === 'fidelity: index page')?.result;
  return {
    articles: count,
    added: 10,
    changed: 1,
    fullSeconds,
    fullRenderSeconds: round(fullRender.seconds, 1),
    fullWallMsPerArticle: Math.round((1000 * full.seconds) / count),
    fullPeakMiB: full.row.peakMiB,
    cachedSeconds,
    cachedRenderSeconds: round(dailyRender.seconds, 1),
    cachedListingSeconds: round((index?.duration ?? 0) / 1000, 1),
    ratio: round(cachedSeconds / fullSeconds, 3),
    checked,
    unchanged,
    fullMedianTestMs: full.row.medianTestMs,
  };
}
const cache = only.has('cache') ? await cacheRuns(SIZES.cache) : undefined;
if (cache !== undefined) console.log('cache', cache);

// Visual: the same rendered pages for the three kinds; goldens and baselines made first, not timed.
const kinds = {
  floor: ['--config=bench/playwright.bench.config.ts', 'capture-floor'],
  suite: ['harness/suite/articles.spec.ts'],
  toHaveScreenshot: ['--config=bench/playwright.bench.config.ts', 'to-have-screenshot'],
};
const visual: BenchResults['visual'] = [];
for (const count of only.has('visual') ? SIZES.visual : []) {
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
/** A part measured now replaces its last result; a part not measured keeps it, with its date. */
const measured = (part: (typeof PARTS)[number]): boolean => only.has(part);
const results: BenchResults = {
  machine: '2 cores, shared VM; medians of one run',
  date: today,
  dates: {
    render: measured('render') ? today : (previous.dates?.render ?? previous.date ?? today),
    listing: measured('listing') ? today : (previous.dates?.listing ?? today),
    fidelity: measured('fidelity') ? today : (previous.dates?.fidelity ?? previous.date ?? today),
    visual: measured('visual') ? today : (previous.dates?.visual ?? previous.date ?? today),
    cache: measured('cache') ? today : (previous.dates?.cache ?? today),
  },
  render: measured('render') ? render : (previous.render ?? []),
  incremental: measured('render') ? incremental : previous.incremental,
  listing: measured('listing') ? listing : (previous.listing ?? []),
  fidelity: measured('fidelity') ? fidelity : (previous.fidelity ?? []),
  visual: measured('visual') ? visual : (previous.visual ?? []),
  cache: measured('cache') ? cache : previous.cache,
  loadFloor: measured('fidelity') ? loadFloor : previous.loadFloor,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
spliceIntoReadme('docs/scale-and-ci.md', benchTable(results));
console.log(`\n${benchTable(results)}\n\nwritten to bench/results.json and docs/scale-and-ci.md`);
