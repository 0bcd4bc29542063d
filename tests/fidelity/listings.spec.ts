import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, PLAYWRIGHT_CLI, runChild } from '../support/child-run.ts';
import { expect, test } from '../support/selftest.ts';

test.describe.configure({ timeout: 180_000 });

/** Three posts of one feed (新浪财经－国內) and one of another (36kr 快讯), rendered one a page, so every listing is paginated. */
const POSTS = ['000_9fc98f06a0b555e0', '001_72b6288f2e261dc3', '002_f8277e635942f5d2', '017_other-36kr-kuaixun-2021-10-plain-text-picsum'];

/** The index test on a rendered folder, as a user runs it; its findings' lines. */
async function indexVerdict(work: string, src: string, out: string): Promise<{ code: number; lines: string[] }> {
  const env = cleanEnv({ CI: '', ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_VISUAL: 'off', ARCHIVE_REPORT_DIR: join(work, 'reports'), PLAYWRIGHT_HTML_OUTPUT_DIR: join(work, 'html') });
  const run = await runChild(process.execPath, [PLAYWRIGHT_CLI, 'test', '--project=archive', '--grep', 'fidelity: index page', `--output=${join(work, 'results')}`], env);
  return { code: run.code, lines: run.stdout.split('\n').map((line) => line.trim()) };
}

test('the listing check follows every page of the index and of each feed: quiet on the renderer’s listings, a post dropped from either is found', async () => {
  const work = mkdtempSync(join(tmpdir(), 'listings-'));
  const src = join(work, 'src');
  const out = join(work, 'out');
  mkdirSync(src);
  for (const slug of POSTS) copyFileSync(join('fixtures', `${slug}.md`), join(src, `${slug}.md`));
  const rendered = await runChild(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', '--per-page', '1', src, out], cleanEnv());
  expect(rendered.code, rendered.stderr).toBe(0);

  const good = await indexVerdict(work, src, out);
  expect(good.code, good.lines.join('\n')).toBe(0);
  expect(good.lines).toContainEqual(expect.stringMatching(/^1 passed \(/));

  // The third page of the index loses its post.
  const third = join(out, 'page', '3', 'index.html');
  const original = readFileSync(third, 'utf8');
  writeFileSync(third, original.replace(/<li>\n<a class="entry"[\s\S]*?<\/li>/, ''));
  const dropped = await indexVerdict(work, src, out);
  expect(dropped.code).toBe(1);
  expect(dropped.lines.filter((line) => line.startsWith('lists every article once'))).toEqual([expect.stringMatching(/^lists every article once, newest first, thumbnails without Referer: no entry for \S+$/)]);
  writeFileSync(third, original);

  // The second page of the 新浪财经 feed's listing loses its post.
  const feedPage = join(out, 'categories', '金融', '新浪财经', '新浪财经－国內', 'page', '2', 'index.html');
  writeFileSync(feedPage, readFileSync(feedPage, 'utf8').replace(/<li>\n<a class="entry"[\s\S]*?<\/li>/, ''));
  const feedDropped = await indexVerdict(work, src, out);
  expect(feedDropped.code).toBe(1);
  expect(feedDropped.lines.filter((line) => line.startsWith("each feed's listing"))).toEqual([expect.stringMatching(/^each feed's listing holds exactly its articles: feed 金融 \/ 新浪财经 \/ 新浪财经－国內: no entry for \S+$/)]);
});
