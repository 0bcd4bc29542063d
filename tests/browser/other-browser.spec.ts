import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { runBrowser } from '../../harness/browser/choose-browser.ts';
import type { Summary } from '../../harness/report/summary.ts';
import { readJsonReport, testResults } from '../../scripts/playwright-json.ts';
import { runPlaywright } from '../support/child-run.ts';

const FIXTURE = '018_other-weex-wallstreetcn-2020-09-plain-text-picsum';

test('another browser build runs every fidelity check, but takes no screenshot and writes no golden', async () => {
  test.setTimeout(180_000);
  const pinned = await runBrowser();
  test.skip(!pinned.pinned, 'needs the pinned build to stand in as "another browser"');
  const work = mkdtempSync(join(tmpdir(), 'other-browser-'));
  const src = join(work, 'src');
  mkdirSync(src);
  copyFileSync(join('fixtures', `${FIXTURE}.md`), join(src, `${FIXTURE}.md`));
  // The same binary reached through CHROMIUM_PATH is, to the harness, a browser it did not pin.
  const wrapper = join(work, 'other-chromium');
  const env = Object.entries(pinned.env)
    .map(([name, value]) => `export ${name}='${value}'`)
    .join('\n');
  writeFileSync(wrapper, `#!/bin/sh\n${env}\nexec '${pinned.executablePath ?? ''}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const goldens = join(work, 'golden');
  const json = join(work, 'results.json');

  const run = await runPlaywright(['harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', '--update-snapshots=all', '--reporter=json,./harness/report/fidelity-reporter.ts', `--output=${join(work, 'test-results')}`], {
    CI: '',
    CHROMIUM_PATH: wrapper,
    ARCHIVE_SRC: src,
    ARCHIVE_GOLDEN: goldens,
    ARCHIVE_REPORT_DIR: join(work, 'reports'),
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
  });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout + run.stderr).toContain(`NOTE: screenshots of 2 page(s) were not taken: this run's browser is CHROMIUM_PATH (${wrapper}); goldens are made and compared only in the pinned build`);
  const results = testResults(readJsonReport(json));
  const article = results.find(({ title }) => title === `fidelity: ${FIXTURE}`)?.result;
  const steps = article?.steps?.map((step) => step.title) ?? [];
  expect(steps).toEqual(expect.arrayContaining(['text preserved', 'boilerplate gone', 'images and referrer policy', 'metadata matches the front matter', 'page health', 'page HTML matches the approved snapshot']));
  expect(steps.some((title) => title.startsWith('screenshot'))).toBe(false);
  // Page snapshots do not depend on the browser and are still written; screenshots never are.
  expect(readdirSync(goldens).sort()).toEqual([`${FIXTURE}.html`, 'index.html']);
  const summary = JSON.parse(readFileSync(join(work, 'reports', 'summary.json'), 'utf8')) as Summary;
  expect(summary.screenshotsSkipped.pages).toBe(2);
  rmSync(work, { recursive: true, force: true });
});
