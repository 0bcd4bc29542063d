import { compile } from 'css-select';
import { isComment, isTag, isText, Text, type AnyNode, type ChildNode, type Document, type Element, type ParentNode } from 'domhandler';
import { textContent } from 'domutils';
import { BOILERPLATE_RULES } from './boilerplate.ts';
import { isCodeMistakenForTag, tagsAsWritten } from './code-text.ts';
import { decodeCloudflareEmail } from './decode-email.ts';
import { EMBED_ELEMENTS, embedLink } from './embeds.ts';
import { element, hasVisibleContent, isPhrasing, rename, setChildren } from './dom.ts';
import { httpsImageUrl, imageSize, isUndefinedUrl, realImageSource } from './images.ts';

/** Generic containers of scraped markup: their loose text becomes paragraphs, then they dissolve. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'body', 'html']);

/** Blocks that may not sit inside a <p> (a browser would end the paragraph before them). */
const BLOCKS = new Set(['p', 'div', 'figure', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose start and end separate blocks of text (used when flattening deep markup). */
export const BLOCK_BOUNDARIES = new Set([...BLOCKS, 'h1', 'li', 'td', 'th', 'tr', 'caption', 'figcaption', 'dt', 'dd', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'address']);

/** Inline wrappers that mean nothing when empty (nested <font> soup leaves many). */
const INLINE_WRAPPERS = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'span', 'a', 'small', 'sub', 'sup', 'mark', 'q', 'cite', 'code']);

/** Blocks whose trailing <br>s would only add blank lines. */
const TRAILING_BREAK_BLOCKS = new Set(['p', 'blockquote', 'li', 'td', 'th', 'figcaption']);

/** Deeper markup is flattened to paragraphs of its text and images, as browsers cap their DOM depth (Chromium at 512). */
const MAX_DEPTH = 256;

type Matcher = (element: Element) => boolean;
const compiled = (selector: string): Matcher => compile<AnyNode, Element>(selector);

/** The boilerplate catalogue with its selectors compiled once. */
const REMOVE = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'remove' ? [compiled(rule.selector)] : []));
const UNWRAP = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'unwrap' ? [compiled(rule.selector)] : []));
const REMOVE_IF_EMPTY = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'remove-if-empty' ? [compiled(rule.selector)] : []));
const REMOVE_IF_TEXT = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'remove-if-text' ? [{ matches: compiled(rule.selector), text: rule.text }] : []));
const DECODE_EMAIL = BOILERPLATE_RULES.flatMap((rule) => (rule.action === 'decode-email' ? [compiled(rule.selector)] : []));
const REMOVE_COMMENTS = BOILERPLATE_RULES.some((rule) => rule.action === 'remove-comments');

/**
 * Cleans a parsed article body in one pass: removes the boilerplate of boilerplate.ts and maps the
 * source CMS's markup to semantic HTML (figures, <strong>, paragraphs for loose text, prepared images).
 * Children are finished before their parent, and each child list is rebuilt once, so the work is
 * linear in the size of the body.
 */
export function transformTree(document: Document, source: string): void {
  cleanChildren(document, { bold: false, code: false, source }, 0);
  setChildren(document, wrapLooseText(document.children));
}

/** What an element's position in the tree means for its children. */
interface Context {
  /** Inside bold text: a bold <font> needs no <strong> of its own. */
  bold: boolean;
  /** Inside <pre> or <code>: an unknown element there is code text (`List<String>`). */
  code: boolean;
  /** The parsed text, for tags that must be shown as written. */
  source: string;
}

function cleanChildren(parent: ParentNode, context: Context, depth: number): void {
  if (depth >= MAX_DEPTH && isTag(parent)) {
    setChildren(parent, flatten(parent));
    depth = 0; // what flatten leaves is two levels deep: never flattened again
  }
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (!isTag(child)) {
      // CDATA and <?…> never belong in HTML; comments go when the catalogue says so (it does).
      if (isText(child) || (!REMOVE_COMMENTS && isComment(child))) kept.push(child);
      continue;
    }
    if (REMOVE.some((matches) => matches(child))) continue;
    if (DECODE_EMAIL.some((matches) => matches(child))) {
      kept.push(new Text(decodeCloudflareEmail(child.attribs['data-cfemail'] ?? '') ?? textContent(child)));
      continue;
    }
    if (EMBED_ELEMENTS.has(child.name)) {
      kept.push(...embedLink(child)); // a link in its place: never a live frame, never silently gone
      continue;
    }
    const inner = { ...context, bold: context.bold || isBold(child), code: context.code || child.name === 'pre' || child.name === 'code' };
    cleanChildren(child, inner, depth + 1);
    if (context.code && isCodeMistakenForTag(child)) {
      const { open, close } = tagsAsWritten(child, context.source);
      kept.push(open, ...child.children, ...(close === undefined ? [] : [close]));
      continue;
    }
    for (const node of finishElement(child, context.bold)) {
      if (!(isTag(node) && REMOVE_IF_EMPTY.some((matches) => matches(node)) && !hasVisibleContent(node))) kept.push(node);
    }
  }
  setChildren(parent, mergeAdjacentStrong(kept));
}

