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

// merge-reports only reads blob reports (CI merges on a machine without a browser): no Chromium needed.
const merging = process.argv.includes('merge-reports');
const chromium: ChromiumChoice = merging ? { executablePath: undefined, source: 'not needed to merge reports' } : chromiumOrExit();

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  // Half the cores: on this 2-core machine one worker beats two (npm run bench: Chromium's renderer
  // and the test worker already fill both cores), and on 4-core CI runners it gives two workers.
  workers: '50%',
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
