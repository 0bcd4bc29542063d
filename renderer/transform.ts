import { compile } from 'css-select';
import { hasChildren, isComment, isTag, isText, type AnyNode, type ChildNode, type Document, type Element, type ParentNode } from 'domhandler';
import { removeElement, textContent } from 'domutils';
import { BOILERPLATE_RULES } from './boilerplate.ts';
import { childrenOf, hasVisibleContent, isPhrasing, rename, unwrap, wrapNodes } from './dom.ts';
import { httpsImageUrl, sizeHint } from './images.ts';

/** Generic containers of scraped markup: their loose text becomes paragraphs, then they dissolve. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'body', 'html']);

/** Blocks that may not sit inside a <p> (a browser would end the paragraph before them). */
const BLOCKS = new Set(['p', 'div', 'figure', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Inline wrappers that mean nothing when empty (nested <font> soup leaves many). */
const INLINE_WRAPPERS = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'span', 'a', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'code']);

/** Blocks whose trailing <br>s would only add blank lines. */
const TRAILING_BREAK_BLOCKS = new Set(['p', 'blockquote', 'li', 'td', 'th', 'figcaption']);

/** Deeper markup is flattened to its text and media, as browsers cap their DOM depth (Chromium at 512). */
export const MAX_DEPTH = 256;

type Matcher = (element: Element) => boolean;
const compiled = (selector: string): Matcher => compile<AnyNode, Element>(selector);

/** The boilerplate catalogue with its selectors compiled once. */
const REMOVE = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'remove' ? [compiled(rule.selector)] : []));
const UNWRAP = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'unwrap' ? [compiled(rule.selector)] : []));
const REMOVE_IF_EMPTY = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'remove-if-empty' ? [compiled(rule.selector)] : []));
const REMOVE_COMMENTS = BOILERPLATE_RULES.some((rule) => rule.action === 'remove-comments');

/**
 * Cleans a parsed article body in one pass: removes the boilerplate of boilerplate.ts and maps the
 * source CMS's markup to semantic HTML (figures, <strong>, paragraphs for loose text, prepared images).
 * Children are finished before their parent, so every decision sees cleaned content.
 */
export function transformTree(document: Document): void {
  cleanChildren(document, false, 0);
  wrapLooseText(document);
  for (const table of findAll(document, 'table')) wrapNodes([table], 'div').attribs.class = 'table-scroll';
}

function cleanChildren(parent: ParentNode, insideBold: boolean, depth: number): void {
  if (depth >= MAX_DEPTH && isTag(parent)) flatten(parent);
  for (const child of childrenOf(parent)) {
    if (!isTag(child)) {
      // CDATA and <?…> never belong in HTML; comments go when the catalogue says so (it does).
      if (!isText(child) && (REMOVE_COMMENTS || !isComment(child))) removeElement(child);
      continue;
    }
    if (REMOVE.some((matches) => matches(child))) {
      removeElement(child);
      continue;
    }
    cleanChildren(child, insideBold || isBold(child), depth + 1);
    finishElement(child, insideBold);
  }
  mergeAdjacentStrong(parent);
}

/** Applies the post-order rules to an element whose children are already clean. */
function finishElement(element: Element, insideBold: boolean): void {
  if (UNWRAP.some((matches) => matches(element))) return unwrap(element);
  const name = element.name;
  if (name === 'font') {
    if (isBold(element) && !insideBold) rename(element, 'strong');
    else unwrap(element);
  } else if (name === 'img') {
    prepareImage(element);
  } else if (name === 'h1') {
    rename(element, 'h2', element.attribs); // the page's only <h1> is the article title
  } else if (name === 'span' && hasClass(element, 'img_descr')) {
    if (textContent(element).trim() === '') removeElement(element);
    else rename(element, 'figcaption');
  } else if (hasClass(element, 'img_wrapper')) {
    finishImageWrapper(element);
  } else if (name === 'p') {
    finishParagraph(element);
  } else if (CONTAINERS.has(name)) {
    wrapLooseText(element);
    unwrap(element);
  } else if (INLINE_WRAPPERS.has(name) && !element.children.some(hasVisibleContent)) {
    removeElement(element);
  } else if (TRAILING_BREAK_BLOCKS.has(name)) {
    removeTrailingBreaks(element);
  }
  if (element.parent !== null && REMOVE_IF_EMPTY.some((matches) => matches(element)) && !hasVisibleContent(element)) {
    removeElement(element);
  }
}

/** Sina marks bold runs as `<font cms-style="… strong-Bold …">`. */
function isBold(element: Element): boolean {
  if (element.name === 'strong' || element.name === 'b') return true;
  return element.name === 'font' && /(^|\s)strong-Bold(\s|$)/.test(element.attribs['cms-style'] ?? '');
}

function hasClass(element: Element, name: string): boolean {
  return ` ${element.attribs.class ?? ''} `.replace(/\s+/g, ' ').includes(` ${name} `);
}

