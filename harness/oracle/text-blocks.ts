import htmlTags from 'html-tags';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { EMBED_TAGS } from './media.ts';
import { normalizeText } from './normalize.ts';

/** Elements that start and end a block of text in HTML's default rendering. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/**
 * What names or labels rather than tells: headings and captions (Sina writes captions as
 * `span.img_descr`). The article's lead, and so its description, never starts in them.
 */
const LABEL_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption']);
const LABEL_CLASSES = ['img_descr'];

/** Every element a browser knows: the standard ones and the obsolete ones old pages still use. */
const KNOWN_ELEMENTS: ReadonlySet<string> = new Set([...htmlTags, 'acronym', 'big', 'blink', 'center', 'font', 'listing', 'marquee', 'nobr', 'plaintext', 'strike', 'tt', 'xmp']);

/**
 * In <pre> and <code>, an element no browser knows is code pasted unescaped (`List<String>`): the
 * writer meant the characters, so they are read as text, exactly as written in the source.
 */
function writtenAsText(element: Element, source: string): { open: string; close: string } | undefined {
  if (KNOWN_ELEMENTS.has(element.name) || element.name.includes('-')) return undefined;
  const location = element.sourceCodeLocation;
  if (location?.startTag === undefined) return undefined;
  const close = location.endTag === undefined ? '' : source.slice(location.endTag.startOffset, location.endTag.endOffset);
  return { open: source.slice(location.startTag.startOffset, location.startTag.endOffset), close };
}

/** A lead needs words: a block of only punctuation or symbols (an editor's lone "+") is not one. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/** A body's text as readers see it, block by block, and where its lead (the description's start) is. */
export interface BodyText {
  blocks: string[];
  /** Index of the first block outside headings and captions that has a letter or digit; -1 when there is none. */
  lead: number;
}

/**
 * Splits nodes into the text blocks a reader sees: block elements start and end blocks, <br> is a
 * space, embeds show none of their fallback content, code pasted unescaped reads as written (`source`
 * is the parsed text, with positions recorded). Iterative: scraped markup nests thousands deep.
 */
export function bodyText(nodes: AnyNode[], source = ''): BodyText {
  const blocks: string[] = [];
  let lead = -1;
  let current = '';
  let labelDepth = 0;
  const flush = (): void => {
    const text = normalizeText(current);
    if (text !== '') {
      if (lead === -1 && labelDepth === 0 && HAS_WORDS.test(text)) lead = blocks.length;
      blocks.push(text);
    }
    current = '';
  };
  let codeDepth = 0;
  /** What to do once an element's children are done: end its block, leave a label or code, or add its written end tag. */
  type Marker = { marker: 'end block' | 'end label' | 'end code' } | { marker: 'text'; text: string };
  const stack: (AnyNode | Marker)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | Marker;
    if ('marker' in node) {
      if (node.marker === 'text') current += node.text;
      else if (node.marker === 'end code') codeDepth--;
      else {
        flush();
        if (node.marker === 'end label') labelDepth--;
      }
    } else if (isText(node)) current += node.data;
    else if (isTag(node)) {
      if (node.name === 'br') current += ' ';
      else if (EMBED_TAGS.has(node.name))
        continue; // fallback content, never shown: the embed is checked on its own
      else {
        const written = codeDepth > 0 ? writtenAsText(node, source) : undefined;
        if (written !== undefined) {
          current += written.open;
          stack.push({ marker: 'text', text: written.close });
        }
        if (node.name === 'pre' || node.name === 'code') {
          codeDepth++;
          stack.push({ marker: 'end code' });
        }
        const label = LABEL_TAGS.has(node.name) || LABEL_CLASSES.some((name) => (node.attribs.class ?? '').split(/\s+/).includes(name));
        if (BLOCK_TAGS.has(node.name) || label) {
          flush();
          if (label) labelDepth++;
          stack.push({ marker: label ? 'end label' : 'end block' });
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
      }
    }
  }
  flush();
  return { blocks, lead };
}

/** A body with no markup: paragraphs are separated by blank lines. */
export function plainBodyText(body: string): BodyText {
  const blocks = body
    .split(/\n[ \t\u3000]*\n/)
    .map(normalizeText)
    .filter((block) => block !== '');
  return { blocks, lead: blocks.findIndex((block) => HAS_WORDS.test(block)) };
}

/** The text blocks of some chrome, for probes. */
export function textBlocks(nodes: AnyNode[]): string[] {
  return bodyText(nodes).blocks;
}

/**
 * The text of each preformatted block (<pre>, outermost only), exactly as written: every space, tab
 * and line break kept (a <br> is a line break), unescaped code read as written. Browsers drop one line
 * break right after <pre>, and so does the parser.
 */
export function preformattedTexts(pres: Element[], source = ''): string[] {
  return pres.map((pre) => {
    let text = '';
    const stack: (AnyNode | { close: string })[] = [...pre.children].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as AnyNode | { close: string };
      if ('close' in node) text += node.close;
      else if (isText(node)) text += node.data;
      else if (isTag(node)) {
        if (node.name === 'br') text += '\n';
        else if (!EMBED_TAGS.has(node.name)) {
          const written = writtenAsText(node, source);
          if (written !== undefined) {
            text += written.open;
            stack.push({ close: written.close });
          }
          for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
        }
      }
    }
    return text;
  });
}
