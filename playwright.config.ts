import { defineConfig } from '@playwright/test';
import { archiveFidelity } from './harness/suite/playwright-config.ts';

const archive = await archiveFidelity();

/** What every self-test lane shares: the tests, one worker, a longer time limit. */
const SELFTEST = { testDir: 'tests', timeout: 120_000, workers: 1 };
/**
 * The self-tests that keep both cores busy by themselves (Hexo sites built and judged side by side,
 * npm installs of the packed package) and, to even the lanes, the shard runs. The Hexo and install
 * tests share the package's build (lib/), which packing rewrites and the Hexo filter loads, so they
 * must take turns.
 */
const HEAVY_SELFTESTS = ['hexo/**', 'package/install.spec.ts', 'scale/**'];

export default defineConfig({
  ...archive,
  testDir: 'tests',
  testMatch: undefined,
  // What a user runs (the verdict on an archive or site: the package's own suite and config) apart
  // from what proves the harness itself. The self-tests never read the caller's ARCHIVE_* or
  // PLAYWRIGHT_* settings (tests/support/selftest.ts).
  // Two self-test lanes of one worker each, side by side (docs/scale-and-ci.md, measured): most
  // self-tests start a suite of a few pages on one worker, which keeps one core busy; the heavy ones
  // keep both busy by themselves, so they take turns in a lane of their own. A self-test that starts
  // a whole suite may take longer than a page's 30 s.
  projects: [...(archive.projects ?? []), { ...SELFTEST, name: 'selftest-heavy', testMatch: HEAVY_SELFTESTS }, { ...SELFTEST, name: 'selftest', testIgnore: HEAVY_SELFTESTS }],
});
