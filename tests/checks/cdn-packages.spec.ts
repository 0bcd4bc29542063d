import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageFiles, packageRequestOf, versionMatches } from '../../harness/observe/cdn-packages.ts';
import { expect, test } from '../support/selftest.ts';

/** A site folder with some packages installed in its node_modules, each a package.json and the given files. */
function siteWith(packages: Record<string, { version: string; files: Record<string, string> }>): string {
  const site = mkdtempSync(join(tmpdir(), 'cdn-site-'));
  for (const [name, { version, files }] of Object.entries(packages)) {
    const dir = join(site, 'node_modules', ...name.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version }));
    for (const [file, body] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), body);
    }
  }
  return site;
}

test.describe('CDN files answered from npm packages (pure)', () => {
  test('unpkg, jsDelivr and cdnjs URLs name a package, a version and a file; a mirror package names the package it copies', () => {
    expect(packageRequestOf('https://unpkg.com/jquery@3.6.0/dist/jquery.min.js')).toEqual({ name: 'jquery', version: '3.6.0', file: 'dist/jquery.min.js' });
    expect(packageRequestOf('https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.1/css/all.min.css')).toEqual({ name: '@fortawesome/fontawesome-free', version: '6.1', file: 'css/all.min.css' });
    expect(packageRequestOf('https://cdn.jsdelivr.net/npm/fork-awesome@1.2.0/css/fork-awesome.min.css')).toEqual({ name: 'fork-awesome', version: '1.2.0', file: 'css/fork-awesome.min.css' });
    expect(packageRequestOf('https://cdnjs.cloudflare.com/ajax/libs/font-awesome/7.0.0/css/all.min.css')).toEqual({ name: '@fortawesome/fontawesome-free', version: '7.0.0', file: 'css/all.min.css' });
    expect(packageRequestOf('https://unpkg.com/volantis-static@0.0.1654736714924/libs/@fancyapps/ui/dist/fancybox.umd.js')).toEqual({ name: '@fancyapps/ui', version: undefined, file: 'dist/fancybox.umd.js' });
    expect(packageRequestOf('https://unpkg.com/volantis-static@0.0.1654736714924/media/fonts/x.ttf')).toEqual({ name: 'volantis-static', version: '0.0.1654736714924', file: 'media/fonts/x.ttf' });
    for (const other of ['https://cdn.jsdelivr.net/gh/volantis-x/cdn@1/a.js', 'https://n.sinaimg.cn/a.jpg', 'https://unpkg.com/jquery@3.6.0/', 'not a url']) expect(packageRequestOf(other), other).toBeUndefined();
  });

  test('an installed version matches exactly, by prefix, or any for latest and none', () => {
    expect(versionMatches('3.6.0', '3.6.0')).toBe(true);
    expect(versionMatches('6.1.1', '6.1')).toBe(true);
    expect(versionMatches('1.4.0', '1')).toBe(true);
    expect(versionMatches('2.0.0', 'latest')).toBe(true);
    expect(versionMatches('2.0.0', undefined)).toBe(true);
    expect(versionMatches('6.10.0', '6.1')).toBe(false);
    expect(versionMatches('3.5.1', '3.6.0')).toBe(false);
  });

  test("a file is served from the site's own package, with its type; anything else says why not", () => {
    const site = siteWith({ jquery: { version: '3.6.0', files: { 'dist/jquery.min.js': 'window.jQuery = 1;' } }, '@fortawesome/fontawesome-free': { version: '6.1.1', files: { 'webfonts/fa-solid-900.woff2': 'wOF2' } } });
    const files = new PackageFiles([site]);
    expect(files.answer('https://unpkg.com/jquery@3.6.0/dist/jquery.min.js')).toMatchObject({ served: true, from: 'jquery@3.6.0/dist/jquery.min.js', contentType: 'application/javascript' });
    expect(files.answer('https://unpkg.com/volantis-static@9/libs/@fortawesome/fontawesome-free/webfonts/fa-solid-900.woff2')).toMatchObject({ served: true, contentType: 'font/woff2' });
    expect(files.answer('https://unpkg.com/jquery@3.5.1/dist/jquery.min.js')).toEqual({ served: false, why: 'jquery@3.5.1 is asked for, jquery@3.6.0 is installed' });
    expect(files.answer('https://unpkg.com/jquery@3.6.0/dist/jquery.js')).toEqual({ served: false, why: 'jquery@3.6.0 has no file dist/jquery.js' });
    expect(files.answer('https://unpkg.com/jquery@3.6.0/../../package.json')?.served).not.toBe(true);
    expect(files.answer('https://unpkg.com/pjax@0.2.8/pjax.min.js')).toEqual({ served: false, why: "pjax is not installed; where npm has pjax@0.2.8, npm install --save-dev pjax@0.2.8 in the site's folder serves it offline" });
    expect(files.answer('https://n.sinaimg.cn/a.jpg')).toBeUndefined();
  });
});
