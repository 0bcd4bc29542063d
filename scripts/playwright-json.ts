import { readFileSync } from 'node:fs';
import type { JSONReport, JSONReportSuite, JSONReportTestResult } from '@playwright/test/reporter';

/** Reads a JSON report written through PLAYWRIGHT_JSON_OUTPUT_NAME. */
export function readJsonReport(path: string): JSONReport {
  return JSON.parse(readFileSync(path, 'utf8')) as JSONReport;
}

/** Every result of every test that ran, with its test's title, in report order. */
export function testResults(report: JSONReport): { title: string; result: JSONReportTestResult }[] {
  const found: { title: string; result: JSONReportTestResult }[] = [];
  const walk = (suite: JSONReportSuite): void => {
    suite.suites?.forEach(walk);
    for (const spec of suite.specs) for (const test of spec.tests) for (const result of test.results) found.push({ title: spec.title, result });
  };
  report.suites.forEach(walk);
  return found;
}

/** Every test result's duration in ms, sorted ascending. */
export function testDurations(report: JSONReport): number[] {
  return testResults(report)
    .map(({ result }) => result.duration)
    .sort((a, b) => a - b);
}

/** The value at quantile q (0–1) of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
