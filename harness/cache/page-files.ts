import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Parser } from 'htmlparser2';
import { sameOriginUrl } from '../oracle/normalize.ts';
import { fileFor } from '../run/static-server.ts';
import { filesUnder } from './verdict-key.ts';

/** Attributes through which a page loads a file, by element (a link a reader follows is not loaded). */
const LOADING: Record<string, readonly string[]> = {
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['poster'],
  iframe: ['src'],
  object: ['data'],
  embed: ['src'],
};

/** What each style sheet brings in, followed to the end: read once per process (every page of a site shares them). */
const styleSheetClosures = new Map<string, string[]>();
/** Every file of a site folder that is not an HTML page, listed once per process. */
const siteAssetLists = new Map<string, string[]>();

/**
 * Every file of the site folder a page may load, found from the page itself: its style sheets,
 * scripts, local images and frames, and, through each style sheet, the files it imports and the fonts
 * and images it names (`@import`, `url()`), followed to the end. A page that runs scripts may fetch
 * anything as it runs (a theme's search index, lazily loaded images): for it, every file of the folder
 * that is not an HTML page. More than a browser fetches, never less: a change in any of these can
 * change what the page shows. The page's own file is first; paths are relative to the site folder.
 */
export function pageFiles(siteDir: string, pageFile: string, pageUrl: string): string[] {
  const found = new Set<string>([pageFile]);
  const { references, scripted } = readPage(pageFile);
  for (const reference of references) {
    const local = localFile(siteDir, reference, pageUrl);
    if (local === undefined) continue;
    found.add(local.file);
    if (local.file.endsWith('.css')) for (const file of styleSheetClosure(siteDir, local.file, local.url)) found.add(file);
  }
  if (scripted) for (const file of siteAssets(siteDir)) found.add(file);
  return [...found].map((file) => relative(siteDir, file));
}

/**
 * The URLs a page loads through, and whether it runs scripts (any script but JSON data, the same rule
 * as settling). A streaming parse, no document tree: this runs for every article on every run.
 */
function readPage(pageFile: string): { references: string[]; scripted: boolean } {
  const references: string[] = [];
  let scripted = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && !/json/i.test(attributes.type ?? '')) scripted = true;
      for (const attribute of LOADING[name] ?? []) {
        const value = attributes[attribute];
        if (value === undefined) continue;
        if (attribute === 'srcset') references.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
        else references.push(value);
      }
    },
  });
  parser.end(readFileSync(pageFile, 'utf8'));
  return { references, scripted };
}

/** Every file of the site folder but its HTML pages (other articles, index and archive pages change with every new post). */
function siteAssets(siteDir: string): string[] {
  let assets = siteAssetLists.get(siteDir);
  if (assets === undefined) {
    assets = filesUnder(siteDir).filter((file) => !/\.html?$/i.test(file));
    siteAssetLists.set(siteDir, assets);
  }
  return assets;
}

/** The file of the site folder a reference names from `base`, if it is on the same origin and exists. */
function localFile(siteDir: string, reference: string, base: string): { file: string; url: string } | undefined {
  const url = sameOriginUrl(reference, base);
  if (url === undefined) return undefined;
  const file = fileFor(siteDir, url.href);
  return file === undefined ? undefined : { file, url: url.href };
}

/** Every file a style sheet brings in (`@import`, `url()`), and what those bring in, to the end. */
function styleSheetClosure(siteDir: string, cssFile: string, cssUrl: string): string[] {
  const known = styleSheetClosures.get(cssFile);
  if (known !== undefined) return known;
  const found = new Set<string>();
  const queue = [{ file: cssFile, url: cssUrl }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const reference of styleSheetReferences(next.file)) {
      const local = localFile(siteDir, reference, next.url);
      if (local === undefined || found.has(local.file) || local.file === cssFile) continue;
      found.add(local.file);
      if (local.file.endsWith('.css')) queue.push(local);
    }
  }
  styleSheetClosures.set(cssFile, [...found]);
  return [...found];
}

/** The URLs a style sheet names (`@import` and `url()`), data: URLs aside. */
function styleSheetReferences(cssFile: string): string[] {
  const css = readFileSync(cssFile, 'utf8');
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((match) => match[2] ?? match[4] ?? '').filter((url) => url !== '' && !url.startsWith('data:'));
}
