import { CALLER_SETTINGS } from '../support/selftest.ts';
import { expect, test } from '../support/selftest.ts';

// Run by profiles.spec.ts with a caller's settings set: a self-test's worker must not see any of them.
test("a self-test's environment holds none of the caller's ARCHIVE_* or PLAYWRIGHT_* settings", () => {
  expect(Object.keys(process.env).filter((name) => CALLER_SETTINGS.test(name))).toEqual([]);
});
