import { readFileSync } from 'node:fs';

/** The parts of Playwright's JSON report the benchmarks read. */
export interface JsonReport {
  stats: { duration: number; unexpected: number };
  suites: JsonSuite[];
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests: { results: { duration: number }[] }[] }[];
}

/** Reads a JSON report written through PLAYWRIGHT_JSON_OUTPUT_NAME. */
export function readJsonReport(path: string): JsonReport {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
}

/** Every test result's duration in ms, sorted ascending. */
export function testDurations(report: JsonReport): number[] {
  const durations: number[] = [];
  const walk = (suite: JsonSuite): void => {
    suite.suites?.forEach(walk);
    for (const spec of suite.specs ?? []) for (const test of spec.tests) for (const result of test.results) durations.push(result.duration);
  };
  report.suites.forEach(walk);
  return durations.sort((a, b) => a - b);
}

/** The value at quantile q (0–1) of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
