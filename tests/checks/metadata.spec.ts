import { expect, test } from '../support/selftest.ts';
import { checkMetadata } from '../../harness/checks/metadata.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { expectedOf, messages, observedOf } from './helpers.ts';

const OURS = builtinProfile('archive-renderer').article;

const head = (extra = '', ld: Record<string, unknown> = {}) => `<html><head><title>标题</title>
<meta name="description" content="第一段…">
<meta property="og:title" content="标题"><meta property="og:image" content="https://n.sinaimg.cn/a/w10h10/lead.jpg">
<meta property="article:published_time" content="2022-03-10T11:07:26Z">
<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: '标题', datePublished: '2022-03-10T19:07:26+08:00', author: { name: '新浪财经' }, image: ['https://n.sinaimg.cn/a/w10h10/lead.jpg'], articleSection: ['金融', '新浪财经'], ...ld })}</script>
${extra}</head><body><time datetime="2022-03-10T11:07:26.000Z">2022-03-10 19:07</time></body></html>`;
const run = (html: string, expected = expectedOf()) => messages(checkMetadata(expected, observedOf({ html }), 'Asia/Shanghai', OURS));

test.describe('metadata check (pure)', () => {
  test('a page agreeing in every place passes; dates compare as instants', () => {
    expect(run(head())).toEqual([]);
  });

  test('zone-less page dates are read in the archive zone', () => {
    expect(run(head().replace('2022-03-10T11:07:26.000Z', '2022-03-10T19:07:26'))).toEqual([]);
    expect(run(head().replace('2022-03-10T11:07:26.000Z', '2022-03-10T11:07:26'))).toEqual(['date in time[datetime]: expected 2022-03-10T11:07:26.000Z, found 2022-03-10T11:07:26']);
  });

  test('an unknown date: a page that publishes no date passes, one that makes a date up fails in each place', () => {
    const noDate = head()
      .replace(/<meta property="article:published_time"[^>]*>/, '')
      .replace(/<time[^>]*>[^<]*<\/time>/, '')
      .replace(/"datePublished":"[^"]*",/, '');
    expect(run(noDate, expectedOf({ published: undefined }))).toEqual([]);
    expect(run(head(), expectedOf({ published: undefined }))).toEqual([
      'date in time[datetime]: expected (absent: the source has no readable date), found 2022-03-10T11:07:26.000Z',
      'date in article:published_time: expected (absent: the source has no readable date), found 2022-03-10T11:07:26Z',
      'date in JSON-LD datePublished: expected (absent: the source has no readable date), found 2022-03-10T19:07:26+08:00',
    ]);
  });

  test('each place of the title is checked on its own', () => {
    expect(run(head('', { headline: '别的' }))).toEqual(['title in JSON-LD headline: expected 标题, found 别的']);
    expect(messages(checkMetadata(expectedOf(), observedOf({ html: head(), titles: [] }), 'UTC', OURS))).toEqual(['title in visible title: expected 标题, found (absent)']);
  });

  test('a lead image that is the QR promo must be absent', () => {
    expect(run(head(), expectedOf({ headimg: undefined }))).toEqual([
      'headimg in og:image: expected (absent: no image of its own), found https://n.sinaimg.cn/a/w10h10/lead.jpg',
      'headimg in JSON-LD image: expected (absent: no image of its own), found https://n.sinaimg.cn/a/w10h10/lead.jpg',
    ]);
  });

  test('author as a plain string or a list in JSON-LD is accepted; a missing one is not', () => {
    expect(run(head('', { author: '新浪财经' }))).toEqual([]);
    expect(run(head('', { author: [{ '@type': 'Person', name: '新浪财经' }] }))).toEqual([]);
    expect(run(head('', { author: undefined }))).toEqual(['author in JSON-LD author: expected 新浪财经, found (absent)']);
  });

  test('the description must be the start of the first block', () => {
    expect(run(head().replace('第一段…', '另一段'))[0]).toMatch(/^description in meta description: expected a start of "第一段。/);
  });

  test('the report is a table of every compared value', () => {
    const result = checkMetadata(expectedOf(), observedOf({ html: head('', { headline: '别的' }) }), 'UTC', OURS);
    expect(result.report?.body).toContain('| ✗ | title | JSON-LD headline | 标题 | 别的 |');
    expect(result.report?.body).toContain('| ✓ | title | <title> | 标题 | 标题 |');
  });

  test("a blank title stays blank where the generator keeps it so (Hexo): no title may be shown, the site's own <title> is the theme's", () => {
    const blank = expectedOf({ title: 'a', titleBlank: true });
    const hexo = { ...OURS, blankTitle: 'empty' as const };
    const page = head().replace('<title>标题</title>', '<title>小冰 RSSHub</title>').replace('content="标题"', 'content="小冰 RSSHub"');
    expect(messages(checkMetadata(blank, observedOf({ html: head('', { headline: '' }).replace('<title>标题</title>', '<title>小冰 RSSHub</title>'), titles: [] }), 'UTC', hexo))).toEqual([]);
    expect(messages(checkMetadata(blank, observedOf({ html: page, titles: ['a'] }), 'UTC', hexo))).toEqual([
      'title in visible title: expected (none: the title is blank), found a',
      'title in JSON-LD headline: expected (none: the title is blank), found 标题',
    ]);
    // Our renderer's rule: the file name stands in for it.
    expect(messages(checkMetadata(blank, observedOf({ html: page, titles: ['a'] }), 'UTC', OURS))[0]).toMatch(/^title in <title>: expected a, found 小冰 RSSHub/);
  });

  test("og:image `own`: the article's own images in any order, never another", () => {
    const own = { ...OURS, ogImage: 'own' as const, jsonLd: 'none' as const };
    const page = (images: string[]) => head().replace(/<meta property="og:image"[^>]*>/, images.map((url) => `<meta property="og:image" content="${url}">`).join(''));
    const expected = expectedOf({ images: ['https://n.sinaimg.cn/a/b.jpg'] });
    expect(messages(checkMetadata(expected, observedOf({ html: page(['https://n.sinaimg.cn/a/b.jpg', 'https://n.sinaimg.cn/a/w10h10/lead.jpg']) }), 'UTC', own))).toEqual([]);
    expect(messages(checkMetadata(expected, observedOf({ html: page(['https://unpkg.com/theme/icon.png']) }), 'UTC', own))).toEqual([
      "headimg in og:image: expected only the article's own images, found not the article's: https://unpkg.com/theme/icon.png",
    ]);
  });

  test('JSON-LD: a BlogPosting is an article; `first` names the top category as the section', () => {
    const blog = { ...OURS, jsonLdSection: 'first' as const };
    expect(messages(checkMetadata(expectedOf(), observedOf({ html: head('', { '@type': 'BlogPosting', articleSection: '金融' }) }), 'UTC', blog))).toEqual([]);
    expect(messages(checkMetadata(expectedOf(), observedOf({ html: head('', { '@type': 'BlogPosting', articleSection: '新浪财经' }) }), 'UTC', blog))).toEqual(['categories in JSON-LD articleSection: expected 金融, found 新浪财经']);
    expect(run(head('', { articleSection: '金融' }))).toEqual(['categories in JSON-LD articleSection: expected 金融 › 新浪财经, found 金融']);
  });

  test("the words of a link standing in for an embed are not the article's: a description that starts with them still starts the article", () => {
    const page = head().replace('第一段…', '视频 · Vimeo第一段。');
    const embed = { tag: 'a', link: true, href: 'https://vimeo.com/1', src: null, sources: [], text: '视频 · Vimeo', visible: true };
    expect(messages(checkMetadata(expectedOf(), observedOf({ html: page, embeds: [embed] }), 'Asia/Shanghai', OURS))).toEqual([]);
    expect(run(page)[0]).toMatch(/^description in meta description: expected a start of "第一段。/);
  });
});