/** The post-order rules for an element whose children are already clean: returns what takes its place. */
function finishElement(target: Element, insideBold: boolean): ChildNode[] {
  if (UNWRAP.some((matches) => matches(target))) return target.children;
  if (REMOVE_IF_TEXT.some((rule) => rule.matches(target) && rule.text.test(textContent(target).replace(/\s+/g, ' ').trim()))) return [];
  const name = target.name;
  if (name === 'font') return isBold(target) && !insideBold ? [rename(target, 'strong')] : target.children;
  if (name === 'img') return prepareImage(target) ? [target] : [];
  if (name === 'h1') return [rename(target, 'h2', target.attribs)]; // the page's only <h1> is the article title
  if (name === 'span' && hasClass(target, 'img_descr')) return textContent(target).trim() === '' ? [] : [rename(target, 'figcaption')];
  if (hasClass(target, 'img_wrapper')) return finishImageWrapper(target);
  if (name === 'p') return finishParagraph(target);
  // An inline element around blocks (Google Sites' <span><div>…</div></span>) cannot sit in a paragraph: it dissolves.
  if (isPhrasing(target) && target.children.some((child) => isTag(child) && !isPhrasing(child))) return wrapLooseText(target.children);
  // A caption outside a figure (巴哈姆特 puts its images in one) is just a container.
  if (name === 'figcaption' && !(target.parent !== null && isTag(target.parent) && target.parent.name === 'figure')) return wrapLooseText(target.children);
  if (name === 'table') return [element('div', { class: 'table-scroll' }, [target])]; // wide tables scroll on phones
  if (name === 'th' && !/^(row|col|rowgroup|colgroup)$/.test(target.attribs.scope ?? '')) target.attribs.scope = headerScope(target);
  if (name === 'figure') withoutRepeatedAlt(target);
  if (CONTAINERS.has(name)) return wrapLooseText(target.children);
  // An empty wrapper goes, but a space it held still separates words (333's `g<sup>y</sup><sup> </sup>mod`).
  if (INLINE_WRAPPERS.has(name) && !target.children.some(hasVisibleContent)) return target.children.filter(isText);
  if (TRAILING_BREAK_BLOCKS.has(name)) removeTrailingBreaks(target);
  // The source's own classes on links and spans mean nothing here, and `embed` must only mark our stand-in links.
  if (name === 'a' || name === 'span') delete target.attribs.class;
  return [target];
}

/** What a header cell without a valid scope heads, for screen readers: its column in the first row, else its row. */
function headerScope(th: Element): string {
  const row = th.parent;
  if (row === null || !isTag(row)) return 'col';
  const section = row.parent;
  const firstRow = section !== null && isTag(section) && (section.name === 'thead' || section.children.find((child) => isTag(child)) === row);
  return firstRow ? 'col' : 'row';
}

/** Sina marks bold runs as `<font cms-style="… strong-Bold …">`. */
function isBold(target: Element): boolean {
  if (target.name === 'strong' || target.name === 'b') return true;
  return target.name === 'font' && /(^|\s)strong-Bold(\s|$)/.test(target.attribs['cms-style'] ?? '');
}

function hasClass(target: Element, name: string): boolean {
  const classes = target.attribs.class;
  return classes !== undefined && classes.split(/\s+/).includes(name);
}

/** `div.img_wrapper` → <figure> (its img_descr is already a <figcaption>); a wrapper around a wrapper dissolves. */
function finishImageWrapper(wrapper: Element): ChildNode[] {
  const wrapsFigure = wrapper.children.some((child) => isTag(child) && child.name === 'figure');
  if (!wrapsFigure && contains(wrapper, 'img')) return [withoutRepeatedAlt(rename(wrapper, 'figure'))];
  for (const child of wrapper.children) if (isTag(child) && child.name === 'figcaption') rename(child, 'p');
  return wrapLooseText(wrapper.children);
}

/**
 * An image whose alt text only repeats its figure's caption gets an empty alt: a screen reader would
 * read the words twice, and themes that print alt as a visible caption (Hexo's landscape) show them twice.
 */
function withoutRepeatedAlt(figure: Element): Element {
  const caption = figure.children.find((child): child is Element => isTag(child) && child.name === 'figcaption');
  if (caption === undefined) return figure;
  const said = textContent(caption).replace(/\s+/g, ' ').trim();
  const visit = (node: Element): void => {
    for (const child of node.children) {
      if (!isTag(child)) continue;
      if (child.name === 'img' && (child.attribs.alt ?? '').replace(/\s+/g, ' ').trim() === said) child.attribs.alt = '';
      visit(child);
    }
  };
  visit(figure);
  return figure;
}

