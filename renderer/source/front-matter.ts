import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Result } from './problem.ts';

/** The raw parts of a Hexo post: its front-matter data and HTML body, with line positions. */
export interface SplitSource {
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`; YAML line n (0-based) is file line `openLine + n`. */
  openLine: number;
  /** 1-based line of each top-level front-matter key, for error messages. */
  keyLines: Map<string, number>;
  body: string;
}

const DELIMITER = /^---[ \t]*$/;

/**
 * The CORE schema keeps `2021-04-25 04:12:10` a string (the default YAML schema would turn it into
 * a UTC Date and lose the archive's time-zone rule), and it can construct nothing but plain data.
 */
const GRAY_MATTER_OPTIONS = {
  engines: { yaml: (text: string): object => loadYaml(text, { schema: CORE_SCHEMA }) as object },
};

/** Splits a post into YAML front matter and body with gray-matter, reporting each malformation by line. */
export function splitFrontMatter(file: string, text: string): Result<SplitSource> {
  const lines = text.split('\n');
  const openIndex = lines.findIndex((line) => line.trim() !== '');
  if (openIndex === -1) return fail(file, undefined, 'is empty; an article needs front matter (title, date, …) and a body');
  if (!DELIMITER.test(lines[openIndex] ?? '')) {
    return fail(file, openIndex + 1, 'has no front matter: the first line must be "---", followed by fields such as title: and date:, and a closing "---"');
  }
  const closeOffset = lines.slice(openIndex + 1).findIndex((line) => DELIMITER.test(line));
  if (closeOffset === -1) {
    return fail(file, openIndex + 1, 'front matter opened here is never closed (no later line "---")');
  }
  const closeIndex = openIndex + 1 + closeOffset;
  const startOfMatter = lines.slice(0, openIndex).reduce((sum, line) => sum + line.length + 1, 0);

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are always passed: without them gray-matter caches every input for the process lifetime.
    parsed = matter(text.slice(startOfMatter), GRAY_MATTER_OPTIONS);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return fail(file, mark?.line === undefined ? openIndex + 1 : openIndex + 1 + mark.line, `front matter is not valid YAML: ${reason}`);
  }
  // gray-matter ends the block at the first line starting with "---"; make sure that is our closing line.
  const matterLines = parsed.matter.split('\n').length;
  if (openIndex + matterLines !== closeIndex) {
    return fail(file, openIndex + matterLines + 1, 'a front-matter line starts with "---"; quote that value');
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const kind = Array.isArray(data) ? 'a list' : data === null ? 'empty' : `a ${typeof data}`;
    return fail(file, openIndex + 2, `front matter must be fields such as "title: …" and "date: …", but it is ${kind}`);
  }
  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      openLine: openIndex + 1,
      keyLines: topLevelKeyLines(lines, openIndex, closeIndex),
      body: lines.slice(closeIndex + 1).join('\n'),
    },
  };
}

function topLevelKeyLines(lines: string[], openIndex: number, closeIndex: number): Map<string, number> {
  const keyLines = new Map<string, number>();
  for (let i = openIndex + 1; i < closeIndex; i++) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '')?.[1];
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, i + 1);
  }
  return keyLines;
}

function fail(file: string, line: number | undefined, message: string): Result<never> {
  return { ok: false, problem: line === undefined ? { file, message } : { file, line, message } };
}
