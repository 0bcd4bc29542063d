import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlaywright } from './child-run.ts';
import { verdicts, type TestVerdict } from './findings.ts';

/** The 26 posts of the first plan, as a Hexo site's posts. */
export const POSTS = readdirSync('fixtures').filter((name) => /^0\d\d_.*\.md$/.test(name)).map((name) => join('fixtures', name));
/** Of those, the posts whose source carries no chrome at all (bare text from 36kr, WEEX and DT财经). */
export const CHROME_FREE = ['017_other-36kr-kuaixun-2021-10-plain-text-picsum', '018_other-weex-wallstreetcn-2020-09-plain-text-picsum', '019_other-dtcj-datahero-2018-12-plain-text-picsum'];

/**
 * Findings that would be false on these sites: the verdict must be true in title, date, categories,
 * author, comments, description placement, images order, embeds, index, folder and text order.
 */
export const FALSE_FINDINGS: [string, RegExp][] = [
  ['metadata', /^(title|date|categories|author|comments|JSON-LD) in /],
  ['text', /^(missing block|block #\d+ of \d+ is out of order|preformatted)|merged into|split:/],
  ['images', /^(missing image|image #\d+ of \d+ is out of order|<img|the request for|.* was never requested)/],
  ['embeds', /./],
  ['health', /./],
];

/** The site-level findings that are true of these stock themes, once each: a CDN style sheet, and landscape's missing favicon. */
export const SITE_FINDINGS = /^(the site is not self-contained: request to an outside host \(stylesheet\), blocked: https:\/\/(cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)\/|the site's icon \/favicon\.png is missing)/;

/** Runs the archive project on a site, as a user would, and reads its verdicts. */
export async function judge(posts: string, site: string): Promise<{ verdicts: Map<string, TestVerdict>; suiteMs: number; output: string }> {
  const work = mkdtempSync(join(tmpdir(), 'hexo-verdict-'));
  const json = join(work, 'report.json');
  const started = Date.now();
  const run = await runPlaywright(['--project=archive', '--reporter=json', `--output=${join(work, 'results')}`], {
    CI: '',
    ARCHIVE_SRC: posts,
    ARCHIVE_OUT: site,
    ARCHIVE_REPORT_DIR: join(work, 'reports'),
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
  });
  return { verdicts: verdicts(json), suiteMs: Date.now() - started, output: run.stdout + run.stderr };
}

/** The short name of a check from its title. */
export const checkOf = (title: string): string =>
  title.startsWith('text') ? 'text' : title.startsWith('metadata') ? 'metadata' : title.startsWith('images') ? 'images' : title.startsWith('embedded') ? 'embeds' : title.startsWith('page health') ? 'health' : title;

