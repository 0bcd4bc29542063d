import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import { PLAYWRIGHT_CLI } from '../support/child-run.ts';

const run = promisify(execFile);
const FIXTURES = ['011_sina-2022-03-mu5735-captions-video-fragment.md', '020_other-zhihu-daily-2021-04-iso-date-blockquote.md'];

interface JsonReport {
  stats: { expected: number; unexpected: number };
  suites: unknown[];
}

/** Runs the fidelity suite in a child Playwright process against a folder, the way a user would. */
async function fidelitySuite(src: string, out: string): Promise<JsonReport> {
  const child = await run(process.execPath, [PLAYWRIGHT_CLI, 'test', 'harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', '--reporter=json', `--output=${join(out, '..', 'results')}`], {
    env: { ...process.env, ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_VISUAL: 'off' }, // fidelity only: the repo's goldens are of other pages
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout: string }) => error);
  return JSON.parse(child.stdout) as JsonReport;
}

test('ARCHIVE_OUT checks a folder rendered elsewhere, in the <slug>/index.html layout', async () => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'archive-out-'));
  const src = join(work, 'src');
  const out = join(work, 'site');
  mkdirSync(src);
  for (const name of FIXTURES) copyFileSync(join('fixtures', name), join(src, name));
  await run(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out]);
  // Re-shape the output like another static-site generator: pretty URLs, assets one level up.
  for (const name of FIXTURES) {
    const slug = name.replace(/\.md$/, '');
    mkdirSync(join(out, slug));
    renameSync(join(out, `${slug}.html`), join(out, slug, 'index.html'));
    const page = join(out, slug, 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll('href="assets/', 'href="../assets/').replace('href="index.html"', 'href="../"'));
  }
  const index = join(out, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/href="([^"]+)\.html"/g, 'href="$1/"'));

  const good = await fidelitySuite(src, out);
  expect(good.stats).toMatchObject({ expected: FIXTURES.length + 1, unexpected: 0 });

  const broken = join(out, FIXTURES[0]?.replace(/\.md$/, '') ?? '', 'index.html');
  writeFileSync(broken, readFileSync(broken, 'utf8').replace('<p>受党中央', '<p hidden>受党中央'));
  const bad = await fidelitySuite(src, out);
  expect(bad.stats).toMatchObject({ expected: FIXTURES.length, unexpected: 1 });
  expect(JSON.stringify(bad.suites)).toContain('missing block #3 of 25');
});
