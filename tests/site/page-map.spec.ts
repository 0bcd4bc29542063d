import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSitePages } from '../../harness/run/pages.ts';
import { findHexoSite, HexoSiteError, pagesFromHexo, readHexoModel } from '../../harness/site/hexo-site.ts';
import { ManifestError, pagesFromManifest } from '../../harness/site/page-manifest.ts';
import { articleUrl, MissingPageError, pageFile, pagesByFileName, sourcesByPage } from '../../harness/site/page-map.ts';
import { sharedPageAdvice } from '../../harness/site/shared-page-advice.ts';
import { runPlaywright } from '../support/child-run.ts';
import { buildHexoSite } from '../support/hexo-site.ts';
import { expect, test } from '../support/selftest.ts';

/** A folder holding the given files (path → content). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-map-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const sources = (...slugs: string[]) => slugs.map((slug) => ({ slug, path: `/src/${slug}.md` }));
const POST = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2022-03-10 11:07:26\ncategories:\n - 金融\n${extra}---\n\n<p>正文。</p>\n`;

test.describe('page map: where each source is published', () => {
  test('by file name: <slug>.html or <slug>/index.html; a missing page says where it was looked for', () => {
    const site = folder({ 'a.html': '', 'b/index.html': '', 'assets/x.html': '' });
    const map = pagesByFileName(site, sources('a', 'b', 'c'));
    expect(pageFile(map, site, 'a')).toBe(join(site, 'a.html'));
    expect(articleUrl(map, site, 'http://127.0.0.1:9', 'b')).toBe('http://127.0.0.1:9/b/');
    expect(() => pageFile(map, site, 'c')).toThrow(new MissingPageError(`no page for "c" in ${site}: looked for c.html and c/index.html`));
    expect(listSitePages(site)).toEqual(['a.html', 'b/index.html']);
  });

  test('the folder is listed at any depth, without what the profile says is not an article', () => {
    const site = folder({ 'index.html': '', 'p/243.html': '', 'p/8e89.html': '', 'archives/index.html': '', 'categories/x/index.html': '', '2022/03/t/index.html': '' });
    expect(listSitePages(site, ['archives', 'categories'])).toEqual(['2022/03/t/index.html', 'p/243.html', 'p/8e89.html']);
  });

  test('a manifest maps source files to pages; a bad one is refused naming the file and the entry', () => {
    const site = folder({ 'pages.json': JSON.stringify({ 'a.md': 'p/1.html', 'b.md': 'posts/b/' }), 'bad.json': JSON.stringify({ 'a.md': '../etc/passwd' }), 'broken.json': '{' });
    const map = pagesFromManifest(join(site, 'pages.json'), sources('a', 'b', 'c'));
    expect(map.places).toEqual({ a: { page: 'p/1.html' }, b: { page: 'posts/b/index.html' }, c: { none: `the manifest ${join(site, 'pages.json')} names no page for c.md` } });
    expect(() => pagesFromManifest(join(site, 'bad.json'), sources('a'))).toThrow(ManifestError);
    expect(() => pagesFromManifest(join(site, 'bad.json'), sources('a'))).toThrow(/bad\.json: entry "a\.md": a page file inside the site folder/);
    expect(() => pagesFromManifest(join(site, 'broken.json'), sources('a'))).toThrow(/broken\.json: not valid JSON/);
    expect(() => pagesFromManifest(join(site, 'none.json'), sources('a'))).toThrow(/none\.json: no such file/);
  });

  test('two sources at one page are named with the page, the cause and the fix; the page stands for both', () => {
    const map = pagesFromManifest(folder({ 'm.json': JSON.stringify({ 'a.md': 'p/1.html', 'b.md': 'p/1.html' }) }) + '/m.json', sources('a', 'b'));
    expect(map.shared).toEqual([{ page: 'p/1.html', sources: ['a.md', 'b.md'], advice: expect.stringMatching(/^a\.md and b\.md are both published at p\/1\.html by the manifest/) }]);
    expect(sourcesByPage(map).get('p/1.html')).toEqual(['a', 'b']);
    const abbrlink = { permalink: 'p/:abbrlink.html', abbrlink: { alg: 'crc16', rep: 'hex' }, plugins: ['hexo-abbrlink'] };
    expect(sharedPageAdvice(abbrlink, 'p/ab85.html', ['a.md', 'b.md'])).toMatch(
      /^a\.md and b\.md are both published at p\/ab85\.html: only one of them can be read there, the other is lost\. Cause: hexo-abbrlink \(alg crc16, rep hex\) gave both titles the same abbrlink.*Fix: give one of them an abbrlink: of its own by hand/,
    );
    expect(sharedPageAdvice({ ...abbrlink, permalink: ':title/', plugins: [] }, 'x/index.html', ['a.md', 'b.md'])).toMatch(
      /Cause: the permalink :title\/ makes the same path of both file names or titles\. Fix: give one of them a slug: or permalink: of its own/,
    );
  });

  test('a Hexo site is found above its posts or its public folder, or named; a named folder that is not one is refused', () => {
    const site = folder({ '_config.yml': 'title: x\n', 'package.json': JSON.stringify({ dependencies: { hexo: '8.1.2' } }), 'source/_posts/a.md': POST('甲'), 'public/index.html': '' });
    expect(findHexoSite(join(site, 'source', '_posts'), join(site, 'public'), undefined)).toBe(site);
    expect(findHexoSite(folder({ 'a.md': '' }), join(site, 'public'), undefined)).toBe(site);
    expect(findHexoSite(folder({ 'a.md': '' }), folder({ 'index.html': '' }), undefined)).toBeUndefined();
    expect(() => findHexoSite(site, site, folder({ '_config.yml': '' }))).toThrow(HexoSiteError);
  });

  test("Hexo's own model places every post by its permalink, marks what it does not publish, and leaves the site as it was", async () => {
    const posts = folder({ 'a.md': POST('甲篇'), 'b.md': POST('乙篇', 'published: false\n') });
    const built = await buildHexoSite('landscape', [join(posts, 'a.md'), join(posts, 'b.md')], { clean: false });
    writeFileSync(join(built.root, '_config.yml'), readFileSync(join(built.root, '_config.yml'), 'utf8').replace('permalink: :title/', 'permalink: :year/:month/:title.html'));
    const before = snapshot(built.root);
    const model = await readHexoModel(built.root);
    expect(snapshot(built.root), 'reading the model writes nothing into the site').toEqual(before);
    expect(model).toMatchObject({ generator: 'Hexo 8.1.2', theme: 'landscape', permalink: ':year/:month/:title.html' });
    const map = pagesFromHexo(model, [
      { slug: 'a', path: join(built.posts, 'a.md') },
      { slug: 'b', path: join(built.posts, 'b.md') },
      { slug: 'c', path: join(posts, 'c.md') },
    ]);
    expect(map.places.a).toEqual({ page: '2022/03/a.html' });
    expect(map.places.b).toEqual({ page: '2022/03/b.html', unpublished: 'its front matter says published: false' });
    expect(map.places.c?.none).toMatch(/^Hexo's model of .* has no post from .*c\.md \(is ARCHIVE_SRC the site's source\/_posts\?\)$/);
    expect(map.how).toBe(`Hexo 8.1.2's own model of ${built.root} (theme landscape 1.1.0, permalink :year/:month/:title.html)`);
  });

  test("a post the archive's stack has not built yet has no page to judge, and reading it writes no abbrlink into it", async () => {
    const built = await buildHexoSite('volantis', [join(folder({ 'a.md': POST('甲篇') }), 'a.md')], { clean: false });
    writeFileSync(join(built.posts, 'new.md'), POST('新的一篇'));
    const before = snapshot(built.root);
    const model = await readHexoModel(built.root);
    expect(snapshot(built.root)).toEqual(before);
    const map = pagesFromHexo(model, [
      { slug: 'a', path: join(built.posts, 'a.md') },
      { slug: 'new', path: join(built.posts, 'new.md') },
    ]);
    expect(map.places.a?.page).toMatch(/^p\/[0-9a-f]+\.html$/);
    expect(map.places.new).toEqual({ none: 'its permalink p/:abbrlink.html needs abbrlink: in its front matter, which it does not have yet (hexo-abbrlink writes abbrlink: when it builds a post): run hexo generate, then the suite' });
  });

  test('a Hexo site is announced with its generator, theme and permalink; one whose theme no profile fits stops the run in one line', async () => {
    const built = await buildHexoSite('landscape', [join(folder({ 'a.md': POST('甲篇') }), 'a.md')], { clean: false });
    const run = await runPlaywright(['--project=archive', '--grep', 'folder:'], { ARCHIVE_SRC: built.posts, ARCHIVE_OUT: built.public });
    expect(run.stderr).toContain(`Site: Hexo 8.1.2 at ${built.root}, theme landscape 1.1.0, permalink :title/: pages located by Hexo's own model; 1 sources`);
    // The same pages without landscape's markers: a theme no built-in profile knows.
    for (const entry of readdirSync(built.public, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const file = join(entry.parentPath, entry.name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('id="logo"', 'id="brand"').replaceAll('article-entry', 'post-text'));
    }
    const stopped = await runPlaywright(['--project=archive', '--grep', 'folder:'], { ARCHIVE_SRC: built.posts, ARCHIVE_OUT: built.public });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr.trim()).toBe(
      'Site profile: none fits this Hexo site (theme landscape 1.1.0): the built-in profiles are hexo-volantis, hexo-next, hexo-landscape. Write a profile for the theme (docs/profiles.md: "A worked example") and name it in site.profile (or ARCHIVE_PROFILE=<file>)',
    );
  });

  test('a Hexo site that cannot be read is one line naming it', async () => {
    const site = folder({ '_config.yml': 'title: x\n', 'package.json': JSON.stringify({ dependencies: { hexo: '8.1.2' } }) });
    await expect(readHexoModel(site)).rejects.toThrow(new HexoSiteError(`the Hexo site ${site} has no Hexo installed (node_modules/hexo): run npm install there`));
  });
});

/** Every file of a folder with its size and time: equal snapshots mean nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('node_modules') || entry.parentPath.includes('public')) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    files[path] = `${stat.size} ${stat.mtimeMs} ${readFileSync(path, 'utf8').length}`;
  }
  return files;
}
