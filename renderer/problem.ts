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

/** Either a value or the problem that prevented it. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };
