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
    const findings: TestVerdict['findings'] = [];
    for (const error of result.errors) {
      let check = '';
      // eslint-disable-next-line no-control-regex -- colour codes in messages
      for (const line of (error.message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
        const heading = /^(?:Error: )?(.+?): \d+ finding\(s\)$/.exec(line.trim());
        if (heading?.[1] !== undefined) check = heading[1];
        else if (line.startsWith('  - ') && check !== '') findings.push({ check, message: line.slice(4) });
      }
    }
    byTitle.set(title, { status: result.status ?? '', findings, annotations: result.annotations });
  }
  return byTitle;
}
