import { defineConfig } from '@playwright/test';
import config from '../playwright.config.ts';

/** The benchmark's own specs (capture floor, toHaveScreenshot) with the suite's browser and fixtures. */
export default defineConfig({
  ...config,
  testDir: './specs',
  // One project of its own: the suite's projects (archive, selftest) name the suite's folders.
  projects: [{ name: 'bench' }],
  globalSetup: '../harness/suite/global-setup.ts', // paths in a config are relative to its own folder
  reporter: [['list']],
  // toHaveScreenshot baselines of the comparison run live in a folder of the benchmark's choosing.
  snapshotPathTemplate: `${process.env.BENCH_SNAPSHOTS ?? 'bench/out/snapshots'}/{arg}{ext}`,
  expect: { toHaveScreenshot: { threshold: 0.1, maxDiffPixels: 0, animations: 'disabled', caret: 'hide', scale: 'css' } },
});
