import { expect, test } from '@playwright/test';
import { checkIndex, pageOf } from '../../harness/checks/index-page.ts';
import { messages, observedOf } from './helpers.ts';

const articles = [
  { slug: 'old', title: '旧', published: new Date('2021-01-01T00:00:00Z') },
  { slug: 'new', title: '新', published: new Date('2022-01-01T00:00:00Z') },
  { slug: 'also new', title: '也新', published: new Date('2022-01-01T00:00:00Z') },
];
const undated = [...articles, { slug: 'b-undated', title: 'B', published: undefined }, { slug: 'a-undated', title: 'A', published: undefined }];
const page = (...hrefs: string[]) => observedOf({ url: 'http://127.0.0.1:9/', html: `<html><body>${hrefs.map((h) => `<a href="${h}">x</a>`).join('')}</body></html>` });

test.describe('index check (pure)', () => {
  test('every article once, newest first, ties in any order', () => {
    expect(messages(checkIndex(articles, page('also%20new.html', 'new.html', 'old.html')))).toEqual([]);
    expect(messages(checkIndex(articles, page('new/', 'also%20new/index.html', 'old.html', 'index.html')))).toEqual([]);
  });

  test('missing, duplicated and unknown links, and wrong order', () => {
    expect(messages(checkIndex(articles, page('new.html', 'new.html', 'ghost.html', 'old.html')))).toEqual([
      'new is linked 2 times (once expected)',
      'no link to also new',
      'link to a page with no source article: ghost',
    ]);
    expect(messages(checkIndex(articles, page('old.html', 'new.html', 'also%20new.html')))[0]).toMatch(/^not newest first: new .* is listed after old/);
  });

  test('articles of unknown date come after every dated one, by title', () => {
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'old.html', 'a-undated.html', 'b-undated.html')))).toEqual([]);
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'a-undated.html', 'old.html', 'b-undated.html')))).toEqual([
      'old (2021-01-01T00:00:00.000Z) is listed after a-undated, whose date is unknown: articles of unknown date come last',
    ]);
    expect(messages(checkIndex(undated, page('new.html', 'also%20new.html', 'old.html', 'b-undated.html', 'a-undated.html')))).toEqual([
      'articles of unknown date are not in title order: "A" (a-undated) is listed after "B" (b-undated)',
    ]);
  });

  test('links elsewhere or malformed name no page', () => {
    expect(pageOf('https://example.com/a.html', 'http://127.0.0.1:9/')).toBeUndefined();
    expect(pageOf('%E0%A4%A.html', 'http://127.0.0.1:9/')).toBeUndefined();
    expect(pageOf('%E6%96%B0%E9%97%BB%23%3F.html', 'http://127.0.0.1:9/')).toBe('新闻#?');
  });
});
