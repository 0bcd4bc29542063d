import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the rendered folder has no page for an article. */
export class MissingPageError extends Error {}

/** The file of an article's page in a rendered folder: `<slug>.html`, or `<slug>/index.html` as many generators write it. */
export function pagePath(dir: string, slug: string): string {
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
