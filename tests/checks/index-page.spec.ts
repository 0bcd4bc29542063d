import { expect, test } from '../support/selftest.ts';
import { checkIndex, pageFileOf, type IndexRules } from '../../harness/checks/index-page.ts';
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
const RULES: IndexRules = { entries: 'a.entry', undated: 'last' };
/** The page map of these articles by the file-name rule: `<slug>.html`. */
const byFile = (list: { slug: string }[]) => new Map(list.map((article) => [`${article.slug}.html`, [article.slug]]));
const check = (list: typeof undated, pages: ReturnType<typeof page>, rules: IndexRules = RULES) => messages(checkIndex(list, pages, rules, byFile(list)));

test.describe('index check (pure)', () => {
  test('every article once, newest first, ties in any order', () => {
    expect(check(articles, page('also%20new.html', 'new.html', 'old.html'))).toEqual([]);
    expect(check(articles, page('new/', 'also%20new/index.html', 'old.html', 'index.html'))).toEqual([]);
  });

  test('missing, duplicated and unknown links, and wrong order', () => {
    expect(check(articles, page('new.html', 'new.html', 'ghost.html', 'old.html'))).toEqual(['no entry for also new', 'an entry for a page with no source article: ghost.html']);
    expect(check(articles, page('old.html', 'new.html', 'also%20new.html'))[0]).toMatch(/^not newest first: new .* is listed after old/);
  });

  test('a paginated index: entries over every page; a post on two pages is listed twice; links within a page to one post are one entry', () => {
    const second = observedOf({ url: 'http://127.0.0.1:9/page/2/', html: '<html><body><a class="entry" href="/old/">x</a><a class="entry" href="/old/">date</a></body></html>' });
    expect(check(articles, [...page('new.html', 'also%20new.html'), second])).toEqual([]);
    const again = observedOf({ url: 'http://127.0.0.1:9/page/3/', html: '<html><body><a class="entry" href="/new/">x</a></body></html>' });
    expect(check(articles, [...page('new.html', 'also%20new.html'), second, again])).toEqual(['new is listed 2 times (once expected)']);
  });

  test('articles of unknown date come after every dated one, by title', () => {
    expect(check(undated, page('new.html', 'also%20new.html', 'old.html', 'a-undated.html', 'b-undated.html'))).toEqual([]);
    expect(check(undated, page('new.html', 'also%20new.html', 'a-undated.html', 'old.html', 'b-undated.html'))).toEqual(['old (2021-01-01T00:00:00.000Z) is listed after a-undated, whose date is unknown: articles of unknown date come last']);
    expect(check(undated, page('new.html', 'also%20new.html', 'old.html', 'b-undated.html', 'a-undated.html'))).toEqual(['articles of unknown date are not in title order: "A" (a-undated) is listed after "B" (b-undated)']);
  });

  test('where the generator puts posts of unknown date (its own date for them), their place is not judged', () => {
    const anywhere: IndexRules = { ...RULES, undated: 'anywhere' };
    expect(check(undated, page('b-undated.html', 'new.html', 'a-undated.html', 'also%20new.html', 'old.html'), anywhere)).toEqual([]);
    expect(check(undated, page('old.html', 'new.html', 'also%20new.html', 'a-undated.html', 'b-undated.html'), anywhere)[0]).toMatch(/^not newest first: new /);
  });

  test('links are matched to sources by page file, whatever the permalink', () => {
    const map = new Map([
      ['p/243.html', ['new']],
      ['p/8e89.html', ['also new']],
      ['2021/01/old/index.html', ['old']],
    ]);
    expect(messages(checkIndex(articles, page('/p/243.html', '/p/8e89.html', '/2021/01/old/'), RULES, map))).toEqual([]);
    expect(messages(checkIndex(articles, page('/p/243.html', '/2021/01/old/', '/p/ffff.html'), RULES, map))).toEqual(['no entry for also new', 'an entry for a page with no source article: p/ffff.html']);
  });

  test('a page two sources share is left to their own finding: no entry count, no order', () => {
    const map = new Map([
      ['p/243.html', ['new', 'also new']],
      ['old.html', ['old']],
    ]);
    expect(messages(checkIndex(articles, page('/p/243.html', 'old.html'), RULES, map))).toEqual([]);
  });

  test('links elsewhere or malformed name no page', () => {
    const none = new Map<string, string[]>();
    expect(pageFileOf('https://example.com/a.html', 'http://127.0.0.1:9/', none)).toBeUndefined();
    expect(pageFileOf('%E0%A4%A.html', 'http://127.0.0.1:9/', none)).toBeUndefined();
    expect(pageFileOf('%E6%96%B0%E9%97%BB%23%3F.html', 'http://127.0.0.1:9/', none)).toBe('新闻#?.html');
    expect(pageFileOf('/x/', 'http://127.0.0.1:9/', new Map([['x.html', []]]))).toBe('x.html');
    expect(pageFileOf('/x/', 'http://127.0.0.1:9/', none)).toBe('x/index.html');
  });
});
