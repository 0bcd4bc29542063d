import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderFolder } from '../../renderer/render-folder.ts';
import { harvestIngredients } from '../kits/synth/ingredients.ts';
import { synthArchive } from '../kits/synth/synthetic-archive.ts';
import { cleanEnv, PLAYWRIGHT_CLI, runChild } from '../support/child-run.ts';
import { expect, test } from '../support/selftest.ts';
import { FIXTURES, ZONE } from './helpers.ts';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'renderer-incremental-'));

/** A folder's files (not the staging folder a stopped render leaves) with their bytes and modification times. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (path.startsWith('.archive-staging')) continue;
    const stat = statSync(join(dir, path));
    if (stat.isFile()) files.set(path, `${stat.mtimeMs} ${readFileSync(join(dir, path)).toString('base64')}`);
  }
  return files;
}

function copyFixtures(names: string[]): string {
  const src = tempDir();
  for (const name of names) copyFileSync(join(FIXTURES, name), join(src, name));
  return src;
}

const FIXTURE_NAMES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, 12);

test.describe('incremental render', () => {
  test('a second render writes nothing; a changed, a new and a deleted source are all it touches; a new setting or --full renders everything', () => {
    const src = copyFixtures(FIXTURE_NAMES);
    const out = tempDir();
    const first = renderFolder(src, out, ZONE);
    expect(first.rendered).toHaveLength(FIXTURE_NAMES.length);
    expect(first.unchanged).toEqual([]);
    const before = tree(out);

    const again = renderFolder(src, out, ZONE);
    expect([again.rendered.length, again.unchanged.length, again.removed.length]).toEqual([0, FIXTURE_NAMES.length, 0]);
    expect(tree(out), 'an unchanged folder is not written at all').toEqual(before);

    const [changed = '', deleted = ''] = FIXTURE_NAMES;
    appendFileSync(join(src, changed), '\n<p>补充一段。</p>\n');
    rmSync(join(src, deleted));
    copyFileSync(
      join(
        FIXTURES,
        readdirSync(FIXTURES)
          .filter((name) => name.endsWith('.md'))
          .sort()[20] ?? '',
      ),
      join(src, 'new-post.md'),
    );
    const third = renderFolder(src, out, ZONE);
    const deletedSlug = deleted.replace(/\.md$/, '');
    expect(third.rendered.sort()).toEqual([changed.replace(/\.md$/, ''), 'new-post'].sort());
    expect(third.removed).toEqual([deletedSlug]);
    expect(third.unchanged).toHaveLength(FIXTURE_NAMES.length - 2);
    expect(existsSync(join(out, `${deletedSlug}.html`))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="new-post.html"');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain(`href="${encodeURIComponent(deletedSlug)}.html"`);
    const after = tree(out);
    const touched = [...after.keys()].filter((path) => after.get(path) !== before.get(path)).sort();
    const articlePages = touched.filter((path) => !path.includes('/') && path.endsWith('.html') && path !== 'index.html');
    expect(articlePages, 'of the article pages, only the changed and the new one').toEqual([`${changed.replace(/\.md$/, '')}.html`, 'new-post.html'].sort());
    expect(
      touched.filter((path) => !articlePages.includes(path)),
      'besides them, only listings and the render state',
    ).toEqual(touched.filter((path) => !articlePages.includes(path) && (path === '.archive-render.json' || path === 'index.html' || /^(page|categories|archives)\//.test(path))));

    // A source written again with the same bytes (a new modification time) is read, found the same, and not rendered.
    writeFileSync(join(src, changed), readFileSync(join(src, changed)));
    expect(renderFolder(src, out, ZONE).rendered).toEqual([]);

    expect(renderFolder(src, out, 'UTC').rendered, 'another time zone changes every page').toHaveLength(FIXTURE_NAMES.length);
    expect(renderFolder(src, out, 'UTC', { full: true }).rendered, '--full').toHaveLength(FIXTURE_NAMES.length);
  });

  test('a file the user put in the output folder is never removed; a page whose file was deleted by hand is written again', () => {
    const src = copyFixtures(FIXTURE_NAMES.slice(0, 3));
    const out = tempDir();
    renderFolder(src, out, ZONE);
    writeFileSync(join(out, 'robots.txt'), 'User-agent: *\n');
    writeFileSync(join(out, 'about.html'), '<p>mine</p>\n');
    const slug = (FIXTURE_NAMES[0] ?? '').replace(/\.md$/, '');
    rmSync(join(out, `${slug}.html`));
    const again = renderFolder(src, out, ZONE);
    expect(again.rendered).toEqual([slug]);
    rmSync(join(src, FIXTURE_NAMES[2] ?? ''));
    expect(renderFolder(src, out, ZONE).removed).toHaveLength(1);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
    expect(readFileSync(join(out, 'about.html'), 'utf8')).toBe('<p>mine</p>\n');
  });
});

test.describe('an interrupted render', () => {
  test.describe.configure({ timeout: 180_000 });

  /** Starts the renderer CLI on `src` → `out` and stops it with Ctrl-C's signal once it has staged `staged` files. */
  async function renderStoppedAfter(src: string, out: string, staged: number, env = cleanEnv()): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], { env, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    const staging = join(out, '.archive-staging');
    // Waits on the condition, polling the folder: the render stages every page before any reaches the folder.
    await expect.poll(() => (existsSync(staging) ? readdirSync(staging).length : 0), { timeout: 120_000, intervals: [20] }).toBeGreaterThanOrEqual(staged);
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
  }

  test('a re-render stopped half-way leaves the folder as it was; a first render stopped is marked incomplete, and the suite refuses it in one line', async () => {
    const src = tempDir();
    for (const article of synthArchive(harvestIngredients(), 1500, 11)) writeFileSync(join(src, `${article.name}.md`), article.text);
    const out = tempDir();

    await renderStoppedAfter(src, out, 50);
    expect(existsSync(join(out, '.archive-render-incomplete')), 'a first render stopped is marked incomplete').toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    const refused = await runChild(process.execPath, [PLAYWRIGHT_CLI, 'test', '--project=archive', `--output=${join(tempDir(), 'results')}`], cleanEnv({ CI: '', ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_VISUAL: 'off' }));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`ARCHIVE_OUT=${out}: an interrupted render left it incomplete (${join(out, '.archive-render-incomplete')}): render it again`);

    const finished = await runChild(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], cleanEnv());
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('rendered 1500, unchanged 0, removed 0, failed 0');
    expect(existsSync(join(out, '.archive-render-incomplete'))).toBe(false);
    const complete = tree(out);

    // Every source changes (a new time zone); stopped half-way, the folder is still the complete render it was.
    await renderStoppedAfter(src, out, 50, cleanEnv({ ARCHIVE_TZ: 'UTC' }));
    expect(tree(out), 'the folder as it was').toEqual(complete);
    expect(existsSync(join(out, '.archive-render-incomplete'))).toBe(false);
  });
});
