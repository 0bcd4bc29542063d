import type { TestInfo } from '@playwright/test';
import type { CheckResult } from './checks/result.ts';

/** Annotation type under which each check's outcome is recorded for reporters. */
export const CHECK_ANNOTATION = 'fidelity-check';

/**
 * Records a check's outcome on the test: an annotation with its metrics (read by the fidelity
 * summary reporter) and, when it found something, its report as an attachment of the HTML report.
 */
export async function recordCheck(testInfo: TestInfo, check: string, result: CheckResult): Promise<void> {
  testInfo.annotations.push({
    type: CHECK_ANNOTATION,
    description: JSON.stringify({ check, findings: result.findings.length, metrics: result.metrics }),
  });
  if (result.findings.length > 0 && result.report !== undefined) {
    await testInfo.attach(result.report.name, { body: result.report.body, contentType: result.report.contentType });
  }
}
