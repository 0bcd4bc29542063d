/** A reason a source file cannot be rendered, pointing at the file and, where known, the line. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
  /** For a warning: what the page does instead (`the page says the date is unknown`). */
  fallback?: string;
}

/** Formats a problem the way compilers do: `path:line: message`. */
export function formatProblem(problem: Problem): string {
  return `${where(problem)}: ${problem.message}`;
}

/** Formats a warning the way compilers do: `path:line: warning: message; what the page does instead`. */
export function formatWarning(warning: Problem): string {
  return `${where(warning)}: warning: ${warning.message}${warning.fallback === undefined ? '' : `; ${warning.fallback}`}`;
}

/** A warning turned into a refusal (`--strict`). */
export function strictProblem(warning: Problem): Problem {
  return { file: warning.file, ...(warning.line === undefined ? {} : { line: warning.line }), message: `${warning.message} (refused: --strict)` };
}

function where(problem: Problem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
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
