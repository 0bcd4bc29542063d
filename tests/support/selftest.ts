import { test as base } from '@playwright/test';

/**
 * Variables of the calling shell that must not reach a self-test: the archive settings a user sets to
 * check their own site, and Playwright's reporter settings. (PLAYWRIGHT_BROWSERS_PATH, where the
 * machine keeps Playwright's browsers, and PLAYWRIGHT_TEST, which Playwright sets itself, stay.)
 */
export const CALLER_SETTINGS = /^(ARCHIVE_|PLAYWRIGHT_(?!BROWSERS_PATH$|TEST$))/;

/** Removes the caller's settings from this process's environment. */
function forgetCallerSettings(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of Object.keys(env)) if (CALLER_SETTINGS.test(name)) delete env[name];
}

/**
 * The `test` of every self-test (the `selftest` project). Its worker starts by forgetting the calling
 * shell's ARCHIVE_* and PLAYWRIGHT_* variables, so what proves the harness never depends on the site
 * a user is checking; child runs start from the same clean environment (child-run.ts).
 */
export const test = base.extend<object, { forgetCallerSettings: void }>({
  forgetCallerSettings: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      forgetCallerSettings();
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});

export { expect } from '@playwright/test';
