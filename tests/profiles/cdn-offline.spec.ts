import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth } from '../../harness/checks/health.ts';
import { PackageFiles } from '../../harness/observe/cdn-packages.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { expect, test } from '../support/selftest.ts';

/** A theme's page that loads a script and a style sheet (with its web font) from public CDNs, and one script npm does not have here. */
const PAGE = `<!DOCTYPE html><html><head><title>t</title>
<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/theme-icons@2.1.0/css/icons.css">
<script src="https://unpkg.com/theme-lib@1.0.0/dist/lib.js"></script>
<script src="https://unpkg.com/volantis-static@0.0.1/libs/flying-pages/flying-pages.min.js"></script>
</head><body><div class="post"><p>第一段。</p><i class="icon">x</i></div>
<script>if (!window.themeLib) throw new Error('themeLib is not defined'); document.fonts.load('16px icons').then((fonts) => { document.body.dataset.font = String(fonts.length); });</script>
</body></html>`;

test("a theme's CDN scripts, style sheets and fonts are answered from the npm packages that hold them: the page runs as online; what npm does not have is one note for the site", async ({ browser }) => {
  const site = mkdtempSync(join(tmpdir(), 'cdn-offline-'));
  const install = (name: string, version: string, files: Record<string, string>): void => {
    for (const [file, body] of Object.entries({ 'package.json': JSON.stringify({ name, version }), ...files })) {
      mkdirSync(join(site, 'node_modules', name, file, '..'), { recursive: true });
      writeFileSync(join(site, 'node_modules', name, file), body);
    }
  };
  install('theme-lib', '1.0.0', { 'dist/lib.js': 'window.themeLib = true;' });
  install('theme-icons', '2.1.0', { 'css/icons.css': "@font-face { font-family: icons; src: url(../fonts/icons.woff2) format('woff2'); } .icon { font-family: icons; }", 'fonts/icons.woff2': '' });
  // A real web font, so the page can load it as it would online.
  copyFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-mono/files/noto-sans-mono-latin-400-normal.woff2'), join(site, 'node_modules', 'theme-icons', 'fonts', 'icons.woff2'));
  mkdirSync(join(site, 'public'));
  writeFileSync(join(site, 'public', 'post.html'), PAGE);
  const server = await serveFolder(join(site, 'public'));
  const profile = { ...builtinProfile('hexo-next'), article: { ...builtinProfile('hexo-next').article, contentRoot: ['.post'] } };

  const { observer, context } = await PageObserver.open(browser, server.origin, profile, new PackageFiles([site]));
  const page = await observer.observe(`${server.origin}/post.html`);
  expect(page.console).toEqual([]); // the theme's script ran: served from theme-lib
  expect(page.network.served.map((request) => request.from).sort()).toEqual(['theme-icons@2.1.0/css/icons.css', 'theme-icons@2.1.0/fonts/icons.woff2', 'theme-lib@1.0.0/dist/lib.js']);
  expect(page.network.blocked).toEqual([
    {
      url: 'https://unpkg.com/volantis-static@0.0.1/libs/flying-pages/flying-pages.min.js',
      resourceType: 'script',
      why: "flying-pages is not installed; where npm has flying-pages, npm install --save-dev flying-pages in the site's folder serves it offline",
    },
  ]);
  const site_ = checkHealth(page, profile.policy, 'site');
  expect(site_.findings).toEqual([]);
  expect(site_.notes).toEqual([
    expect.stringMatching(/^the site's chrome needs another host, which cannot be answered offline: https:\/\/unpkg\.com\/volantis-static@0\.0\.1\/libs\/flying-pages\/flying-pages\.min\.js \(flying-pages is not installed/),
  ]);
  await context.close();

  // Negative: with no package to answer from, the theme's script never runs, and the page says so.
  const bare = await PageObserver.open(browser, server.origin, profile, new PackageFiles([]));
  const broken = await bare.observer.observe(`${server.origin}/post.html`);
  expect(checkHealth(broken, profile.policy).findings.map((finding) => finding.message)).toEqual(['uncaught exception: themeLib is not defined']);
  await bare.context.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
});
