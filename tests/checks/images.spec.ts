import { expect, test } from '../support/selftest.ts';
import { checkImages } from '../../harness/checks/images.ts';
import type { ImageFacts } from '../../harness/observe/collect-in-page.ts';
import type { NetworkLog } from '../../harness/observe/offline-network.ts';
import { messages, observedOf } from './helpers.ts';

const A = 'https://n.sinaimg.cn/a.jpg';
const B = 'https://n.sinaimg.cn/b.jpg';
const image = (src: string, fields: Partial<ImageFacts> = {}): ImageFacts => ({ src, attribute: 'no-referrer', property: 'no-referrer', inContent: true, ...fields });
const requested = (...urls: string[]): NetworkLog => ({ images: urls.map((url) => ({ url, referer: undefined })), blocked: [], failed: [], served: [], cancelled: [] });
const run = (images: ImageFacts[], network = requested(...images.map((i) => i.src))) => messages(checkImages({ images: [A, B] }, observedOf({ images, network })));

test.describe('images check (pure)', () => {
  test('same images, same order, policy everywhere, no Referer: no findings', () => {
    expect(run([image(A), image(B), image('https://n.sinaimg.cn/thumb.jpg', { inContent: false })])).toEqual([]);
  });

  test('protocol-relative and http sources match their https URLs', () => {
    expect(messages(checkImages({ images: [A] }, observedOf({ images: [image('http://n.sinaimg.cn/a.jpg')], network: requested('http://n.sinaimg.cn/a.jpg') })))).toEqual([]);
  });

  test('order, missing and extra images', () => {
    expect(run([image(B), image(A)])).toEqual([expect.stringMatching(/^image #\d of 2 is out of order/)]);
    expect(run([image(A)])).toEqual([`missing image #2 of 2: ${B}`]);
    expect(run([image(A), image(B), image('https://x.example/c.png')])).toEqual(["image not in the source's content: https://x.example/c.png"]);
  });

  test('referrer policy: missing, weakened, or overridden in the DOM', () => {
    expect(run([image(A, { attribute: null }), image(B)])).toEqual([`<img src="${A}"> has no referrerpolicy attribute (needs "no-referrer")`]);
    expect(run([image(A, { attribute: 'origin' }), image(B)])).toEqual([`<img src="${A}"> has referrerpolicy="origin" (needs "no-referrer")`]);
    expect(run([image(A, { property: '' }), image(B)])).toEqual([`<img src="${A}"> reports referrerPolicy "" to the browser (needs "no-referrer")`]);
  });

  test('on the wire: a Referer header is a finding, once per URL; an image never requested is one too', () => {
    const network: NetworkLog = {
      images: [
        { url: A, referer: 'http://127.0.0.1:9/a.html' },
        { url: A, referer: 'http://127.0.0.1:9/a.html' },
        { url: B, referer: undefined },
      ],
      blocked: [],
      failed: [],
      served: [],
      cancelled: [],
    };
    expect(run([image(A), image(B)], network)).toEqual([`the request for ${A} carried "Referer: http://127.0.0.1:9/a.html"; the image host refuses it`]);
    expect(run([image(A), image(B)], requested(A))).toEqual([`${B} was never requested while the page loaded, so its Referer could not be checked`]);
  });

  test("images from the page's own server are not remote requests", () => {
    expect(messages(checkImages({ images: [] }, observedOf({ images: [image('http://127.0.0.1:9/assets/logo.png', { inContent: false })], network: requested() })))).toEqual([]);
  });

  test("outside the article body, an image from a host that may refuse the Referer must keep the policy; the site's own, inline and public CDN images need none", () => {
    const outside = (src: string, fields: Partial<ImageFacts> = {}): ImageFacts => image(src, { inContent: false, attribute: null, property: '', ...fields });
    const cdn = 'https://unpkg.com/volantis-static@0.0.1/media/logo.png';
    const images = [image(A), image(B), outside('http://127.0.0.1:9/logo.png'), outside('data:image/gif;base64,R0lGOD'), outside(cdn)];
    const network: NetworkLog = { ...requested(A, B), images: [...requested(A, B).images, { url: cdn, referer: 'http://127.0.0.1:9/' }] };
    expect(run(images, network)).toEqual([]);
    // The theme's header image, from the archive's image host: no policy, and the Referer leaves.
    const head = 'https://n.sinaimg.cn/head.jpg';
    const leaking: NetworkLog = { ...requested(A, B), images: [...requested(A, B).images, { url: head, referer: 'http://127.0.0.1:9/' }] };
    expect(run([image(A), image(B), outside(head)], leaking)).toEqual([
      `<img src="${head}"> has no referrerpolicy attribute (needs "no-referrer"), outside the article body`,
      `the request for ${head} carried "Referer: http://127.0.0.1:9/"; the image host refuses it, outside the article body`,
    ]);
  });

  test('a lazy image is judged by the picture it stands for; one a reader could see still on its placeholder is a finding, a hidden one is not', () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAP';
    const pending = (src: string, visible: boolean): ImageFacts => image(gif, { pending: { attributes: { 'data-srcset': src }, visible } });
    expect(run([image(A), pending(B, false)], requested(A))).toEqual([]);
    expect(run([image(A), pending(B, true)], requested(A))).toEqual([`${B} was never shown: its lazy loader kept the placeholder though the image was brought into view`]);
    expect(run([image(A), pending(B, true)], requested(A)).join('\n')).not.toContain('data:image');
  });
});
