/**
 * Generated sources for the odd-but-valid cases too big or awkward to keep in git: a 5 MB article,
 * 20,000 nested elements, a 1 MB single line. Deterministic: the same size gives the same bytes.
 */

const SENTENCES = [
  '国家统计局今天发布数据，一季度国内生产总值同比增长百分之四点五。',
  '业内人士认为，政策效果正在显现，但仍需关注外部环境的变化。',
  '记者从有关部门获悉，相关工作正在有序推进，预计年底前完成。',
  '专家表示，要坚持稳中求进，统筹发展和安全，推动高质量发展。',
  '数据显示，前三个月全国城镇新增就业二百九十七万人。',
];

function front(title: string): string {
  return `\n---\ntitle: '${title}'\ncategories:\n - 测试\nauthor: 存档\ncomments: false\ndate: 2021-04-25 04:12:10\n---\n\n`;
}

/** A long article of ordinary paragraphs, at least `bytes` bytes of UTF-8. */
export function largeArticle(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = `<p>\u3000\u3000第${i + 1}段。${SENTENCES[i % SENTENCES.length] ?? ''}${SENTENCES[(i * 3 + 1) % SENTENCES.length] ?? ''}<strong>编号 ${i}</strong>。</p>`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return `${front(`${Math.round(bytes / 1e6)} MB 的长文章`)}<div>\n${paragraphs.join('\n')}\n</div>\n`;
}

/** `depth` nested <div>s, with a line of text every `every` levels and at the bottom. */
export function nestedArticle(depth: number, every = 1000): string {
  const open: string[] = [];
  for (let level = 1; level <= depth; level++) open.push(level % every === 0 || level === depth ? `<div>第${level}层的文字。` : '<div>');
  return `${front(`${depth} 层嵌套`)}${open.join('')}${'</div>'.repeat(depth)}\n`;
}

/** A body written on one line of at least `bytes` bytes: many paragraphs with inline markup, no newline. */
export function singleLineArticle(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `<p>${SENTENCES[i % SENTENCES.length] ?? ''}<a href="https://example.com/${i}">链接${i}</a></p>`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return `${front('1 MB 的一行')}${parts.join('')}\n`;
}
