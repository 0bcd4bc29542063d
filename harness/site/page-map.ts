import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SourceFile } from '../run/sources.ts';

/** Thrown when the rendered folder has no page for an article; the message says where it was looked for and why. */
export class MissingPageError extends Error {}

/** Where one source is published, as the site's generator decides it. */
export interface PagePlace {
  /** The page's file in the site folder, `/`-separated (`p/243.html`, `my-post/index.html`); absent: the generator gives it none. */
  page?: string;
  /** Why the generator publishes no page for it on purpose (a draft, `published: false`): the article is skipped, not failed. */
  unpublished?: string;
  /** Why no page could be located for it (the generator does not know the source). */
  none?: string;
}

/** Two or more sources the generator publishes at one page: all but one are lost. */
export interface SharedPage {
  page: string;
  /** The sources' file names, in code-point order. */
  sources: string[];
  /** Why they share one page and how to give each its own, in words. */
  advice: string;
}

/**
 * Every source's page, read from the generator itself where it can tell (Hexo's own model), from a
 * manifest the user gives, or by this project's file-name rule. The article, folder and index checks
 * all read pages through it, so they agree on which page belongs to which source.
 */
export interface PageMap {
  /** How the pages were located, for the run's first line (`Hexo 5.4.2's own model (…)`). */
  how: string;
  /** By source slug. */
  places: Record<string, PagePlace>;
  /** Pages sharing one file, each naming its sources. */
  shared: SharedPage[];
  /** Pages the generator writes that are not posts (Hexo's own pages such as `about/index.html`): no folder finding. */
  otherPages: string[];
  /** The generator's own folder (a Hexo site's), whose installed packages may answer the theme's CDN requests. */
  generatorDir?: string;
  /** True for the file-name rule: a missing page is looked for at both `<slug>.html` and `<slug>/index.html`. */
  byFileName?: boolean;
}

/** This project's rule, and the default for any folder: `<slug>.html`, or `<slug>/index.html` as many generators write it. */
export function pagesByFileName(siteDir: string, sources: readonly SourceFile[]): PageMap {
  const places: Record<string, PagePlace> = {};
  for (const { slug } of sources) {
    if (slug === 'index') continue; // index.html is the archive's index: pagePlace says so
    const nested = `${slug}/index.html`;
    places[slug] = { page: !isFile(join(siteDir, `${slug}.html`)) && isFile(join(siteDir, nested)) ? nested : `${slug}.html` };
  }
  return { how: 'by file name (<slug>.html or <slug>/index.html)', places, shared: [], otherPages: [], byFileName: true };
}

/** The sources of each page, to find the pages more than one source claims. */
export function sharedPages(places: Record<string, PagePlace>, sources: readonly SourceFile[], advice: (page: string, files: string[]) => string): SharedPage[] {
  const fileOf = new Map(sources.map((source) => [source.slug, basename(source.path)]));
  const shared: SharedPage[] = [];
  for (const [page, slugs] of sourcesByPage({ places })) {
    if (slugs.length < 2) continue;
    const files = slugs.map((slug) => fileOf.get(slug) ?? slug).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    shared.push({ page, sources: files, advice: advice(page, files) });
  }
  return shared.sort((a, b) => (a.page < b.page ? -1 : 1));
}

/** The page file of an article in `siteDir`; MissingPageError says why there is none. */
export function pageFile(map: PageMap, siteDir: string, slug: string): string {
  if (slug === 'index' && map.byFileName === true) throw new MissingPageError(`a source named index.md has no page of its own: index.html is the archive's index; rename the source`);
  const place = map.places[slug];
  const page = place?.page;
  if (page === undefined) throw new MissingPageError(`no page for "${slug}": ${place?.none ?? `${map.how} gives it none`}`);
  const file = join(siteDir, ...page.split('/'));
  if (isFile(file)) return file;
  if (map.byFileName === true) throw new MissingPageError(`no page for "${slug}" in ${siteDir}: looked for ${slug}.html and ${slug}/index.html`);
  throw new MissingPageError(`no page for "${slug}" in ${siteDir}: ${map.how} publishes it at ${page}, which is not there (is the site generated from these sources?)`);
}

/** The URL of a page file served at `origin`: `x/index.html` as `x/`, the way sites link their pages. */
function pageUrlOf(origin: string, page: string): string {
  const path = page.split('/').map(encodeURIComponent).join('/');
  return `${origin}/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** An article's page URL, served at `origin` (MissingPageError when it has none). */
export function articleUrl(map: PageMap, siteDir: string, origin: string, slug: string): string {
  pageFile(map, siteDir, slug);
  return pageUrlOf(origin, map.places[slug]?.page ?? '');
}

/** Page file (`/`-separated, in the site folder) → the slugs published there. */
export function sourcesByPage(map: Pick<PageMap, 'places'>): Map<string, string[]> {
  const byPage = new Map<string, string[]>();
  for (const [slug, place] of Object.entries(map.places)) {
    if (place.page === undefined || place.unpublished !== undefined) continue;
    byPage.set(place.page, [...(byPage.get(place.page) ?? []), slug]);
  }
  return byPage;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
