import type { ArticleEntry, Summary, VisualEntry } from './summary.ts';

const CHECK_COLUMNS = ['page', 'text', 'boilerplate', 'images', 'embeds', 'metadata', 'health', 'index'] as const;

/** The fidelity summary as a standalone HTML page: counts, warnings, one row per article. */
export function summaryPage(summary: Summary): string {
  const { counts } = summary;
  const widths = [...new Set(summary.articles.flatMap((a) => a.visual.map((v) => v.width)).filter((w): w is number => w !== undefined))].sort((a, b) => b - a);
  const header = ['page', 'result', ...CHECK_COLUMNS, 'text recall', ...widths.map((w) => `${w} px`), 'page HTML', 'report'];
  const rows = summary.articles.map((article) => row(article, widths));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fidelity summary</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 1.5rem; color: #1f1f1f; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; position: sticky; top: 0; }
td.pass { color: #1a7f37; } td.fail { color: #b42318; font-weight: 600; } td.note { color: #9a6700; }
.counts span { display: inline-block; margin-right: 1rem; }
.warning { background: #fff4ce; border: 1px solid #e0b000; padding: 0.5rem 1rem; margin: 1rem 0; }
code { font-size: 12px; }
img.diff { border: 1px solid #e3e3e3; max-height: 160px; object-fit: cover; object-position: top; }
</style>
</head>
<body>
<h1>Fidelity summary</h1>
<p class="counts" id="counts"><span>pages: <b>${counts.articles}</b></span><span>failed: <b>${counts.failed}</b></span>${counts.unchanged > 0 ? `<span>unchanged since an earlier run: <b>${counts.unchanged}</b></span>` : ''}
<span>goldens passed: <b>${counts.visual.passed}</b></span><span>changed: <b>${counts.visual.changed}</b></span>
<span>new: <b>${counts.visual.new}</b></span><span>deleted: <b>${counts.visual.deleted}</b></span>
${counts.visual.missing > 0 ? `<span>missing: <b>${counts.visual.missing}</b></span>` : ''}${counts.visual.updated > 0 ? `<span>updated: <b>${counts.visual.updated}</b></span>` : ''}</p>
${
  summary.environmentWarnings.length > 0
    ? `<div class="warning" id="environment-warning"><b>Goldens were made with a different setup than this run</b>; pixels may differ for that reason alone:<ul>${summary.environmentWarnings
        .slice(0, 10)
        .map((w) => `<li>${escape(w)}</li>`)
        .join('')}</ul></div>`
    : ''
}
${summary.screenshotsSkipped.pages > 0 ? `<div class="warning" id="screenshots-skipped"><b>Screenshots of ${summary.screenshotsSkipped.pages} page(s) were not taken</b>: ${escape(summary.screenshotsSkipped.reason ?? '')}</div>` : ''}
${(summary.siteNotes ?? []).length > 0 ? `<div class="warning" id="site-notes"><b>Notes on the site as a whole</b> (not findings):<ul>${(summary.siteNotes ?? []).map((note) => `<li>${escape(note)}</li>`).join('')}</ul></div>` : ''}
${acceptedBlock(summary)}
${summary.deletedGoldens.length > 0 ? `<div class="warning" id="deleted-goldens"><b>Goldens without an article</b> (delete them): ${summary.deletedGoldens.map((g) => `<code>${escape(g)}</code>`).join(' ')}</div>` : ''}
<p>Goldens: <code>${escape(summary.goldenDir)}</code>${summary.environment === undefined ? '' : ` · ${escape(summary.environment.browser)} (Chromium ${escape(summary.environment.chromium)}) · Playwright ${escape(summary.environment.playwright)} · ${escape(summary.environment.font)}`}</p>
<table id="articles">
<thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

function row(article: ArticleEntry, widths: number[]): string {
  const checks = CHECK_COLUMNS.map((check) => {
    const findings = article.checks[check];
    const accepted = article.accepted?.[check] ?? 0;
    const also = accepted > 0 ? `, ${accepted} accepted` : '';
    if (findings === undefined) return '<td>–</td>';
    if (findings > 0) return `<td class="fail">${findings} finding${findings === 1 ? '' : 's'}${also}</td>`;
    return accepted > 0 ? `<td class="note">ok${also}</td>` : '<td class="pass">ok</td>';
  });
  const recall = article.textRecall === undefined ? '–' : article.textRecall.toFixed(4);
  const shots = widths.map((width) => visualCell(article.visual.find((v) => v.width === width)));
  const html = visualCell(article.visual.find((v) => v.width === undefined));
  const result = article.status === 'passed' ? '<td class="pass">passed</td>' : `<td class="fail" title="${escape(article.errors.join('\n'))}">${article.status}</td>`;
  return `<tr data-slug="${escape(article.slug)}"><td>${escape(article.slug)}</td>${result}${checks.join('')}<td>${recall}</td>${shots.join('')}${html}<td><a href="${escape(article.reportLink)}">open</a></td></tr>`;
}

/** The site's rules of the setting `accept`, each with why and how many findings of this run it accepted. */
function acceptedBlock(summary: Summary): string {
  const rules = summary.accepted ?? [];
  if (rules.length === 0) return '';
  const items = rules.map((rule) => `<li><code>${escape(rule.check)}</code> <code>/${escape(rule.finding)}/</code>: ${rule.count} finding${rule.count === 1 ? '' : 's'} accepted — ${escape(rule.why)}</li>`);
  return `<div class="warning" id="accepted"><b>Findings the site accepts</b> (the setting <code>accept</code>; they fail nothing):<ul>${items.join('')}</ul></div>`;
}

function visualCell(entry: VisualEntry | undefined): string {
  if (entry === undefined) return '<td>–</td>';
  const ratio = entry.diffPixels > 0 ? ` ${(entry.diffRatio * 100).toFixed(3)}%` : '';
  const kind = entry.status === 'passed' ? 'pass' : entry.status === 'changed' || entry.status === 'missing' ? 'fail' : 'note';
  // A changed screenshot shows its diff, small, so a reviewer sees what moved before opening the report.
  const diff = entry.diff === undefined ? '' : `<br><a href="${escape(entry.diff)}"><img class="diff" src="${escape(entry.diff)}" alt="diff of ${escape(entry.golden)}" width="120" loading="lazy"></a>`;
  return `<td class="${kind}">${entry.status}${ratio}${diff}</td>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
