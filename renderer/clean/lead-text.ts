import { isTag, isText, type AnyNode, type Document } from 'domhandler';
import { BLOCK_BOUNDARIES } from './transform.ts';

/** Blocks that name or label rather than tell: a description never starts in them. */
const NOT_LEAD = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption']);

/** A description needs words: a block of only punctuation or symbols (an editor's lone "+") is skipped. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * The description rule, on the cleaned body: the text of the first block, in reading order, that is not
 * a heading or caption and has a letter or digit, as a reader sees it (a line break is a space,
 * whitespace collapsed). A link standing in for embedded media is not article text. '' when none.
 */
export function leadText(document: Document): string {
  let current = '';
  const stack: (AnyNode | 'end of block')[] = [...document.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | 'end of block';
    if (node === 'end of block' || (isTag(node) && (BLOCK_BOUNDARIES.has(node.name) || NOT_LEAD.has(node.name)))) {
      const text = current.replace(/\s+/g, ' ').trim();
      if (HAS_WORDS.test(text)) return text;
      current = '';
      if (node === 'end of block' || NOT_LEAD.has(node.name)) continue; // a heading's or caption's text is never the lead
    }
    if (isText(node)) current += node.data;
    else if (isTag(node)) {
      if (node.name === 'br') current += ' ';
      else if (node.attribs.class?.split(/\s+/).includes('embed') !== true) {
        if (BLOCK_BOUNDARIES.has(node.name)) stack.push('end of block');
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
      }
    }
  }
  const text = current.replace(/\s+/g, ' ').trim();
  return HAS_WORDS.test(text) ? text : '';
}
