import type { TestVerdict } from '../support/findings.ts';
import { buildHexoSite } from '../support/hexo-site.ts';
import { CHROME_FREE, checkOf, FALSE_FINDINGS, judge, POSTS, SITE_FINDINGS } from '../support/hexo-verdict.ts';
import { expect, test } from '../support/selftest.ts';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

for (const theme of ['landscape', 'next'] as const) {
  test(`Hexo ${theme}, raw posts: exactly the articles that keep chrome fail, with true findings only`, async ({ browserName }, testInfo) => {
    expect(browserName).toBe('chromium');
    const site = await buildHexoSite(theme, POSTS, { clean: false });
    const { verdicts: results, suiteMs, output } = await judge(site.posts, site.public);
    testInfo.annotations.push({ type: 'hexo-timing', description: JSON.stringify({ theme, clean: false, buildMs: site.buildMs, suiteMs }) });
    expect(output).toContain(`Site profile: hexo-${theme} (detected (generator "Hexo 8.1.2"))`);

    const articles = [...results].filter(([title]) => title.startsWith('fidelity: ') && title !== 'fidelity: index page');
    expect(articles).toHaveLength(POSTS.length);
    const passed = articles.filter(([, verdict]) => verdict.status === 'passed').map(([title]) => title.slice('fidelity: '.length));
    expect(passed.sort(), 'only the chrome-free posts pass').toEqual(CHROME_FREE);
    for (const [title, verdict] of articles) {
      if (verdict.status === 'passed') continue;
      expect(verdict.findings.some((finding) => finding.check === 'boilerplate gone'), `${title} keeps chrome`).toBe(true);
      for (const finding of verdict.findings) {
        const false_ = FALSE_FINDINGS.find(([check, pattern]) => checkOf(finding.check) === check && pattern.test(finding.message));
        expect(false_, `${title}: a false finding: ${finding.check}: ${finding.message}`).toBeUndefined();
      }
    }
    // The true findings, named: the QR promo's CSS shown as a code block, the editor line, hidden chrome, chrome images.
    const findings = (slug: string): string[] => (results.get(`fidelity: ${slug}`)?.findings ?? []).map((finding) => `${finding.check}: ${finding.message}`);
    expect(findings('011_sina-2022-03-mu5735-captions-video-fragment')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^boilerplate gone: style-and-script: ".*appendQr.*" found in visible text$/), expect.stringMatching(/^boilerplate gone: editor-line: "责任编辑：/), expect.stringMatching(/^text preserved: extra block not in the source: "<!-- 文末二维码 start --> <style>/)]),
    );
    expect(findings('020_other-zhihu-daily-2021-04-iso-date-blockquote')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^boilerplate gone: hidden-in-source: "查看知乎原文" found in hidden text/), expect.stringMatching(/^metadata matches the front matter: description in meta description: .*查看知乎原文/)]),
    );
    expect(findings('016_sina-2022-09-baojiaolou-kaihu-qr-block-wechat-imgs')).toEqual(expect.arrayContaining([expect.stringMatching(/^images and referrer policy: image not in the source's content: https:\/\/n\.sinaimg\.cn\/finance\/0\/w400h400\/20220726\/a061-/)]));
    if (theme === 'landscape') {
      expect(findings('003_c28598a7da0e4f80')).toEqual(expect.arrayContaining([expect.stringMatching(/^text preserved: duplicated block: "3月14日，韩俊在吉林市中心医院检查方舱医院建设情况。宋锴 摄" shown 2 times/)]));
    }
    expectSiteVerdict(results, theme);
  });

  test(`Hexo ${theme} with the hexo-archive-clean filter: every article passes every check`, async ({ browserName }, testInfo) => {
    expect(browserName).toBe('chromium');
    const site = await buildHexoSite(theme, POSTS, { clean: true });
    const { verdicts: results, suiteMs } = await judge(site.posts, site.public);
    testInfo.annotations.push({ type: 'hexo-timing', description: JSON.stringify({ theme, clean: true, buildMs: site.buildMs, suiteMs }) });
    const articles = [...results].filter(([title]) => title.startsWith('fidelity: ') && title !== 'fidelity: index page');
    expect(articles).toHaveLength(POSTS.length);
    for (const [title, verdict] of articles) expect(verdict.findings, title).toEqual([]);
    for (const [title, verdict] of articles) expect(verdict.status, title).toBe('passed');
    expectSiteVerdict(results, theme);
  });
}

/** The site tests: the folder is clean, the index lists every post once, and the only site findings are the true ones. */
function expectSiteVerdict(results: Map<string, TestVerdict>, theme: 'landscape' | 'next'): void {
  expect(results.get('folder: every page has a source article')?.status).toBe('passed');
  const index = results.get('fidelity: index page');
  const messages = (index?.findings ?? []).map((finding) => finding.message);
  expect(messages.filter((message) => !SITE_FINDINGS.test(message)), 'index: only the true site findings').toEqual([]);
  expect(messages.some((message) => message.startsWith('the site is not self-contained'))).toBe(true);
  expect(messages.some((message) => message.includes('favicon.png'))).toBe(theme === 'landscape');
  expect(results.get('goldens: none without an article')?.annotations.some((annotation) => annotation.type === 'skip')).toBe(true);
}
