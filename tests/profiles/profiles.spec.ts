import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth } from '../../harness/checks/health.ts';
import { BUILTIN_PROFILES, builtinProfile, chooseProfile } from '../../harness/profiles/choose-profile.ts';
import { loadProfile } from '../../harness/profiles/profile.ts';
import { normalizeHtml } from '../../harness/visual/html-snapshot.ts';
import { observedOf, messages } from '../checks/helpers.ts';
import { runPlaywright } from '../support/child-run.ts';
import { expect, test } from '../support/selftest.ts';

const work = mkdtempSync(join(tmpdir(), 'profiles-'));
const site = (name: string, html: string): string => {
  const dir = join(work, name);
  mkdirSync(join(dir, 'a-post'), { recursive: true });
  writeFileSync(join(dir, 'a-post', 'index.html'), html);
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
};
const profileFile = (name: string, change: (profile: Record<string, unknown>) => void): string => {
  const data = JSON.parse(readFileSync('harness/profiles/builtin/hexo-landscape.json', 'utf8')) as Record<string, unknown>;
  change(data);
  const file = join(work, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
};

test.describe('site profiles', () => {
  test('every built-in profile is valid data', () => {
    for (const name of BUILTIN_PROFILES) expect(builtinProfile(name).name).toBe(name);
  });

  test('chosen from the pages: the generator and a theme marker; this renderer by default; ARCHIVE_PROFILE by name or path', () => {
    const landscape = site('landscape', '<html><head><meta name="generator" content="Hexo 8.1.2"></head><body><div id="header-title"><a id="logo">x</a></div></body></html>');
    const next = site('next', '<html><head><meta name="generator" content="Hexo 8.1.2"><script class="next-config" type="application/json">{}</script></head></html>');
    const other = site('other', '<html><head><meta name="generator" content="Jekyll"></head></html>');
    const volantis = site('volantis', '<html><head><meta name="generator" content="Hexo 5.4.2"><meta name="Volantis" content="5.8.0"></head></html>');
    expect(chooseProfile(volantis, {}).profile.name).toBe('hexo-volantis');
    expect(chooseProfile(landscape, {}).profile.name).toBe('hexo-landscape');
    expect(chooseProfile(next, {}).profile.name).toBe('hexo-next');
    expect(chooseProfile(other, {})).toMatchObject({ profile: { name: 'archive-renderer' }, why: 'default' });
    expect(chooseProfile(other, { ARCHIVE_PROFILE: 'hexo-next' }).profile.name).toBe('hexo-next');
    const mine = profileFile('my-theme.json', (profile) => (profile.name = 'my-theme'));
    expect(chooseProfile(other, { ARCHIVE_PROFILE: mine })).toMatchObject({ profile: { name: 'my-theme' }, why: `ARCHIVE_PROFILE=${mine}` });
    expect(() => chooseProfile(other, { ARCHIVE_PROFILE: 'hexo-nope' })).toThrow(/ARCHIVE_PROFILE=hexo-nope: hexo-nope is neither a built-in profile \(hexo-volantis, hexo-next, hexo-landscape, archive-renderer\) nor a profile file/);
  });

  test('a profile that is not valid is refused naming the file and the field', () => {
    expect(() => loadProfile(profileFile('enum.json', (profile) => ((profile.article as Record<string, unknown>).ogImage = 'all')))).toThrow(/enum\.json: field "article\.ogImage": Invalid option: expected one of "only"\|"first"/);
    expect(() => loadProfile(profileFile('missing.json', (profile) => delete (profile.index as Record<string, unknown>).entries))).toThrow(/missing\.json: field "index\.entries": Invalid input/);
    expect(() => loadProfile(profileFile('unknown.json', (profile) => (profile.colour = 'red')))).toThrow(/unknown\.json: field "\(top\)": Unrecognized key: "colour"/);
    expect(() => loadProfile(profileFile('selector.json', (profile) => ((profile.article as Record<string, unknown>).title = 'h1[')))).toThrow(/selector\.json: field "article\.title": "h1\[" is not a valid CSS selector/);
    expect(() => loadProfile(join(work, 'none.json'))).toThrow(/none\.json: no such profile file/);
  });

  test('a bad ARCHIVE_PROFILE stops a run before any test, in one line', async () => {
    const src = join(work, 'src');
    mkdirSync(src, { recursive: true });
    copyFileSync('fixtures/018_other-weex-wallstreetcn-2020-09-plain-text-picsum.md', join(src, 'a.md'));
    const bad = profileFile('bad.json', (profile) => ((profile.policy as Record<string, unknown>).scripts = 'some'));
    const run = await runPlaywright(['--project=archive'], { ARCHIVE_SRC: src, ARCHIVE_PROFILE: bad });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`${bad}: field "policy.scripts": Invalid option: expected one of "none"|"site"`);
  });

  test("what a site may run is policy: a theme's own scripts outside the article body pass, code in the body never does", () => {
    const html = '<html><head><script src="/js/theme.js"></script></head><body><a href="javascript:void(0)" onclick="menu()">☰</a><div class="body"><p>文</p><script>x()</script><p onclick="y()">z</p></div></body></html>';
    const observed = observedOf({ html, contentRoot: '.body' });
    expect(messages(checkHealth(observed, { scripts: 'site' }))).toEqual(['script element in the article body: <script>x()</script>', 'inline event handler onclick on <p>: y()']);
    expect(messages(checkHealth(observed, { scripts: 'none' }))).toHaveLength(5);
  });

  test("an outside request for the site's chrome is noted on the article and reported by the site; one from the article is the article's", () => {
    const html = '<html><head><link rel="stylesheet" href="https://cdn.example/theme.css"></head><body><div class="body"><p>文</p><link rel="stylesheet" href="https://cdn.example/article.css"></div></body></html>';
    const network = {
      images: [],
      failed: [],
      blocked: [
        { url: 'https://cdn.example/theme.css', resourceType: 'stylesheet' },
        { url: 'https://cdn.example/article.css', resourceType: 'stylesheet' },
      ],
      served: [],
      cancelled: [],
    };
    const article = checkHealth(observedOf({ html, contentRoot: '.body', network }), { scripts: 'site' });
    expect(messages(article)).toEqual(['request to an outside host (stylesheet), blocked: https://cdn.example/article.css']);
    expect(article.notes).toEqual(["the site's chrome loads from another host (reported once, by the index page): https://cdn.example/theme.css"]);
    expect(messages(checkHealth(observedOf({ html, contentRoot: '.body', network }), { scripts: 'site' }, 'site'))).toHaveLength(2);
    const icon = { images: [], blocked: [], failed: [{ url: 'http://127.0.0.1:9/favicon.png', reason: 'HTTP 404' }], served: [], cancelled: [] };
    expect(messages(checkHealth(observedOf({ html: '<html><head><link rel="icon" href="/favicon.png"></head></html>', network: icon }), { scripts: 'none' }))).toEqual([]);
  });

  test("page snapshots leave out the profile's volatile attributes and elements", () => {
    const volatile = builtinProfile('hexo-next').volatile;
    const page = (id: string, modified: string) => `<html><head><meta property="article:modified_time" content="${modified}"></head><body><p data-id="${id}">文</p><time itemprop="dateModified" datetime="${modified}">${modified}</time></body></html>`;
    expect(normalizeHtml(page('a1', '2026-12-01'), volatile)).toBe(normalizeHtml(page('b2', '2026-12-03'), volatile));
    expect(normalizeHtml(page('a1', '2026-12-01'))).not.toBe(normalizeHtml(page('b2', '2026-12-03')));
  });
});

test("self-tests never see the calling shell's ARCHIVE_* or PLAYWRIGHT_* settings", async () => {
  const caller = {
    ARCHIVE_TZ: 'Pacific/Kiritimati',
    ARCHIVE_VISUAL: 'off',
    ARCHIVE_PROFILE: 'hexo-next',
    ARCHIVE_GOLDEN: join(work, 'nowhere'),
    ARCHIVE_CONTENT_SELECTOR: '.nothing',
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(work, 'elsewhere.json'),
  };
  // Specs that read the archive zone, the visual setting and the profile; and one that lists what it sees.
  const run = await runPlaywright(['--project=selftest', 'tests/fidelity/broken-pages.spec.ts', 'tests/visual/plan.spec.ts', 'tests/profiles/isolation.spec.ts', '--reporter=line'], caller);
  expect(run.code, run.stdout + run.stderr).toBe(0);
});
