import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { cleanEnv, runChild, type ChildRun } from '../support/child-run.ts';
import { COLLIDING, CRC16_TWIN } from '../support/hexo-verdict.ts';
import { expect, test } from '../support/selftest.ts';

test.describe.configure({ timeout: 600_000 });

const REPO = resolve('.');
const ENV = cleanEnv({ CI: '', TZ: 'Asia/Shanghai', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
const PLAIN_POSTS = ['017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '019_other-dtcj-datahero-2018-12-plain-text-picsum'];
/** Posts whose raw bodies keep chrome (a QR promo, an editor line, video): the filter must clean them. */
const CHROME_POSTS = ['011_sina-2022-03-mu5735-captions-video-fragment', '003_c28598a7da0e4f80'];

/** The two packages as `npm publish` would ship them (packed once for this file's tests: packing builds the product); what the main one ships is its built product only. */
let packing: Promise<{ harness: string; filter: string }> | undefined;
const packBoth = (): Promise<{ harness: string; filter: string }> => (packing ??= packInto(mkdtempSync(join(tmpdir(), 'packed-'))));

async function packInto(work: string): Promise<{ harness: string; filter: string }> {
  const pack = async (dir: string): Promise<{ filename: string; files: { path: string }[] }> => {
    const packed = await runChild('npm', ['pack', '--json', '--pack-destination', work], ENV, 300_000, dir);
    expect(packed.code, packed.stderr).toBe(0);
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    if (manifest === undefined) throw new Error(`npm pack printed no manifest in ${dir}`);
    return manifest;
  };
  const harness = await pack(REPO);
  const shipped = harness.files.map((file) => file.path);
  expect(shipped).toContain('lib/harness/cli/main.js');
  expect(shipped).toContain('lib/harness/suite/articles.spec.js');
  expect(shipped.filter((path) => /^(tests|fixtures|golden|scripts|bench|harness|renderer)\//.test(path) || /\.ts$/.test(path.replace(/\.d\.ts$/, '')))).toEqual([]);
  const filter = await pack(join(REPO, 'hexo-archive-clean'));
  expect(filter.files.map((file) => file.path).sort()).toEqual(['README.md', 'index.js', 'package.json']);
  return { harness: join(work, harness.filename), filter: join(work, filter.filename) };
}

/**
 * What a run may change outside the user's folder, listed so a test can prove it changed nothing: this
 * repository's working tree, the other entries of the temporary folder, and the unpacked browser's
 * files. The browser cache is the one place outside the site a run writes, as Playwright's own is:
 * the build is unpacked there once, and fontconfig keeps its cache of the fonts each install names.
 */
async function outsideState(work: string, site: string): Promise<string> {
  const status = await runChild('git', ['status', '--porcelain', '--untracked-files=all'], ENV, 60_000, REPO);
  const browsers = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'archive-fidelity');
  const fontconfig = /(^|\/)(fontconfig-cache(\/|$)|fonts-[0-9a-f]+\.conf$)/;
  const browserFiles = existsSync(browsers)
    ? readdirSync(browsers, { recursive: true, encoding: 'utf8' })
        .filter((path) => !fontconfig.test(path) && statSync(join(browsers, path)).isFile())
        .map((path) => `${path} ${statSync(join(browsers, path)).mtimeMs}`)
    : [];
  const others = readdirSync(work).filter((entry) => entry !== basename(site));
  return [status.stdout, ...others.sort(), ...browserFiles.sort()].join('\n');
}

const cliIn =
  (site: string) =>
  (...args: string[]): Promise<ChildRun> =>
    runChild('npx', ['archive-fidelity', ...args], ENV, 300_000, site);

test('a tool people install: the packed package installs in a site of its own, and init, test, npx playwright test, render, approve and report work there, without this repository or tsx', async () => {
  const work = mkdtempSync(join(tmpdir(), 'installed-'));
  const { harness } = await packBoth();
  const site = join(work, 'my-archive');
  mkdirSync(join(site, 'posts'), { recursive: true });
  writeFileSync(join(site, 'package.json'), `${JSON.stringify({ name: 'my-archive', private: true, type: 'module' }, null, 1)}\n`);
  for (const slug of PLAIN_POSTS) copyFileSync(join(REPO, 'fixtures', `${slug}.md`), join(site, 'posts', `${slug}.md`));
  const before = await outsideState(work, site);
  const installed = await runChild('npm', ['install', '--prefer-offline', harness], ENV, 600_000, site);
  expect(installed.code, installed.stderr).toBe(0);
  expect(existsSync(join(site, 'node_modules', 'tsx')), 'tsx is not installed, and not needed').toBe(false);

  const cli = cliIn(site);
  expect((await cli('--help')).stdout).toContain('Usage: archive-fidelity <command>');
  const unset = await cli('test');
  expect(unset.code).toBe(1);
  expect(unset.stderr.trim(), 'before init: one line, what to do').toBe(`no archive-fidelity.config.ts (or .json) in ${site}, and ARCHIVE_SRC is not set: run npx archive-fidelity init here`);
  const init = await cli('init', '--yes');
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain("found no generator: the sources are rendered by this project's renderer");
  expect(readdirSync(site).sort()).toEqual(expect.arrayContaining(['archive-fidelity.config.ts', 'playwright.config.ts', '.gitignore', '.github']));
  expect(readFileSync(join(site, 'archive-fidelity.config.ts'), 'utf8')).toContain("import { defineConfig } from 'archive-fidelity';");
  const again = await cli('init');
  expect(again.stdout).toContain('kept archive-fidelity.config.ts: it exists (--force overwrites it)');

  // The first run writes the site's goldens (in the site, fidelity/golden/); both commands then give one verdict.
  const first = await cli('test', '--update-snapshots=missing');
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(readdirSync(join(site, 'fidelity', 'golden'))).toContain(`${PLAIN_POSTS[0] ?? ''}@1280.png`);
  expect(first.stdout).toMatch(/6 passed \(/);
  const npx = await runChild('npx', ['playwright', 'test'], ENV, 300_000, site);
  expect(npx.code, npx.stdout + npx.stderr).toBe(0);
  expect(npx.stdout).toMatch(/6 passed \(/);
  expect(npx.stdout).toContain('Fidelity: 4 pages, 0 failed · goldens 12 passed, 0 changed, 0 new, 0 deleted');

  const rendered = await cli('render', 'posts', 'out');
  expect(rendered.code, rendered.stderr).toBe(0);
  expect(existsSync(join(site, 'out', 'index.html'))).toBe(true);
  expect((await cli('approve')).stdout).toContain('nothing to approve');
  const report = await cli('report');
  expect(report.code).toBe(0);
  expect(report.stdout).toContain('last run: 4 pages, 0 failed');
  expect((await cli('nonsense')).code).toBe(2);
  expect(await outsideState(work, site), 'nothing outside the site changed').toBe(before);
});

/** A Hexo site as its owner has it: the stack's package.json (and lockfile, if any), _config.yml and posts, installed by npm. */
async function hexoSite(work: string, name: string, stack: { manifest: object; lockfile?: string; config: string }, posts: string[]): Promise<string> {
  const site = join(work, name);
  mkdirSync(join(site, 'source', '_posts'), { recursive: true });
  writeFileSync(join(site, 'package.json'), `${JSON.stringify(stack.manifest, null, 1)}\n`);
  if (stack.lockfile !== undefined) copyFileSync(stack.lockfile, join(site, 'package-lock.json'));
  writeFileSync(join(site, '_config.yml'), stack.config);
  for (const post of posts) copyFileSync(post, join(site, 'source', '_posts', basename(post)));
  const installed = await runChild('npm', [stack.lockfile === undefined ? 'install' : 'ci', '--prefer-offline'], ENV, 600_000, site);
  expect(installed.code, installed.stderr).toBe(0);
  return site;
}

/** Installs both tarballs into a Hexo site, generates it, runs `init --yes` and `test`; returns the run. */
async function adoptInHexoSite(work: string, site: string, tarballs: { harness: string; filter: string }): Promise<{ init: ChildRun; test: ChildRun }> {
  const installed = await runChild('npm', ['install', '--save-dev', '--prefer-offline', tarballs.harness, tarballs.filter], ENV, 600_000, site);
  expect(installed.code, installed.stderr).toBe(0);
  const generated = await runChild('npx', ['hexo', 'generate'], ENV, 300_000, site);
  expect(generated.code, generated.stdout + generated.stderr).toBe(0);
  const cli = cliIn(site);
  const init = await cli('init', '--yes');
  expect(init.code, init.stderr).toBe(0);
  expect(readdirSync(join(site, '.github', 'workflows'))).toEqual(['archive-fidelity.yml']);
  expect(readFileSync(join(site, '.github', 'workflows', 'archive-fidelity.yml'), 'utf8')).toMatch(/- run: (TZ=\S+ )?npx hexo generate\n/);
  return { init, test: await cli('test', '--update-snapshots=missing') };
}

test("both packages install into a fresh Hexo 8 site and a fresh site of the archive's stack: init finds the generator, test gives the true verdict, the filter cleans every body, nothing outside the site changes", async () => {
  const work = mkdtempSync(join(tmpdir(), 'installed-hexo-'));
  const tarballs = await packBoth();
  const repoManifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const stock = ['hexo', 'hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag', 'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus', 'hexo-theme-landscape'];
  const landscapeStack = {
    manifest: { name: 'my-blog', private: true, hexo: { version: '8.1.2' }, dependencies: Object.fromEntries(stock.map((name) => [name, repoManifest.devDependencies[name]])) },
    config: 'title: 新闻存档\nurl: http://example.com\npermalink: :title/\ntheme: landscape\n',
  };
  const volantisDir = join(REPO, 'fixtures', 'stacks', 'hexo5-volantis');
  const volantisStack = { manifest: JSON.parse(readFileSync(join(volantisDir, 'package.json'), 'utf8')) as object, lockfile: join(volantisDir, 'package-lock.json'), config: readFileSync(join(volantisDir, '_config.yml'), 'utf8') };
  const fixture = (slug: string): string => join(REPO, 'fixtures', `${slug}.md`);
  const posts = [...PLAIN_POSTS, ...CHROME_POSTS].map(fixture);

  const [landscape, volantis] = await Promise.all([hexoSite(work, 'my-blog', landscapeStack, posts), hexoSite(work, 'my-archive', volantisStack, [...posts, join(REPO, CRC16_TWIN)])]);
  const before = { landscape: await outsideState(work, landscape), volantis: await outsideState(work, volantis) };
  const [onLandscape, onVolantis] = await Promise.all([adoptInHexoSite(work, landscape, tarballs), adoptInHexoSite(work, volantis, tarballs)]);

  await test.step('Hexo 8 + landscape: every post passes', () => {
    expect(onLandscape.init.stdout).toContain('found a Hexo site (theme landscape, permalink :title/)');
    expect(readFileSync(join(landscape, 'archive-fidelity.config.ts'), 'utf8')).toContain("profile: 'hexo-landscape'");
    expect(onLandscape.test.stderr).toContain(`Site: Hexo 8.1.2 at ${landscape}, theme landscape`);
    expect(onLandscape.test.stderr).toContain(`Site profile: hexo-landscape (${join(landscape, 'archive-fidelity.config.ts')}: site.profile)`);
    expect(onLandscape.test.stdout).toMatch(/Fidelity: 6 pages, \d failed/);
    // Landscape's own: it links a favicon it does not ship (a site finding on the index, not on articles).
    const failed = [...onLandscape.test.stdout.matchAll(/✘ (fidelity: [^\n(]+)/g)].map(([, title]) => title?.trim());
    expect(failed, onLandscape.test.stdout).toEqual(['fidelity: index page']);
    expect(onLandscape.test.stdout).toContain("the site's icon /favicon.png is missing");
  });

  await test.step("the archive's stack (Hexo 5.4.2 + volantis + abbrlink): bodies clean, the collision and the theme's defects reported", () => {
    const out = onVolantis.test.stdout;
    expect(onVolantis.init.stdout).toContain('found a Hexo site (theme volantis, permalink p/:abbrlink.html)');
    expect(readFileSync(join(volantis, 'archive-fidelity.config.ts'), 'utf8')).toContain("profile: 'hexo-volantis'");
    expect(onVolantis.test.code).toBe(1);
    expect(out).toContain(`a page of its own: ${COLLIDING[0]} and ${COLLIDING[1]} are both published at p/ab85.html`);
    // With the filter every body check passes: what is left is the theme's (outside the body) and its metadata.
    const findings = [...out.matchAll(/^ {6}(.+?): (.+)$/gm)].map(([, check, message]) => ({ check, message }));
    expect(findings.length).toBeGreaterThan(0);
    const bodyFindings = findings.filter(({ check, message }) => !(check === 'metadata matches the front matter' || check === 'a page of its own' || message?.endsWith(', outside the article body') || check?.startsWith('lists every article once')));
    expect(bodyFindings, out).toEqual([]);
    expect(out).toMatch(/metadata matches the front matter: author in visible byline: expected .+, found 请设置文章作者/);
  });

  expect(await outsideState(work, landscape), 'nothing outside the Hexo 8 site changed but the other site').toBe(before.landscape);
  expect(await outsideState(work, volantis), "nothing outside the archive's site changed but the other site").toBe(before.volantis);
});
