import { readFileSync } from 'node:fs';
import { satisfies } from 'semver';
import { expect, test } from '../support/selftest.ts';

const versionOf = (file: string, name: string): string => {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return manifest.dependencies?.[name] ?? manifest.devDependencies?.[name] ?? '';
};

test("hexo-archive-clean declares the Hexo versions the self-tests build with, and no other major", () => {
  const { peerDependencies } = JSON.parse(readFileSync('hexo-archive-clean/package.json', 'utf8')) as { peerDependencies: { hexo: string } };
  const tested = [versionOf('fixtures/stacks/hexo5-volantis/package.json', 'hexo'), versionOf('package.json', 'hexo')];
  expect(tested).toEqual(['5.4.2', '8.1.2']);
  for (const version of tested) expect(satisfies(version, peerDependencies.hexo), `${version} in ${peerDependencies.hexo}`).toBe(true);
  for (const untested of ['4.2.1', '6.3.0', '7.3.0', '9.0.0']) expect(satisfies(untested, peerDependencies.hexo), `${untested} in ${peerDependencies.hexo}`).toBe(false);
});
