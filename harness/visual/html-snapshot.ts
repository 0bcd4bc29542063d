import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'cheerio';
import { createTwoFilesPatch } from 'diff';
import { html as diffToHtml } from 'diff2html';
import { isComment, isTag, isText, type AnyNode, type Element } from 'domhandler';

/** Elements that start a line of the snapshot; everything else stays inline with its text. */
const LINE_ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'link',
  'title',
  'script',
  'style',
  'main',
  'article',
  'header',
  'footer',
  'section',
  'nav',
  'aside',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'hr',
  'br',
  'img',
]);
const VOID = new Set(['meta', 'link', 'img', 'br', 'hr', 'input', 'col', 'source', 'wbr']);

/**
 * A page's HTML in a canonical form for review: one block per line, indented, attributes sorted,
 * whitespace collapsed, JSON-LD pretty-printed, and what changes on every build (the profile's
 * volatile attributes and elements, such as Hexo's random `data-id` or its file-time
 * `article:modified_time`) left out. Formatting-only differences disappear; a changed word,
 * attribute or element shows as a changed line.
 */
export function normalizeHtml(html: string, volatile: { attributes: readonly string[]; elements: readonly string[] } = { attributes: [], elements: [] }): string {
  const $ = load(html);
  if (volatile.elements.length > 0) $(volatile.elements.join(', ')).remove();
  for (const name of volatile.attributes) $(`[${name}]`).removeAttr(name);
  const lines: string[] = [];
  const render = (node: AnyNode, depth: number): void => {
    if (isText(node)) {
      const text = node.data.replace(/[ \t\n\r\f]+/g, ' ');
      if (text.trim() !== '') lines.push(`${'  '.repeat(depth)}${escapeText(text.trim())}`);
    } else if (isComment(node)) {
      lines.push(`${'  '.repeat(depth)}<!--${node.data.trim()}-->`);
    } else if (isTag(node)) {
      if (!LINE_ELEMENTS.has(node.name) || node.children.every((child) => isText(child) || (isTag(child) && !LINE_ELEMENTS.has(child.name)))) {
        lines.push(`${'  '.repeat(depth)}${inline(node)}`);
      } else {
        lines.push(`${'  '.repeat(depth)}${openTag(node)}`);
        for (const child of node.children) render(child, depth + 1);
        lines.push(`${'  '.repeat(depth)}</${node.name}>`);
      }
    }
  };
  for (const node of $.root().children().toArray()) render(node, 0);
  return `<!DOCTYPE html>\n${lines.join('\n')}\n`;
}

/** An element and its inline content on one line. */
function inline(element: Element): string {
  if (VOID.has(element.name)) return openTag(element);
  const script = element.name === 'script' && /ld\+json/i.test(element.attribs.type ?? '');
  const content = script ? prettyJson(textOf(element)) : element.children.map((child) => (isTag(child) ? inline(child) : isText(child) ? escapeText(child.data.replace(/[ \t\n\r\f]+/g, ' ')) : '')).join('');
  return `${openTag(element)}${script ? content : content.trim()}</${element.name}>`;
}

function openTag(element: Element): string {
  const attributes = Object.entries(element.attribs)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`));
  return `<${element.name}${attributes.join('')}>`;
}

function textOf(element: Element): string {
  return element.children.map((child) => (isText(child) ? child.data : '')).join('');
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 1).replace(/\n\s*/g, ' ');
  } catch {
    return text.trim(); // invalid JSON stays as written; the metadata check reports it
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A self-contained HTML page showing the difference between the approved and the current snapshot,
 * rendered by diff2html (side by side, changed words highlighted).
 */
export function htmlDiffPage(title: string, approvedName: string, approved: string, current: string): string {
  const patch = createTwoFilesPatch(`approved ${approvedName}`, 'this run', approved, current, undefined, undefined, { context: 3 });
  const css = readFileSync(createRequire(import.meta.url).resolve('diff2html/bundles/css/diff2html.min.css'), 'utf8');
  const body = diffToHtml(patch, { drawFileList: false, matching: 'words', outputFormat: 'side-by-side' });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeText(title)}</title>
<style>${css}\nbody{font-family:system-ui,sans-serif;margin:1rem}</style></head>
<body><h1>${escapeText(title)}</h1><p>Normalised page HTML: one block per line, attributes sorted, whitespace collapsed.</p>
${body}
</body></html>
`;
}
