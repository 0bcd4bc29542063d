import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type ChildRun, cleanEnv, PLAYWRIGHT_CLI, runChild, runPlaywright } from '../support/child-run.ts';
import { verdicts, type TestVerdict } from '../support/findings.ts';
import { expect, test } from '../support/selftest.ts';

const ARTICLES = ['000_9fc98f06a0b555e0', '001_sina-2021-06-zero-short-no-image', '017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '020_other-zhihu-daily-2021-04-iso-date-blockquote'];
const work = mkdtempSync(join(tmpdir(), 'verdict-cache-'));
const src = join(work, 'src');
const site = join(work, 'site');
const cache = join(work, 'cache');
let runs = 0;

/** One archive run with the cache, as a user's CI would make it; what each test did. */
async function archiveRun(extra: Record<string, string> = {}, cwd = '.', moreArgs: string[] = []): Promise<{ run: ChildRun; tests: Map<string, TestVerdict> }> {
  const json = join(work, `run-${runs++}.json`);
  const args = ['--project=archive', '--reporter=json,./harness/report/fidelity-reporter.ts', `--output=${join(work, 'results')}`, ...moreArgs];
  const env = { CI: '', ARCHIVE_SRC: src, ARCHIVE_OUT: site, ARCHIVE_VISUAL: 'off', ARCHIVE_CACHE: cache, ARCHIVE_REPORT_DIR: join(work, 'reports'), PLAYWRIGHT_JSON_OUTPUT_NAME: json, ...extra };
  const run = cwd === '.' ? await runPlaywright(args, env) : await runChild(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], cleanEnv(env), undefined, cwd);
  return { run, tests: verdicts(json) };
}

/** The articles a run checked (not skipped as unchanged). */
function checked(tests: Map<string, TestVerdict>): string[] {
  return [...tests]
    .filter(([title, verdict]) => title.startsWith('fidelity: ') && title !== 'fidelity: index page' && verdict.status !== 'skipped')
    .map(([title]) => title.slice('fidelity: '.length))
    .sort();
}

async function renderSite(): Promise<void> {
  const result = await runChild(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, site], cleanEnv());
  expect(result.code, result.stderr).toBe(0);
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  mkdirSync(src);
  for (const slug of ARTICLES) copyFileSync(join('fixtures', `${slug}.md`), join(src, `${slug}.md`));
  await renderSite();
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('no cache yet: one warning line, every article checked, the cache written', async () => {
  const { run, tests } = await archiveRun();
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`WARNING: ARCHIVE_CACHE=${cache}: no verdict cache there yet; every article is checked`);
  expect(checked(tests)).toEqual(ARTICLES);
  const written = JSON.parse(readFileSync(join(cache, 'verdicts.json'), 'utf8')) as { entries: Record<string, { key: string }> };
  expect(Object.keys(written.entries).sort()).toEqual([...ARTICLES, 'index'].sort());
});

test('nothing changed: every article and the index are skipped as unchanged, the folder check still runs', async () => {
  const { run, tests } = await archiveRun();
  expect(run.code, run.stderr).toBe(0);
  expect(checked(tests)).toEqual([]);
  const skipped = tests.get(`fidelity: ${ARTICLES[0] ?? ''}`);
  expect(skipped?.annotations.find((annotation) => annotation.type === 'fidelity-unchanged')?.description).toMatch(/^unchanged since the run of \d{4}-\d\d-\d\dT[\d:]+Z \(key [0-9a-f]{12}\)$/);
  expect(tests.get('fidelity: index page')?.status).toBe('skipped');
  expect(tests.get('fidelity: index page')?.annotations.find((annotation) => annotation.type === 'fidelity-unchanged')?.description).toMatch(/^unchanged since the run of /);
  expect(tests.get('folder: every page has a source article')?.status).toBe('passed');
  expect(run.stdout + run.stderr).toContain(`Fidelity: ${ARTICLES.length + 1} pages, 0 failed, ${ARTICLES.length + 1} unchanged since an earlier run (not checked again)`);
});

test('one changed source (and its page) re-verifies that article and the listings only', async () => {
  appendFileSync(join(src, `${ARTICLES[2] ?? ''}.md`), '\n新加的一段。\n');
  await renderSite();
  const { tests } = await archiveRun();
  expect(checked(tests)).toEqual([ARTICLES[2]]);
  expect(tests.get('fidelity: index page')?.status, 'a source decides the listings').toBe('passed');
});

test('a changed listing page re-verifies the index only', async () => {
  appendFileSync(join(site, 'index.html'), '\n<!-- changed -->\n');
  const { tests } = await archiveRun();
  expect(checked(tests)).toEqual([]);
  expect(tests.get('fidelity: index page')?.status).toBe('passed');
  expect((await archiveRun()).tests.get('fidelity: index page')?.status, 'and is cached again').toBe('skipped');
  await renderSite(); // the renderer writes the index as it was
});

