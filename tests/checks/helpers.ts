import type { ExpectedArticle } from '../../harness/oracle/expected.ts';
import type { ObservedPage } from '../../harness/observe/observe-page.ts';

/** An expected article with defaults, for unit tests of the checks. */
export function expectedOf(fields: Partial<ExpectedArticle> = {}): ExpectedArticle {
  return {
    slug: 'a',
    file: 'fixtures/a.md',
    title: '标题',
    titleBlank: false,
    published: new Date('2022-03-10T11:07:26Z'),
    author: '新浪财经',
    categories: ['金融', '新浪财经'],
    headimg: 'https://n.sinaimg.cn/a/w10h10/lead.jpg',
    comments: false,
    blocks: ['第一段。', '第二段。'],
    lead: 0,
    preformatted: [],
    images: [],
    brokenImages: [],
    embeds: [],
    probes: [],
    ...fields,
  };
}

/** An observed page with defaults (a clean page), for unit tests of the checks. */
export function observedOf(fields: Partial<ObservedPage> = {}): ObservedPage {
  return {
    url: 'http://127.0.0.1:9/a.html',
    status: 200,
    html: '<html><head><title>标题</title></head><body></body></html>',
    contentRoot: '.article-body',
    blocks: ['第一段。', '第二段。'],
    texts: [],
    comments: [],
    images: [],
    embeds: [],
    preformatted: [],
    titles: ['标题'],
    byline: '新浪财经 2022-03-10 19:07',
    categories: ['金融', '新浪财经'],
    console: [],
    network: { images: [], blocked: [], failed: [], served: [], cancelled: [] },
    ...fields,
  };
}

/** The messages of a check result. */
export function messages(result: { findings: { message: string }[] }): string[] {
  return result.findings.map((finding) => finding.message);
}
