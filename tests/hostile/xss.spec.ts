import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkHostile } from '../kits/hostile/check-hostile.ts';
import { loadPayloads, type Payload } from '../kits/hostile/corpus.ts';
import { ExecutionTrap } from '../kits/hostile/execution-trap.ts';
import { articleWithPayload, PLACES } from '../kits/hostile/hostile-articles.ts';
import { readSourcePost } from '../../harness/oracle/source.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { expect, test as base } from '../support/selftest.ts';

const payloads = await loadPayloads();
const OURS = builtinProfile('archive-renderer');
const SOURCES = [...new Set(payloads.map((p) => p.id.split('#')[0] ?? ''))];
const slugOf = (payload: Payload): string => `xss-${payload.id.replace(/[^\w]+/g, '-')}`;

interface HostileSite {
  src: string;
  renderOutput: string;
  /** Opens a payload's page (with or without the page's CSP) and returns what ran or is left. */
  inspect(payload: Payload, csp: boolean): Promise<string[]>;
}

/** Renders one article per payload with our renderer and serves it; two trapped browser pages, CSP on and off. */
const test = base.extend<object, { hostile: HostileSite }>({
  hostile: [
    async ({ browser }, use) => {
      const work = mkdtempSync(join(tmpdir(), 'xss-'));
      const src = join(work, 'src');
      const out = join(work, 'out');
      mkdirSync(src);
      for (const payload of payloads) writeFileSync(join(src, `${slugOf(payload)}.md`), articleWithPayload(payload));
      const render = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout: string; stderr: string }) => error);
      const server = await serveFolder(out);
      const pages = new Map<boolean, { observer: PageObserver; trap: ExecutionTrap }>();
      for (const csp of [true, false]) {
        // bypassCSP switches the pages' Content-Security-Policy off: the sanitizer alone must hold.
        const context = await browser.newContext({ bypassCSP: !csp });
        const page = await context.newPage();
        const observer = await PageObserver.create(page, server.origin, OURS);
        pages.set(csp, { observer, trap: await ExecutionTrap.install(page) }); // the trap last: it remembers window as set up
      }
      await use({
        src,
        renderOutput: render.stderr + render.stdout,
        async inspect(payload, csp) {
          const { observer, trap } =
            pages.get(csp) ??
            (() => {
              throw new Error('no page');
            })();
          const url = `${server.origin}/${encodeURIComponent(slugOf(payload))}.html`;
          trap.expect(url);
          const observed = await observer.observe(url);
          const evidence = await trap.evidence();
          const title = readSourcePost(join(src, `${slugOf(payload)}.md`), 'Asia/Shanghai').title;
          return checkHostile(observed, evidence, title).findings.map((finding) => finding.message);
        },
      });
      for (const { observer } of pages.values()) await observer.page.context().close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('xss: every payload article renders; a payload date gives one warning line: the page says the date is unknown', ({ hostile }) => {
  const reported = hostile.renderOutput.split('\n').filter((line) => line.startsWith(hostile.src));
  expect(
    reported.every((line) => !line.includes('\u2028')),
    'one line per file',
  ).toBe(true);
  const notDateWarnings = reported.filter((line) => !/\.md:\d+: warning: date (".*" is not a date this archive knows .*|is empty|".*" is not a valid date); the page says the date is unknown$/.test(line));
  expect(notDateWarnings, 'anything but a date warning').toEqual([]);
  expect(reported).toHaveLength(payloads.length);
  expect(hostile.renderOutput).toContain(`rendered ${payloads.length}, unchanged 0, removed 0, failed 0, warnings ${payloads.length}`);
});

for (const csp of [true, false]) {
  for (const source of SOURCES) {
    const group = payloads.filter((p) => p.id.startsWith(`${source}#`));
    test(`xss: ${group.length} ${source} payloads in ${PLACES.join(', ')}; CSP ${csp ? 'on' : 'off'}: nothing runs`, async ({ hostile }, testInfo) => {
      test.setTimeout(300_000);
      const failures: string[] = [];
      for (const payload of group) for (const finding of await hostile.inspect(payload, csp)) failures.push(`${payload.id}: ${finding}`);
      testInfo.annotations.push({ type: 'xss-payloads', description: JSON.stringify({ source, csp, payloads: group.length, places: PLACES.length, failures: failures.length }) });
      console.log(`xss ${source}, CSP ${csp ? 'on' : 'off'}: ${group.length} payloads × ${PLACES.length} places, ${failures.length} findings`);
      expect(failures).toEqual([]);
    });
  }
}

test('xss: the checks see what runs (negative control: unsanitised pages, CSP off)', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'xss-control-'));
  const page = (body: string, head = ''): string =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">${head}<title>T</title><script type="application/ld+json">{"headline":"T"}</script></head><body>${body}</body></html>`;
  const cases: Record<string, [string, RegExp]> = {
    script: [page('<script>alert(1); window.pwned = true;</script>'), /executed: alert\(1\)[\s\S]*executed: window\.pwned was set[\s\S]*script element other than JSON-LD/],
    handler: [page('<img src="https://n.sinaimg.cn/x.png" onload="confirm(2)">'), /executed: confirm\(2\)[\s\S]*inline event handler onload on <img>/],
    refresh: [page('<p>x</p>', '<meta http-equiv="refresh" content="0;url=target.html">'), /executed: navigated to http:\/\/127\.0\.0\.1:\d+\/target\.html/],
    frames: [page('<iframe src="target.html"></iframe><form action="target.html"></form>'), /forbidden element in the page: <iframe[\s\S]*forbidden element in the page: <form/],
    breakout: [page('<p>x</p>').replace('{"headline":"T"}', '{"headline":"</script><script>prompt(3)</script>"}'), /executed: prompt\(3\)[\s\S]*JSON-LD no longer parses/],
  };
  for (const [name, [html]] of Object.entries(cases)) writeFileSync(join(dir, `${name}.html`), html);
  writeFileSync(join(dir, 'target.html'), page('<p>target</p>'));
  const server = await serveFolder(dir);
  const context = await browser.newContext({ bypassCSP: true });
  // These bare pages have no article body: read the whole body, so a scripted page settles at once.
  const observer = await PageObserver.create(await context.newPage(), server.origin, { ...OURS, article: { ...OURS.article, contentRoot: ['body'] } });
  const trap = await ExecutionTrap.install(observer.page);
  for (const [name, [, finding]] of Object.entries(cases)) {
    const url = `${server.origin}/${name}.html`;
    trap.expect(url);
    const observed = await observer.observe(url);
    const findings = checkHostile(observed, await trap.evidence(), 'T')
      .findings.map((f) => f.message)
      .join('\n');
    expect(findings, name).toMatch(finding);
  }
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
