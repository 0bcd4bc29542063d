import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/selftest.ts';
import { harvestIngredients } from '../kits/synth/ingredients.ts';
import { synthArchive } from '../kits/synth/synthetic-archive.ts';
import { visualSelection } from '../../harness/visual/plan.ts';
import { readJsonReport, testResults } from '../../scripts/playwright-json.ts';
import { PLAYWRIGHT_CLI } from '../support/child-run.ts';

const run = promisify(execFile);
const ARTICLES = 6;
const SPECS = ['harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', 'harness/suite/goldens.spec.ts'];

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const work = mkdtempSync(join(tmpdir(), 'visual-sample-'));
const src = join(work, 'src');
const goldens = join(work, 'golden');
const slugs: string[] = [];

test.beforeAll(() => {
  mkdirSync(src);
  for (const article of synthArchive(harvestIngredients(), ARTICLES, 11)) {
    writeFileSync(join(src, `${article.name}.md`), article.text);
    slugs.push(article.name);
  }
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the fidelity suite on the synthetic archive as a user would; the results of its tests by title. */
async function suite(visual: string, args: string[] = []) {
  const json = join(work, 'results.json');
  await run(process.execPath, [PLAYWRIGHT_CLI, 'test', ...SPECS, '--reporter=json', `--output=${join(work, 'test-results')}`, ...args], {
    env: { ...process.env, CI: '', ARCHIVE_SRC: src, ARCHIVE_GOLDEN: goldens, ARCHIVE_GOLDEN_OPTIMISE: 'off', ARCHIVE_VISUAL: visual, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Map(testResults(readJsonReport(json)).map(({ title, result }) => [title, result]));
}

/** Golden file name → modification time. */
function goldenFiles(): Map<string, number> {
  return new Map(readdirSync(goldens).map((name) => [name, statSync(join(goldens, name)).mtimeMs]));
}

test('ARCHIVE_VISUAL=sample:2: goldens for the two sampled articles only, fidelity checks for every page', async () => {
  const results = await suite('sample:2', ['--update-snapshots=missing']);
  const sampled = [...visualSelection(slugs, { ARCHIVE_VISUAL: 'sample:2' })].sort();
  expect(sampled).toHaveLength(2);
  expect([...goldenFiles().keys()].sort()).toEqual(sampled.flatMap((slug) => [`${slug}.html`, `${slug}@1280.png`, `${slug}@390.png`]));
  for (const slug of slugs) {
    const steps = results.get(`fidelity: ${slug}`)?.steps?.map((step) => step.title) ?? [];
    expect(results.get(`fidelity: ${slug}`)?.status, slug).toBe('passed');
    expect(steps, `${slug}: fidelity checks always run`).toContain('text preserved');
    expect(
      steps.some((title) => title.startsWith('screenshot at 1280 px')),
      `${slug}: screenshots only when sampled`,
    ).toBe(sampled.includes(slug));
  }
  expect(results.get('fidelity: index page')?.status).toBe('passed');
});

test('a narrower selection checks fewer goldens, leaves the others alone and says how many went unchecked', async () => {
  const before = goldenFiles();
  const [kept] = [...before.keys()].filter((name) => name.endsWith('.html')).sort();
  const results = await suite(`glob:${kept?.replace(/\.html$/, '') ?? ''}`);
  expect(goldenFiles()).toEqual(before);
  const goldensTest = results.get('goldens: none without an article');
  expect(goldensTest?.status).toBe('passed');
  expect(goldensTest?.annotations).toContainEqual(expect.objectContaining({ type: 'unused goldens', description: expect.stringMatching(/^3 goldens of pages outside ARCHIVE_VISUAL=glob:/) }));
});
