import { expect, test } from '../support/selftest.ts';
import { checkBoilerplate } from '../../harness/checks/boilerplate.ts';
import type { LeakProbe } from '../../harness/oracle/expected.ts';
import { messages, observedOf } from './helpers.ts';

const probes: LeakProbe[] = [
  { entry: 'qr-promo', kind: 'text', value: '海量资讯、精准解读，尽在新浪财经APP' },
  { entry: 'qr-promo', kind: 'selector', value: '.appendQr_wrap' },
  { entry: 'qr-promo-image', kind: 'url', value: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png' },
  { entry: 'comment', kind: 'comment', value: '编辑姓名及工作代码' },
];
const run = (fields: Parameters<typeof observedOf>[0]) => messages(checkBoilerplate({ probes }, observedOf(fields)));

test.describe('boilerplate check (pure)', () => {
  test('a clean page has no findings', () => {
    expect(run({ texts: [{ text: '正文', visible: true }], comments: ['renderer: built 2022'] })).toEqual([]);
  });

  test('probe text is found in visible text, hidden text, attributes and comments', () => {
    expect(
      run({
        texts: [
          { text: '海量资讯、精准解读，', visible: true },
          { text: '尽在新浪财经APP', visible: true },
        ],
      }),
    ).toEqual(['qr-promo: "海量资讯、精准解读，尽在新浪财经APP" found in visible text']);
    expect(run({ texts: [{ text: '海量资讯、精准解读，尽在新浪财经APP', visible: false }] })[0]).toMatch(/found in hidden text/);
    expect(run({ html: '<html><body><img alt="海量资讯、精准解读，尽在新浪财经APP"></body></html>' })).toEqual(['qr-promo: "海量资讯、精准解读，尽在新浪财经APP" found in attribute alt of <img>']);
    expect(run({ comments: [' 编辑姓名及工作代码 '] })).toEqual(['comment: source comment <!--编辑姓名及工作代码--> found in an HTML comment']);
  });

  test('selectors are matched against the page, URLs against attributes', () => {
    expect(run({ html: '<html><body><div class="clearfix appendQr_wrap"></div></body></html>' })[0]).toMatch(/^qr-promo: element \.appendQr_wrap found in 1 element/);
    expect(run({ html: '<html><head><meta property="og:image" content="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png"></head></html>' })).toEqual([
      'qr-promo-image: URL https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png found in attribute content of <meta>',
    ]);
  });

  test('the report shows each leak with its context', () => {
    const result = checkBoilerplate({ probes }, observedOf({ texts: [{ text: '前文。海量资讯、精准解读，尽在新浪财经APP。后文', visible: true }] }));
    expect(result.report?.body).toContain('前文。海量资讯、精准解读，尽在新浪财经APP。后文');
  });
});
