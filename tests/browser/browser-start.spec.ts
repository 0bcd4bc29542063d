import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { type ChildRun, cleanEnv, PLAYWRIGHT_CLI, runChild, runPlaywright } from '../support/child-run.ts';

/** A quick spec for the child runs: the browser is checked in global setup, before any test. */
const QUICK_SPEC = 'tests/checks/health.spec.ts';

const work = mkdtempSync(join(tmpdir(), 'browser-start-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));
test.describe.configure({ timeout: 120_000 });

/** The run stops with exactly one line on stderr, no stack trace, exit status 1. */
function expectOneLine(run: ChildRun, pattern: RegExp): void {
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.code, output).toBe(1);
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(output).not.toMatch(/^\s+at /m);
}

test('a browser missing a shared library stops the run with one line naming the library', async () => {
  // A real dynamic-linking failure: a copy of /bin/true whose libc dependency is renamed to a library no machine has.
  const binary = join(work, 'chromium-missing-library');
  copyFileSync('/bin/true', binary);
  const bytes = readFileSync(binary);
  const at = bytes.indexOf('libc.so.6');
  expect(at).toBeGreaterThan(0);
  bytes.write('libq.so.6', at, 'latin1');
  writeFileSync(binary, bytes);
  chmodSync(binary, 0o755);
  expect(() => execFileSync(binary, { stdio: 'pipe' })).toThrow(/libq\.so\.6: cannot open shared object file/);

  const run = await runPlaywright([QUICK_SPEC], { CHROMIUM_PATH: binary });
  expectOneLine(run, /^Chromium cannot start: the shared library libq\.so\.6 is missing \(CHROMIUM_PATH \(.*\)\); install the package that provides libq\.so\.6, or unset CHROMIUM_PATH to use the pinned build, which brings its own libraries\.$/);
});

test('a program that never becomes a browser stops the run after CHROMIUM_START_TIMEOUT, with one line', async () => {
  const binary = join(work, 'chromium-that-hangs');
  writeFileSync(binary, '#!/bin/sh\nexec sleep 600\n');
  chmodSync(binary, 0o755);
  const run = await runPlaywright([QUICK_SPEC], { CHROMIUM_PATH: binary, CHROMIUM_START_TIMEOUT: '3' });
  expectOneLine(run, /^Chromium did not start within 3 s \(CHROMIUM_PATH \(.*\)\); fix it, or unset CHROMIUM_PATH to use the pinned build/);
});

test('a cache folder that cannot be written stops the run with one line saying where and what to do', async () => {
  const notAFolder = join(work, 'cache-is-a-file');
  writeFileSync(notAFolder, '');
  const run = await runPlaywright([QUICK_SPEC], { CHROMIUM_CACHE: notAFolder });
  expectOneLine(run, /^could not unpack @sparticuz\/chromium@[\d.]+ into .*cache-is-a-file\/chromium-[\d.]+-linux-x64: .*ENOTDIR.*\. Set CHROMIUM_CACHE to a writable folder$/);
});

test('a full disk while unpacking stops the run with one line, and leaves no half-unpacked browser', async () => {
  // A real full disk: a 32 MB tmpfs in a private mount namespace (needs root and unshare, as on CI here).
  const probe = await runChild('unshare', ['-m', '--propagation', 'private', 'true'], cleanEnv());
  test.skip(probe.code !== 0, 'needs root and unshare(1) to mount a small tmpfs');
  const disk = join(work, 'small-disk');
  execFileSync('mkdir', ['-p', disk]);
  const script = `mount -t tmpfs -o size=32m tmpfs "$1" || exit 9; disk="$1"; shift; "$@"; code=$?; echo "left on the disk: [$(ls -A "$disk")]"; exit $code`;
  const run = await runChild('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', disk, process.execPath, PLAYWRIGHT_CLI, 'test', QUICK_SPEC], cleanEnv({ CHROMIUM_CACHE: disk }));
  expectOneLine(run, /^could not unpack @sparticuz\/chromium@[\d.]+ into .*small-disk\/chromium-[\d.]+-linux-x64: ENOSPC.*The disk is full: free about 250 MB, or set CHROMIUM_CACHE to a folder on another disk$/);
  expect(run.stdout).toContain('left on the disk: []');
});

test('runs and shards that unpack at the same time share one complete copy and leave nothing half-done', async () => {
  test.setTimeout(300_000);
  const cache = join(work, 'shared-cache');
  const prepare = "const { preparePinnedChromium } = await import('./harness/browser/pinned-chromium.ts'); console.log((await preparePinnedChromium())?.executablePath);";
  const runs = await Promise.all([1, 2, 3].map(() => runChild(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', prepare], cleanEnv({ CHROMIUM_CACHE: cache }))));
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const paths = new Set(runs.map((run) => run.stdout.trim()));
  expect(paths.size).toBe(1);
  expect(readdirSync(cache)).toEqual([basename(dirname([...paths][0] ?? ''))]);
  expect(execFileSync([...paths][0] ?? '', ['--version'], { encoding: 'utf8', env: { ...process.env, LD_LIBRARY_PATH: join(dirname([...paths][0] ?? ''), 'lib') } })).toMatch(/Chrom\w* \d+\./);
});
