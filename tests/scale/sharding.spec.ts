import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import type { Summary } from '../../harness/report/summary.ts';
import { harvestIngredients } from '../kits/synth/ingredients.ts';
import { synthArchive } from '../kits/synth/synthetic-archive.ts';
import { readJsonReport, testResults } from '../../scripts/playwright-json.ts';
import { PLAYWRIGHT_CLI } from '../support/child-run.ts';

const run = promisify(execFile);
const ARTICLES = 12;
const SHARDS = 3;
const SPECS = ['harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', 'harness/suite/folder.spec.ts', 'harness/suite/goldens.spec.ts'];

/** Every test title of a JSON report, once per time it ran. */
const titles = (path: string): string[] => testResults(readJsonReport(path)).map(({ title }) => title);

test('sharding: 3 shards run every article exactly once, and their blob reports merge into one HTML report and one summary', async () => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'shards-'));
  const src = join(work, 'src');
  mkdirSync(src);
  for (const article of synthArchive(harvestIngredients(), ARTICLES, 7)) writeFileSync(join(src, `${article.name}.md`), article.text);
  const env = { ...process.env, CI: '', ARCHIVE_SRC: src, ARCHIVE_VISUAL: 'off' };

  const perShard: string[][] = [];
  const blobs = join(work, 'all-blob-reports');
  mkdirSync(blobs);
  for (let shard = 1; shard <= SHARDS; shard++) {
    const json = join(work, `shard-${shard}.json`);
    const blobDir = join(work, `blob-${shard}`);
    await run(process.execPath, [PLAYWRIGHT_CLI, 'test', ...SPECS, `--shard=${shard}/${SHARDS}`, '--reporter=blob,json', `--output=${join(work, `results-${shard}`)}`], {
      env: { ...env, PLAYWRIGHT_BLOB_OUTPUT_DIR: blobDir, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
      maxBuffer: 64 * 1024 * 1024,
    });
    perShard.push(titles(json));
    for (const zip of readdirSync(blobDir)) copyFileSync(join(blobDir, zip), join(blobs, zip));
  }

  const all = perShard.flat();
  const expected = [...Array.from({ length: ARTICLES }, (_, i) => `fidelity: ${String(i).padStart(6, '0')}_synth`), 'fidelity: index page', 'folder: every page has a source article', 'goldens: none without an article'];
  expect(new Set(all), 'the union of the shards is the whole suite').toEqual(new Set(expected));
  expect(all, 'no test ran in two shards').toHaveLength(expected.length);
  for (const shard of perShard) expect(shard.length, 'shards are balanced').toBeGreaterThanOrEqual(Math.floor(expected.length / SHARDS));

  const merged = join(work, 'merged.json');
  const reports = join(work, 'reports');
  await run(process.execPath, [PLAYWRIGHT_CLI, 'merge-reports', '--reporter=html,json,./harness/report/fidelity-reporter.ts', blobs], {
    env: { ...env, PLAYWRIGHT_HTML_OUTPUT_DIR: join(work, 'html'), PLAYWRIGHT_HTML_OPEN: 'never', PLAYWRIGHT_JSON_OUTPUT_NAME: merged, ARCHIVE_REPORT_DIR: reports },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(titles(merged).sort()).toEqual([...expected].sort());
  expect(existsSync(join(work, 'html', 'index.html'))).toBe(true);
  const summary = JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8')) as Summary;
  expect(summary.counts).toMatchObject({ articles: ARTICLES + 1, failed: 0 });
  expect(summary.articles.map((article) => article.slug).sort()).toEqual(['index', ...Array.from({ length: ARTICLES }, (_, i) => `${String(i).padStart(6, '0')}_synth`)].sort());
  expect(readFileSync(join(reports, 'index.html'), 'utf8')).toContain(`pages: <b>${ARTICLES + 1}</b>`);
  rmSync(work, { recursive: true, force: true });
});
