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

/** Where an article test's time goes: medians (ms) of its phases over every article test of a report. */
export interface PhaseBreakdown {
  readSource: number;
  load: number;
  settle: number;
  collect: number;
  /** All checks of an article together (text, boilerplate, images, embeds, metadata, health). */
  checks: number;
}

/**
 * The phases of the article tests (`fidelity: <slug>`, not the index), from their steps: reading the
 * source, the page's load, settling, the in-page collection (steps inside "open the page in
 * Chromium"), and the checks (every other top-level step, summed per test).
 */
export function phaseBreakdown(report: JSONReport): PhaseBreakdown {
  const phases: Record<keyof PhaseBreakdown, number[]> = { readSource: [], load: [], settle: [], collect: [], checks: [] };
  // A page settled at `load` is asked so within 'collect in the page' (one evaluation); 'settle' is the wait of a page that was not.
  const named: Record<string, keyof PhaseBreakdown> = { 'read the source': 'readSource', load: 'load', settle: 'settle', 'collect in the page': 'collect', 'collect in the page once settled': 'collect' };
  for (const { title, result } of testResults(report)) {
    if (!title.startsWith('fidelity: ') || title === 'fidelity: index page' || result.status !== 'passed') continue;
    let checks = 0;
    for (const step of result.steps ?? []) {
      const inner = step.title === 'open the page in Chromium' ? (step.steps ?? []) : [step];
      for (const each of inner) {
        const phase = named[each.title];
        if (phase !== undefined) phases[phase].push(each.duration);
        else if (step.title !== 'open the page in Chromium') checks += each.duration;
      }
    }
    phases.checks.push(checks);
  }
  const median = (values: number[]): number =>
    quantile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  return { readSource: median(phases.readSource), load: median(phases.load), settle: median(phases.settle), collect: median(phases.collect), checks: median(phases.checks) };
}
