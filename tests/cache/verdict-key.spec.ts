import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleVerdicts } from '../../harness/cache/article-verdicts.ts';
import { pageFiles } from '../../harness/cache/page-files.ts';
import { readVerdictCache, writeVerdictPart } from '../../harness/cache/verdict-cache.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { expect, test } from '../support/selftest.ts';

const ORIGIN = 'http://127.0.0.1:4173';

/** A small site: a page loading a style sheet that imports another, which names a font and an image. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-key-'));
  mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
  writeFileSync(join(dir, 'a.html'), '<link rel="stylesheet" href="assets/main.css"><img src="pic.png" srcset="pic.png 1x, big.png 2x"><a href="b.html">next</a><img src="https://elsewhere.example/x.png">');
  writeFileSync(join(dir, 'b.html'), '<p>b</p>');
  writeFileSync(join(dir, 'assets', 'main.css'), '@import "more.css"; body { background: url(data:image/png;base64,AAAA) }');
  writeFileSync(join(dir, 'assets', 'more.css'), '@font-face { src: url("fonts/f.woff2") } .x { background: url(../bg.png) }');
  writeFileSync(join(dir, 'assets', 'fonts', 'f.woff2'), 'font');
  for (const image of ['pic.png', 'big.png', 'bg.png']) writeFileSync(join(dir, image), image);
  return dir;
}

function verdictsFor(siteDir: string, cacheDir: string, updateSnapshots = 'missing'): ArticleVerdicts {
  const verdicts = ArticleVerdicts.forRun({ siteDir, profile: builtinProfile('archive-renderer'), browser: 'test-browser 1', updateSnapshots, env: { ARCHIVE_CACHE: cacheDir, ARCHIVE_SRC: siteDir } });
  if (verdicts === undefined) throw new Error('ARCHIVE_CACHE was set');
  return verdicts;
}

test('a page loads its style sheets, what they import, their fonts and images, its local images; not links, not other hosts', () => {
  const dir = site();
  expect(pageFiles(dir, join(dir, 'a.html'), `${ORIGIN}/a.html`).sort()).toEqual(['a.html', 'assets/fonts/f.woff2', 'assets/main.css', 'assets/more.css', 'bg.png', 'big.png', 'pic.png']);
});

test('a page that runs scripts may fetch anything: its files are every file of the folder but HTML pages', () => {
  const dir = site();
  writeFileSync(join(dir, 'search.json'), '[]');
  writeFileSync(join(dir, 'c.html'), '<script type="application/ld+json">{}</script><script src="assets/theme.js"></script><p>c</p>');
  writeFileSync(join(dir, 'assets', 'theme.js'), 'fetch("/search.json")');
  expect(pageFiles(dir, join(dir, 'a.html'), `${ORIGIN}/a.html`), 'no script: only what it names').not.toContain('search.json');
  expect(pageFiles(dir, join(dir, 'c.html'), `${ORIGIN}/c.html`).sort()).toEqual(['assets/fonts/f.woff2', 'assets/main.css', 'assets/more.css', 'assets/theme.js', 'bg.png', 'big.png', 'c.html', 'pic.png', 'search.json']);
});

test('the key changes with any file the page loads and with a golden it is compared with, and with nothing else', () => {
  const dir = site();
  const golden = join(dir, 'a@1280.png');
  writeFileSync(golden, 'golden');
  const article = { source: join(dir, 'b.html'), pageFile: join(dir, 'a.html'), pageUrl: `${ORIGIN}/a.html`, goldens: [golden] };
  const keyNow = (): string => verdictsFor(dir, join(dir, 'cache')).keyOf(article);
  const first = keyNow();
  writeFileSync(join(dir, 'unrelated.txt'), 'not loaded by the page');
  expect(keyNow()).toBe(first);
  writeFileSync(join(dir, 'assets', 'fonts', 'f.woff2'), 'another font');
  const second = keyNow();
  expect(second).not.toBe(first);
  writeFileSync(golden, 'approved again');
  expect(keyNow()).not.toBe(second);
});

test('rewriting goldens (--update-snapshots=all|changed) looks nothing up: every article runs', () => {
  const dir = site();
  const cache = join(dir, 'cache');
  const article = { source: join(dir, 'b.html'), pageFile: join(dir, 'a.html'), pageUrl: `${ORIGIN}/a.html`, goldens: [] };
  const key = verdictsFor(dir, cache).keyOf(article);
  writeVerdictPart(cache, 'verdicts.json', 'the run of today', new Map([['a', { key, run: 'the run of today', when: '2026-12-03T00:00:00.000Z' }]]));
  expect(verdictsFor(dir, cache).passedBefore('a', key)?.run).toBe('the run of today');
  expect(verdictsFor(dir, cache, 'missing').passedBefore('a', 'another key')).toBeUndefined();
  for (const mode of ['all', 'changed']) expect(verdictsFor(dir, cache, mode).passedBefore('a', key)).toBeUndefined();
});

test('shard parts are merged; a foreign part makes the whole cache unused, with the reason; writing leaves no temporary file', () => {
  const cache = mkdtempSync(join(tmpdir(), 'verdict-parts-'));
  const entry = (key: string, when: string) => ({ key: key.repeat(64), run: when, when });
  writeVerdictPart(
    cache,
    'verdicts-1-of-2.json',
    'r1',
    new Map([
      ['a', entry('a', '2026-12-01')],
      ['b', entry('b', '2026-12-01')],
    ]),
  );
  writeVerdictPart(cache, 'verdicts-2-of-2.json', 'r2', new Map([['b', entry('c', '2026-12-02')]]));
  const merged = readVerdictCache(cache);
  expect(merged.problem).toBeUndefined();
  expect(merged.entries.get('a')?.key).toBe('a'.repeat(64));
  expect(merged.entries.get('b')?.key, 'the newest verdict wins').toBe('c'.repeat(64));
  expect(readdirSync(cache).sort()).toEqual(['verdicts-1-of-2.json', 'verdicts-2-of-2.json']);
  writeFileSync(join(cache, 'verdicts-3-of-3.json'), JSON.stringify({ format: 'someone-else/2', entries: {} }));
  const foreign = readVerdictCache(cache);
  expect(foreign.entries.size).toBe(0);
  expect(foreign.problem).toMatch(/verdicts-3-of-3\.json is not a verdict cache of this harness \(archive-fidelity-verdicts\/1\); the cache is ignored and every article is checked$/);
});
