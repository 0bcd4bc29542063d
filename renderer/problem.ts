/** A reason a source file cannot be rendered, pointing at the file and, where known, the line. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

/** Formats a problem the way compilers do: `path:line: message`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/**
 * A value quoted for a one-line message: JSON-escaped (newlines and control characters cannot break
 * the line) and cut to `length` characters.
 */
export function quoted(value: string, length = 60): string {
  const characters = [...value];
  const cut = characters.length > length ? `${characters.slice(0, length - 1).join('')}…` : value;
  // JSON leaves U+2028/U+2029 (and U+0085) as they are, but terminals and editors break lines there.
  return JSON.stringify(cut).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Either a value or the problem that prevented it. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };
