import type { AcceptedFinding } from '../../harness/report/accepted-findings.ts';
import { findingsIn } from '../../harness/report/finding-lines.ts';
import { ANNOTATIONS } from '../../harness/report/summary.ts';
import { readJsonReport, testResults } from '../../scripts/playwright-json.ts';

/** What one test of an archive run reported: its status and each finding by the title of its check. */
export interface TestVerdict {
  status: string;
  findings: { check: string; message: string }[];
  annotations: { type: string; description?: string }[];
}

/**
 * Reads a JSON report of an archive run into verdicts by test title. Findings are read from the
 * failure messages, which list them as `<check title>: N finding(s)` then `  - <finding>`.
 */
export function verdicts(jsonReport: string): Map<string, TestVerdict> {
  const byTitle = new Map<string, TestVerdict>();
  for (const { title, result } of testResults(readJsonReport(jsonReport))) {
    const findings = result.errors.flatMap((error) => findingsIn(error.message ?? ''));
    byTitle.set(title, { status: result.status ?? '', findings, annotations: result.annotations });
  }
  return byTitle;
}

/** The findings a test's site accepted (the setting `accept`), each with its rule and why, from the test's annotations. */
export function acceptedFindings(verdict: TestVerdict | undefined): AcceptedFinding[] {
  return (verdict?.annotations ?? []).filter((annotation) => annotation.type === ANNOTATIONS.accepted).map((annotation) => JSON.parse(annotation.description ?? '{}') as AcceptedFinding);
}
