import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
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

/** A generator stack: where its packages are installed, what its package.json lists, its _config.yml. */
interface Stack {
  name: string;
  modules: string;
  dependencies: string[];
  hexoVersion: string;
  config: string;
}

/** The plugins a stock Hexo site lists in its package.json. */
const STOCK_PACKAGES = ['hexo', 'hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag', 'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus'];

/** Stock Hexo 8 with landscape or NexT (this repository's dev dependencies), `permalink: :title/`. */
function stockStack(theme: 'landscape' | 'next'): Stack {
  return { name: `hexo-${theme}`, modules: join(REPO, 'node_modules'), dependencies: [...STOCK_PACKAGES, `hexo-theme-${theme}`], hexoVersion: '8.1.2', config: `title: 新闻存档\nurl: http://example.com\npermalink: :title/\ntheme: ${theme}\n` };
}

/** The archive's own stack: Hexo 5.4.2, volantis 5.8.0, hexo-abbrlink (fixtures/stacks/hexo5-volantis, installed by its own lockfile). */
function volantisStack(): Stack {
  const dir = join(REPO, 'fixtures', 'stacks', 'hexo5-volantis');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  return { name: 'hexo5-volantis', modules: join(dir, 'node_modules'), dependencies: [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)], hexoVersion: '5.4.2', config: readFileSync(join(dir, '_config.yml'), 'utf8') };
}

/**
 * Builds a Hexo site offline in a temporary folder: the stack's installed packages (npm would put the
 * same into the site's node_modules), its _config.yml, the given posts, and with `clean` this
 * repository's filter plugin and the package it depends on, installed as npm installs them; `config`
 * is added to the stack's _config.yml. Built with
 * TZ=Asia/Shanghai and no `timezone:`, which keeps the instants of dates that carry GMT.
 */
export async function buildHexoSite(theme: 'landscape' | 'next' | 'volantis', posts: string[], { clean, config = '' }: { clean: boolean; config?: string }): Promise<HexoSite> {
  const stack = theme === 'volantis' ? volantisStack() : stockStack(theme);
  const root = mkdtempSync(join(tmpdir(), `${stack.name}${clean ? '-clean' : ''}-`));
  const dependencies = Object.fromEntries([...stack.dependencies, ...(clean ? ['hexo-archive-clean'] : [])].map((name) => [name, '*']));
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'hexo-site', private: true, hexo: { version: stack.hexoVersion }, dependencies }, null, 1)}\n`);
  writeFileSync(join(root, '_config.yml'), `${stack.config}${config}`);
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(stack.modules)) if (entry !== '.package-lock.json') symlinkSync(join(stack.modules, entry), join(root, 'node_modules', entry));
  // As npm installs the plugin from its package: a copy in the site's node_modules, beside the
  // archive-fidelity package it depends on (this repository, built: lib/).
  if (clean) {
    cpSync(join(REPO, 'hexo-archive-clean'), join(root, 'node_modules', 'hexo-archive-clean'), { recursive: true });
    symlinkSync(REPO, join(root, 'node_modules', 'archive-fidelity'));
  }
  const postsDir = join(root, 'source', '_posts');
  mkdirSync(postsDir, { recursive: true });
  for (const post of posts) copyFileSync(post, join(postsDir, basename(post)));
  const started = Date.now();
  // As `npx hexo generate` runs it: the site's own bin folder first on PATH (volantis runs `hexo -v` to check its versions).
  const env = cleanEnv({ TZ: 'Asia/Shanghai', PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` });
  const build = await runChild(process.execPath, [join(root, 'node_modules', 'hexo', 'bin', 'hexo'), 'generate', '--cwd', root], env, undefined, root);
  if (build.code !== 0) throw new Error(`hexo generate failed in ${root}:\n${build.stdout}\n${build.stderr}`);
  return { root, posts: postsDir, public: join(root, 'public'), buildMs: Date.now() - started };
}
