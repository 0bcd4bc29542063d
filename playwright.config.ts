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
  // A self-test that starts a whole suite in a child process may take longer than a page's 30 s when
  // two workers share the machine's two cores.
  projects: [...(archive.projects ?? []), { name: 'selftest', testDir: 'tests', timeout: 120_000 }],
});
