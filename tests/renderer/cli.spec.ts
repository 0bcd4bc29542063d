import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import { writeFileAtomic } from '../../renderer/page/write.ts';
import { FIXTURES, post } from './helpers.ts';

const execFileAsync = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the renderer CLI exactly as `npm run render --` does. */
async function render(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'renderer-cli-'));
}

/** Every file below `dir` with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

const GOOD = ['000_9fc98f06a0b555e0.md', '009_sina-2022-01-gdp-tables.md', '020_other-zhihu-daily-2021-04-iso-date-blockquote.md'];

/** Bad sources and the `file:line: message` the CLI must print for each. */
const BAD: { name: string; source: string; expected: RegExp }[] = [
  { name: 'empty.md', source: '\n  \n', expected: /empty\.md: is empty/ },
  { name: 'no-front-matter.md', source: '<p>只有正文</p>\n', expected: /no-front-matter\.md:1: has no front matter/ },
  { name: 'unterminated.md', source: "\n---\ntitle: '未闭合'\ndate: 2021-04-25 04:12:10\n<p>正文</p>\n", expected: /unterminated\.md:2: front matter opened here is never closed/ },
  { name: 'invalid-yaml.md', source: "\n---\ntitle: '标题'\ncategories: [金融\ndate: 2021-04-25 04:12:10\n---\n<p>正文</p>", expected: /invalid-yaml\.md:\d+: front matter is not valid YAML/ },
  { name: 'missing-title.md', source: post({ title: '<omit>' }), expected: /missing-title\.md:2: front-matter field "title" is missing/ },
  { name: 'list-date.md', source: post({ date: '[2021, 4]' }), expected: /list-date\.md:4: date must be text/ },
  { name: 'far-date.md', source: post({ date: '3021-04-25 04:12:10' }), expected: /far-date\.md:4: date "3021-04-25 04:12:10" is out of range/ },
];

/** Odd but renderable sources: each is rendered, with the one warning line given. */
const ODD: { name: string; source: string; expected: RegExp }[] = [
  { name: 'empty-title.md', source: post({ title: "''" }), expected: /empty-title\.md:3: warning: title is blank; the page uses the file name "empty-title" as its title$/ },
  { name: 'bad-date.md', source: post({ date: 'someday soon' }), expected: /bad-date\.md:4: warning: date "someday soon" is not a date this archive knows .*; the page says the date is unknown$/ },
  { name: 'no-date.md', source: post({ date: '<omit>' }), expected: /no-date\.md:2: warning: date is missing; the page says the date is unknown$/ },
  { name: 'invalid-date.md', source: post({ date: 'Invalid Date' }), expected: /invalid-date\.md:4: warning: date "Invalid Date" is not a date this archive knows/ },
];

test.describe('renderer CLI', () => {
  test('renders the good articles, reports each bad one as path:line, exits 1, loses nothing', async () => {
    const src = tempDir();
    const out = tempDir();
    for (const name of GOOD) copyFileSync(join(FIXTURES, name), join(src, name));
    for (const bad of BAD) writeFileSync(join(src, bad.name), bad.source);
    symlinkSync(join(src, 'gone-elsewhere'), join(src, 'dangling.md'));
    mkdirSync(join(src, 'folder.md'));
    const before = snapshot(src);

    const result = await render(src, out);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`rendered ${GOOD.length}, unchanged 0, removed 0, failed ${BAD.length + 2}`);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(BAD.length + 2);
    for (const bad of BAD)
      expect(
        lines.filter((line) => bad.expected.test(line)),
        bad.name,
      ).toHaveLength(1);
    expect(lines.filter((line) => line.includes('dangling.md: cannot be read (it is a broken link)'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('folder.md: is a directory'))).toHaveLength(1);
    for (const line of lines) expect(line.startsWith(src), line).toBe(true);

    const pages = readdirSync(out)
      .filter((name) => name.endsWith('.html'))
      .sort();
    expect(pages).toEqual(['index.html', ...GOOD.map((name) => name.replace(/\.md$/, '.html'))].sort());
    expect(readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
    expect(snapshot(src)).toEqual(before);
  });

  test('a blank title or an unknown date renders with one warning each and exits 0; --strict refuses them', async () => {
    const src = tempDir();
    const out = tempDir();
    for (const name of GOOD) copyFileSync(join(FIXTURES, name), join(src, name));
    for (const odd of ODD) writeFileSync(join(src, odd.name), odd.source);

    const result = await render(src, out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`rendered ${GOOD.length + ODD.length}, unchanged 0, removed 0, failed 0, warnings ${ODD.length}`);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(ODD.length);
    for (const odd of ODD)
      expect(
        lines.filter((line) => odd.expected.test(line)),
        odd.name,
      ).toHaveLength(1);
    const page = readFileSync(join(out, 'no-date.html'), 'utf8');
    expect(page).toContain('<span class="date-unknown">日期不详</span>');
    expect(page).not.toMatch(/<time|article:published_time|datePublished/);
    expect(readFileSync(join(out, 'empty-title.html'), 'utf8')).toContain('<h1>empty-title</h1>');
    // Dated articles newest first, then those of unknown date by title (ties by file name).
    const order = [...readFileSync(join(out, 'index.html'), 'utf8').matchAll(/<a class="entry" href="([^"]+)\.html"/g)].map((m) => m[1]);
    expect(order.slice(-3)).toEqual(['bad-date', 'invalid-date', 'no-date']);

    const strictOut = tempDir();
    const strict = await render('--strict', src, strictOut);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`rendered ${GOOD.length}, unchanged 0, removed 0, failed ${ODD.length}, warnings 0`);
    expect(strict.stderr).toMatch(/bad-date\.md:4: date "someday soon" is not a date this archive knows .*\(refused: --strict\)$/m);
    expect(readdirSync(strictOut)).not.toContain('no-date.html');
  });

  test('a page whose source turns bad is removed, not left stale', async () => {
    const src = tempDir();
    const out = tempDir();
    writeFileSync(join(src, 'story.md'), post({}));
    writeFileSync(join(out, 'mine.html'), 'not written by the renderer');
    expect((await render(src, out)).code).toBe(0);
    expect(statSync(join(out, 'story.html')).isFile()).toBe(true);

    writeFileSync(join(src, 'story.md'), post({ title: '<omit>' }));
    const again = await render(src, out);
    expect(again.code).toBe(1);
    expect(readdirSync(out)).not.toContain('story.html');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('story.html');
    expect(readFileSync(join(out, 'mine.html'), 'utf8')).toBe('not written by the renderer');
  });

  test('same input, byte-identical output', async () => {
    const first = tempDir();
    const second = tempDir();
    expect((await render(FIXTURES, first)).code).toBe(0);
    expect((await render(FIXTURES, second)).code).toBe(0);
    const a = snapshot(first);
    expect(Object.keys(a).length).toBeGreaterThan(27);
    expect(snapshot(second)).toEqual(a);
  });

  test('defaults to fixtures/ → dist/, --help explains use, bad usage exits 2', async () => {
    const help = await render('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: archive-fidelity render [--strict] [--full] [--per-page N] [SRC_DIR] [OUT_DIR]');
    expect(help.stdout).toContain('ARCHIVE_TZ');
    expect((await render('--bogus')).code).toBe(2);
    const missing = await render(join(tempDir(), 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such folder of articles');
    const badZone = await execFileAsync(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', FIXTURES, tempDir()], {
      env: { ...process.env, ARCHIVE_TZ: 'Nowhere/City' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(badZone).toMatchObject({ code: 2, stderr: expect.stringContaining('ARCHIVE_TZ=Nowhere/City') });
  });

  test('an atomic write that fails leaves the old file and no temp file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'page.html'));
    expect(() => writeFileAtomic(join(dir, 'page.html'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['page.html']);
    writeFileAtomic(join(dir, 'other.html'), 'complete');
    expect(readFileSync(join(dir, 'other.html'), 'utf8')).toBe('complete');
    rmSync(dir, { recursive: true });
  });
});
