/**
 * Render throughput benchmark. Builds a synthetic archive from the bundled fixtures (each copied
 * under new names, with the title and first paragraph varied), renders it in this one process
 * (one core) several times, and prints medians:
 *   - fresh render into memory-backed tmpfs (/dev/shm when present): CPU cost plus system calls,
 *   - fresh render into the system temp folder on disk,
 *   - re-render onto the disk output when nothing changed (an incremental render: nothing is rendered).
 * Usage: npm run bench:render -- [--count N] [--runs R]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderFolder } from '../renderer/render-folder.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const count = Number(values.count);
const runs = Number(values.runs);

const work = mkdtempSync(join(tmpdir(), 'bench-render-'));
const src = join(work, 'src');
const averageKiB = buildArchive(src, count);

const memoryDir = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/bench-render-') : undefined;
const results = {
  articles: count,
  averageSourceKiB: averageKiB,
  freshTmpfs: memoryDir === undefined ? undefined : measure((run) => join(memoryDir, `out-${run}`), true),
  freshDisk: measure((run) => join(work, `out-${run}`), true),
  unchangedDisk: measure(() => join(work, 'out-kept'), false),
};
rmSync(work, { recursive: true });
if (memoryDir !== undefined) rmSync(memoryDir, { recursive: true });
console.log(JSON.stringify(results, null, 2));

function buildArchive(dir: string, articles: number): number {
  mkdirSync(dir);
  const fixtures = readdirSync('fixtures')
    .filter((name) => name.endsWith('.md'))
    .sort();
  const sources = fixtures.map((name) => readFileSync(join('fixtures', name), 'utf8'));
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const text = (sources[i % sources.length] ?? '').replace(/^title: '/m, `title: '#${i} `).replace('<p', `<p data-n="${i}"`);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.md`), text);
  }
  return Math.round(bytes / articles / 102.4) / 10;
}

/** Renders `runs` times into `outFor(run)`; `fresh` deletes the output after each run. */
function measure(outFor: (run: number) => string, fresh: boolean): { runsSeconds: number[]; medianSeconds: number; articlesPerSecond: number } {
  const seconds: number[] = [];
  if (!fresh) renderFolder(src, outFor(-1), 'Asia/Shanghai'); // the output that later runs find unchanged
  for (let run = 0; run < runs; run++) {
    const out = outFor(run);
    const start = process.hrtime.bigint();
    const report = renderFolder(src, out, 'Asia/Shanghai');
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    // A fresh render renders every article; one onto the kept output finds every article unchanged.
    if (report.problems.length > 0 || (fresh ? report.rendered : report.unchanged).length !== count) throw new Error('the benchmark archive did not render cleanly');
    if (fresh) rmSync(out, { recursive: true });
  }
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)] ?? 0;
  return { runsSeconds: seconds.map((s) => Math.round(s * 1000) / 1000), medianSeconds: Math.round(median * 1000) / 1000, articlesPerSecond: Math.round(count / median) };
}
