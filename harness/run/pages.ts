import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the rendered folder has no page for an article. */
export class MissingPageError extends Error {}

/** The file of an article's page in a rendered folder: `<slug>.html`, or `<slug>/index.html` as many generators write it. */
export function pagePath(dir: string, slug: string): string {
  if (slug === 'index') throw new MissingPageError(`a source named index.md has no page of its own: index.html is the archive's index; rename the source`);
  for (const path of [join(dir, `${slug}.html`), join(dir, slug, 'index.html')]) if (isFile(path)) return path;
  throw new MissingPageError(`no page for "${slug}" in ${dir}: looked for ${slug}.html and ${slug}/index.html`);
}

/** The URL of an article's page in a rendered folder served at `origin`. */
export function pageUrl(dir: string, origin: string, slug: string): string {
  const encoded = encodeURIComponent(slug);
  return pagePath(dir, slug) === join(dir, `${slug}.html`) ? `${origin}/${encoded}.html` : `${origin}/${encoded}/`;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The article pages a rendered folder holds (`<slug>.html` and `<slug>/index.html`), not the index
 * itself nor what the site profile says is not an article (asset folders, archive and tag pages).
 */
export function listPages(dir: string, notArticles: readonly string[] = ['assets']): string[] {
  const skip = new Set(notArticles);
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name) || skip.has(entry.name.replace(/\.html$/, ''))) continue;
    if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== 'index.html') pages.push(entry.name.slice(0, -'.html'.length));
    else if (entry.isDirectory() && isFile(join(dir, entry.name, 'index.html'))) pages.push(entry.name);
  }
  return pages.sort();
}
