import { defineConfig } from '@playwright/test';
import { NoChromiumError, runBrowser, type BrowserChoice } from './harness/browser/choose-browser.ts';
import { PinnedChromiumError } from './harness/browser/pinned-chromium.ts';
import { launchOptionsFor } from './harness/browser/preflight.ts';

/** The run's browser, or a stop with one readable line (never a stack trace) when there is none. */
async function browserOrExit(): Promise<BrowserChoice> {
  try {
    return await runBrowser();
  } catch (error) {
    if (!(error instanceof NoChromiumError || error instanceof PinnedChromiumError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

// merge-reports only reads blob reports (CI merges on a machine without a browser): no Chromium needed.
const merging = process.argv.includes('merge-reports');
const browser = merging ? undefined : await browserOrExit();

export default defineConfig({
  testDir: 'tests',
  // What a user runs (the verdict on an archive or site) apart from what proves the harness itself.
  // `npx playwright test --project=archive` checks any site; the self-tests never read the caller's
  // ARCHIVE_* or PLAYWRIGHT_* settings (tests/support/selftest.ts).
  projects: [
    { name: 'archive', testDir: 'tests/archive' },
    { name: 'selftest', testDir: 'tests', testIgnore: ['archive/**'] },
  ],
  fullyParallel: true,
  // Half the cores: on this 2-core machine one worker beats two (npm run bench: Chromium's renderer
  // and the test worker already fill both cores), and on 4-core CI runners it gives two workers.
  workers: '50%',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One line a test and a finding in the terminal (no code frames of the harness); the HTML report; the
  // fidelity reporter writes reports/fidelity/ (or ARCHIVE_REPORT_DIR) and links into the HTML report.
  reporter: [['./harness/report/terminal-reporter.ts'], ['html', { open: 'never' }], ['./harness/report/fidelity-reporter.ts']],
  // Checks the browser starts, then renders ARCHIVE_SRC once per run (unless ARCHIVE_OUT names a rendered folder).
  globalSetup: './harness/run/global-setup.ts',
  use: {
    browserName: 'chromium',
    ...(browser === undefined ? {} : { launchOptions: launchOptionsFor(browser) }),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
});
