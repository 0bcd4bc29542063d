import { defineConfig } from '@playwright/test';
import { archiveFidelity } from './harness/suite/playwright-config.ts';

const archive = await archiveFidelity();

export default defineConfig({
  ...archive,
  testDir: 'tests',
  testMatch: undefined,
  // What a user runs (the verdict on an archive or site: the package's own suite and config) apart
  // from what proves the harness itself. The self-tests never read the caller's ARCHIVE_* or
  // PLAYWRIGHT_* settings (tests/support/selftest.ts).
  // One self-test worker: most self-tests start a whole suite or a Hexo build in a child process that
  // already fills both cores, and under two workers the self-tests were measured slower, not faster
  // (docs/scale-and-ci.md). A self-test that starts a whole suite may take longer than a page's 30 s.
  projects: [...(archive.projects ?? []), { name: 'selftest', testDir: 'tests', timeout: 120_000, workers: 1 }],
});
