import { expect, test } from '../support/selftest.ts';
import { checkText } from '../../harness/checks/text.ts';
import { expectedOf, messages, observedOf } from './helpers.ts';

const expected = expectedOf({ blocks: ['甲段，写了一些。', '乙段。', '丙段文字。'] });
const run = (blocks: string[]) => checkText(expected, observedOf({ blocks }));

test.describe('text check (pure)', () => {
  test('identical blocks pass with recall 1, whitespace differences included', () => {
    const result = run(['  甲段，写了一些。\n', '乙段。', '丙段\u3000文字。'.replace('\u3000', '')]);
    expect(messages(result)).toEqual([]);
    expect(result.metrics.recall).toBe(1);
    expect(messages(run(['甲段，写了一些。', '乙段。\u00a0', '\u3000\u3000丙段文字。']))).toEqual([]);
  });

  test('a dropped block is missing, recall drops by its share of characters', () => {
    const result = run(['甲段，写了一些。', '丙段文字。']);
    expect(messages(result)).toEqual(['missing block #2 of 3: "乙段。"']);
    expect(result.metrics.recall).toBeCloseTo(13 / 16, 4);
    expect(result.report?.body).toContain('-乙段。');
  });

  test('punctuation must match exactly: a full-width comma is not an ASCII one', () => {
    expect(messages(run(['甲段,写了一些。', '乙段。', '丙段文字。']))).toEqual(['missing block #1 of 3: "甲段，写了一些。"', 'extra block not in the source: "甲段,写了一些。"']);
  });

  test('moved, duplicated and extra blocks are named as such', () => {
    expect(messages(run(['乙段。', '甲段，写了一些。', '丙段文字。']))).toEqual(['block #1 of 3 is out of order: "甲段，写了一些。"']);
    expect(messages(run(['甲段，写了一些。', '乙段。', '乙段。', '丙段文字。']))).toEqual(['duplicated block: "乙段。" shown 2 times, the source has it once']);
    expect(messages(run(['甲段，写了一些。', '乙段。', '丙段文字。', '广告']))).toEqual(['extra block not in the source: "广告"']);
  });

  test('merged and split blocks get a hint', () => {
    expect(messages(run(['甲段，写了一些。乙段。', '丙段文字。']))[0]).toMatch(/^missing block #1 of 3: .*\(merged into the rendered block/);
    expect(messages(run(['甲段，', '写了一些。', '乙段。', '丙段文字。']))[0]).toMatch(/^missing block #1 of 3: .*\(split: the page has 2 parts of it as separate blocks\)/);
  });

  test('a page without a content root cannot be checked, and says how to fix it', () => {
    expect(messages(checkText(expected, observedOf({ contentRoot: null, blocks: [] })))[0]).toMatch(/ARCHIVE_CONTENT_SELECTOR/);
  });

  test("where only the page's CSS parts a paragraph (a theme showing its image on a line of its own), the text runs on; a real break stays a finding", () => {
    const source = expectedOf({ blocks: ['周末愉快！把一个房间改成了乐器房今天裁缝店有卖很酷的盔甲 抓到了一只蟑螂', '乙段。'] });
    const parts = ['周末愉快！把一个房间改成了乐器房', '今天裁缝店有卖很酷的盔甲', '抓到了一只蟑螂', '乙段。'];
    expect(messages(checkText(source, observedOf({ blocks: parts, softBreaks: [null, '', ' ', null] })))).toEqual([]);
    expect(messages(checkText(source, observedOf({ blocks: parts, softBreaks: [null, null, ' ', null] })))[0]).toMatch(/^missing block #1 of 2: .*\(split: the page has 3 parts of it as separate blocks\)$/);
    expect(messages(checkText(source, observedOf({ blocks: parts, softBreaks: [null, '', '', null] })))[0]).toMatch(/^missing block #1 of 2/);
  });

  test("a caption a theme makes from an image's alt is the theme's, unless it repeats the article's own text", () => {
    expect(messages(checkText(expected, observedOf({ blocks: ['甲段，写了一些。', '乙段。', '丙段文字。'], altCaptions: ['image', 'thumb'] })))).toEqual([]);
    expect(messages(checkText(expected, observedOf({ blocks: ['甲段，写了一些。', '乙段。', '丙段文字。'], altCaptions: ['乙段。'] })))).toEqual([
      'duplicated block: "乙段。" shown 2 times, the source has it once (the theme shows an image\'s alt text as a caption)',
    ]);
  });
});
