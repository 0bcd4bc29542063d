import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NoChromiumError, type ChromiumChoice } from './harness/chromium.ts';

/** Stops the run with one readable message (not a stack trace) when there is no browser. */
function chromiumOrExit(): ChromiumChoice {
  try {
    return findChromium();
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const chromium = chromiumOrExit();

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // The fidelity reporter writes reports/fidelity/ (or ARCHIVE_REPORT_DIR) and links into the HTML report.
  reporter: [['list'], ['html', { open: 'never' }], ['./harness/report/fidelity-reporter.ts']],
  // Renders ARCHIVE_SRC once per run (unless ARCHIVE_OUT names a rendered folder) for every worker to serve.
  globalSetup: './harness/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromium.executablePath, args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
});
