/**
 * Turns bench/results.json into the markdown tables of the README, between the markers
 * `<!-- bench:start -->` and `<!-- bench:end -->`, so the README always shows the last measured run.
 * `npm run bench` calls it; `npx tsx scripts/bench-support/results-table.ts` redoes it from the JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../harness/run/write-atomic.ts';
import type { PhaseBreakdown } from '../playwright-json.ts';

export interface RunRow {
  run: string;
  tests: number;
  failed: number;
  medianTestMs: number;
  wallSecondsPerTest: number;
  peakMiB: number;
}
export interface BenchResults {
  machine: string;
  date: string;
  /** When each part was last measured (`npm run bench -- --only …` measures some). */
  dates?: { render: string; listing?: string; fidelity: string; visual: string; cache: string };
  render: { articles: number; seconds: number; articlesPerSecond: number; peakMiB: number }[];
  /** At the largest render size: a second render after some sources changed, and how big the listings are. */
  incremental?: { articles: number; changed: number; seconds: number; fullSeconds: number; share: number; rendered: number; unchanged: number; listingPages: number; largestListingKiB: number };
  /** The listing check (`fidelity: index page`) alone: its time, the part spent opening index pages in the browser, and per index page. */
  listing?: { articles: number; indexPages: number; seconds: number; browserSeconds: number; msPerIndexPage: number; peakMiB: number }[];
  fidelity: (RunRow & { articles: number; workers: number; breakdown?: PhaseBreakdown })[];
  visual: { articles: number; floor: RunRow; suite: RunRow; toHaveScreenshot: RunRow; suiteOverFloor: number; toHaveScreenshotOverSuite: number }[];
  /** Each run's seconds include its render into the kept folder (the parts, where measured). */
  cache?: {
    articles: number;
    added: number;
    changed: number;
    fullSeconds: number;
    fullRenderSeconds?: number;
    fullWallMsPerArticle?: number;
    fullPeakMiB?: number;
    cachedSeconds: number;
    cachedRenderSeconds?: number;
    cachedListingSeconds?: number;
    ratio: number;
    checked: number;
    unchanged: number;
    fullMedianTestMs: number;
  };
  /** The fidelity suite's wall time per article against the bare load of the same pages, interleaved rounds. */
  loadFloor?: { articles: number; workers: number; rounds: { suiteWallMs: number; floorWallMs: number; ratio: number }[]; medianRatio: number };
}

const n = (value: number): string => value.toLocaleString('en-US');
const ms = (seconds: number): string => `${n(Math.round(seconds * 1000))} ms`;
const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : '–');

/** Marginal cost per article between two sizes: start-up and one-off work cancel out. */
function marginalMs(a: { articles: number; seconds: number }, b: { articles: number; seconds: number }): string {
  return `${((1000 * (b.seconds - a.seconds)) / (b.articles - a.articles)).toFixed(2)} ms`;
}

