import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv, runChild } from './child-run.ts';

/** A Hexo site generated from some posts, as a user's would be. */
export interface HexoSite {
  /** The site's folder (_config.yml, source/_posts, public). */
  root: string;
  posts: string;
  public: string;
  /** Wall time of `hexo generate`. */
  buildMs: number;
}

const REPO = resolve('.');
/** The plugins a stock Hexo site lists in its package.json, and the theme. */
const SITE_PACKAGES = ['hexo', 'hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag', 'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus'];

/**
 * Builds a stock Hexo 8 site offline in a temporary folder: the repository's installed packages (npm
 * would put the same into the site's node_modules), the theme, `permalink: :title/`, the given posts,
 * and with `clean` this repository's filter plugin, linked the way `npm install <path>` links it. Built
 * with TZ=Asia/Shanghai and no `timezone:`, which keeps the instants of dates that carry GMT.
 */
export async function buildHexoSite(theme: 'landscape' | 'next', posts: string[], { clean }: { clean: boolean }): Promise<HexoSite> {
  const root = mkdtempSync(join(tmpdir(), `hexo-${theme}${clean ? '-clean' : ''}-`));
  const dependencies = Object.fromEntries([...SITE_PACKAGES, `hexo-theme-${theme}`, ...(clean ? ['hexo-archive-clean'] : [])].map((name) => [name, '*']));
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'hexo-site', private: true, hexo: { version: '8.1.2' }, dependencies }, null, 1)}\n`);
  writeFileSync(join(root, '_config.yml'), `title: 新闻存档\nurl: http://example.com\npermalink: :title/\ntheme: ${theme}\n`);
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(REPO, 'node_modules'))) symlinkSync(join(REPO, 'node_modules', entry), join(root, 'node_modules', entry));
  if (clean) symlinkSync(join(REPO, 'hexo-archive-clean'), join(root, 'node_modules', 'hexo-archive-clean'));
  const postsDir = join(root, 'source', '_posts');
  mkdirSync(postsDir, { recursive: true });
  for (const post of posts) copyFileSync(post, join(postsDir, post.split('/').pop() ?? post));
  const started = Date.now();
  const build = await runChild(process.execPath, [join(root, 'node_modules', 'hexo', 'bin', 'hexo'), 'generate', '--cwd', root], cleanEnv({ TZ: 'Asia/Shanghai' }));
  if (build.code !== 0) throw new Error(`hexo generate failed in ${root}:\n${build.stdout}\n${build.stderr}`);
  return { root, posts: postsDir, public: join(root, 'public'), buildMs: Date.now() - started };
}
