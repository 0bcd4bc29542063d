import type { TestInfo } from '@playwright/test';
import type { CheckResult } from '../checks/result.ts';
import type { AcceptedFinding } from './accepted-findings.ts';
import { ANNOTATIONS } from './summary.ts';
import type { GoldenEnvironment } from '../visual/golden-store.ts';
import type { VisualResult } from '../visual/visual-check.ts';

/**
 * Records a check's outcome on the test: an annotation with its metrics (read by the fidelity
 * summary reporter), one for each finding the site accepts (with why) and, when it found something
 * that fails the page, its report as an attachment of the HTML report.
 */
export async function recordCheck(testInfo: TestInfo, check: string, result: CheckResult, accepted: readonly AcceptedFinding[] = []): Promise<void> {
  testInfo.annotations.push({
    type: ANNOTATIONS.check,
    description: JSON.stringify({ check, findings: result.findings.length, ...(accepted.length > 0 ? { accepted: accepted.length } : {}), metrics: result.metrics }),
  });
  for (const finding of accepted) testInfo.annotations.push({ type: ANNOTATIONS.accepted, description: JSON.stringify(finding) });
  for (const note of result.notes ?? []) testInfo.annotations.push({ type: ANNOTATIONS.note, description: `${check}: ${note}` });
  if (result.findings.length > 0 && result.report !== undefined) {
    await testInfo.attach(result.report.name, { body: result.report.body, contentType: result.report.contentType });
  }
}

/** Records a golden comparison: annotation, attachments for review, and a loud note if the environment changed. */
export async function recordVisual(testInfo: TestInfo, result: VisualResult, width: number | undefined): Promise<void> {
  testInfo.annotations.push({
    type: ANNOTATIONS.visual,
    description: JSON.stringify({ golden: result.golden, width, status: result.status, diffPixels: result.diffPixels, diffRatio: result.diffRatio }),
  });
  if (result.environmentChanges.length > 0) {
    const note = `${result.golden} was made with a different setup: ${result.environmentChanges.join(', ')}. Pixels may differ for that reason alone.`;
    testInfo.annotations.push({ type: ANNOTATIONS.environmentChanged, description: note });
    console.warn(`WARNING: ${note}`);
  }
  if (result.status === 'new' || result.status === 'updated') console.log(result.message);
  for (const attachment of result.attachments) await testInfo.attach(attachment.name, { body: attachment.body, contentType: attachment.contentType });
}

/** Records what this run renders screenshots with, once per test (the summary shows it). */
export function recordEnvironment(testInfo: TestInfo, environment: GoldenEnvironment): void {
  testInfo.annotations.push({ type: ANNOTATIONS.environment, description: JSON.stringify(environment) });
}