test('a changed style sheet re-verifies every article that loads it', async () => {
  appendFileSync(join(site, 'assets', 'style.css'), '\n/* changed */\n');
  expect(checked((await archiveRun()).tests)).toEqual(ARTICLES);
  expect(checked((await archiveRun()).tests)).toEqual([]);
});

test('a changed setting re-verifies every article', async () => {
  expect(checked((await archiveRun({ ARCHIVE_PROFILE: 'archive-renderer' })).tests)).toEqual(ARTICLES);
  expect(checked((await archiveRun({ ARCHIVE_PROFILE: 'archive-renderer' })).tests)).toEqual([]);
});

test('a changed harness check or lockfile re-verifies every article', async () => {
  // A copy of the repository (its own files, the same installed packages), so its code can change.
  const repo = join(work, 'repo');
  const files = (await runChild('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], cleanEnv())).stdout.split('\0').filter((file) => file !== '' && !file.startsWith('golden/') && !file.startsWith('fixtures/'));
  for (const file of files) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    copyFileSync(file, join(repo, file));
  }
  symlinkSync(resolve('node_modules'), join(repo, 'node_modules'));
  cpSync('fixtures', join(repo, 'fixtures'), { recursive: true });
  const env = { ARCHIVE_PROFILE: 'archive-renderer' };
  expect(checked((await archiveRun(env, repo)).tests), 'the same code elsewhere: the same keys').toEqual([]);
  appendFileSync(join(repo, 'harness', 'checks', 'text.ts'), '\n// a changed check\n');
  expect(checked((await archiveRun(env, repo)).tests)).toEqual(ARTICLES);
  appendFileSync(join(repo, 'package-lock.json'), '\n');
  expect(checked((await archiveRun(env, repo)).tests)).toEqual(ARTICLES);
});

test('a corrupted cache file gives a full run, with one warning line', async () => {
  writeFileSync(join(cache, 'verdicts.json'), '{ "format": "archive-fidelity-verdicts/1", "entries": {');
  const { run, tests } = await archiveRun();
  expect(run.stderr.split('\n').filter((line) => line.startsWith('WARNING: ARCHIVE_CACHE'))).toEqual([expect.stringMatching(/^WARNING: ARCHIVE_CACHE: .*verdicts\.json is not readable JSON .*; the cache is ignored and every article is checked$/)]);
  expect(checked(tests)).toEqual(ARTICLES);
  expect(checked((await archiveRun()).tests), 'and rewritten whole').toEqual([]);
});

test('shards split the archive alike whatever each one has cached; each writes its own part; a later run reads all parts', async () => {
  const shardCache = join(work, 'shard-cache');
  const shardRun = async (shard: string) => {
    const { run, tests } = await archiveRun({ ARCHIVE_CACHE: shardCache }, '.', [`--shard=${shard}`]);
    expect(run.code, run.stderr).toBe(0);
    return [...tests.keys()].filter((title) => title.startsWith('fidelity: ') && title !== 'fidelity: index page').map((title) => title.slice('fidelity: '.length));
  };
  const first = [...(await shardRun('1/2')), ...(await shardRun('2/2'))];
  expect(first.sort(), 'every article in exactly one shard, though shard 2 saw the part shard 1 wrote').toEqual(ARTICLES);
  expect(readdirSync(shardCache).sort()).toEqual(['verdicts-1-of-2.json', 'verdicts-2-of-2.json']);
  const again = await archiveRun({ ARCHIVE_CACHE: shardCache }, '.', ['--shard=1/2']);
  expect(checked(again.tests), 'unchanged articles of a shard are skipped as they start').toEqual([]);
  expect([...again.tests.values()].filter((verdict) => verdict.annotations.some((annotation) => annotation.type === 'fidelity-unchanged'))).not.toHaveLength(0);
  expect(checked((await archiveRun({ ARCHIVE_CACHE: shardCache })).tests)).toEqual([]);
});

test('on a broken archive, a run from the cache reports exactly the failures of a full run', async () => {
  for (const slug of [ARTICLES[0], ARTICLES[4]]) {
    const page = join(site, `${slug ?? ''}.html`);
    writeFileSync(page, readFileSync(page, 'utf8').replace('<p>', '<p hidden>'));
  }
  const cached = await archiveRun();
  const full = await archiveRun({ ARCHIVE_CACHE: '' });
  const failures = (tests: Map<string, TestVerdict>) =>
    [...tests]
      .filter(([, verdict]) => verdict.status === 'failed')
      .map(([title, verdict]) => `${title}: ${verdict.findings.map((finding) => finding.message).join(' | ')}`)
      .sort();
  expect(failures(cached.tests)).toHaveLength(2);
  expect(failures(cached.tests)).toEqual(failures(full.tests));
  expect(checked((await archiveRun()).tests), 'a failed article is never cached').toEqual([ARTICLES[0], ARTICLES[4]].sort());
});
