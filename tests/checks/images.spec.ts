import { expect, test } from '../support/selftest.ts';
import { checkImages } from '../../harness/checks/images.ts';
import type { ImageFacts } from '../../harness/observe/collect-in-page.ts';
import type { NetworkLog } from '../../harness/observe/offline-network.ts';
import { messages, observedOf } from './helpers.ts';

const A = 'https://n.sinaimg.cn/a.jpg';
const B = 'https://n.sinaimg.cn/b.jpg';
const image = (src: string, fields: Partial<ImageFacts> = {}): ImageFacts => ({ src, attribute: 'no-referrer', property: 'no-referrer', inContent: true, ...fields });
const requested = (...urls: string[]): NetworkLog => ({ images: urls.map((url) => ({ url, referer: undefined })), blocked: [], failed: [] });
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
    const network: NetworkLog = { images: [{ url: A, referer: 'http://127.0.0.1:9/a.html' }, { url: A, referer: 'http://127.0.0.1:9/a.html' }, { url: B, referer: undefined }], blocked: [], failed: [] };
    expect(run([image(A), image(B)], network)).toEqual([`the request for ${A} carried "Referer: http://127.0.0.1:9/a.html"; the image host refuses it`]);
    expect(run([image(A), image(B)], requested(A))).toEqual([`${B} was never requested while the page loaded, so its Referer could not be checked`]);
  });

  test("images from the page's own server are not remote requests", () => {
    expect(messages(checkImages({ images: [] }, observedOf({ images: [image('http://127.0.0.1:9/assets/logo.png', { inContent: false })], network: requested() })))).toEqual([]);
  });
});
