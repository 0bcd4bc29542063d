import { expect, test } from '../support/selftest.ts';
import { archiveTimeZone, parseArticleDate } from '../../renderer/source/dates.ts';
import { post, renderFixture, type RenderedFixture } from './helpers.ts';

const meta = (page: RenderedFixture, property: string): string[] =>
  page
    .$(`meta[property="${property}"], meta[name="${property}"]`)
    .toArray()
    .map((element) => page.$(element).attr('content') ?? '');

const jsonLd = (page: RenderedFixture): Record<string, unknown> => JSON.parse(page.$('script[type="application/ld+json"]').text()) as Record<string, unknown>;

test.describe('page metadata from the front matter', () => {
  test('title, Open Graph and JSON-LD of a Sina article with a lead image', () => {
    const page = renderFixture('000_9fc98f06a0b555e0.md');
    const title = '吉林省委书记：严格落实转运隔离救治等措施，确保师生安全和健康';
    const image = 'https://n.sinaimg.cn/sinakd20220310s/153/w1080h673/20220310/06f8-877bef264b01802fe0c69d77d5d60f14.jpg';
    expect(page.$('title').text()).toBe(title);
    expect(page.$('h1').text()).toBe(title);
    expect(page.$('html').attr('lang')).toBe('zh-CN');
    expect(meta(page, 'og:title')).toEqual([title]);
    expect(meta(page, 'og:type')).toEqual(['article']);
    expect(meta(page, 'og:image')).toEqual([image]);
    expect(meta(page, 'article:published_time')).toEqual(['2022-03-10T11:07:26Z']);
    expect(meta(page, 'article:section')).toEqual(['金融']);
    expect(meta(page, 'article:tag')).toEqual(['金融', '新浪财经', '新浪财经－国內']);
    expect(jsonLd(page)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title,
      datePublished: '2022-03-10T11:07:26Z',
      author: { name: '新浪财经' },
      image: [image],
      articleSection: ['金融', '新浪财经', '新浪财经－国內'],
    });
  });

  test('byline: author, time shown in Asia/Shanghai with an ISO instant, categories in order', () => {
    const page = renderFixture('000_9fc98f06a0b555e0.md');
    expect(page.$('.byline .author').text()).toBe('新浪财经');
    expect(page.$('time').attr('datetime')).toBe('2022-03-10T11:07:26Z');
    expect(page.$('time').text()).toBe('2022-03-10 19:07');
    expect(
      page
        .$('.categories li')
        .toArray()
        .map((li) => page.$(li).text()),
    ).toEqual(['金融', '新浪财经', '新浪财经－国內']);
  });

  test('description is the first paragraph, cut at 120 characters', () => {
    const page = renderFixture('000_9fc98f06a0b555e0.md');
    const [description = ''] = meta(page, 'description');
    expect(description.startsWith('据吉林广播电视台官微消息，今天（3月10日），省委书记景俊海')).toBe(true);
    expect([...description]).toHaveLength(120);
    expect(description.endsWith('…')).toBe(true);
    expect(renderFixture('001_sina-2021-06-zero-short-no-image.md').$('meta[name=description]').attr('content')).not.toMatch(/^\s/);
  });

  test('a QR-promo headimg is boilerplate: no og:image and no JSON-LD image', () => {
    for (const name of ['000_sina-2021-04-pingpang-no-image.md', '013_sina-2022-07-lychee-article-adlist-base64-gif.md']) {
      const page = renderFixture(name);
      expect(page.html, name).toContain('<meta property="og:title"');
      expect(meta(page, 'og:image'), name).toEqual([]);
      expect(jsonLd(page).image, name).toBeUndefined();
      expect(page.html, name).not.toContain('343233024.png');
    }
  });

  test('a random picsum placeholder headimg is not the article image either', () => {
    const page = renderFixture('017_other-36kr-kuaixun-2021-10-plain-text-picsum.md');
    expect(meta(page, 'og:image')).toEqual([]);
    expect(page.html).not.toContain('picsum.photos');
  });

  test('comments: false has no comment area, true has one', () => {
    expect(renderFixture('000_9fc98f06a0b555e0.md').$('#comments, .comments')).toHaveLength(0);
    expect(renderFixture('c.md', post({ comments: 'true' })).$('#comments')).toHaveLength(1);
  });

  test('HTML entities in titles are decoded once, then escaped', () => {
    const page = renderFixture('e.md', post({ title: "'GDP&#123;初值&#125; &amp; 修正 &lt;b&gt;'" }));
    expect(page.$('h1').text()).toBe('GDP{初值} & 修正 <b>');
    expect(page.$('title').text()).toBe('GDP{初值} & 修正 <b>');
    expect(jsonLd(page).headline).toBe('GDP{初值} & 修正 <b>');
    expect(page.html).toContain('<h1>GDP{初值} &amp; 修正 &lt;b&gt;</h1>');
  });

  test('every front-matter value is escaped in text, attributes and JSON-LD', () => {
    const hostile = `'"><script>alert(1)</script><img src=x onerror=alert(2)></script><!--'`;
    const page = renderFixture('x.md', post({ title: hostile, author: hostile, categories: `\n - ${hostile}`, headimg: `'https://a.example/x.jpg" onerror="alert(3)'` }));
    expect(page.$('script')).toHaveLength(1);
    expect(page.$('script').attr('type')).toBe('application/ld+json');
    expect(page.$('[onerror]')).toHaveLength(0);
    expect(page.$('img')).toHaveLength(0);
    expect(jsonLd(page).headline).toBe(`"><script>alert(1)</script><img src=x onerror=alert(2)></script><!--`);
    expect(page.$('h1').text()).toBe(`"><script>alert(1)</script><img src=x onerror=alert(2)></script><!--`);
    expect(page.$('.categories li').text()).toContain('<script>');
  });
});

