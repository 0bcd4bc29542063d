import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../harness/report/summary.ts';
import { cleanEnv, PLAYWRIGHT_CLI, runChild } from '../support/child-run.ts';
import { acceptedFindings, verdicts } from '../support/findings.ts';
import { expect, test } from '../support/selftest.ts';

const [RETITLED, EMPTIED, UNTOUCHED] = ['017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '019_other-dtcj-datahero-2018-12-plain-text-picsum'] as const;
const THEME_TITLE = '别的标题';

test('an accepted finding is reported with why and fails nothing; every other finding still fails its page; a rule that matched nothing is a note', async () => {
  const work = mkdtempSync(join(tmpdir(), 'accepted-'));
  const src = join(work, 'src');
  mkdirSync(src);
  for (const slug of [RETITLED, EMPTIED, UNTOUCHED]) copyFileSync(join('fixtures', `${slug}.md`), join(src, `${slug}.md`));
  const out = join(work, 'out');
  await runChild(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', src, out], cleanEnv());
  // A "theme" that shows one title for every post; one page also loses its text, which no rule accepts.
  for (const slug of [RETITLED, EMPTIED]) {
    const page = join(out, `${slug}.html`);
    let html = readFileSync(page, 'utf8').replace(/<h1>[^<]*<\/h1>/, `<h1>${THEME_TITLE}</h1>`);
    if (slug === EMPTIED) html = html.replace(/<div class="article-body">[\s\S]*?<\/div>/, '<div class="article-body"></div>');
    writeFileSync(page, html);
  }
  const config = join(work, 'archive-fidelity.config.json');
  const why = 'the theme shows the site title in every heading';
  writeFileSync(
    config,
    JSON.stringify({
      accept: [
        { check: 'metadata', finding: `^title in visible title: expected .*, found ${THEME_TITLE}$`, why },
        { check: 'images', finding: 'carried "Referer', why: 'a rule for a defect this site does not have' },
      ],
    }),
  );
  const json = join(work, 'report.json');
  const run = await runChild(
    process.execPath,
    [PLAYWRIGHT_CLI, 'test', '--project=archive', '--reporter=json,./harness/report/fidelity-reporter.ts', `--output=${join(work, 'results')}`],
    cleanEnv({ CI: '', ARCHIVE_VISUAL: 'off', ARCHIVE_SRC: src, ARCHIVE_OUT: out, ARCHIVE_CONFIG: config, ARCHIVE_REPORT_DIR: join(work, 'reports'), PLAYWRIGHT_JSON_OUTPUT_NAME: json }),
  );
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const results = verdicts(json);

  // The retitled page passes; its finding is an annotation with the rule and why.
  const retitled = results.get(`fidelity: ${RETITLED}`);
  expect(retitled?.status).toBe('passed');
  expect(acceptedFindings(retitled)).toEqual([{ check: 'metadata', message: expect.stringMatching(new RegExp(`^title in visible title: expected .*, found ${THEME_TITLE}$`)), rule: 0, why }]);

  // The emptied page fails for its text alone: the accepted title is not among its findings.
  const emptied = results.get(`fidelity: ${EMPTIED}`);
  expect(emptied?.status).toBe('failed');
  expect(emptied?.findings.map((finding) => finding.check)).toEqual(['text preserved']);
  expect(results.get(`fidelity: ${UNTOUCHED}`)?.status).toBe('passed');

  // The summary counts what each rule accepted and shows the accepted cells; the terminal says it once, and names the idle rule.
  const summary = JSON.parse(readFileSync(join(work, 'reports', 'summary.json'), 'utf8')) as Summary;
  expect(summary.accepted?.map((rule) => rule.count)).toEqual([2, 0]);
  expect(summary.articles.find((article) => article.slug === RETITLED)?.accepted).toEqual({ metadata: 1 });
  expect(readFileSync(join(work, 'reports', 'index.html'), 'utf8')).toContain('<td class="note">ok, 1 accepted</td>');
  expect(run.stdout).toMatch(/^Fidelity: 4 pages, 1 failed · 2 finding\(s\) accepted by the setting accept · /m);
  expect(run.stderr).toContain('NOTE: 1 rule(s) of the setting accept matched no finding of the 4 page(s) checked: images /carried "Referer/');
});
