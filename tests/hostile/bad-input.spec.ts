import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import { largeArticle, nestedArticle, singleLineArticle } from '../kits/hostile/odd-articles.ts';
import { PLAYWRIGHT_CLI } from '../support/child-run.ts';

const run = promisify(execFile);
const GOOD = ['000_9fc98f06a0b555e0.md', '020_other-zhihu-daily-2021-04-iso-date-blockquote.md'];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function render(src: string, out: string): Promise<Outcome> {
  return run(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], { maxBuffer: 64 * 1024 * 1024 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: Outcome) => error);
}

/** Runs fidelity specs in a child process on `src` (and `out`, if given); test title → status and error. */
async function fidelity(src: string, out?: string): Promise<Map<string, { status: string; error: string }>> {
  const json = join(mkdtempSync(join(tmpdir(), 'fidelity-json-')), 'report.json');
  await run(process.execPath, [PLAYWRIGHT_CLI, 'test', 'harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', 'harness/suite/folder.spec.ts', '--reporter=json'], {
    env: { ...process.env, ARCHIVE_SRC: src, ARCHIVE_VISUAL: 'off', PLAYWRIGHT_JSON_OUTPUT_NAME: json, ...(out === undefined ? {} : { ARCHIVE_OUT: out }) },
    maxBuffer: 64 * 1024 * 1024,
  }).catch(() => undefined); // failures are read from the report
  interface Suite {
    suites?: Suite[];
    specs?: { title: string; tests: { results: { status: string; errors: { message?: string }[] }[] }[] }[];
  }
  const results = new Map<string, { status: string; error: string }>();
  const walk = (suite: Suite): void => {
    suite.suites?.forEach(walk);
    for (const spec of suite.specs ?? []) {
      const result = spec.tests[0]?.results[0];
      results.set(spec.title, { status: result?.status ?? 'missing', error: (result?.errors ?? []).map((e) => e.message ?? '').join('\n') });
    }
  };
  (JSON.parse(readFileSync(json, 'utf8')) as { suites: Suite[] }).suites.forEach(walk);
  return results;
}

