import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { CALLER_SETTINGS } from './selftest.ts';

/** What a child process printed and how it ended. */
export interface ChildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a self-test's child run starts from: this process's, without any ARCHIVE_* or
 * PLAYWRIGHT_* variable (nor the worker's own TEST_* markers), so the settings of the shell that
 * started `npm test` never reach a child run; then `extra` on top.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!CALLER_SETTINGS.test(name) && !name.startsWith('TEST_')) env[name] = value;
  // One worker, unless a test says otherwise: a self-test's suite of a few pages would spend more on a second browser than it saves.
  return { ...env, ARCHIVE_WORKERS: '1', ...extra };
}

/** Runs a command to its end and collects its output; a non-zero exit is a result, not an exception. */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 600_000, cwd = '.'): Promise<ChildRun> {
  return new Promise((done) => {
    execFile(command, args, { env, cwd, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

/**
 * Playwright's command line, the file `npx playwright` runs: a child run starts it with this Node,
 * without npx's own start-up (half a second a run). What a user runs, `npx`, is proven in a site of
 * their own (tests/package/).
 */
export const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** `npx playwright test …` in a child process with a clean environment plus `extra`. */
export function runPlaywright(args: string[], extra: Record<string, string> = {}, timeoutMs?: number): Promise<ChildRun> {
  return runChild(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], cleanEnv(extra), timeoutMs);
}
