import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { SourceFile } from '../run/sources.ts';
import { sharedPages, type PageMap, type PagePlace } from './page-map.ts';
import { sharedPageAdvice } from './shared-page-advice.ts';

const run = promisify(execFile);

/** The child script that reads a Hexo site with that site's own Hexo. */
const MODEL_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'hexo-model.cjs');

/** How far above ARCHIVE_SRC a site's `_config.yml` is looked for (`<site>/source/_posts` is two levels down). */
const LEVELS_UP = 3;

/** What Hexo itself says of a site: its version, theme, permalink, and the file it publishes each source at. */
const HexoModel = z.object({
  generator: z.string(),
  theme: z.string().optional(),
  themeVersion: z.string().optional(),
  permalink: z.string(),
  abbrlink: z.object({ alg: z.string(), rep: z.string() }).optional(),
  plugins: z.array(z.string()),
  publicDir: z.string(),
  posts: z.array(z.object({ source: z.string(), page: z.string(), title: z.string().optional(), unpublished: z.string().optional(), missing: z.array(z.string()).optional() })),
  pages: z.array(z.string()),
});

/** A Hexo site as its own Hexo reads it. */
export type HexoModel = z.infer<typeof HexoModel> & { dir: string };

/** Raised when a Hexo site was found but cannot be read; the message is one line naming the site. */
export class HexoSiteError extends Error {}

/** True when a folder is a Hexo site: a `_config.yml` beside a package.json that depends on hexo. */
function isHexoSite(dir: string): boolean {
  if (!existsSync(join(dir, '_config.yml'))) return false;
  try {
    const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return 'hexo' in { ...dependencies, ...devDependencies };
  } catch {
    return false;
  }
}

/**
 * The Hexo site the sources and pages belong to: `named` (ARCHIVE_SITE) if given, else the first
 * folder holding a Hexo `_config.yml` at or above the sources, or above the published folder.
 */
export function findHexoSite(srcDir: string, outDir: string, named: string | undefined): string | undefined {
  if (named !== undefined) {
    const dir = resolve(named);
    if (!isHexoSite(dir)) throw new HexoSiteError(`ARCHIVE_SITE=${named}: not a Hexo site (no _config.yml beside a package.json that depends on hexo)`);
    return dir;
  }
  const candidates: string[] = [];
  for (let dir = resolve(srcDir), level = 0; level <= LEVELS_UP; level++, dir = dirname(dir)) candidates.push(dir);
  candidates.push(dirname(resolve(outDir)));
  return candidates.find(isHexoSite);
}

/** Reads a Hexo site with the Hexo it has installed, in a child process (see hexo-model.cjs). */
export async function readHexoModel(siteDir: string): Promise<HexoModel> {
  const work = mkdtempSync(join(tmpdir(), 'archive-fidelity-hexo-'));
  const out = join(work, 'model.json');
  try {
    // As `npx hexo` runs it: the site's own bin folder first on PATH (a theme may run `hexo -v` as it loads).
    const env = { ...process.env, NODE_OPTIONS: '', PATH: `${join(siteDir, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
    await run(process.execPath, [MODEL_SCRIPT, siteDir, out], { cwd: siteDir, maxBuffer: 64 * 1024 * 1024, env });
    const data = JSON.parse(readFileSync(out, 'utf8')) as { error?: string };
    if (data.error !== undefined) throw new HexoSiteError(data.error);
    const parsed = HexoModel.safeParse(data);
    if (!parsed.success) throw new HexoSiteError(`Hexo's model of ${siteDir} is not what this harness reads: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return { ...parsed.data, dir: siteDir };
  } catch (error) {
    if (error instanceof HexoSiteError) throw error;
    const stderr =
      String((error as { stderr?: string }).stderr ?? error)
        .trim()
        .split('\n')[0] ?? '';
    throw new HexoSiteError(`Hexo could not read the site ${siteDir}: ${stderr}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The theme in words: `volantis 5.8.0`. */
export function themeOf(model: HexoModel): string {
  return model.theme === undefined ? 'no theme' : `theme ${model.theme}${model.themeVersion === undefined ? '' : ` ${model.themeVersion}`}`;
}

/** Every source's page as Hexo's own model publishes it: any permalink works, nothing is guessed. */
export function pagesFromHexo(model: HexoModel, sources: readonly SourceFile[]): PageMap {
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const posts = new Map(model.posts.map((post) => [real(post.source), post]));
  const how = `${model.generator}'s own model of ${model.dir} (${themeOf(model)}, permalink ${model.permalink})`;
  const places: Record<string, PagePlace> = {};
  for (const source of sources) {
    const post = posts.get(real(source.path));
    if (post === undefined) places[source.slug] = { none: `Hexo's model of ${model.dir} has no post from ${source.path} (is ARCHIVE_SRC the site's source/_posts?)` };
    else if (post.missing !== undefined)
      places[source.slug] = {
        none: `its permalink ${model.permalink} needs ${post.missing.map((token) => `${token}:`).join(', ')} in its front matter, which it does not have yet (hexo-abbrlink writes abbrlink: when it builds a post): run hexo generate, then the suite`,
      };
    else places[source.slug] = { page: post.page, ...(post.unpublished === undefined ? {} : { unpublished: post.unpublished }) };
  }
  return { how, places, shared: sharedPages(places, sources, (page, files) => sharedPageAdvice(model, page, files)), otherPages: model.pages, generatorDir: model.dir };
}
