import { Element, isTag, isText, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { prepend, removeElement } from 'domutils';

/** Elements that may sit inside a paragraph (HTML "phrasing content"), plus the legacy <font>. */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img',
  'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'var', 'wbr',
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

/** Replaces an element by its children, in place. */
export function unwrap(element: Element): void {
  const parent = element.parent;
  if (parent === null) return;
  const index = parent.children.indexOf(element);
  const children = element.children;
  for (const child of children) child.parent = parent;
  // concat, not splice(...children): a huge child list must not become a huge argument list
  parent.children = parent.children.slice(0, index).concat(children, parent.children.slice(index + 1));
  const first = children[0];
  const last = children[children.length - 1];
  if (first === undefined || last === undefined) {
    if (element.prev) element.prev.next = element.next;
    if (element.next) element.next.prev = element.prev;
  } else {
    first.prev = element.prev;
    if (element.prev) element.prev.next = first;
    last.next = element.next;
    if (element.next) element.next.prev = last;
  }
  element.children = [];
  element.parent = element.prev = element.next = null;
}

/** Renames an element in place, keeping its children. */
export function rename(element: Element, name: string, attribs: Record<string, string> = {}): void {
  element.name = name;
  element.attribs = attribs;
}

/** Moves consecutive sibling nodes into a new element placed where the first one was; returns it. */
export function wrapNodes(nodes: readonly ChildNode[], name: string): Element {
  const wrapper = new Element(name, {});
  const first = nodes[0];
  if (first !== undefined) prepend(first, wrapper);
  for (const node of nodes) {
    removeElement(node);
    node.parent = wrapper;
    const previous = wrapper.children[wrapper.children.length - 1];
    node.prev = previous ?? null;
    if (previous !== undefined) previous.next = node;
    wrapper.children.push(node);
  }
  return wrapper;
}

/** The children of a parent as a stable array, safe to iterate while the tree changes. */
export function childrenOf(parent: ParentNode): ChildNode[] {
  return [...parent.children];
}
