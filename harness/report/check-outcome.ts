import type { TestInfo } from '@playwright/test';
import type { CheckResult } from '../checks/result.ts';
import { settings } from '../config/settings.ts';
import { splitAccepted } from './accepted-findings.ts';
import { expectNoFindings } from './findings-expect.ts';
import { recordCheck } from './record.ts';

/**
 * Records a check's result on the test and fails the test softly for each finding the site does not
 * accept (the setting `accept`); an accepted finding is recorded with why. Returns how many findings
 * fail the page.
 */
export async function reportCheck(testInfo: TestInfo, check: string, title: string, result: CheckResult): Promise<number> {
  const { failing, accepted } = splitAccepted(check, result, settings().accept);
  await recordCheck(testInfo, check, failing, accepted);
  expectNoFindings(failing, title);
  return failing.findings.length;
}
