import { expect, test } from '../support/selftest.ts';
import { checkHealth } from '../../harness/checks/health.ts';
import { messages, observedOf } from './helpers.ts';

const run = (fields: Parameters<typeof observedOf>[0]) => messages(checkHealth(observedOf(fields), { scripts: 'none' }));

test.describe('page health check (pure)', () => {
  test('JSON-LD is the only script allowed, whatever the case of its type', () => {
    expect(run({ html: '<html><head><script type="Application/LD+JSON">{}</script></head></html>' })).toEqual([]);
    expect(run({ html: '<html><head><script type="module">x</script></head></html>' })[0]).toMatch(/^script element other than JSON-LD/);
  });

  test('script URLs are found through whitespace, case and control characters', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java&#9;script:x', 'vbscript:x', 'data:text/html,<script>x</script>']) {
      expect(run({ html: `<html><body><a href="${href}">x</a></body></html>` }), href).toHaveLength(1);
    }
    expect(run({ html: '<html><body><a href="https://example.com/javascript:">x</a><img src="data:image/png;base64,AA"></body></html>' })).toEqual([]);
  });

  test('console errors, exceptions, failed and outside requests, a bad status', () => {
    expect(
      run({
        status: 404,
        console: [
          { type: 'error', text: 'boom' },
          { type: 'pageerror', text: 'x is not defined' },
          { type: 'warning', text: 'meh' },
          { type: 'navigation', text: 'the page navigated away by itself, to http://127.0.0.1:9/b.html' },
        ],
        network: { images: [], blocked: [{ url: 'https://cdn.example/x.js', resourceType: 'script' }], failed: [{ url: 'http://127.0.0.1:9/a.css', reason: 'HTTP 404' }], served: [], cancelled: [] },
      }),
    ).toEqual([
      'the page was served with HTTP 404',
      'console error: boom',
      'uncaught exception: x is not defined',
      'the page navigated away by itself, to http://127.0.0.1:9/b.html',
      'request failed (HTTP 404): http://127.0.0.1:9/a.css',
      'request to an outside host (script), blocked: https://cdn.example/x.js',
    ]);
  });

  test('a file asked for twice fails once; a request the page itself cancelled is no failure', () => {
    const failed = [
      { url: 'http://127.0.0.1:9/a.webp', reason: 'HTTP 404' },
      { url: 'http://127.0.0.1:9/a.webp', reason: 'HTTP 404' },
    ];
    expect(run({ network: { images: [], blocked: [], failed, served: [], cancelled: ['https://n.sinaimg.cn/x.jpg'] } })).toEqual(['request failed (HTTP 404): http://127.0.0.1:9/a.webp']);
  });

  test("what the site's chrome cannot load offline: a finding for a site that promises to be self-contained, a note for a theme that loads from a CDN by design", () => {
    const html = '<html><head><script src="https://unpkg.com/volantis-static@1/libs/flying-pages/flying-pages.min.js"></script></head><body><div class="body"><p>文</p></div></body></html>';
    const blocked = [{ url: 'https://unpkg.com/volantis-static@1/libs/flying-pages/flying-pages.min.js', resourceType: 'script', why: 'flying-pages is not installed' }];
    const page = observedOf({ html, contentRoot: '.body', network: { images: [], blocked, failed: [], served: [], cancelled: [] } });
    const site = checkHealth(page, { scripts: 'site', outsideChrome: 'note' }, 'site');
    expect(messages(site)).toEqual([]);
    expect(site.notes).toEqual(["the site's chrome needs another host, which cannot be answered offline: https://unpkg.com/volantis-static@1/libs/flying-pages/flying-pages.min.js (flying-pages is not installed)"]);
    expect(messages(checkHealth(page, { scripts: 'site', outsideChrome: 'finding' }, 'site'))).toEqual([
      'the site is not self-contained: request to an outside host (script), blocked: https://unpkg.com/volantis-static@1/libs/flying-pages/flying-pages.min.js (flying-pages is not installed)',
    ]);
    expect(messages(checkHealth(page, { scripts: 'site', outsideChrome: 'note' }))).toEqual([]);
  });
});
