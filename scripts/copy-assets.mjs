// The files the compiled package reads beside its code (tsc copies only TypeScript): built-in site
// profiles, the script run in a Hexo site, the renderer's style sheet. Run by `npm run build`.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSETS = ['harness/profiles/builtin', 'harness/site/hexo-model.cjs', 'renderer/page/assets'];
for (const asset of ASSETS) {
  mkdirSync(dirname(join('lib', asset)), { recursive: true });
  cpSync(asset, join('lib', asset), { recursive: true });
}