test.describe('dates', () => {
  test('RFC 2822 dates carry their own zone', () => {
    expect(parseArticleDate('Thu, 10 Mar 2022 11:07:26 GMT', 'Asia/Shanghai')).toEqual({ kind: 'known', instant: new Date('2022-03-10T11:07:26Z') });
  });

  test('zone-less dates are Asia/Shanghai wall-clock time by default', () => {
    const page = renderFixture('020_other-zhihu-daily-2021-04-iso-date-blockquote.md');
    expect(page.$('time').attr('datetime')).toBe('2021-04-24T20:12:10Z');
    expect(page.$('time').text()).toBe('2021-04-25 04:12');
    expect(meta(page, 'article:published_time')).toEqual(['2021-04-24T20:12:10Z']);
  });

  test('ARCHIVE_TZ changes how zone-less dates are read', () => {
    expect(archiveTimeZone({ ARCHIVE_TZ: 'UTC' })).toBe('UTC');
    expect(archiveTimeZone({})).toBe('Asia/Shanghai');
    expect(() => archiveTimeZone({ ARCHIVE_TZ: 'Mars/Olympus' })).toThrow(/not a known IANA time zone/);
    const page = renderFixture('020_other-zhihu-daily-2021-04-iso-date-blockquote.md', undefined, 'UTC');
    expect(page.$('time').attr('datetime')).toBe('2021-04-25T04:12:10Z');
  });

  test('ISO dates with an offset; unknown dates (missing, blank, unreadable); refused ones (out of range, not text)', () => {
    expect(parseArticleDate('2021-04-25T04:12:10+02:00', 'Asia/Shanghai')).toEqual({ kind: 'known', instant: new Date('2021-04-25T02:12:10Z') });
    expect(parseArticleDate('yesterday', 'UTC')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('not a date') });
    expect(parseArticleDate('Invalid Date', 'UTC')).toMatchObject({ kind: 'unknown' });
    expect(parseArticleDate(undefined, 'UTC')).toEqual({ kind: 'unknown', reason: 'date is missing' });
    expect(parseArticleDate('  ', 'UTC')).toEqual({ kind: 'unknown', reason: 'date is empty' });
    expect(parseArticleDate('9999-01-01 00:00:00', 'UTC')).toMatchObject({ kind: 'refused', reason: expect.stringContaining('out of range') });
    expect(parseArticleDate(['2021'], 'UTC')).toMatchObject({ kind: 'refused', reason: expect.stringContaining('must be text') });
    // luxon alone reads a bare time as today's date: that would make output depend on the day
    for (const time of ['123456', '12:34:56', 'T12:00']) expect(parseArticleDate(time, 'UTC'), time).toMatchObject({ kind: 'unknown' });
  });
});
