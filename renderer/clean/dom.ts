import { Element, isTag, isText, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';

/** Elements that may sit inside a paragraph (HTML "phrasing content"), plus the legacy <font>. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'picture',
  'q',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements that show something even without text. */
const SHOWN_WITHOUT_TEXT = new Set(['img', 'table', 'hr', 'figure']);

/** True for text and inline elements; unknown custom tags count as inline, as browsers treat them. */
export function isPhrasing(node: AnyNode): boolean {
  if (isText(node)) return true;
  if (!isTag(node)) return false;
  return PHRASING.has(node.name) || (node.name.includes('-') && !node.name.startsWith('-'));
}

/** True when a node shows something: non-whitespace text (U+3000 and NBSP count as space), an image or a table. */
export function hasVisibleContent(node: AnyNode): boolean {
  if (isText(node)) return /\S/.test(node.data);
  if (!isTag(node)) return false;
  return SHOWN_WITHOUT_TEXT.has(node.name) || node.children.some(hasVisibleContent);
}

/**
 * Gives a parent a new list of children in one pass, fixing every parent/prev/next link. The tree
 * pass rebuilds child lists this way instead of removing or inserting nodes one at a time, which
 * costs a search of the sibling list each and turns quadratic on huge lists.
 */
export function setChildren(parent: ParentNode, nodes: ChildNode[]): void {
  parent.children = nodes;
  let previous: ChildNode | null = null;
  for (const node of nodes) {
    node.parent = parent;
    node.prev = previous;
    if (previous !== null) previous.next = node;
    previous = node;
  }
  if (previous !== null) previous.next = null;
}

/** A new element with the given children. */
export function element(name: string, attribs: Record<string, string>, children: ChildNode[]): Element {
  const created = new Element(name, attribs);
  setChildren(created, children);
  return created;
}

/** Renames an element in place, keeping its children. */
export function rename(target: Element, name: string, attribs: Record<string, string> = {}): Element {
  target.name = name;
  target.attribs = attribs;
  return target;
}
