import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import { hasChildren, isComment, isTag, isText, type AnyNode, type Comment, type Element } from 'domhandler';
import { CATALOGUE, COMMENT_MARKERS, PLACEHOLDER_IMAGE_HOSTS, QR_PROMO_IMAGE } from './catalogue.ts';
import { normalizeImageUrl, normalizeText } from './normalize.ts';
import type { SourcePost } from './source.ts';

/** Something of the source's chrome that must not be found in the rendered page. */
export interface LeakProbe {
  /** Catalogue entry (or `comment`) it comes from. */
  entry: string;
  kind: 'text' | 'url' | 'selector' | 'comment';
  value: string;
}

/** What a faithful page for one article must show, read from the source alone. */
export interface ExpectedArticle {
  slug: string;
  file: string;
  title: string;
  published: Date;
  author: string;
  categories: string[];
  /** The lead image (https), or undefined when the source only had the QR promo or a placeholder. */
  headimg: string | undefined;
  comments: boolean;
  /** Visible text blocks of the body in order, whitespace normalised. */
  blocks: string[];
  /** Content image URLs in order (normalised). */
  images: string[];
  probes: LeakProbe[];
}

/** Elements that start and end a block of text in HTML's default rendering. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

/** Builds the expected model of an article from its source post. */
export function expectedArticle(slug: string, post: SourcePost): ExpectedArticle {
  const plain = !/<[a-zA-Z!/?]/.test(post.body);
  const $ = load(plain ? '' : post.body, null, false); // parse5: the tree a browser builds from the source
  const probes: LeakProbe[] = [];
  collectComments($, probes);
  removeChrome($, probes);
  const blocks = plain ? plainTextBlocks(post.body) : textBlocks($.root().contents().toArray());
  const content = blocks.join('\n');
  return {
    slug,
    file: post.file,
    title: normalizeText(post.title),
    published: post.published,
    author: normalizeText(post.author),
    categories: post.categories.map(normalizeText),
    headimg: articleImage(post.headimg),
    comments: post.comments,
    blocks,
    images: imageUrls($, $('img')),
    probes: distinctProbes(probes, content),
  };
}

/** The normalised URLs of some <img> elements, in order; those without a usable src left out. */
function imageUrls($: CheerioAPI, images: Cheerio<Element>): string[] {
  return images
    .toArray()
    .map((img) => normalizeImageUrl($(img).attr('src') ?? ''))
    .filter((url): url is string => url !== undefined);
}

/** Every comment is chrome: its text must not survive, and ad-list comments hide HTML whose text must not surface. */
function collectComments($: CheerioAPI, probes: LeakProbe[]): void {
  const comments = commentsIn($.root().contents().toArray());
  for (const node of comments) {
    const text = node.data;
    if (normalizeText(text) !== '') probes.push({ entry: 'comment', kind: 'comment', value: normalizeText(text) });
    const adList = /article_adlist\[([\s\S]*)\]article_adlist/.exec(text);
    if (adList?.[1] !== undefined) {
      const inner = load(adList[1], null, false);
      for (const block of textBlocks(inner.root().contents().toArray())) probes.push({ entry: 'ad-list', kind: 'text', value: block });
      for (const url of imageUrls(inner, inner('img'))) probes.push({ entry: 'ad-list', kind: 'url', value: url });
    }
  }
  $(comments).remove();
  for (const marker of COMMENT_MARKERS) probes.push({ entry: 'comment', kind: 'text', value: marker });
}

/** Every comment node below `nodes`, in document order: one iterative walk (cheerio's `$('*').contents()` is quadratic on deep trees). */
function commentsIn(nodes: AnyNode[]): Comment[] {
  const found: Comment[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isComment(node)) found.push(node);
    else if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return found;
}

/** Removes the catalogue's chrome from the source, recording what each removal must leave absent. */
function removeChrome($: CheerioAPI, probes: LeakProbe[]): void {
  for (const entry of CATALOGUE) {
    for (const text of entry.texts ?? []) probes.push({ entry: entry.id, kind: 'text', value: text });
    for (const url of entry.urls ?? []) probes.push({ entry: entry.id, kind: 'url', value: url });
    if (entry.selector === undefined) continue;
    const found = $(entry.selector);
    if (found.length === 0) continue;
    const renderedSelector = entry.renderedSelector === undefined ? entry.selector : entry.renderedSelector;
    if (renderedSelector !== null) probes.push({ entry: entry.id, kind: 'selector', value: renderedSelector });
    if (entry.keepText) {
      found.each((_, element) => void $(element).replaceWith($(element).contents()));
      continue;
    }
    found.each((_, element) => {
      const isCode = isTag(element) && (element.name === 'style' || element.name === 'script');
      const texts = isCode ? $(element).text().split('\n').map(normalizeText).filter((line) => line.length >= 8) : textBlocks([element]);
      for (const value of texts) probes.push({ entry: entry.id, kind: 'text', value });
      for (const url of imageUrls($, $(element).find('img').add($(element).filter('img')))) probes.push({ entry: entry.id, kind: 'url', value: url });
    });
    found.remove();
  }
}

/** One probe per entry, kind and value; a probe text that is also article text cannot tell chrome from content. */
function distinctProbes(probes: LeakProbe[], content: string): LeakProbe[] {
  const seen = new Set<string>();
  return probes.filter((probe) => {
    const key = `${probe.entry}\u0000${probe.kind}\u0000${probe.value}`;
    if (seen.has(key) || (probe.kind === 'text' && content.includes(probe.value))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Splits nodes into the text blocks a reader sees: block elements start and end blocks, <br> is a
 * space. Iterative: scraped markup can nest thousands of levels deep.
 */
function textBlocks(nodes: AnyNode[]): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = normalizeText(current);
    if (text !== '') blocks.push(text);
    current = '';
  };
  const stack: (AnyNode | 'end of block')[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode | 'end of block';
    if (node === 'end of block') flush();
    else if (isText(node)) current += node.data;
    else if (isTag(node)) {
      if (node.name === 'br') current += ' ';
      else {
        if (BLOCK_TAGS.has(node.name)) {
          flush();
          stack.push('end of block');
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
      }
    }
  }
  flush();
  return blocks;
}

/** A body with no markup: paragraphs are separated by blank lines. */
function plainTextBlocks(body: string): string[] {
  return body
    .split(/\n[ \t\u3000]*\n/)
    .map(normalizeText)
    .filter((block) => block !== '');
}

function articleImage(raw: string): string | undefined {
  const url = normalizeImageUrl(raw);
  if (url === undefined || url === QR_PROMO_IMAGE) return undefined;
  return PLACEHOLDER_IMAGE_HOSTS.includes(new URL(url).hostname) ? undefined : url;
}
