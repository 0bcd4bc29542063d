import { expect as base } from '@playwright/test';
import type { CheckResult } from '../checks/result.ts';
import type { VisualResult } from '../visual/visual-check.ts';

/** `expect(result).toHaveNoFindings(title)`: fails listing every finding, and where to read more. */
export const expect = base.extend({
  toHaveNoFindings(result: CheckResult, title: string) {
    const pass = result.findings.length === 0;
    const details = result.findings.map((finding) => `  - ${finding.message}`).join('\n');
    const more = result.report === undefined ? '' : `\n  (details: attachment "${result.report.name}" in the HTML report, npx playwright show-report)`;
    return {
      pass,
      name: 'toHaveNoFindings',
      message: () => (pass ? `${title}: expected findings, found none` : `${title}: ${result.findings.length} finding(s)\n${details}${more}`),
    };
  },
  /** `expect(result).toPassGolden()`: fails with the golden comparison's own message. */
  toPassGolden(result: VisualResult) {
    return { pass: !result.fail, name: 'toPassGolden', message: () => result.message };
  },
});

/**
 * Fails the test softly (the other checks still run) when `result` has findings, with the message
 * of toHaveNoFindings. A result without findings asserts nothing, as that expect would pass: each
 * expect is a step of the test with its stack captured (~0.5 ms), and an article has six checks.
 */
export function expectNoFindings(result: CheckResult, title: string): void {
  if (result.findings.length > 0) expect.soft(result).toHaveNoFindings(title);
}
