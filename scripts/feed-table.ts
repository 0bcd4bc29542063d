/**
 * The fidelity of the bundled archive feed by feed, measured: renders fixtures/ with the real CLI,
 * runs the fidelity suite on it (every check, no screenshots), and writes a table by feed (the second
 * front-matter category) into README.md between the `feeds:` markers: posts, pages, findings, the
 * lowest text recall, embeds and images kept, posts refused, warnings.
 * Usage: npm run feeds:table
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readSourcePost } from '../harness/oracle/source.ts';
import { ANNOTATIONS } from '../harness/report/summary.ts';
import { listSources } from '../harness/run/sources.ts';
import { spliceIntoReadme } from './bench-support/results-table.ts';
import { readJsonReport, testResults } from './playwright-json.ts';

const run = promisify(execFile);
const SRC = 'fixtures';

interface FeedRow {
  posts: number;
  pages: number;
  findings: number;
  lowestRecall: number;
  embeds: [kept: number, inSource: number];
  images: [kept: number, inSource: number];
  refused: number;
  warnings: number;
}

const work = mkdtempSync(join(tmpdir(), 'feed-table-'));
const out = join(work, 'site');
const rendered = await run(process.execPath, ['--import', 'tsx', 'renderer/cli.ts', SRC, out], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout: string; stderr: string }) => error);
const json = join(work, 'results.json');
await run('npx', ['playwright', 'test', 'harness/suite/articles.spec.ts', '--reporter=json', `--output=${join(work, 'results')}`], {
  env: { ...process.env, ARCHIVE_SRC: SRC, ARCHIVE_OUT: out, ARCHIVE_VISUAL: 'off', PLAYWRIGHT_JSON_OUTPUT_NAME: json },
  maxBuffer: 64 * 1024 * 1024,
}).catch(() => undefined); // failures are read from the report

const feedOf = new Map(listSources(SRC).map((source) => [source.slug, readSourcePost(source.path, 'Asia/Shanghai').categories[1] ?? '(none)']));
const rows = new Map<string, FeedRow>();
const row = (feed: string): FeedRow => {
  let found = rows.get(feed);
  if (found === undefined) {
    found = { posts: 0, pages: 0, findings: 0, lowestRecall: 1, embeds: [0, 0], images: [0, 0], refused: 0, warnings: 0 };
    rows.set(feed, found);
  }
  return found;
};
for (const feed of feedOf.values()) row(feed).posts++;
const problemLines = rendered.stderr.split('\n').filter((line) => line.startsWith(`${SRC}/`));
for (const line of problemLines) {
  const slug = /^fixtures\/(.+?)\.md:/.exec(line)?.[1] ?? '';
  const feed = row(feedOf.get(slug) ?? '(unknown)');
  if (line.includes(': warning: ')) feed.warnings++;
  else feed.refused++;
}
for (const { title, result } of testResults(readJsonReport(json))) {
  const slug = /^fidelity: (.+)$/.exec(title)?.[1];
  if (slug === undefined || !feedOf.has(slug)) continue;
  const feed = row(feedOf.get(slug) ?? '');
  feed.pages++;
  for (const annotation of result.annotations) {
    if (annotation.type !== ANNOTATIONS.check || annotation.description === undefined) continue;
    const { check, findings, metrics } = JSON.parse(annotation.description) as { check: string; findings: number; metrics: Record<string, number> };
    feed.findings += findings;
    if (check === 'text') feed.lowestRecall = Math.min(feed.lowestRecall, metrics.recall ?? 0);
    if (check === 'embeds') feed.embeds = [feed.embeds[0] + (metrics.pageEmbeds ?? 0), feed.embeds[1] + (metrics.expectedEmbeds ?? 0)];
    if (check === 'images') feed.images = [feed.images[0] + (metrics.contentImages ?? 0), feed.images[1] + (metrics.expectedImages ?? 0)];
  }
}
rmSync(work, { recursive: true, force: true });

const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const total = sorted.reduce<FeedRow>(
  (sum, [, r]) => ({
    posts: sum.posts + r.posts,
    pages: sum.pages + r.pages,
    findings: sum.findings + r.findings,
    lowestRecall: Math.min(sum.lowestRecall, r.lowestRecall),
    embeds: [sum.embeds[0] + r.embeds[0], sum.embeds[1] + r.embeds[1]],
    images: [sum.images[0] + r.images[0], sum.images[1] + r.images[1]],
    refused: sum.refused + r.refused,
    warnings: sum.warnings + r.warnings,
  }),
  { posts: 0, pages: 0, findings: 0, lowestRecall: 1, embeds: [0, 0], images: [0, 0], refused: 0, warnings: 0 },
);
const line = (name: string, r: FeedRow): string => `| ${name} | ${r.posts} | ${r.pages} | ${r.findings} | ${r.lowestRecall.toFixed(4)} | ${r.embeds[0]} of ${r.embeds[1]} | ${r.images[0]} of ${r.images[1]} | ${r.refused} | ${r.warnings} |`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run feeds:table\` on the ${total.posts} posts of \`fixtures/\` (feed = the second category).`,
  '',
  '| feed | posts | pages | findings | lowest text recall | embeds kept | images kept | refused | warnings |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...sorted.map(([name, r]) => line(name, r)),
  line('**all feeds**', total),
].join('\n');
spliceIntoReadme('docs/feeds.md', table, 'feeds');
console.log(table);
