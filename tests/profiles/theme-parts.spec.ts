import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBoilerplate } from '../../harness/checks/boilerplate.ts';
import { checkImages } from '../../harness/checks/images.ts';
import { checkText } from '../../harness/checks/text.ts';
import { PageObserver } from '../../harness/observe/observe-page.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import type { SiteProfile } from '../../harness/profiles/profile.ts';
import { serveFolder } from '../../harness/run/static-server.ts';
import { expectedOf } from '../checks/helpers.ts';
import { expect, test } from '../support/selftest.ts';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///////yH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const A = 'https://n.sinaimg.cn/a/w100h50/a.jpg';
const B = 'https://n.sinaimg.cn/a/w100h50/b.jpg';
const C = 'https://n.sinaimg.cn/a/w100h50/c.jpg';

/** A theme's article page: its own header and a copy button are the theme's; images lazy, one far below the fold; a caption from an alt. */
const page = (script: string) => `<!DOCTYPE html><html><head><title>t</title><style>img { display: block; width: 100px; height: 50px; } .tall { height: 3000px; } .menu { display: none; }</style></head><body>
<header id="hdr"><a href="/">Share this site</a></header>
<div class="body">
<p>周末愉快！把一个房间改成了乐器房<img src="${GIF}" data-srcset="${A}" referrerpolicy="no-referrer">今天裁缝店有卖很酷的盔甲</p>
<div class="tall"></div>
<p><a data-fancybox href="#"><img src="${GIF}" data-srcset="${B}" alt="thumb" referrerpolicy="no-referrer"></a><span class="caption">thumb</span></p>
<pre><button class="btn-copy"><span>COPY</span></button><code>let a = 1;</code></pre>
</div>
<ul class="menu"><li><img src="${GIF}" data-srcset="${C}" referrerpolicy="no-referrer"></li></ul>
<script>window.lazy = new IntersectionObserver((entries) => { for (const entry of entries) if (entry.isIntersecting) { entry.target.srcset = entry.target.dataset.srcset; window.lazy.unobserve(entry.target); } }); ${script}</script>
</body></html>`;

const profile: SiteProfile = builtinProfile('hexo-volantis');
profile.article = { ...profile.article, contentRoot: ['.body'], themeChrome: ['#hdr', '.btn-copy'], altCaptions: 'a[data-fancybox] + span.caption' };
const expected = expectedOf({ blocks: ['周末愉快！把一个房间改成了乐器房今天裁缝店有卖很酷的盔甲', 'let a = 1;'], preformatted: ['let a = 1;'], images: [A, B], probes: [{ entry: 'topics-and-share', kind: 'text', value: 'Share this site' }] });

test("a theme's parts are not the article: its lazy images are judged as shown once in view, its copy button and alt captions are its own, its header is not searched for chrome", async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'theme-parts-'));
  writeFileSync(join(dir, 'post.html'), page(`document.querySelectorAll('img[data-srcset]').forEach((img) => window.lazy.observe(img));`));
  writeFileSync(join(dir, 'never.html'), page('/* the loader never starts */'));
  const server = await serveFolder(dir);
  const { observer, context } = await PageObserver.open(browser, server.origin, profile);

  const post = await observer.observe(`${server.origin}/post.html`);
  expect(post.images.map((image) => image.src)).toEqual([A, B, GIF]); // the share menu's image stays hidden, as for a reader
  expect(post.network.images.map((request) => request.url)).toEqual([A, B]); // the one below the fold was brought into view
  expect(checkImages(expected, post).findings).toEqual([]);
  expect(checkText(expected, post).findings).toEqual([]);
  expect(post.altCaptions).toEqual(['thumb']);
  expect(post.preformatted).toEqual(['let a = 1;']);
  expect(checkBoilerplate(expected, post).findings).toEqual([]);

  // Negative: no loader ever swaps the pictures in: each one a reader could see is reported by its picture, never by the placeholder.
  const never = await observer.observe(`${server.origin}/never.html`);
  expect(checkImages(expected, never).findings.map((finding) => finding.message)).toEqual([
    `${A} was never shown: its lazy loader kept the placeholder though the image was brought into view`,
    `${B} was never shown: its lazy loader kept the placeholder though the image was brought into view`,
  ]);
  // Negative: the same words in the article body are chrome left in.
  expect(checkBoilerplate({ probes: [{ entry: 'topics-and-share', kind: 'text', value: '今天裁缝店' }] }, post).findings).toHaveLength(1);
  await context.close();

  // Negative: read without knowing the theme's parts, the copy button, the alt caption and the header are taken for the article's.
  const unaware: SiteProfile = { ...profile, article: { ...profile.article, themeChrome: [], altCaptions: null } };
  const plain = await PageObserver.open(browser, server.origin, unaware);
  const misread = await plain.observer.observe(`${server.origin}/post.html`);
  expect(checkText(expected, misread).findings.map((finding) => finding.message)).toEqual(
    expect.arrayContaining(['extra block not in the source: "thumb"', expect.stringMatching(/^preformatted block #1 of 1 differs at line 1: the source has "let a = 1;", the page "COPYlet a = 1;"/)]),
  );
  expect(checkBoilerplate(expected, misread).findings.map((finding) => finding.message)).toEqual(['topics-and-share: "Share this site" found in visible text']);
  await plain.context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
