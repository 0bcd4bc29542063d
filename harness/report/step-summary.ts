import type { Summary } from './summary.ts';

/** A short markdown summary for GitHub's job summary (GITHUB_STEP_SUMMARY). */
export function summaryMarkdown(summary: Summary): string {
  const { counts } = summary;
  const failed = summary.articles.filter((article) => article.status !== 'passed' && article.status !== 'skipped');
  const lines = [
    '## Archive fidelity',
    '',
    '| pages | failed | unchanged (cached) | goldens passed | changed | new | deleted |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${counts.articles} | ${counts.failed} | ${counts.unchanged} | ${counts.visual.passed} | ${counts.visual.changed} | ${counts.visual.new} | ${counts.visual.deleted} |`,
    '',
  ];
  if (summary.environmentWarnings.length > 0) lines.push(`> **Warning:** ${summary.environmentWarnings.length} golden(s) were made with a different browser, font or widths than this run.`, '');
  if (summary.screenshotsSkipped.pages > 0) lines.push(`> **Note:** screenshots of ${summary.screenshotsSkipped.pages} page(s) were not taken: ${summary.screenshotsSkipped.reason ?? ''}`, '');
  if (failed.length > 0) {
    lines.push('Failed pages:', '');
    for (const article of failed.slice(0, 30)) lines.push(`- \`${article.slug}\`: ${article.errors[0] ?? article.status}`);
    if (failed.length > 30) lines.push(`- … and ${failed.length - 30} more`);
    lines.push('');
  }
  lines.push('The HTML report (with image diffs) and `reports/fidelity/` are attached to this run as artifacts.', '');
  return `${lines.join('\n')}\n`;
}
