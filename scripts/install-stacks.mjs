// `npm test`'s pretest: installs the archive's generator stack (fixtures/stacks/hexo5-volantis),
// which the Hexo self-tests build sites with, by its own lockfile, when it is not installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const stack = 'fixtures/stacks/hexo5-volantis';
if (!existsSync(`${stack}/node_modules/hexo/package.json`)) {
  console.log(`pretest: installing ${stack} (npm ci, its own lockfile)`);
  const npm = spawnSync('npm', ['ci', '--prefix', stack, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  process.exit(npm.status ?? 1);
}
