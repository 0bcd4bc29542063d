import { readFileSync } from 'node:fs';
import { satisfies } from 'semver';
import { join } from 'node:path';
import { buildHexoSite } from '../support/hexo-site.ts';
import { expect, test } from '../support/selftest.ts';

const versionOf = (file: string, name: string): string => {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return manifest.dependencies?.[name] ?? manifest.devDependencies?.[name] ?? '';
};

test('hexo-archive-clean declares the Hexo versions the self-tests build with, and no other major', () => {
  const { peerDependencies } = JSON.parse(readFileSync('hexo-archive-clean/package.json', 'utf8')) as { peerDependencies: { hexo: string } };
  const tested = [versionOf('fixtures/stacks/hexo5-volantis/package.json', 'hexo'), versionOf('package.json', 'hexo')];
  expect(tested).toEqual(['5.4.2', '8.1.2']);
  for (const version of tested) expect(satisfies(version, peerDependencies.hexo), `${version} in ${peerDependencies.hexo}`).toBe(true);
  for (const untested of ['4.2.1', '6.3.0', '7.3.0', '9.0.0']) expect(satisfies(untested, peerDependencies.hexo), `${untested} in ${peerDependencies.hexo}`).toBe(false);
});

test("hexo-archive-clean is loaded by its name and reads its options from the site's _config.yml", async () => {
  const post = 'fixtures/000_9fc98f06a0b555e0.md';
  const page = (root: string): string => readFileSync(join(root, 'public', '000_9fc98f06a0b555e0', 'index.html'), 'utf8');
  const cleaned = await buildHexoSite('landscape', [post], { clean: true });
  expect(page(cleaned.root)).toContain('<div class="archive-body">');
  expect(page(cleaned.root)).not.toContain('责任编辑');
  const off = await buildHexoSite('landscape', [post], { clean: true, config: 'archive_clean:\n  enable: false\n' });
  expect(page(off.root)).not.toContain('<div class="archive-body">');
  expect(page(off.root)).toContain('责任编辑');
});
