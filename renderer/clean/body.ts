import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';
import { escapeHtml } from '../page/html.ts';
import { leadText } from './lead-text.ts';
import { SANITIZE_POLICY } from './sanitize-policy.ts';
import { transformTree } from './transform.ts';

/** A cleaned article body. */
export interface CleanBody {
  /** Sanitised HTML of the article's content, ready to place in the page. */
  html: string;
  /** The article's lead, whitespace collapsed: the page's description (lead-text.ts). */
  lead: string;
}

/**
 * Turns a scraped article body into clean, safe HTML: one pass removes the boilerplate and maps the
 * markup to semantic HTML (transform.ts), then the allow-list sanitizer is the last gate.
 */
export function cleanBody(source: string): CleanBody {
  // htmlparser2, the parser sanitize-html uses too: ~4x faster than a parse5 DOM here.
  const plain = plainText(source);
  const html = plain === undefined ? source : plainTextToHtml(plain);
  // Positions are kept so code pasted unescaped (`List<String>`) can be shown as written (code-text.ts).
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  transformTree(document, html);
  // encodeEntities 'utf8': CJK stays characters; the default writes each as `&#x…;` for the sanitizer to decode.
  const clean = sanitizeHtml(render(document, { encodeEntities: 'utf8' }), SANITIZE_POLICY).trim();
  // The lead is read from what the page will show, after the sanitizer.
  return { html: clean, lead: leadText(parseDocument(clean)) };
}

/** Markup: a tag, comment or declaration starts here. */
const MARKUP = /<[a-zA-Z!/?]/;

/**
 * The text of a body that is plain text: no markup at all, or only the `<div>` the feed generator
 * wraps every body in (its entities decoded, as a browser would). Undefined for an HTML body.
 */
function plainText(source: string): string | undefined {
  if (!MARKUP.test(source)) return source;
  const wrapped = /^\s*<div>([\s\S]*)<\/div>\s*$/.exec(source)?.[1];
  return wrapped === undefined || MARKUP.test(wrapped) ? undefined : decodeHTML(wrapped);
}

/** Bare text becomes paragraphs at blank lines, with single line breaks kept as <br>. */
function plainTextToHtml(source: string): string {
  return source
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}
