/**
 * Measures the verdict on stock Hexo sites built from the 26 posts of the first plan: per theme
 * (landscape, NexT), raw and with the hexo-archive-clean filter, the articles that fail, the findings
 * by check, the false findings (FALSE_FINDINGS of the Hexo self-test: must be 0), the time to build
 * the site and to run the archive suite on it. Writes the table into README.md between the `hexo:`
 * markers. Usage: npm run hexo:table   (about 4 minutes)
 */
import { buildHexoSite } from '../tests/support/hexo-site.ts';
import { checkOf, FALSE_FINDINGS, judge, POSTS } from '../tests/support/hexo-verdict.ts';
import { spliceIntoReadme } from './bench-support/results-table.ts';

const rows: string[] = [];
for (const theme of ['landscape', 'next'] as const) {
  for (const clean of [false, true]) {
    const site = await buildHexoSite(theme, POSTS, { clean });
    const { verdicts, suiteMs } = await judge(site.posts, site.public);
    const articles = [...verdicts].filter(([title]) => title.startsWith('fidelity: ') && title !== 'fidelity: index page');
    const failed = articles.filter(([, verdict]) => verdict.status !== 'passed').length;
    const byCheck = new Map<string, number>();
    let falseFindings = 0;
    for (const [, verdict] of articles) {
      for (const finding of verdict.findings) {
        byCheck.set(checkOf(finding.check).replace(/ gone$/, ''), (byCheck.get(checkOf(finding.check).replace(/ gone$/, '')) ?? 0) + 1);
        if (FALSE_FINDINGS.some(([check, pattern]) => checkOf(finding.check) === check && pattern.test(finding.message))) falseFindings++;
      }
    }
    const site_ = verdicts.get('fidelity: index page')?.findings.map((finding) => finding.message.replace(/^the site is not self-contained: request to an outside host \(stylesheet\), blocked: /, 'CDN ').replace(/ is missing .*$/, ' missing')) ?? [];
    const findings = [...byCheck].sort(([a], [b]) => (a < b ? -1 : 1)).map(([check, count]) => `${check} ${count}`).join(', ') || '–';
    rows.push(`| ${theme === 'next' ? 'NexT' : theme} | ${clean ? 'with the filter' : 'raw posts'} | ${failed} of ${articles.length} | ${findings} | **${falseFindings}** | ${site_.join('; ') || '–'} | ${(site.buildMs / 1000).toFixed(1)} s | ${(suiteMs / 1000).toFixed(1)} s |`);
    console.log(rows.at(-1));
  }
}
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run hexo:table\` (Hexo 8.1.2, 26 posts, 2-core shared VM; one run each).`,
  '',
  '| theme | site | articles failed | findings by check (articles) | false findings | site findings (index) | build | suite |',
  '|---|---|---:|---|---:|---|---:|---:|',
  ...rows,
].join('\n');
spliceIntoReadme('README.md', table, 'hexo');