/** `div.img_wrapper` → <figure> (its img_descr is already a <figcaption>); a wrapper around a wrapper dissolves. */
function finishImageWrapper(wrapper: Element): void {
  const children = wrapper.children.filter(isTag);
  if (children.some((child) => child.name === 'figure') || findAll(wrapper, 'img').length === 0) {
    for (const caption of findAll(wrapper, 'figcaption')) if (caption.parent === wrapper) rename(caption, 'p');
    wrapLooseText(wrapper);
    unwrap(wrapper);
  } else {
    rename(wrapper, 'figure');
  }
}

/** Alignment kept as a class, blocks moved out, indent and trailing breaks trimmed. */
function finishParagraph(p: Element): void {
  const style = p.attribs['cms-style'] ?? '';
  const align = /(^|\s)align-Center(\s|$)/i.test(style) ? 'center' : /(^|\s)align-right(\s|$)/i.test(style) ? 'right' : undefined;
  p.attribs = align === undefined ? {} : { class: align };
  for (const piece of splitAroundBlocks(p)) {
    trimLeadingIndent(piece);
    removeTrailingBreaks(piece);
  }
}

/**
 * A block inside a <p> (left by scraped `<p><div>…`) would make the browser end the paragraph;
 * split it here into paragraphs around the block. Returns the paragraphs that remain.
 */
function splitAroundBlocks(p: Element): Element[] {
  if (!p.children.some((child) => isTag(child) && BLOCKS.has(child.name))) return [p];
  const paragraphs: Element[] = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.some(hasVisibleContent)) paragraphs.push(Object.assign(wrapNodes(run, 'p'), { attribs: { ...p.attribs } }));
    else for (const node of run) removeElement(node);
    run = [];
  };
  for (const child of childrenOf(p)) {
    if (isTag(child) && BLOCKS.has(child.name)) flush();
    else run.push(child);
  }
  flush();
  unwrap(p);
  return paragraphs;
}

/** Text and inline elements lying loose in a container become paragraphs. */
function wrapLooseText(container: ParentNode): void {
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.some(hasVisibleContent)) {
      const p = wrapNodes(run, 'p');
      trimLeadingIndent(p);
      removeTrailingBreaks(p);
    }
    run = [];
  };
  for (const child of childrenOf(container)) {
    if (isPhrasing(child)) run.push(child);
    else flush();
  }
  flush();
}

/** The full-width spaces that open Chinese paragraphs become CSS `text-indent`. */
function trimLeadingIndent(node: AnyNode): boolean {
  if (isText(node)) {
    node.data = node.data.replace(/^\s+/, '');
    return node.data !== '';
  }
  if (!isTag(node)) return false;
  if (node.name === 'img' || node.name === 'br') return true;
  return node.children.some(trimLeadingIndent); // stops at the first leaf with content
}

function removeTrailingBreaks(block: Element): void {
  let last = block.lastChild;
  while (last !== null && ((isText(last) && last.data.trim() === '') || (isTag(last) && last.name === 'br'))) {
    const previous = last.prev;
    removeElement(last);
    last = previous;
  }
}

/** `<strong>表</strong><strong>1</strong>` (one bold run the CMS cut into pieces) becomes one element. */
function mergeAdjacentStrong(parent: ParentNode): void {
  for (const child of childrenOf(parent)) {
    const previous = child.prev;
    if (isTag(child) && child.name === 'strong' && previous !== null && isTag(previous) && previous.name === 'strong') {
      for (const node of childrenOf(child)) {
        removeElement(node);
        node.parent = previous;
        const tail = previous.children[previous.children.length - 1];
        node.prev = tail ?? null;
        if (tail !== undefined) tail.next = node;
        previous.children.push(node);
      }
      removeElement(child);
    }
  }
}

/** Every image: https URL, empty alt when none, size from the URL hint, and no Referer. */
function prepareImage(img: Element): void {
  const src = httpsImageUrl(img.attribs.src ?? '');
  if (src === undefined) return removeElement(img);
  const attribs: Record<string, string> = { src, alt: img.attribs.alt ?? '' };
  // 知乎日报 shows the answerer's avatar as a small round icon, not as a picture of the story.
  if (hasClass(img, 'avatar')) attribs.class = 'avatar';
  const size = sizeHint(src);
  if (size !== undefined) {
    attribs.width = String(size.width);
    attribs.height = String(size.height);
  }
  attribs.referrerpolicy = 'no-referrer';
  img.attribs = attribs;
}

/** Keeps only text, images and line breaks below an element nested too deep for any reader. */
function flatten(element: Element): void {
  const kept: ChildNode[] = [];
  const stack: ChildNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (isText(node) || (isTag(node) && (node.name === 'img' || node.name === 'br'))) kept.push(node);
    else if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  element.children = [];
  for (const node of kept) {
    node.parent = element;
    node.prev = element.children[element.children.length - 1] ?? null;
    if (node.prev !== null) node.prev.next = node;
    node.next = null;
    element.children.push(node);
  }
}

function findAll(root: ParentNode, name: string): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node) && node.name === name) found.push(node);
    if (hasChildren(node)) for (const child of node.children) stack.push(child);
  }
  return found;
}
