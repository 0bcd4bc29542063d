import { archiveConfig } from '../harness/archive-config.ts';
import { keepOffline } from '../harness/offline-network.ts';
import { listSources } from '../harness/sources.ts';
import { expect, test } from '../harness/test-fixtures.ts';

const pages = ['index', ...listSources(archiveConfig().srcDir).map((source) => source.slug)];

for (const name of pages) {
  test(`smoke: ${name} opens in Chromium without errors`, async ({ page, archive }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const network = await keepOffline(page, archive.origin);

    const response = await page.goto(`${archive.origin}/${encodeURIComponent(name)}.html`);
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready);

    expect(errors, 'console errors').toEqual([]);
    expect(network.failed, 'failed requests').toEqual([]);
    expect(network.blocked, 'requests to other hosts').toEqual([]);
    await expect(page.locator('h1')).toHaveCount(1);
  });
}
