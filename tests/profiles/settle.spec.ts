import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth } from '../../harness/checks/health.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import type { SiteProfile } from '../../harness/profiles/profile.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { expect, test } from '../support/selftest.ts';

/** A theme that hides its post until a script reveals it, as NexT does; and one whose script never does. */
const page = (script: string): string => `<!DOCTYPE html><html><head><title>t</title><style>.post { opacity: 0; }</style></head>
<body><div class="post"><p>第一段。</p><p>第二段。</p></div><script>${script}</script></body></html>`;
const SITE = {
  'reveal.html': page("setTimeout(() => { document.querySelector('.post').animate([{ opacity: 0 }, { opacity: 1 }], { duration: 300, fill: 'forwards' }).finished.then(() => { document.querySelector('.post').style.opacity = '1'; }); }, 200);"),
  'never.html': page('/* the reveal never comes */'),
  'static.html': page('').replace('<script></script>', '').replace('.post { opacity: 0; }', ''),
};

const profile: SiteProfile = { ...builtinProfile('hexo-next'), settleTimeoutMs: 2000 };
profile.article = { ...profile.article, contentRoot: ['.post'] };

test("a scripted reveal is waited for; a page that never settles is a finding within the profile's bound, never a hang", async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'settle-'));
  for (const [name, html] of Object.entries(SITE)) writeFileSync(join(dir, name), html);
  const server = await serveFolder(dir);
  const { observer, context } = await PageObserver.open(browser, server.origin, profile);

  const revealed = await observer.observe(`${server.origin}/reveal.html`);
  expect(revealed.blocks.map((block) => block.trim())).toEqual(['第一段。', '第二段。']);
  expect(checkHealth(revealed, profile.policy).findings).toEqual([]);

  const started = Date.now();
  const never = await observer.observe(`${server.origin}/never.html`);
  expect(Date.now() - started).toBeLessThan(profile.settleTimeoutMs + 5000);
  expect(never.blocks).toEqual([]); // read as it is: nothing a reader can see
  expect(checkHealth(never, profile.policy).findings.map((finding) => finding.message)).toEqual(['the page did not settle within 2 s: the content root .post is still invisible (opacity 0.00)']);

  const still = await observer.observe(`${server.origin}/static.html`);
  expect(still.blocks.map((block) => block.trim())).toEqual(['第一段。', '第二段。']);
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
