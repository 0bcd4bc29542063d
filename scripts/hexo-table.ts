/**
 * Measures the verdict on real Hexo sites built from the fixtures, as the Hexo self-test builds them:
 * stock Hexo 8 with landscape and NexT (raw: the 26 posts of the first plan; with the
 * hexo-archive-clean filter: every fixture), and the archive's own stack, Hexo 5.4.2 with volantis
 * and hexo-abbrlink (every fixture and the crc16 twin, raw and with the filter). Per site: articles
 * located, judged and failed, findings by check, false findings (FALSE_FINDINGS of the self-test:
 * must be 0), the site's own findings and notes, the time to build and to judge. Writes the table
 * into README.md between the `hexo:` markers. Usage: npm run hexo:table   (about 12 minutes)
 */
import { buildHexoSite } from '../tests/support/hexo-site.ts';
import { ALL_POSTS, articleVerdicts, checkOf, CRC16_TWIN, falseFindings, judge, POSTS } from '../tests/support/hexo-verdict.ts';
import { spliceIntoReadme } from './bench-support/results-table.ts';

const SITES = [
  { theme: 'landscape', clean: false, posts: POSTS },
  { theme: 'landscape', clean: true, posts: ALL_POSTS },
  { theme: 'next', clean: false, posts: POSTS },
  { theme: 'next', clean: true, posts: ALL_POSTS },
  { theme: 'volantis', clean: false, posts: [...ALL_POSTS, CRC16_TWIN] },
  { theme: 'volantis', clean: true, posts: [...ALL_POSTS, CRC16_TWIN] },
] as const;

const NAMES = { landscape: 'Hexo 8.1.2 + landscape', next: 'Hexo 8.1.2 + NexT', volantis: 'Hexo 5.4.2 + volantis + abbrlink' };

const rows: string[] = [];
for (const { theme, clean, posts } of SITES) {
  const site = await buildHexoSite(theme, [...posts], { clean });
  const { verdicts, suiteMs } = await judge(site.posts, site.public);
  const articles = articleVerdicts(verdicts);
  const located = articles.filter(([, verdict]) => !verdict.findings.some((finding) => /^no page for/.test(finding.message))).length;
  const judged = articles.filter(([, verdict]) => verdict.status !== 'skipped').length;
  const failed = articles.filter(([, verdict]) => verdict.status !== 'passed' && verdict.status !== 'skipped').length;
  const byCheck = new Map<string, number>();
  for (const [, verdict] of articles) for (const finding of verdict.findings) byCheck.set(checkOf(finding.check), (byCheck.get(checkOf(finding.check)) ?? 0) + 1);
  const index = verdicts.get('fidelity: index page');
  const siteFindings = [...new Set((index?.findings ?? []).map((finding) => (/referrerpolicy|Referer/.test(finding.message) ? 'thumbnails send the Referer' : finding.message.replace(/ is missing .*$/, ' missing'))))];
  const notes = (index?.annotations ?? []).filter((annotation) => annotation.type === 'fidelity-note' && /cannot be answered offline/.test(annotation.description ?? '')).length;
  const findings =
    [...byCheck]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([check, count]) => `${check} ${count}`)
      .join(', ') || '–';
  rows.push(
    `| ${NAMES[theme]} | ${clean ? 'with the filter' : 'raw posts'} | ${located} of ${posts.length} | ${judged} | ${failed} | ${findings} | **${falseFindings(verdicts).length}** | ${siteFindings.join('; ') || '–'} | ${notes} | ${(site.buildMs / 1000).toFixed(1)} s | ${(suiteMs / 1000).toFixed(1)} s |`,
  );
  console.log(rows.at(-1));
}
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run hexo:table\` (2-core shared VM; one run each, the suite on 2 workers).`,
  '',
  '| site | posts | located | judged | failed | findings by check (articles) | false findings | site findings (index) | offline notes | build | suite |',
  '|---|---|---:|---:|---:|---|---:|---|---:|---:|---:|',
  ...rows,
].join('\n');
spliceIntoReadme('docs/hexo.md', table, 'hexo');
