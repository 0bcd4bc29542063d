import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lazyBrowser, type LazyBrowser } from '../../harness/browser/lazy-browser.ts';
import { checkHealth } from '../../harness/checks/health.ts';
import { PackageFiles } from '../../harness/observe/cdn-packages.ts';
import { DeclaredFonts } from '../../harness/observe/declared-fonts.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { serveFolder, type StaticServer } from '../../harness/run/static-server.ts';
import { expect, test } from '../support/selftest.ts';

const FONT = createRequire(import.meta.url).resolve('@fontsource/noto-sans-mono/files/noto-sans-mono-latin-400-normal.woff2');
const PROFILE = { ...builtinProfile('hexo-next'), article: { ...builtinProfile('hexo-next').article, contentRoot: ['.post'] } };

/** A page whose fonts come from a linked sheet (and the sheet it imports), its own `<style>` and a CDN's sheet. */
function page(cdnSheet: string): string {
  return `<!DOCTYPE html><html><head><title>t</title>
<link rel="stylesheet" href="assets/site.css">
<link rel="stylesheet" href="${cdnSheet}">
<style>@font-face { font-family: inline; src: url(assets/inline.woff2) format('woff2'); } p { font-family: inline, site, sans-serif; }</style>
</head><body><div class="post"><p>第一段。 text</p></div></body></html>`;
}

let site: string;
let server: StaticServer | undefined;
let fontless: LazyBrowser | undefined;

/** Writes `files` under the site folder (`public/` is what the server serves, `node_modules/` what CDNs are answered from). */
function write(files: Record<string, string>): void {
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), body);
  }
}

/** A real web font at each of `files`, as a site would serve it. */
function copyFont(files: string[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    copyFileSync(FONT, join(site, file));
  }
}

test.beforeAll(async ({ playwright, launchOptions }) => {
  site = mkdtempSync(join(tmpdir(), 'declared-fonts-'));
  const face = (family: string, url: string, extra = ''): string => `@font-face { font-family: ${family}; src: ${extra}url(${url}) format('woff2'); }`;
  write({
    'public/ok.html': page('https://cdn.jsdelivr.net/npm/theme-icons@2.1.0/css/icons.css'),
    'public/broken.html': page('https://cdn.jsdelivr.net/npm/theme-icons@2.1.0/css/broken.css'),
    // The first source a browser can use is the one it fetches: an EOT before it is passed over, so is local().
    'public/assets/site.css': `@import url(more.css); ${face('site', 'fonts/site.woff2', "url(fonts/old.eot) format('embedded-opentype'), local('No Such Font'), ")} @media print { ${face('print', 'fonts/print-only.woff2')} }`,
    'public/assets/more.css': face('more', 'fonts/more.woff2'),
    'node_modules/theme-icons/package.json': JSON.stringify({ name: 'theme-icons', version: '2.1.0' }),
    'node_modules/theme-icons/css/icons.css': face('icons', '../fonts/icons.woff2'),
    'node_modules/theme-icons/css/broken.css': face('icons', '../fonts/gone.woff2'),
  });
  copyFont(['public/assets/fonts/site.woff2', 'public/assets/fonts/more.woff2', 'public/assets/inline.woff2', 'node_modules/theme-icons/fonts/icons.woff2']);
  server = await serveFolder(join(site, 'public'));
  fontless = lazyBrowser(playwright.chromium, launchOptions, { webFonts: false });
});

test.afterAll(async () => {
  await fontless?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** Observes `file` in the browser that loads no web fonts, as the suite does a page without screenshots. */
async function observeFontless(file: string) {
  if (server === undefined || fontless === undefined) throw new Error('the site is not served');
  const { observer, context } = await PageObserver.open(await fontless.get(), server.origin, PROFILE, new PackageFiles([site]), new DeclaredFonts(server.origin, new PackageFiles([site])));
  const observed = await observer.observe(`${server.origin}/${file}`);
  await context.close();
  return observed;
}

test('without web fonts, a page whose every declared font is served is quiet, and asked for no font at all', async () => {
  const observed = await observeFontless('ok.html');
  expect(observed.network.served.map((request) => request.from)).toEqual(['theme-icons@2.1.0/css/icons.css']);
  expect(observed.network.failed).toEqual([]);
  expect(checkHealth(observed, PROFILE.policy).findings).toEqual([]);
  expect(checkHealth(observed, PROFILE.policy, 'site')).toMatchObject({ findings: [] });
});

test('without web fonts, every declared font that would not load is a finding: of the site (404), the page, an import, a CDN package; a print-only face is not', async () => {
  rmSync(join(site, 'public/assets/fonts/site.woff2'));
  rmSync(join(site, 'public/assets/fonts/more.woff2'));
  rmSync(join(site, 'public/assets/inline.woff2'));
  try {
    const observed = await observeFontless('broken.html');
    const messages = checkHealth(observed, PROFILE.policy, 'site').findings.map((finding) => finding.message.replace(observed.url.replace(/\/broken\.html$/, ''), 'ORIGIN'));
    expect(messages.sort()).toEqual([
      'request failed (HTTP 404, a web font the style sheets declare): ORIGIN/assets/fonts/more.woff2',
      'request failed (HTTP 404, a web font the style sheets declare): ORIGIN/assets/fonts/site.woff2',
      'request failed (HTTP 404, a web font the style sheets declare): ORIGIN/assets/inline.woff2',
    ]);
    // As if the browser had asked for it: the site's matter, a finding or a note as its policy says.
    expect(observed.network.blocked).toEqual([{ url: 'https://cdn.jsdelivr.net/npm/theme-icons@2.1.0/fonts/gone.woff2', resourceType: 'font', why: 'theme-icons@2.1.0 has no file fonts/gone.woff2' }]);
  } finally {
    copyFont(['public/assets/fonts/site.woff2', 'public/assets/fonts/more.woff2', 'public/assets/inline.woff2']);
  }
});
