import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the rendered folder has no page for an article. */
export class MissingPageError extends Error {}

/**
 * The URL of an article's page in a rendered folder served at `origin`: `<slug>.html`, or
 * `<slug>/index.html` as many static-site generators write it.
 */
export function pageUrl(dir: string, origin: string, slug: string): string {
  const encoded = encodeURIComponent(slug);
  if (isFile(join(dir, `${slug}.html`))) return `${origin}/${encoded}.html`;
  if (isFile(join(dir, slug, 'index.html'))) return `${origin}/${encoded}/`;
  throw new MissingPageError(`no page for "${slug}" in ${dir}: looked for ${slug}.html and ${slug}/index.html`);
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
