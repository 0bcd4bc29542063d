import htmlTags from 'html-tags';
import { Text, type Element } from 'domhandler';

/** Elements browsers still know although the standard list no longer does (scraped code uses <font> for colour). */
const OBSOLETE_TAGS = ['acronym', 'big', 'blink', 'center', 'font', 'listing', 'marquee', 'nobr', 'plaintext', 'strike', 'tt', 'xmp'];
const KNOWN_TAGS: ReadonlySet<string> = new Set([...htmlTags, ...OBSOLETE_TAGS]);

/**
 * True for an element that only exists because code was pasted unescaped: in `<pre>` or `<code>`,
 * `List<String>` reads to a parser as the unknown element <string>, and the reader loses "<String>".
 * Custom elements (with a hyphen) are real.
 */
export function isCodeMistakenForTag(element: Element): boolean {
  return !KNOWN_TAGS.has(element.name) && !element.name.includes('-');
}

/**
 * The tags of such an element as they were written (`<String>`, and `</String>` when the source closes
 * it), read from the source at the parser's recorded positions, so the page shows them as text.
 */
export function tagsAsWritten(element: Element, source: string): { open: Text; close: Text | undefined } {
  const start = element.startIndex ?? 0;
  const openEnd = source.indexOf('>', start);
  const open = source.slice(start, openEnd === -1 ? source.length : openEnd + 1);
  const end = element.endIndex ?? -1;
  const closing = `</${element.name}>`;
  const tail = source.slice(end + 1 - closing.length, end + 1);
  return { open: new Text(open), close: tail.toLowerCase() === closing ? new Text(tail) : undefined };
}
