import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test } from '../support/selftest.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { RecyclingObserver } from '../../harness/observe/recycling-observer.ts';
import { indexPages } from '../../harness/run/index-pages.ts';
import { serveFolder, type StaticServer } from '../../harness/run/static-server.ts';

const profile = builtinProfile('archive-renderer');

/** An index page: its heading, a served `next` link if any, and a script run at load. */
const indexPage = (heading: string, next?: string, script = ''): string => `<!doctype html><title>${heading}</title><h1>${heading}</h1>${next === undefined ? '' : `<a rel="next" href="${next}">next</a>`}<script>${script}</script>`;

/** Every page of a site, by path. */
const SITE: Record<string, string> = {
  'index.html': indexPage('one', '/page/2/'),
  'page/2/index.html': indexPage('two', '/page/3/'),
  'page/3/index.html': indexPage('three'),
  // Served without a next link; a script adds one, as a scripted theme may.
  'scripted/index.html': indexPage('s-one', '/scripted/2/'),
  'scripted/2/index.html': indexPage('s-two', undefined, `document.body.insertAdjacentHTML('beforeend', '<a rel="next" href="/scripted/3/">next</a>');`),
  'scripted/3/index.html': indexPage('s-three'),
  // Served with a next link a script then points elsewhere.
  'moved/index.html': indexPage('m-one', '/moved/2/', `document.querySelector('a[rel=next]').href = '/moved/9/';`),
  'moved/2/index.html': indexPage('m-two'),
  'moved/9/index.html': indexPage('m-nine'),
};

let folder: string;
let server: StaticServer;
test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'index-pages-'));
  for (const [path, html] of Object.entries(SITE)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), html);
  }
  server = await serveFolder(folder);
});
test.afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The index chain from `start`, observed by two observers side by side: each page's path, and how many pages were opened. */
async function chain(browser: Browser, start: string, screenshots = false): Promise<{ paths: string[]; opened: number; shown: string }> {
  const own = new RecyclingObserver(() => Promise.resolve(browser), server.origin, profile);
  const both = [own, own.sibling()] as const;
  let opened = 0;
  try {
    const pages = await indexPages(both, server.origin, { ...profile.index, start }, { screenshots }, () => opened++);
    return { paths: pages.map((page) => new URL(page.url).pathname), opened, shown: new URL(own.page.url()).pathname };
  } finally {
    for (const observer of both) await observer.close();
  }
}

test('the index chain is read ahead and observed two pages at a time: every page once, in order', async ({ browser }) => {
  const { paths, opened } = await chain(browser, 'index.html');
  expect(paths).toEqual(['/', '/page/2/', '/page/3/']);
  expect(opened, 'no page opened twice').toBe(3);
});

test('with screenshots the first page is left showing in the test’s own observer', async ({ browser }) => {
  const { paths, shown } = await chain(browser, 'index.html', true);
  expect(paths).toEqual(['/', '/page/2/', '/page/3/']);
  expect(shown).toBe('/');
});

test('the chain is followed as the browser shows it: a next link a script adds is followed, one a script moves is followed where it points', async ({ browser }) => {
  expect((await chain(browser, 'scripted/')).paths).toEqual(['/scripted/', '/scripted/2/', '/scripted/3/']);
  expect((await chain(browser, 'moved/')).paths, 'the served /moved/2/ was read ahead, but the page links to /moved/9/').toEqual(['/moved/', '/moved/9/']);
});
