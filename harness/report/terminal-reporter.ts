import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { findingsIn } from './finding-lines.ts';

/** Where a reader of the terminal goes for everything the lines leave out. */
const DETAILS = 'details: npx playwright show-report (each finding with its attachments), and the fidelity summary page';

const MARK: Record<TestResult['status'], string> = { passed: '✓', failed: '✘', timedOut: '✘', skipped: '-', interrupted: '!' };

/**
 * The terminal's account of a run, quiet and one line a thing: a line per test, and under a failing
 * article a line per finding (`check: finding`), never a code frame of the harness; where to read
 * more once, at the end. Tests of other projects (the self-tests) keep their full error, location
 * and code frame: there the code is what is being tested.
 */
export default class TerminalReporter implements Reporter {
  private failed = 0;
  private passed = 0;
  private skipped = 0;
  private archiveFailures = 0;

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    const tests = suite.allTests().length;
    console.log(`Running ${tests} test${tests === 1 ? '' : 's'} using ${config.workers} worker${config.workers === 1 ? '' : 's'}`);
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const title = `${projectOf(test) === 'archive' ? '' : `[${projectOf(test)}] `}${test.titlePath().slice(3).join(' › ') || test.title}`;
    const time = result.duration >= 1000 ? ` (${(result.duration / 1000).toFixed(1)} s)` : '';
    if (result.status === 'skipped') {
      this.skipped++;
      const why = result.annotations.find((annotation) => annotation.type === 'skip')?.description;
      console.log(`  ${MARK.skipped} ${title}${why === undefined ? '' : ` — skipped: ${why}`}`);
      return;
    }
    if (result.status === test.expectedStatus) {
      this.passed++;
      console.log(`  ${MARK.passed} ${title}${time}`);
      return;
    }
    this.failed++;
    console.log(`  ${MARK[result.status]} ${title}${time}`);
    if (projectOf(test) === 'archive') {
      this.archiveFailures++;
      for (const line of archiveLines(result.errors, result.status)) console.log(`      ${line}`);
    } else {
      for (const error of result.errors) console.log(indent(fullError(error)));
    }
  }

  onError(error: TestError): void {
    console.error(fullError(error));
  }

  onEnd(result: FullResult): void {
    const counts = [`${this.passed} passed`, ...(this.failed > 0 ? [`${this.failed} failed`] : []), ...(this.skipped > 0 ? [`${this.skipped} skipped`] : [])].join(', ');
    console.log(`\n${counts} (${(result.duration / 1000).toFixed(1)} s)${this.archiveFailures > 0 ? ` · ${DETAILS}` : ''}`);
  }
}

function projectOf(test: TestCase): string {
  return test.parent.project()?.name ?? '';
}

// eslint-disable-next-line no-control-regex -- the terminal's colour codes, which Playwright leaves in messages
const COLOUR_CODES = /\x1b\[[0-9;]*m/g;

/** A failing article test in lines: each finding as `check: finding`; any other error by its first line. */
function archiveLines(errors: TestError[], status: TestResult['status']): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const findings = findingsIn(error.message ?? '');
    if (findings.length > 0) lines.push(...findings.map((finding) => `${finding.check}: ${finding.message}`));
    else
      lines.push(
        (error.message ?? String(error.value ?? 'failed'))
          .replace(COLOUR_CODES, '')
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.replace(/^Error: /, '') ?? 'failed',
      );
  }
  if (status === 'timedOut' && lines.length === 0) lines.push('the test ran out of time');
  return lines;
}

function fullError(error: TestError): string {
  const where = error.location === undefined ? '' : `\n    at ${error.location.file}:${error.location.line}:${error.location.column}`;
  return `${error.message ?? String(error.value ?? '')}${where}${error.snippet === undefined ? '' : `\n\n${error.snippet}`}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
