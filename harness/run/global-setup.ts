import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runBrowser } from '../browser/choose-browser.ts';
import { browserStartProblem } from '../browser/preflight.ts';
import { archiveConfig, RENDERED_DIR_ENV } from './archive-config.ts';

const run = promisify(execFile);

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The renderer command the suite uses by default; the harness runs it as a program, never imports it. */
const RENDER_COMMAND = [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'renderer', 'cli.ts')];

/**
 * Starts the browser once (a browser that cannot start stops the run with one line, not one stack
 * trace per test), then renders ARCHIVE_SRC once per run into a temporary folder, unless ARCHIVE_OUT
 * names a folder rendered elsewhere. Refused sources (exit status 1) are the suite's to report.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const problem = await browserStartProblem(await runBrowser());
  if (problem !== undefined) {
    console.error(problem);
    process.exit(1);
  }
  const config = archiveConfig();
  if (config.outDir !== undefined) return undefined;
  const outDir = await mkdtemp(join(tmpdir(), 'archive-fidelity-'));
  const [program = process.execPath, ...args] = RENDER_COMMAND;
  try {
    await run(program, [...args, config.srcDir, outDir], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    if (failure.code !== 1) {
      await rm(outDir, { recursive: true, force: true });
      throw new Error(`Rendering ${config.srcDir} failed (exit ${String(failure.code)}):\n${failure.stderr ?? String(error)}`, { cause: error });
    }
  }
  process.env[RENDERED_DIR_ENV] = outDir;
  return async () => rm(outDir, { recursive: true, force: true });
}
