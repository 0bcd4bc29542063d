/**
 * Which shared libraries the run's browser lacks on this machine, read with ldd (the dynamic loader's
 * own answer), and the Debian packages that provide them. `.ci/run` installs those and nothing else.
 * Usage: npx tsx scripts/browser-libraries.ts [--debian-packages]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBrowser } from '../harness/browser/choose-browser.ts';
import { DEBIAN_PACKAGE_OF } from '../harness/browser/debian-packages.ts';

const choice = await runBrowser();
const binary = choice.executablePath;
if (binary === undefined) {
  console.error(`${choice.source}: Playwright's own browser; run npx playwright install-deps chromium for its libraries`);
  process.exit(0);
}
const env = { ...process.env, ...choice.env };
const libraries = choice.pinned
  ? readdirSync(join(dirname(binary), 'lib'))
      .filter((name) => name.includes('.so'))
      .map((name) => join(dirname(binary), 'lib', name))
  : [];
const missing = new Set<string>();
for (const file of [binary, ...libraries]) {
  const output = execFileSync('ldd', [file], { encoding: 'utf8', env });
  for (const match of output.matchAll(/^\s*(\S+) => not found/gm)) if (match[1] !== undefined) missing.add(match[1]);
}
const packages = [...new Set([...missing].map((library) => DEBIAN_PACKAGE_OF[library] ?? `(the package providing ${library})`))];
if (process.argv.includes('--debian-packages')) console.log(packages.join(' '));
else if (missing.size === 0) console.log(`${choice.source}: every shared library it needs is here`);
else console.log(`${choice.source}: missing ${[...missing].join(', ')}; Debian/Ubuntu packages: ${packages.join(' ')}`);
