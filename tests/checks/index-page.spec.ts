import { expect, test } from '../support/selftest.ts';
import { checkIndex, pageOf } from '../../harness/checks/index-page.ts';
import { messages, observedOf } from './helpers.ts';

const articles = [
  { slug: 'old', title: '旧', published: new Date('2021-01-01T00:00:00Z') },
  { slug: 'new', title: '新', published: new Date('2022-01-01T00:00:00Z') },
  { slug: 'also new', title: '也新', published: new Date('2022-01-01T00:00:00Z') },
];
const undated = [...articles, { slug: 'b-undated', title: 'B', published: undefined }, { slug: 'a-undated', title: 'A', published: undefined }];
/** One index page: an entry per href, and the navigation every site has (ignored). */
const page = (...hrefs: string[]) => [
  observedOf({ url: 'http://127.0.0.1:9/', html: `<html><body><a href="/">Home</a><a href="archives/">Archives</a>${hrefs.map((h) => `<a class="entry" href="${h}">x</a>`).join('')}<a href="ghost-in-sidebar.html">recent</a></body></html>` }),
];
const ENTRIES = 'a.entry';

test.describe('index check (pure)', () => {
  test('every article once, newest first, ties in any order', () => {
    expect(messages(checkIndex(articles, page('also%20new.html', 'new.html', 'old.html'), ENTRIES))).toEqual([]);
    expect(messages(checkIndex(articles, page('new/', 'also%20new/index.html', 'old.html', 'index.html'), ENTRIES))).toEqual([]);
  });

  test('missing, duplicated and unknown links, and wrong order', () => {
    expect(messages(checkIndex(articles, page('new.html', 'new.html', 'ghost.html', 'old.html'), ENTRIES))).toEqual([
      'no entry for also new',
      'an entry for a page with no source article: ghost',
    ]);
    expect(messages(checkIndex(articles, page('old.html', 'new.html', 'also%20new.html'), ENTRIES))[0]).toMatch(/^not newest first: new .* is listed after old/);
  });

  test('a paginated index: entries over every page; a post on two pages is listed twice; links within a page to one post are one entry', () => {
    const second = observedOf({ url: 'http://127.0.0.1:9/page/2/', html: '<html><body><a class="entry" href="/old/">x</a><a class="entry" href="/old/">date</a></body></html>' });
    expect(messages(checkIndex(articles, [...page('new.html', 'also%20new.html'), second], ENTRIES))).toEqual([]);
    const again = observedOf({ url: 'http://127.0.0.1:9/page/3/', html: '<html><body><a class="entry" href="/new/">x</a></body></html>' });
    expect(messages(checkIndex(articles, [...page('new.html', 'also%20new.html'), second, again], ENTRIES))).toEqual(['new is listed 2 times (once expected)']);
  });

  test('articles of unknown date come after every dated one, by title', () => {
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'old.html', 'a-undated.html', 'b-undated.html'), ENTRIES))).toEqual([]);
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'a-undated.html', 'old.html', 'b-undated.html'), ENTRIES))).toEqual([
      'old (2021-01-01T00:00:00.000Z) is listed after a-undated, whose date is unknown: articles of unknown date come last',
    ]);
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'old.html', 'b-undated.html', 'a-undated.html'), ENTRIES))).toEqual([
      'articles of unknown date are not in title order: "A" (a-undated) is listed after "B" (b-undated)',
    ]);
  });

  test('links elsewhere or malformed name no page', () => {
    expect(pageOf('https://example.com/a.html', 'http://127.0.0.1:9/')).toBeUndefined();
    expect(pageOf('%E0%A4%A.html', 'http://127.0.0.1:9/')).toBeUndefined();
    expect(pageOf('%E6%96%B0%E9%97%BB%23%3F.html', 'http://127.0.0.1:9/')).toBe('新闻#?');
  });
});
