/**
 * Writes the two chrome catalogues (the renderer's rules and the harness's probes, kept apart on
 * purpose) into README.md between the `chrome:` markers, as one table by feed.
 * Usage: npm run docs:chrome
 */
import { CATALOGUE } from '../harness/oracle/catalogue.ts';
import { BOILERPLATE_RULES } from '../renderer/clean/boilerplate.ts';
import { spliceIntoReadme } from './bench-support/results-table.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rendererRows = BOILERPLATE_RULES.map((rule) => {
  const what = rule.action === 'remove-comments' ? 'all HTML comments' : rule.action === 'remove-if-text' ? `\`${rule.selector}\` whose text matches \`${String(rule.text)}\`` : `\`${rule.selector}\``;
  return `| ${cell(rule.feed)} | ${rule.action} | ${cell(what)} | ${cell(rule.why)} |`;
});
const harnessRows = CATALOGUE.map((entry) => {
  const what = [
    entry.selector === undefined ? '' : `\`${entry.selector}\`${entry.textPattern === undefined ? '' : ` whose text matches \`${String(entry.textPattern)}\``}`,
    ...(entry.texts ?? []).map((text) => `"${text}"`),
    ...(entry.urls ?? []).map((url) => `\`${url}\``),
  ]
    .filter((part) => part !== '')
    .join(', ');
  return `| ${cell(entry.feed)} | ${entry.id}${entry.keepText === true ? ' (text kept)' : ''} | ${cell(what)} | ${cell(entry.why)} |`;
});
const table = [
  '**The renderer removes** ([`renderer/clean/boilerplate.ts`](renderer/clean/boilerplate.ts)):',
  '',
  '| feed | action | what | why |',
  '|---|---|---|---|',
  ...rendererRows,
  '',
  '**The harness expects gone** ([`harness/oracle/catalogue.ts`](harness/oracle/catalogue.ts)), besides every comment of the source and the texts of every element below:',
  '',
  '| feed | entry | what | why |',
  '|---|---|---|---|',
  ...harnessRows,
].join('\n');
spliceIntoReadme('docs/feeds.md', table, 'chrome');
console.log(`docs/feeds.md: ${rendererRows.length} renderer rules, ${harnessRows.length} harness entries`);
