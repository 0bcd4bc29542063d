import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One attack payload from a public corpus (or ours), with where it came from. */
export interface Payload {
  /** e.g. `dompurify#12`, `h5sc#3`, `mxss#DOMPurify 2.0.0`, `fields#1`. */
  id: string;
  html: string;
}

/** Loads every payload of fixtures/xss: DOMPurify's expect.mjs, html5sec vectors, SonarSource mXSS, ours (fields, embeds). */
export async function loadPayloads(dir = 'fixtures/xss'): Promise<Payload[]> {
  return [...(await dompurify(dir)), ...html5sec(dir), ...mxss(dir), ...ours(dir, 'field-payloads.json', 'fields'), ...ours(dir, 'embed-payloads.json', 'embeds')];
}

/** DOMPurify's test cases: an ES module whose only statement exports an array literal of plain objects. */
async function dompurify(dir: string): Promise<Payload[]> {
  const module = (await import(pathToFileURL(resolve(dir, 'dompurify', 'expect.mjs')).href)) as { default: { payload: string }[] };
  return module.default.map((entry, index) => ({ id: `dompurify#${index + 1}`, html: entry.payload }));
}

/** html5sec.org's vectors, each wrapped as `<div id="N">PAYLOAD//["'`-->]]>]</div>`. */
function html5sec(dir: string): Payload[] {
  const text = readFileSync(join(dir, 'h5sc', 'vectors.txt'), 'utf8');
  return [...text.matchAll(/<div id="(\d+)">([\s\S]*?)(?=<div id="\d+">|$)/g)].map((match) => ({ id: `h5sc#${match[1] ?? ''}`, html: `<div>${match[2] ?? ''}` }));
}

/** SonarSource's mXSS cheat sheet: the backticked payload cell of each table row. */
function mxss(dir: string): Payload[] {
  const payloads: Payload[] = [];
  let table = '';
  for (const line of readFileSync(join(dir, 'sonarsource-mxss', 'examples.md'), 'utf8').split('\n')) {
    const heading = /^#+\s*(.+)$/.exec(line);
    if (heading?.[1] !== undefined) table = heading[1].trim();
    const row = /^\|\s*(v?[\d.]+)\s*\|\s*(`{1,3})(.+?)\2\s*\|/.exec(line);
    if (row?.[3] === undefined) continue;
    payloads.push({ id: `mxss#${payloads.length + 1} ${table} ${row[1] ?? ''}`, html: expandTemplate(row[3].replace(/\\\$/g, '$')) });
  }
  return payloads;
}

/** The one row written as JS (`n = 506; var payload = `${"<div>".repeat(n)}…`;`), expanded as text, not run. */
function expandTemplate(cell: string): string {
  const template = /^n = (\d+); var payload = `([\s\S]*)`;$/.exec(cell);
  if (template?.[2] === undefined) return cell;
  const times = Number(template[1]);
  return template[2].replace(/\$\{"([^"]*)"\.repeat\(n\)\}/g, (_, text: string) => text.repeat(times));
}

/** Our own payloads: aimed at front-matter places (`fields`), and at the links that stand in for embeds (`embeds`). */
function ours(dir: string, file: string, source: string): Payload[] {
  const { payloads } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { payloads: string[] };
  return payloads.map((html, index) => ({ id: `${source}#${index + 1}`, html }));
}
