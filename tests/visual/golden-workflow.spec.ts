import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import type { Summary } from '../../harness/report/summary.ts';
import { GoldenStore } from '../../harness/visual/golden-store.ts';
import { readJsonReport, testResults } from '../../scripts/playwright-json.ts';
import { PLAYWRIGHT_CLI } from '../support/child-run.ts';

const run = promisify(execFile);
const A = '018_other-weex-wallstreetcn-2020-09-plain-text-picsum';
const B = '019_other-dtcj-datahero-2018-12-plain-text-picsum';

const work = mkdtempSync(join(tmpdir(), 'golden-workflow-'));
const src = join(work, 'src');
const site = join(work, 'site');
const changedSite = join(work, 'site-changed');
const goldens = join(work, 'golden');
const reports = join(work, 'reports');

interface Run {
  exitCode: number;
  output: string;
  /** test title → its result */
  results: Map<string, { status: string; errors: string; attachments: string[] }>;
}

/** Runs the fidelity suite in a child process as a user would, with its own goldens and reports. */
async function suite(folder: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const json = join(reports, 'results.json');
  rmSync(json, { force: true });
  const child = await run(
    process.execPath,
    [PLAYWRIGHT_CLI, 'test', 'harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', 'harness/suite/goldens.spec.ts', '--reporter=json,html,./harness/report/fidelity-reporter.ts', `--output=${join(work, 'test-results')}`, ...args],
    {
      env: {
        ...process.env,
        CI: '',
        ARCHIVE_SRC: src,
        ARCHIVE_OUT: folder,
        ARCHIVE_GOLDEN: goldens,
        ARCHIVE_REPORT_DIR: reports,
        PLAYWRIGHT_HTML_OUTPUT_DIR: join(reports, 'html'),
        PLAYWRIGHT_HTML_OPEN: 'never',
        PLAYWRIGHT_JSON_OUTPUT_NAME: json,
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .then(({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }));
  const results = new Map(testResults(readJsonReport(json)).map(({ title, result }) => [title, { status: result.status ?? '', errors: result.errors.map((e) => e.message).join('\n'), attachments: result.attachments.map((a) => a.name) }]));
  return { exitCode: child.code, output: child.output, results };
}

/** Golden file name → inode: a rewrite (temp file + rename) gives a new inode. */
function goldenFiles(): Map<string, number> {
  if (!existsSync(goldens)) return new Map();
  return new Map(readdirSync(goldens).map((name) => [name, statSync(join(goldens, name)).ino]));
}

function rewritten(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([name, inode]) => before.get(name) !== inode)
    .map(([name]) => name)
    .sort();
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  mkdirSync(src);
  for (const slug of [A, B]) copyFileSync(join('fixtures', `${slug}.md`), join(src, `${slug}.md`));
  await run(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, site]);
  cpSync(site, changedSite, { recursive: true });
  // An intended style change on one page: the fidelity checks still pass, its pixels and HTML do not.
  writeFileSync(join(changedSite, 'assets', 'extra.css'), 'h1 { letter-spacing: 0.1em; }');
  const page = join(changedSite, `${A}.html`);
  writeFileSync(page, readFileSync(page, 'utf8').replace('</head>', '<link rel="stylesheet" href="assets/extra.css">\n</head>'));
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('no goldens and --update-snapshots=none: every golden fails as missing, nothing is written', async () => {
  const result = await suite(site, ['--update-snapshots=none']);
  expect(result.exitCode).toBe(1);
  expect(goldenFiles().size).toBe(0);
  expect(result.results.get(`fidelity: ${A}`)?.errors).toContain(`${goldens}/${A}@1280.png is missing; run \`npx playwright test --update-snapshots\` to create it`);
});

test('CI set: even --update-snapshots=all writes nothing, and says so', async () => {
  const result = await suite(site, ['--update-snapshots=all'], { CI: '1' });
  expect(result.exitCode).toBe(1);
  expect(goldenFiles().size).toBe(0);
  expect(result.results.get(`fidelity: ${B}`)?.errors).toContain('(goldens are never written when CI is set)');
});

test('no flag: missing goldens are written from the run, and the run fails so someone looks', async () => {
  const result = await suite(site);
  expect(result.exitCode).toBe(1);
  expect([...goldenFiles().keys()].sort()).toEqual([`${A}.html`, `${A}@1280.png`, `${A}@390.png`, `${B}.html`, `${B}@1280.png`, `${B}@390.png`, 'index.html', 'index@1280.png', 'index@390.png']);
  expect(result.results.get(`fidelity: ${A}`)?.errors).toContain('did not exist; it was written from this run');
  const summary = JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8')) as Summary;
  expect(summary.counts.visual).toMatchObject({ new: 9, passed: 0, changed: 0, deleted: 0 });
});

test('no flag, unchanged pages: everything passes and no golden is touched', async () => {
  const before = goldenFiles();
  const result = await suite(site);
  expect(result.exitCode, result.output).toBe(0);
  expect(rewritten(before, goldenFiles())).toEqual([]);
  expect(result.output).toContain('Fidelity: 3 pages, 0 failed · goldens 9 passed, 0 changed, 0 new, 0 deleted');
});

test('--update-snapshots=missing writes only the missing golden, a changed one still fails', async () => {
  rmSync(join(goldens, `${B}@390.png`));
  const before = goldenFiles();
  const result = await suite(changedSite, ['--update-snapshots=missing']);
  expect(result.exitCode).toBe(1);
  expect(rewritten(before, goldenFiles())).toEqual([`${B}@390.png`]);
  expect(result.results.get(`fidelity: ${A}`)?.errors).toMatch(new RegExp(`${A}@1280\\.png differs: \\d+ pixels`));
});

test('--update-snapshots (changed): rewrites exactly the goldens that differ, and the missing one', async () => {
  rmSync(join(goldens, `${B}@390.png`));
  const before = goldenFiles();
  const result = await suite(changedSite, ['--update-snapshots']);
  expect(result.exitCode, result.output).toBe(0);
  expect(rewritten(before, goldenFiles())).toEqual([`${A}.html`, `${A}@1280.png`, `${A}@390.png`, `${B}@390.png`]);
});

test('--update-snapshots=all rewrites every golden', async () => {
  const before = goldenFiles();
  const result = await suite(changedSite, ['--update-snapshots=all']);
  expect(result.exitCode).toBe(0);
  expect(rewritten(before, goldenFiles())).toEqual([...before.keys()].sort());
});

test('a changed page fails with the diff images attached; the summary page shows it; approve accepts it without a re-run', async ({ browser }) => {
  const failed = await suite(site); // the goldens now hold the style change: the original page differs
  expect(failed.exitCode).toBe(1);
  const attachments = failed.results.get(`fidelity: ${A}`)?.attachments ?? [];
  for (const name of [`${A}@1280-expected.png`, `${A}@1280-actual.png`, `${A}@1280-diff.png`, `${A}@390-diff.png`, `${A}-html-diff.html`]) expect(attachments).toContain(name);
  expect(failed.results.get(`fidelity: ${B}`)?.status).toBe('passed');

  const page = await browser.newPage();
  await page.goto(`file://${join(reports, 'index.html')}`);
  await expect(page.locator('#counts')).toContainText('changed: 3');
  const row = page.locator(`tr[data-slug="${A}"]`);
  await expect(row).toContainText('failed');
  await expect(row.locator('td.fail')).toHaveCount(4); // result, 1280, 390, page HTML
  await expect(row.locator('img.diff')).toHaveCount(2); // a small picture of each changed screenshot's diff
  await row.locator('img.diff').first().scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      row
        .locator('img.diff')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    )
    .toBeGreaterThan(0);
  await expect(page.locator(`tr[data-slug="${B}"] td.fail`)).toHaveCount(0);
  const link = await row.getByRole('link', { name: 'open' }).getAttribute('href');
  expect(existsSync(resolve(reports, (link ?? '').split('#')[0] ?? ''))).toBe(true);
  await page.close();

  const approved = await run('npm', ['run', 'approve', '--', A], { env: { ...process.env, ARCHIVE_REPORT_DIR: reports } });
  expect(approved.stdout).toContain(`approved ${goldens}/${A}@1280.png (changed in the last run)`);
  const after = await suite(site);
  expect(after.exitCode, after.output).toBe(0);
});

test('a golden whose article is gone is reported as deleted', async () => {
  copyFileSync(join(goldens, `${B}@1280.png`), join(goldens, 'gone-article@1280.png'));
  const result = await suite(site);
  expect(result.exitCode).toBe(1);
  expect(result.results.get('goldens: none without an article')?.errors).toContain('gone-article@1280.png');
  expect((JSON.parse(readFileSync(join(reports, 'summary.json'), 'utf8')) as Summary).counts.visual.deleted).toBe(1);
});

test('a page whose fidelity checks fail is not offered for approval: approve refuses it with why; --force approves it and says so in the golden', async () => {
  // The changed style and a dropped paragraph: the pictures differ, and the text check fails.
  const broken = join(work, 'site-broken');
  cpSync(changedSite, broken, { recursive: true });
  const page = join(broken, `${A}.html`);
  const html = readFileSync(page, 'utf8');
  writeFileSync(page, html.replace(/<p>[^<]{20,}<\/p>/, ''));
  const failed = await suite(broken);
  expect(failed.exitCode).toBe(1);
  const errors = failed.results.get(`fidelity: ${A}`)?.errors ?? '';
  expect(errors).toMatch(/missing block/);
  expect(errors).toMatch(new RegExp(`${A}@1280\\.png differs: .*The page's fidelity checks found 1 problem\\(s\\) in this run: fix those first`));
  expect(errors).not.toContain('npm run approve');

  const before = goldenFiles();
  const refused = await run('npm', ['run', 'approve', '--', A], { env: { ...process.env, ARCHIVE_REPORT_DIR: reports } }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  expect((refused as { code?: number }).code).toBe(1);
  expect(refused.stderr).toContain(`refused ${A}: its fidelity checks failed in the last run (text 1); fix the page and run again, or approve with --force`);
  expect(rewritten(before, goldenFiles())).toEqual([]);

  const forced = await run('npm', ['run', 'approve', '--', '--force', A], { env: { ...process.env, ARCHIVE_REPORT_DIR: reports } });
  expect(forced.stdout).toContain(`approved ${goldens}/${A}@1280.png (changed in the last run), approved with --force although the page's fidelity checks failed in that run (text 1)`);
  expect(new GoldenStore(goldens, 'none', false).readPng(`${A}@1280.png`)?.approvedDespite).toBe("approved with --force although the page's fidelity checks failed in that run (text 1)");
});
