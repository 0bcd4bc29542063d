import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { archiveConfig, envValue, renderedDir } from '../config/archive-config.ts';
import { settings } from '../config/settings.ts';
import { listSources } from '../run/sources.ts';
import { findHexoSite, pagesFromHexo, readHexoModel, type HexoModel } from './hexo-site.ts';
import { pagesFromManifest } from './page-manifest.ts';
import { pagesByFileName, type PageMap } from './page-map.ts';

/** Where global setup leaves the page map for every process of the run (not a verdict setting: the map's pages are hashed). */
const PAGE_MAP_ENV = 'ARCHIVE_PAGE_MAP';

/** The pages of a run and, for a Hexo site, what Hexo said of it. */
export interface LocatedPages {
  map: PageMap;
  hexo?: HexoModel;
}

/**
 * Finds every source's page the way its generator does: a manifest the user gives (ARCHIVE_PAGES);
 * else, for a folder rendered elsewhere that belongs to a Hexo site (ARCHIVE_SITE, or found from
 * ARCHIVE_SRC / ARCHIVE_OUT; `ARCHIVE_SITE=none` turns this off), Hexo's own model; else this
 * project's file-name rule.
 */
export async function locatePages(siteDir: string, env: NodeJS.ProcessEnv = process.env): Promise<LocatedPages> {
  const config = archiveConfig(env);
  const sources = listSources(config.srcDir);
  const { manifest, generator: named } = settings(env);
  if (manifest !== undefined) return { map: pagesFromManifest(manifest, sources) };
  if (config.outDir !== undefined && named !== 'none') {
    const hexoDir = findHexoSite(config.srcDir, config.outDir, named);
    if (hexoDir !== undefined) {
      const hexo = await readHexoModel(hexoDir);
      return { map: pagesFromHexo(hexo, sources), hexo };
    }
  }
  return { map: pagesByFileName(siteDir, sources) };
}

/** Writes the map where every process of the run reads it; returns the clean-up. */
export function savePageMap(map: PageMap): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'archive-fidelity-pages-'));
  const file = join(dir, 'pages.json');
  writeFileSync(file, JSON.stringify(map));
  process.env[PAGE_MAP_ENV] = file;
  cached = undefined;
  return () => rmSync(dir, { recursive: true, force: true });
}

let cached: PageMap | undefined;

/** The page map global setup located for this run, if this process belongs to one. */
export function locatedPageMap(env: NodeJS.ProcessEnv = process.env): PageMap | undefined {
  return envValue(env, PAGE_MAP_ENV) === undefined ? undefined : pageMap(env);
}

/** The run's page map: the one global setup located, else (a process started without it) the file-name rule. */
export function pageMap(env: NodeJS.ProcessEnv = process.env): PageMap {
  if (cached !== undefined) return cached;
  const file = envValue(env, PAGE_MAP_ENV);
  cached = file === undefined ? pagesByFileName(renderedDir(env), listSources(archiveConfig(env).srcDir)) : (JSON.parse(readFileSync(file, 'utf8')) as PageMap);
  return cached;
}

/**
 * Where npm packages that answer a theme's CDN requests are looked for: the generator's site folder
 * (a Hexo site's node_modules), the folder above the pages, and the working directory.
 */
export function packageRoots(siteDir: string, map: PageMap = pageMap()): string[] {
  return [...new Set([...(map.generatorDir === undefined ? [] : [map.generatorDir]), dirname(siteDir), process.cwd()])];
}
