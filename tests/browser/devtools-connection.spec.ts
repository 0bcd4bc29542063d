import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devToolsConnection } from '../../harness/browser/devtools-connection.ts';
import { lazyBrowser } from '../../harness/browser/lazy-browser.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { expect, test } from '../support/selftest.ts';

const PROFILE = builtinProfile('archive-renderer');
const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body><article class="post-body">
<img src="https://img.example.com/kept.jpg" referrerpolicy="no-referrer">
<img src="https://img.example.com/leaks.jpg">
<script src="https://tracker.example.net/t.js"></script>
</article></body></html>`;

test("the harness answers a page's requests over its own DevTools connection exactly as through Playwright: the same Referer on the wire, the same refusals", async ({ playwright, launchOptions, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'devtools-connection-'));
  writeFileSync(join(dir, 'page.html'), PAGE);
  const server = await serveFolder(dir);
  const own = lazyBrowser(playwright.chromium, launchOptions, { webFonts: false });
  try {
    const connection = await devToolsConnection(await own.get());
    expect(connection, 'a browser the harness launched has its connection').toBeDefined();
    const probe = await (await own.get()).newPage();
    expect(await connection?.attach(probe).then((session) => session.send('Runtime.evaluate', { expression: '6 * 7', returnByValue: true }))).toEqual({ result: { type: 'number', value: 42, description: '42' } });
    await probe.close();
    expect(await devToolsConnection(browser), "Playwright's own browser has none: its pages are answered through Playwright").toBeUndefined();
    const logs = [];
    for (const each of [await own.get(), browser]) {
      const { observer, context } = await PageObserver.open(each, server.origin, PROFILE);
      const observed = await observer.observe(`${server.origin}/page.html`);
      await context.close();
      logs.push({ images: [...observed.network.images].sort((a, b) => a.url.localeCompare(b.url)), blocked: observed.network.blocked });
    }
    expect(logs[0]).toEqual({
      images: [
        { url: 'https://img.example.com/kept.jpg', referer: undefined },
        { url: 'https://img.example.com/leaks.jpg', referer: `${server.origin}/` },
      ],
      blocked: [{ url: 'https://tracker.example.net/t.js', resourceType: 'script' }],
    });
    expect(logs[1]).toEqual(logs[0]);
  } finally {
    await own.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
