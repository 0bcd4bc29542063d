import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { builtinProfile } from '../../harness/profiles/choose-profile.ts';
import { PAGE_COST, RecyclingObserver } from '../../harness/observe/recycling-observer.ts';
import { serveFolder, type StaticServer } from '../../harness/run/static-server.ts';

let folder: string;
let server: StaticServer;
test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'recycling-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>t</title><p>page</p>');
  server = await serveFolder(folder);
});
test.afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

test('the observer renews its browser context when the budget is spent, a page with screenshots costing more', async ({ browser }) => {
  const budget = PAGE_COST.withScreenshots + 2 * PAGE_COST.plain;
  const observer = new RecyclingObserver(() => Promise.resolve(browser), server.origin, builtinProfile('archive-renderer'), budget);
  const load = async (screenshots: boolean) => {
    const page = await observer.nextPage({ screenshots });
    await page.goto(`${server.origin}/`);
    return page.context();
  };
  const first = await load(true);
  expect(await load(false), 'within the budget: the same context').toBe(first);
  expect(await load(false), 'the budget spent exactly: still the same context').toBe(first);
  const second = await load(false);
  expect(second, 'over the budget: a new context').not.toBe(first);
  expect(browser.contexts(), 'the old context is closed').not.toContain(first);
  expect(await load(true), 'a page with screenshots fits in what is left (1 + 4 of 6)').toBe(second);
  expect(await load(true), 'a second one does not').not.toBe(second);
  await observer.close();
  expect(browser.contexts()).toHaveLength(0);
});
