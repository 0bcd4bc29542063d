import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import { decodeHTML } from 'entities';
import { hasChildren, isComment, isTag, Text, type AnyNode, type Comment } from 'domhandler';
import { CATALOGUE, COMMENT_MARKERS, PLACEHOLDER_IMAGE_HOSTS, QR_PROMO_IMAGE } from './catalogue.ts';
import { bodyText, plainBodyText, preformattedTexts, textBlocks } from './text-blocks.ts';
import { contentImages, expectedEmbeds, type ExpectedEmbed } from './media.ts';
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
  /** The front matter's title is blank (`title` is then the file-name stand-in our renderer shows). */
  titleBlank: boolean;
  /** Undefined when the source's date is missing or unreadable: the page must then publish no date. */
  published: Date | undefined;
  author: string;
  categories: string[];
  /** The lead image (https), or undefined when the source only had the QR promo or a placeholder. */
  headimg: string | undefined;
  comments: boolean;
  /** Visible text blocks of the body in order, whitespace normalised. */
  blocks: string[];
  /**
   * Index of the article's lead in `blocks`: the first block outside headings and captions with a
   * letter or digit (-1: none). A description must be a start of the text from there on.
   */
  lead: number;
  /** The text of each <pre> block exactly as written (whitespace and line breaks are part of code and verse). */
  preformatted: string[];
  /** Content image URLs in order (normalised; the real picture of a lazy-loaded image). */
  images: string[];
  /** Images broken in the source itself (a script's `/undefined` URL): a faithful page leaves them out. */
  brokenImages: string[];
  /** Embedded media and frames in order: each must still be offered, as a link or a player, to the same target. */
  embeds: ExpectedEmbed[];
  probes: LeakProbe[];
}

/** Builds the expected model of an article from its source post. */
export function expectedArticle(slug: string, post: SourcePost): ExpectedArticle {
  const plain = plainBody(post.body);
  // parse5: the tree a browser builds from the source; positions kept to read unescaped code as written.
  const $ = load(plain === undefined ? post.body : '', { sourceCodeLocationInfo: true }, false);
  const probes: LeakProbe[] = [];
  collectComments($, probes);
  removeChrome($, probes);
  decodeProtectedEmails($, probes);
  const { blocks, lead } = plain === undefined ? bodyText($.root().contents().toArray(), post.body) : plainBodyText(plain);
  const content = blocks.join('\n');
  const { images, broken } = contentImages($.root());
  return {
    slug,
    file: post.file,
    title: normalizeText(post.title),
    titleBlank: post.titleBlank,
    published: post.published,
    author: normalizeText(post.author),
    categories: post.categories.map(normalizeText),
    headimg: articleImage(post.headimg),
    comments: post.comments,
    blocks,
    lead,
    preformatted: preformattedTexts(
      $('pre')
        .toArray()
        .filter((pre) => $(pre).parents('pre').length === 0),
      post.body,
    ),
    images,
    brokenImages: broken,
    embeds: expectedEmbeds($),
    probes: distinctProbes(probes, content),
  };
}

/** The pictures of some chrome: probes that must not appear in any attribute of the page. */
function imageUrls(within: Cheerio<AnyNode>): string[] {
  return contentImages(within).images;
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
      for (const url of imageUrls(inner.root())) probes.push({ entry: 'ad-list', kind: 'url', value: url });
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

/**
 * Chrome texts shorter than this are not probed: a "9" (a share count) or "赞赏" occurs in dates, URLs
 * and ordinary prose, so finding it says nothing about chrome. Catalogue `texts` are always probed.
 */
const MIN_PROBE_LENGTH = 4;

/**
 * Cloudflare's e-mail protection shows "[email protected]" until its script writes the address in:
 * readers saw the address, so the source is read with it decoded (hex bytes, the first XORed into the
 * rest, UTF-8). What must not survive is the placeholder.
 */
function decodeProtectedEmails($: CheerioAPI, probes: LeakProbe[]): void {
  $('.__cf_email__[data-cfemail]').each((_, element) => {
    const hex = $(element).attr('data-cfemail') ?? '';
    if (!/^([0-9a-fA-F]{2})+$/.test(hex) || hex.length < 4) return;
    const bytes = Buffer.from(hex, 'hex');
    const key = bytes[0] ?? 0;
    $(element).replaceWith(new Text(Buffer.from(bytes.subarray(1).map((byte) => byte ^ key)).toString('utf8')));
    probes.push({ entry: 'email-protection', kind: 'text', value: '[email protected]' });
  });
}

/** Removes the catalogue's chrome from the source, recording what each removal must leave absent. */
function removeChrome($: CheerioAPI, probes: LeakProbe[]): void {
  for (const entry of CATALOGUE) {
    for (const text of entry.texts ?? []) probes.push({ entry: entry.id, kind: 'text', value: text });
    for (const url of entry.urls ?? []) probes.push({ entry: entry.id, kind: 'url', value: url });
    if (entry.selector === undefined) continue;
    const pattern = entry.textPattern;
    const found = pattern === undefined ? $(entry.selector) : $(entry.selector).filter((_, element) => pattern.test(normalizeText($(element).text())));
    if (found.length === 0) continue;
    // A selector narrowed by its text would match content in a page: its text is probed instead.
    const renderedSelector = entry.renderedSelector !== undefined ? entry.renderedSelector : pattern === undefined ? entry.selector : null;
    if (renderedSelector !== null) probes.push({ entry: entry.id, kind: 'selector', value: renderedSelector });
    if (entry.keepText) {
      found.each((_, element) => void $(element).replaceWith($(element).contents()));
      continue;
    }
    found.each((_, element) => {
      const isCode = isTag(element) && (element.name === 'style' || element.name === 'script');
      const texts = isCode
        ? $(element)
            .text()
            .split('\n')
            .map(normalizeText)
            .filter((line) => line.length >= 8)
        : textBlocks([element]);
      for (const value of texts) if ([...value].length >= MIN_PROBE_LENGTH) probes.push({ entry: entry.id, kind: 'text', value });
      for (const url of imageUrls($(element))) probes.push({ entry: entry.id, kind: 'url', value: url });
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
 * A body that is plain text, as the archive states: one with no markup at all, or with nothing but the
 * feed generator's wrapping `<div>` (whose text is still HTML text: entities are decoded). Undefined
 * for an HTML body.
 */
function plainBody(body: string): string | undefined {
  const hasMarkup = (text: string): boolean => /<[a-zA-Z!/?]/.test(text);
  if (!hasMarkup(body)) return body;
  const trimmed = body.trim();
  if (!trimmed.startsWith('<div>') || !trimmed.endsWith('</div>')) return undefined;
  const inner = trimmed.slice('<div>'.length, -'</div>'.length);
  return hasMarkup(inner) ? undefined : decodeHTML(inner);
}

function articleImage(raw: string): string | undefined {
  const url = normalizeImageUrl(raw);
  if (url === undefined || url === QR_PROMO_IMAGE) return undefined;
  return PLACEHOLDER_IMAGE_HOSTS.includes(new URL(url).hostname) ? undefined : url;
}