export function benchTable(results: BenchResults): string {
  const lines = [`Measured on ${results.machine}.`, ''];
  const when = (part: keyof NonNullable<BenchResults['dates']>): string => `measured ${results.dates?.[part] ?? results.date}`;

  lines.push(`**Render** (the CLI in its own process, start-up included; ${when('render')}):`, '', '| articles | seconds | articles/s | peak memory |', '|---:|---:|---:|---:|');
  for (const row of results.render) lines.push(`| ${n(row.articles)} | ${row.seconds.toFixed(2)} | ${n(row.articlesPerSecond)} | ${n(row.peakMiB)} MiB |`);
  const growth = results.render.slice(1).map((row, i) => `${n(results.render[i]?.articles ?? 0)}→${n(row.articles)}: ${marginalMs(results.render[i] ?? row, row)}`);
  lines.push('', `Marginal cost per article ${growth.join(', ')}.`, '');
  const again = results.incremental;
  if (again !== undefined) {
    lines.push(
      `**Render again** after ${again.changed} of ${n(again.articles)} sources changed: ${again.seconds.toFixed(2)} s (rendered ${n(again.rendered)}, unchanged ${n(again.unchanged)}) against ${again.fullSeconds.toFixed(2)} s for the full render: **${(100 * again.share).toFixed(1)} %**. Listings: ${n(again.listingPages)} pages, the largest ${again.largestListingKiB} KiB.`,
      '',
    );
  }

  if (results.listing !== undefined && results.listing.length > 0) {
    lines.push(
      `**Listing check** (\`fidelity: index page\` alone, no screenshots, 1 worker: every index page in the browser, every feed's listing over HTTP; ${when('listing')}):`,
      '',
      '| articles | index pages | the test | opening the index pages | per index page | peak memory |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of results.listing) lines.push(`| ${n(row.articles)} | ${n(row.indexPages)} | ${row.seconds.toFixed(1)} s | ${row.browserSeconds.toFixed(1)} s | ${n(row.msPerIndexPage)} ms | ${n(row.peakMiB)} MiB |`);
    lines.push('');
  }

  lines.push(`**Fidelity checks only** (\`ARCHIVE_VISUAL=off\`, every article; ${when('fidelity')}):`, '', '| articles | workers | median per article | wall per article | peak memory, all processes |', '|---:|---:|---:|---:|---:|');
  for (const row of results.fidelity) lines.push(`| ${n(row.articles)} | ${row.workers} | ${n(row.medianTestMs)} ms | ${ms(row.wallSecondsPerTest)} | ${n(row.peakMiB)} MiB |`);
  const broken = results.fidelity.filter((row) => row.breakdown !== undefined);
  if (broken.length > 0) {
    lines.push('', "Where an article's time goes (median of each phase, ms):", '', '| articles | workers | read the source | load | settle (a page not settled at load) | collect in the page | checks |', '|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of broken) {
      const b = row.breakdown as PhaseBreakdown;
      lines.push(`| ${n(row.articles)} | ${row.workers} | ${b.readSource} | ${b.load} | ${b.settle} | ${b.collect} | ${b.checks} |`);
    }
  }
  const single = results.fidelity.filter((row) => row.workers === 1);
  const [small, large] = [single[0], single.at(-1)];
  if (small && large && small !== large) {
    lines.push(
      '',
      `From ${n(small.articles)} to ${n(large.articles)} articles the wall time per article went ${ms(small.wallSecondsPerTest)} → ${ms(large.wallSecondsPerTest)} (×${ratio(large.wallSecondsPerTest, small.wallSecondsPerTest)}), the median ${small.medianTestMs} → ${large.medianTestMs} ms.`,
    );
  }
  const floor = results.loadFloor;
  if (floor !== undefined) {
    const rounds = floor.rounds.map((each) => `${n(each.suiteWallMs)} ms against ${n(each.floorWallMs)} ms (×${each.ratio.toFixed(2)})`).join(', ');
    lines.push(
      '',
      `**Against the load floor** (${n(floor.articles)} articles, ${floor.workers} workers; the floor loads each page as the checks do, the browser without web fonts and remote images answered offline, and does nothing else; rounds interleaved): wall per article ${rounds}; median ×${floor.medianRatio.toFixed(2)} the floor.`,
    );
  }
  lines.push('');

  if (results.cache !== undefined) {
    const c = results.cache;
    lines.push(
      `**Full verdict and verdict cache** (\`ARCHIVE_CACHE\`, the archive project with the config's workers, \`ARCHIVE_VISUAL=off\`; ${when('cache')}):`,
      '',
      '| articles | full run | per article | peak memory, all processes | run from the cache after adding ' + c.added + ' and changing ' + c.changed + ' | ratio | checked | unchanged (skipped) |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${n(c.articles)} | ${c.fullSeconds.toFixed(1)} s | ${c.fullWallMsPerArticle === undefined ? '—' : `${n(c.fullWallMsPerArticle)} ms`} | ${c.fullPeakMiB === undefined ? '—' : `${n(c.fullPeakMiB)} MiB`} | ${c.cachedSeconds.toFixed(1)} s | ${(100 * c.ratio).toFixed(1)} % | ${c.checked} | ${n(c.unchanged)} |`,
      '',
    );
    if (c.fullRenderSeconds !== undefined && c.cachedRenderSeconds !== undefined) {
      lines.push(
        `Both runs render into a folder they keep (\`ARCHIVE_OUT\`) and then test it; their times include the render: ${c.fullRenderSeconds.toFixed(1)} s for the full one, ${c.cachedRenderSeconds.toFixed(1)} s for the daily one (incremental).${c.cachedListingSeconds === undefined ? '' : ` The daily run's listing check took ${c.cachedListingSeconds.toFixed(1)} s: new posts shift every index page, so it is never cached then.`}`,
        '',
      );
    }
  }

  lines.push(
    `**Visual** (1 worker, two full-page screenshots per article, goldens made beforehand; median per article over two interleaved rounds; ${when('visual')}):`,
    '',
    '| articles | (a) capture floor | (b) full suite | (c) `toHaveScreenshot` | (b)/(a) | (c)/(b) | peak memory (b) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of results.visual) {
    lines.push(
      `| ${n(row.articles)} | ${n(row.floor.medianTestMs)} ms | ${n(row.suite.medianTestMs)} ms | ${n(row.toHaveScreenshot.medianTestMs)} ms | ${row.suiteOverFloor.toFixed(2)} | ${row.toHaveScreenshotOverSuite.toFixed(2)} | ${n(row.suite.peakMiB)} MiB |`,
    );
  }
  const [first, last] = [results.visual[0], results.visual.at(-1)];
  if (first && last && first !== last) {
    lines.push(
      '',
      `From ${n(first.articles)} to ${n(last.articles)} articles the full suite's wall time per article went ${ms(first.suite.wallSecondsPerTest)} → ${ms(last.suite.wallSecondsPerTest)} (×${ratio(last.suite.wallSecondsPerTest, first.suite.wallSecondsPerTest)}).`,
    );
  }
  return lines.join('\n');
}

/**
 * Replaces what is between the `<!-- name:start -->` and `<!-- name:end -->` markers; the file is
 * written whole (temp + rename) or not at all.
 */
export function spliceIntoReadme(readmePath: string, table: string, name = 'bench'): void {
  const [START, END] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const readme = readFileSync(readmePath, 'utf8');
  const [start, end] = [readme.indexOf(START), readme.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`${readmePath}: no ${START} … ${END} markers to put the table between`);
  const updated = `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
  writeFileAtomic(readmePath, updated);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  spliceIntoReadme('docs/scale-and-ci.md', benchTable(JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults));
  console.log('docs/scale-and-ci.md benchmark table updated from bench/results.json');
}