/** Name → content hash of every regular file (a pipe is never opened: reading it would block). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) {
      files[entry.name] = entry.isFIFO() ? 'pipe' : entry.isSymbolicLink() ? 'link' : 'other';
      continue;
    }
    try {
      files[entry.name] = createHash('sha256')
        .update(readFileSync(join(dir, entry.name)))
        .digest('hex');
    } catch (error) {
      files[entry.name] = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    }
  }
  return files;
}

test.describe('broken and odd articles', () => {
  test.describe.configure({ timeout: 180_000 });

  test('renderer: each invalid case is refused in one line with its expected line and message; the rest is rendered, nothing lost', async () => {
    const src = mkdtempSync(join(tmpdir(), 'invalid-'));
    const out = mkdtempSync(join(tmpdir(), 'invalid-out-'));
    const { cases } = JSON.parse(readFileSync('fixtures/invalid/expected.json', 'utf8')) as { cases: { file: string; line: number | null; message: string }[] };
    for (const { file } of cases) copyFileSync(join('fixtures/invalid', file), join(src, file));
    for (const file of GOOD) copyFileSync(join('fixtures', file), join(src, file));
    // Cases git cannot hold:
    const generated = [
      { file: 'folder.md', line: null, message: 'is a directory, not an article file' },
      { file: 'broken-link.md', line: null, message: 'cannot be read (it is a broken link)' },
      { file: 'pipe.md', line: null, message: 'is not a regular file (a pipe, socket or device)' },
      { file: 'Same-Name.md', line: null, message: `gives the same page name as ${join(src, 'same-name.md')}` },
      { file: 'same-name.md', line: null, message: `gives the same page name as ${join(src, 'Same-Name.md')}` },
      { file: 'caf\u00e9.md', line: null, message: `gives the same page name as ${join(src, 'cafe\u0301.md')}` },
      { file: 'cafe\u0301.md', line: null, message: `gives the same page name as ${join(src, 'caf\u00e9.md')}` },
    ];
    mkdirSync(join(src, 'folder.md'));
    symlinkSync(join(src, 'nowhere'), join(src, 'broken-link.md'));
    execFileSync('mkfifo', [join(src, 'pipe.md')]); // reading it would block forever
    for (const name of ['Same-Name.md', 'same-name.md', 'caf\u00e9.md', 'cafe\u0301.md']) copyFileSync(join('fixtures', GOOD[0] ?? ''), join(src, name));
    if (process.getuid?.() !== 0) {
      // Root reads anything, so this case only exists for other users.
      copyFileSync(join('fixtures', GOOD[0] ?? ''), join(src, 'locked.md'));
      chmodSync(join(src, 'locked.md'), 0);
      generated.push({ file: 'locked.md', line: null, message: 'cannot be read (permission denied)' });
    }
    const before = snapshot(src);

    const result = await render(src, out);

    expect(result.code).toBe(1);
    const expected = [...cases, ...generated];
    expect(result.stdout).toContain(`rendered ${GOOD.length}, unchanged 0, removed 0, failed ${expected.length}`);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    for (const { file, line, message } of expected) {
      const where = line === null ? `${join(src, file)}: ` : `${join(src, file)}:${line}: `;
      expect(
        lines.filter((l) => l.startsWith(where) && l.includes(message)),
        `${file}: ${message}`,
      ).toHaveLength(1);
    }
    expect(
      readdirSync(out)
        .filter((name) => name.endsWith('.html'))
        .sort(),
    ).toEqual(['index.html', ...GOOD.map((f) => f.replace(/\.md$/, '.html'))].sort());
    expect(readdirSync(out).some((name) => name.includes('.tmp'))).toBe(false);
    expect(snapshot(src)).toEqual(before);
  });

  test('renderer + fidelity suite: every odd case renders, is linked safely from the index and passes every check', async () => {
    const src = mkdtempSync(join(tmpdir(), 'odd-'));
    const out = mkdtempSync(join(tmpdir(), 'odd-out-'));
    const { cases } = JSON.parse(readFileSync('fixtures/odd/expected.json', 'utf8')) as { cases: { file: string; warning?: { line: number; message: string } }[] };
    for (const { file } of cases) copyFileSync(join('fixtures/odd', file), join(src, file));
    const generated: Record<string, string> = {
      '问号?与&符号.md': readFileSync(join('fixtures', GOOD[1] ?? ''), 'utf8'),
      'large-5mb.md': largeArticle(5_000_000),
      'nested-20000.md': nestedArticle(20_000),
      'single-line-1mb.md': singleLineArticle(1_000_000),
    };
    for (const [name, text] of Object.entries(generated)) writeFileSync(join(src, name), text);

    const result = await render(src, out);
    expect(result.code).toBe(0);
    const warned = cases.flatMap(({ file, warning }) => (warning === undefined ? [] : [{ file, ...warning }]));
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => line !== '');
    expect(lines).toHaveLength(warned.length);
    for (const { file, line, message } of warned)
      expect(
        lines.filter((l) => l.startsWith(`${join(src, file)}:${line}: ${message}`)),
        file,
      ).toHaveLength(1);
    expect(result.stdout).toContain(`rendered ${cases.length + 4}, unchanged 0, removed 0, failed 0, warnings ${warned.length}`);
    const hrefs = [...readFileSync(join(out, 'index.html'), 'utf8').matchAll(/<a class="entry" href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(hrefs).toHaveLength(cases.length + 4);
    for (const href of hrefs) {
      expect(href, 'no raw space, #, ? or % in a link').toMatch(/^[A-Za-z0-9._~%!*'()-]+\.html$/);
      expect(existsSync(join(out, decodeURIComponent(href))), href).toBe(true);
    }

    const results = await fidelity(src);
    const failed = [...results].filter(([, r]) => r.status !== 'passed');
    expect(failed, JSON.stringify(failed, null, 1).slice(0, 3000)).toEqual([]);
    expect(results.size).toBe(cases.length + 4 + 2); // articles, the index page, the folder check
  });

  test('fidelity suite: an unreadable source is one failed test with a clear message; a missing or extra page is reported', async () => {
    const src = mkdtempSync(join(tmpdir(), 'mixed-'));
    for (const file of GOOD) copyFileSync(join('fixtures', file), join(src, file));
    for (const file of ['no-front-matter.md', 'not-utf8.md', 'index.md']) copyFileSync(join('fixtures/invalid', file), join(src, file));
    const results = await fidelity(src);
    for (const file of GOOD) expect(results.get(`fidelity: ${file.replace(/\.md$/, '')}`)?.status).toBe('passed');
    expect(results.get('fidelity: no-front-matter')?.error).toContain('no-front-matter.md: no front matter (the file must start with ---)');
    expect(results.get('fidelity: not-utf8')?.error).toContain('not-utf8.md: cannot read the source (it is not valid UTF-8)');
    expect(results.get('fidelity: index')?.error).toContain("a source named index.md has no page of its own: index.html is the archive's index");
    expect(results.get('fidelity: index page')?.status).toBe('passed');
    expect(results.get('folder: every page has a source article')?.status).toBe('passed');

    const out = mkdtempSync(join(tmpdir(), 'mixed-out-'));
    for (const file of ['no-front-matter.md', 'not-utf8.md', 'index.md']) rmSync(join(src, file));
    await render(src, out);
    const [first = '', second = ''] = GOOD.map((file) => file.replace(/\.md$/, ''));
    rmSync(join(out, `${first}.html`));
    copyFileSync(join(out, `${second}.html`), join(out, 'stray-page.html'));
    const broken = await fidelity(src, out);
    expect(broken.get(`fidelity: ${first}`)?.error).toContain(`no page for "${first}" in ${out}: looked for ${first}.html and ${first}/index.html`);
    expect(broken.get(`fidelity: ${second}`)?.status).toBe('passed');
    expect(broken.get('folder: every page has a source article')?.error).toContain('stray-page');
  });
});