function contains(root: Element, name: string): boolean {
  return root.children.some((child) => isTag(child) && (child.name === name || contains(child, name)));
}

/**
 * Alignment kept as a class, indent and trailing breaks trimmed. A block inside a <p> (left by
 * scraped `<p><div>…`) would make the browser end the paragraph, so the paragraph is split around it.
 */
function finishParagraph(p: Element): ChildNode[] {
  const style = p.attribs['cms-style'] ?? '';
  const align = /(^|\s)align-Center(\s|$)/i.test(style) ? 'center' : /(^|\s)align-right(\s|$)/i.test(style) ? 'right' : undefined;
  const attribs: Record<string, string> = align === undefined ? {} : { class: align };
  p.attribs = attribs;
  if (!p.children.some((child) => isTag(child) && BLOCKS.has(child.name))) return [finishedParagraph(p)];
  const pieces: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.some(hasVisibleContent)) pieces.push(finishedParagraph(element('p', { ...attribs }, run)));
    run = [];
  };
  for (const child of p.children) {
    if (isTag(child) && BLOCKS.has(child.name)) {
      flush();
      pieces.push(child);
    } else run.push(child);
  }
  flush();
  return pieces;
}

function finishedParagraph(p: Element): Element {
  trimLeadingIndent(p);
  removeTrailingBreaks(p);
  return p;
}

/** Text and inline elements lying loose among blocks become paragraphs; returns the new list. */
function wrapLooseText(nodes: ChildNode[]): ChildNode[] {
  const result: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.some(hasVisibleContent)) result.push(finishedParagraph(element('p', {}, run)));
    else for (const node of run) result.push(node);
    run = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) run.push(node);
    else {
      flush();
      result.push(node);
    }
  }
  flush();
  return result;
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
  let end = block.children.length;
  while (end > 0) {
    const last = block.children[end - 1] as ChildNode;
    if (!((isText(last) && last.data.trim() === '') || (isTag(last) && last.name === 'br'))) break;
    end--;
  }
  if (end < block.children.length) setChildren(block, block.children.slice(0, end));
}

/** `<strong>表</strong><strong>1</strong>` (one bold run the CMS cut into pieces) becomes one element. */
function mergeAdjacentStrong(nodes: ChildNode[]): ChildNode[] {
  const result: ChildNode[] = [];
  const grown = new Set<Element>();
  for (const node of nodes) {
    const previous = result[result.length - 1];
    if (isTag(node) && node.name === 'strong' && previous !== undefined && isTag(previous) && previous.name === 'strong') {
      for (const child of node.children) previous.children.push(child);
      grown.add(previous);
    } else result.push(node);
  }
  for (const strong of grown) setChildren(strong, strong.children);
  return result;
}

/**
 * Every image: the real picture of a lazy-loaded one (images.ts), https URL, empty alt when none, its
 * size kept (the URL's hint, else the source's, scaled to the chosen candidate), and no Referer. False: drop it (no usable URL, or a script's `/undefined`).
 */
function prepareImage(img: Element): boolean {
  const real = realImageSource(img.attribs);
  const src = isUndefinedUrl(real) ? undefined : httpsImageUrl(real);
  if (src === undefined) return false;
  const attribs: Record<string, string> = { src, alt: img.attribs.alt ?? '' };
  // 知乎日报 shows the answerer's avatar as a small round icon, not as a picture of the story.
  if (hasClass(img, 'avatar')) attribs.class = 'avatar';
  const size = imageSize(img.attribs, src);
  if (size !== undefined) {
    attribs.width = String(size.width);
    attribs.height = String(size.height);
  }
  attribs.referrerpolicy = 'no-referrer';
  img.attribs = attribs;
  return true;
}

/**
 * Markup nested deeper than anyone reads becomes a flat list of paragraphs: one per run of text
 * between block boundaries, keeping text, images and line breaks. Iterative, so any depth is safe.
 */
function flatten(root: Element): ChildNode[] {
  const paragraphs: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.some(hasVisibleContent)) paragraphs.push(element('p', {}, run));
    run = [];
  };
  // Each entry: a node to visit, or the end of a block element (a boundary to flush at).
  const stack: (ChildNode | 'end-of-block')[] = [...root.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as ChildNode | 'end-of-block';
    if (item === 'end-of-block') flush();
    else if (isText(item) || (isTag(item) && (item.name === 'img' || item.name === 'br'))) run.push(item);
    else if (isTag(item)) {
      const block = BLOCK_BOUNDARIES.has(item.name);
      if (block) {
        flush();
        stack.push('end-of-block');
      }
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as ChildNode);
    }
  }
  flush();
  return paragraphs;
}
