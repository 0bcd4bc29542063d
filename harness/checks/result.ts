/** One thing a check found wrong with a page, worded for the reviewer who has to fix it. */
export interface Finding {
  message: string;
}

/** A readable attachment for the Playwright report, explaining a check's findings. */
interface Report {
  name: string;
  contentType: 'text/plain' | 'text/markdown' | 'text/html';
  body: string;
}

/** What a check returns: never throws on a difference. */
export interface CheckResult {
  findings: Finding[];
  /** Numbers worth reporting even when all is well (text recall, counts). */
  metrics: Record<string, number>;
  /** Present when there is something to explain. */
  report?: Report;
  /** Worth knowing but not wrong with the page (say, an image broken in the source itself): annotated, never failing. */
  notes?: string[];
}

/** Shortens text for a message, keeping its start and end. */
export function excerpt(text: string, length = 60): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  const half = Math.floor((length - 1) / 2);
  return `${characters.slice(0, half).join('')}…${characters.slice(-half).join('')}`;
}

/** How many times each value occurs. */
export function countOf(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
