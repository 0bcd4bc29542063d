import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, PLAYWRIGHT_CLI, runChild } from '../support/child-run.ts';
import { expect, test } from '../support/selftest.ts';

const SLUGS = ['017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '019_other-dtcj-datahero-2018-12-plain-text-picsum'];

/** The archive project in a child process with the default reporters, as a user runs it; its reports in `work`. */
function suite(work: string, settings: Record<string, string>) {
  const env = cleanEnv({ CI: '', ARCHIVE_VISUAL: 'off', ARCHIVE_REPORT_DIR: join(work, 'reports'), PLAYWRIGHT_HTML_OUTPUT_DIR: join(work, 'html'), ...settings });
  return runChild(process.execPath, [PLAYWRIGHT_CLI, 'test', '--project=archive', `--output=${join(work, 'results')}`], env);
}

test('a failing archive run is quiet: a line a test and a finding, no code frame, where to read more once', async () => {
  const work = mkdtempSync(join(tmpdir(), 'terminal-'));
  const src = join(work, 'src');
  mkdirSync(src);
  for (const slug of SLUGS) copyFileSync(join('fixtures', `${slug}.md`), join(src, `${slug}.md`));
  const out = join(work, 'out');
  await runChild(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], cleanEnv());
  // Each page loses its text: one finding each, and a wrong title.
  for (const slug of SLUGS) {
    const page = join(out, `${slug}.html`);
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace(/<div class="article-body">[\s\S]*?<\/div>/, '<div class="article-body"></div>')
        .replace(/<h1>[^<]*<\/h1>/, '<h1>别的标题</h1>'),
    );
  }
  const run = await suite(work, { ARCHIVE_SRC: src, ARCHIVE_OUT: out });
  expect(run.code).toBe(1);
  const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
  expect(run.stdout).not.toMatch(/harness\/|^\s+\d+ \|/m); // no code frame, no harness location
  for (const slug of SLUGS) {
    // A test of a second or more says how long it took: on a busy machine, any of them.
    expect(lines.filter((line) => line.replace(/ \([\d.]+ s\)$/, '') === `  ✘ fidelity: ${slug}`)).toHaveLength(1);
    expect(lines).toContain('      metadata matches the front matter: title in visible title: expected ' + titleOf(src, slug) + ', found 别的标题');
  }
  expect(lines.filter((line) => /^ {6}text preserved: missing block #1 of \d+:/.test(line))).toHaveLength(3);
  expect(lines).toContainEqual(expect.stringMatching(/^2 passed, 3 failed, 1 skipped \([\d.]+ s\) · details: npx playwright show-report/));
  expect(lines.at(-1)).toMatch(/^Fidelity: 4 pages, 3 failed · /);
  expect(lines.length, run.stdout).toBeLessThan(40);
});

test('a wrong path names its setting; a folder with nothing generated in it is one line', async () => {
  const work = mkdtempSync(join(tmpdir(), 'terminal-'));
  const missing = await suite(work, { ARCHIVE_SRC: join(work, 'nope') });
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe(`ARCHIVE_SRC=${join(work, 'nope')}: no such folder of source articles (${join(work, 'nope')})`);
  mkdirSync(join(work, 'src'));
  copyFileSync(join('fixtures', `${SLUGS[0] ?? ''}.md`), join(work, 'src', 'a.md'));
  mkdirSync(join(work, 'public'));
  const empty = await suite(work, { ARCHIVE_SRC: join(work, 'src'), ARCHIVE_OUT: join(work, 'public') });
  expect(empty.code).toBe(1);
  expect(empty.stderr.trim()).toBe(`ARCHIVE_OUT=${join(work, 'public')}: no page in ${join(work, 'public')}, nothing was generated there (generate the site first, e.g. hexo generate, or point it at the folder the generator writes)`);
});

function titleOf(src: string, slug: string): string {
  return /^title: '(.*)'$/m.exec(readFileSync(join(src, `${slug}.md`), 'utf8'))?.[1] ?? '';
}
