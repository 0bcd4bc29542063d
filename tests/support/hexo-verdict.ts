import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlaywright } from './child-run.ts';
import { acceptedFindings, verdicts, type TestVerdict } from './findings.ts';

const fixtures = readdirSync('fixtures').filter((name) => name.endsWith('.md'));

/** The 26 posts of the first plan, as a Hexo site's posts. */
export const POSTS = fixtures.filter((name) => /^0\d\d_/.test(name)).map((name) => join('fixtures', name));
/** Every post of the fixtures: the first plan and the 80 of the wide corpus. */
export const ALL_POSTS = fixtures.map((name) => join('fixtures', name));
/** A post written for the tests whose title shares a crc16 with 017's (fixtures/collision/README.md). */
export const CRC16_TWIN = 'fixtures/collision/017_crc16-twin-of-pmi.md';
/** The two files hexo-abbrlink publishes at one page. */
export const COLLIDING = ['017_crc16-twin-of-pmi.md', '017_other-36kr-kuaixun-2021-10-plain-text-picsum.md'];
/** Of the first plan, the posts whose source carries no chrome at all (bare text from 36kr, WEEX and DT财经). */
export const CHROME_FREE = ['017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '019_other-dtcj-datahero-2018-12-plain-text-picsum'];

/**
 * Findings that would be false on any of these Hexo sites, raw or with the filter (by check, as the
 * `checkOf` names them): a title other than one whose `&nbsp;` Hexo shows as text; the date of a
 * post that has one; categories, comments; images judged by a lazy loader's placeholder; embeds
 * added, moved or hidden (one Markdown turns into a code block is truly missing);
 * page health from scripts that did not run, pages that did not settle, images reported as outside
 * requests; a copy button read as text; an index entry, order or settle problem.
 */
const FALSE_FINDINGS: [string, RegExp][] = [
  ['metadata', /^(title in (?!.*&nbsp;)|date in [^:]*: expected \d|categories in|comments in)/],
  ['text', /COPY|^block #\d+ of \d+ is out of order/],
  ['images', /data:image|was never shown|was never requested|^image #\d+ of \d+ is out of order/],
  ['embeds', /^(embed #\d+ of \d+ is out of order|embed not in the source|embed offered more often|embed #\d+ of the page is)/],
  ['health', /is not defined|did not settle|navigated away|request to an outside host \((image|font|stylesheet)\)|request failed \(net::/],
  ['index', /^(no entry|.* is listed \d+ times|an entry for|not newest first|.*unknown date)|did not settle/],
];

/** A finding outside the article body: a theme's header image or thumbnail, or front matter it shows. */
const OUTSIDE_BODY = /, outside the article body$/;

/** The checks a clean filter answers for: the article body's text, chrome, images and embeds, and the page's health. */
export function bodyFinding(finding: { check: string; message: string }): boolean {
  const check = checkOf(finding.check);
  return ['text', 'embeds', 'health'].includes(check) || (['images', 'boilerplate'].includes(check) && !OUTSIDE_BODY.test(finding.message));
}

/** The findings of these sites that are true and Hexo's own, which no filter of the body can fix: a build time published for a post with no readable date, a title's `&nbsp;` shown as text. */
export const HEXO_OWN = /^(date in .*: expected \(absent: the source has no readable date\)|title in .*&nbsp;)/;

/** The site-level findings that are true of landscape: its missing favicon (the CDN style sheets it cannot load offline are notes). */
export const SITE_FINDINGS = /^the site's icon \/favicon\.png is missing/;

/** Runs the archive project on a site, as a user of a large archive would (two workers: a theme's failing pages each restart one), and reads its verdicts. */
export async function judge(posts: string, site: string, config?: string): Promise<{ verdicts: Map<string, TestVerdict>; suiteMs: number; output: string }> {
  const work = mkdtempSync(join(tmpdir(), 'hexo-verdict-'));
  const json = join(work, 'report.json');
  const started = Date.now();
  const run = await runPlaywright(['--project=archive', '--reporter=json', '--workers=2', `--output=${join(work, 'results')}`], {
    CI: '',
    ARCHIVE_SRC: posts,
    ARCHIVE_OUT: site,
    ARCHIVE_REPORT_DIR: join(work, 'reports'),
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
    // As a large archive is judged: a few pages with screenshots (in the browser with web fonts), the rest without.
    ARCHIVE_VISUAL: 'sample:3',
    ...(config === undefined ? {} : { ARCHIVE_CONFIG: config }),
  });
  return { verdicts: verdicts(json), suiteMs: Date.now() - started, output: run.stdout + run.stderr };
}

/** The articles' verdicts of a run (not the index, folder or goldens tests). */
export function articleVerdicts(results: Map<string, TestVerdict>): [string, TestVerdict][] {
  return [...results].filter(([title]) => title.startsWith('fidelity: ') && title !== 'fidelity: index page');
}

/**
 * A survey of a site never triaged (ARCHIVE_CONFIG): it accepts every finding, so a theme whose pages
 * all have findings fails none of them and does not restart a worker, and its browser, for each page
 * (Playwright replaces a worker after every failed test). Only a lost page still fails.
 */
export const SURVEY_CONFIG = 'tests/support/survey.config.json';

/** What a test reported, failing or accepted, each finding by its check (a title, or an accepted finding's check id: `checkOf` reads both). */
export function reported(verdict: TestVerdict | undefined): { check: string; message: string }[] {
  return [...(verdict?.findings ?? []), ...acceptedFindings(verdict).map(({ check, message }) => ({ check, message }))];
}

/** The false findings of a run's articles and index, failing or accepted, each as `title: check: message`. */
export function falseFindings(results: Map<string, TestVerdict>): string[] {
  return [...results].flatMap(([title, verdict]) =>
    reported(verdict)
      .filter((finding) => FALSE_FINDINGS.some(([name, pattern]) => name === checkOf(finding.check) && pattern.test(finding.message)))
      .map((finding) => `${title}: ${finding.check}: ${finding.message}`),
  );
}

/** The short name of a check from its title. */
export const checkOf = (title: string): string =>
  title.startsWith('text')
    ? 'text'
    : title.startsWith('metadata')
      ? 'metadata'
      : title.startsWith('images')
        ? 'images'
        : title.startsWith('embedded')
          ? 'embeds'
          : title.startsWith('page health')
            ? 'health'
            : title.startsWith('boilerplate')
              ? 'boilerplate'
              : title.startsWith('lists every article')
                ? 'index'
                : title === 'a page of its own'
                  ? 'page'
                  : title;
