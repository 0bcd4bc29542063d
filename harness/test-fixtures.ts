import { test as base } from '@playwright/test';
import { renderedDir } from './archive-config.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

/** Worker-scoped fixtures: the rendered archive served on 127.0.0.1, started once per worker. */
export const test = base.extend<object, { archive: StaticServer & { dir: string } }>({
  archive: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const dir = renderedDir();
      const server = await serveFolder(dir);
      await use({ ...server, dir });
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
