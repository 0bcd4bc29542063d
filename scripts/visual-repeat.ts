/**
 * Runs the visual suite N times, each in a fresh Playwright process (so a fresh browser), against the
 * committed goldens, and counts the screenshots that differ from them: the proof that a golden means
 * the same pixels run after run. Nothing is written (CI is set for the runs).
 * Usage: npm run visual:repeat -- [--runs N]   (default 10)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATIONS } from '../harness/report/summary.ts';
import { readJsonReport, testResults } from './playwright-json.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 10 : Number(process.argv[runsArg + 1]);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');

const work = mkdtempSync(join(tmpdir(), 'visual-repeat-'));
let totalDiffering = 0;
for (let run = 1; run <= runs; run++) {
  const json = join(work, `run-${run}.json`);
  const started = Date.now();
  const code = await new Promise<number>((done) => {
    const child = spawn('npx', ['playwright', 'test', 'harness/suite/articles.spec.ts', 'harness/suite/index-page.spec.ts', '--reporter=json', `--output=${join(work, 'results')}`], {
      env: { ...process.env, CI: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: json },
      stdio: 'ignore',
    });
    child.on('exit', (status) => done(status ?? 1));
  });
  const screenshots = testResults(readJsonReport(json))
    .flatMap(({ result }) => result.annotations)
    .filter((annotation) => annotation.type === ANNOTATIONS.visual)
    .map((annotation) => JSON.parse(annotation.description ?? '{}') as { golden: string; width?: number; status: string })
    .filter((entry) => entry.width !== undefined);
  const differing = screenshots.filter((entry) => entry.status !== 'passed');
  totalDiffering += differing.length;
  console.log(
    `run ${run}/${runs}: ${screenshots.length} screenshots, ${differing.length} differ from the goldens (exit ${code}, ${Math.round((Date.now() - started) / 1000)} s)${differing.length > 0 ? `: ${differing.map((entry) => entry.golden).join(', ')}` : ''}`,
  );
}
rmSync(work, { recursive: true, force: true });
console.log(`${runs} runs in fresh processes: ${totalDiffering} differing screenshots in all`);
process.exitCode = totalDiffering === 0 ? 0 : 1;
