import { relative, sep } from 'node:path';
import { filesUnder } from '../cache/verdict-key.ts';

/**
 * The HTML pages a site folder holds at any depth (`a.html`, `b/index.html`, `p/243.html`), as
 * `/`-separated paths: not the index itself, nor anything under what the site profile says is not
 * an article (asset folders, archive, category and tag listings, pagination).
 */
export function listSitePages(dir: string, notArticles: readonly string[] = ['assets']): string[] {
  const skip = new Set(notArticles);
  return (
    filesUnder(dir)
      .map((file) => relative(dir, file).split(sep).join('/'))
      .filter((page) => page.endsWith('.html') && page !== 'index.html')
      // A hidden folder is no page of the site (a render's staging folder, a tool's cache).
      .filter((page) => !page.split('/').some((part) => part.startsWith('.')))
      .filter((page) => {
        const first = page.split('/')[0] ?? '';
        return !skip.has(first) && !skip.has(first.replace(/\.html$/, ''));
      })
      .sort()
  );
}
