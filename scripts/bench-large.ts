/**
 * Renderer time on large and pathological sources, to show it grows linearly with input size:
 * each shape at doubling sizes, rendered in this process (median of 3), reported as ms and µs per KiB.
 * Usage: npm run bench:large
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeArticle, nestedArticle, singleLineArticle } from '../tests/kits/hostile/odd-articles.ts';
import { renderFolder } from '../renderer/render-folder.ts';

const front = "\n---\ntitle: '病态输入'\ndate: 2021-04-25 04:12:10\n---\n\n";
const SHAPES: Record<string, (n: number) => string> = {
  'paragraphs (MB)': (n) => largeArticle(n * 1_000_000),
  'one line (MB)': (n) => singleLineArticle(n * 1_000_000),
  'nested divs (×10k)': (n) => nestedArticle(n * 10_000),
  'empty <p> siblings (×10k)': (n) => `${front}<div>${'<p>　</p>'.repeat(n * 10_000)}<p>正文。</p></div>`,
  'comments among paragraphs (×10k)': (n) => `${front}<div>${'<!-- 注释 --><p>一句话。</p>'.repeat(n * 10_000)}</div>`,
  'bold fonts in one paragraph (×10k)': (n) => `${front}<p>${'<font cms-style="font-L strong-Bold">粗</font>'.repeat(n * 10_000)}</p>`,
};

const work = mkdtempSync(join(tmpdir(), 'bench-large-'));
const rows: { shape: string; size: number; kib: number; ms: number; usPerKib: number }[] = [];
for (const [shape, make] of Object.entries(SHAPES)) {
  for (const size of [1, 2, 4]) {
    const src = join(work, 'src');
    rmSync(src, { recursive: true, force: true });
    const text = make(size);
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'case.md'), text);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      const report = renderFolder(src, join(work, `out-${run}`), 'Asia/Shanghai');
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (report.problems.length > 0) throw new Error(`${shape} ${size}: ${report.problems[0]?.message ?? ''}`);
      rmSync(join(work, `out-${run}`), { recursive: true });
    }
    const ms = [...times].sort((a, b) => a - b)[1] ?? 0;
    const kib = Buffer.byteLength(text) / 1024;
    rows.push({ shape, size, kib: Math.round(kib), ms: Math.round(ms), usPerKib: Math.round((ms * 1000) / kib) });
  }
}
rmSync(work, { recursive: true, force: true });
console.log('| shape | size | KiB | ms | µs per KiB |\n|---|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.shape} | ${row.size} | ${row.kib} | ${row.ms} | ${row.usPerKib} |`);
const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(`\nslowest: ${slowest.shape} × ${slowest.size}: ${slowest.ms} ms for ${slowest.kib} KiB`);
