import { statSync } from 'node:fs';
import { join } from 'node:path';
import { archiveTimeZone } from './source/dates.ts';
import { formatProblem, formatWarning } from './source/problem.ts';
import { renderFolder } from './render-folder.ts';

const USAGE = `Usage: archive-fidelity render [--strict] [--full] [--per-page N] [SRC_DIR] [OUT_DIR]

Renders every SRC_DIR/<name>.md (Hexo post: YAML front matter + HTML body) to
OUT_DIR/<name>.html, plus the listings, newest first, N articles a page (as Hexo's
per_page; default 100): OUT_DIR/index.html, page/2/index.html …, one listing per
feed (categories/<category>/…/) and per month (archives/YYYY/MM/); and OUT_DIR/assets/.
Defaults: SRC_DIR=fixtures, OUT_DIR=dist.

A second render of the same folders writes only what changed (new, changed or
deleted sources; everything after a new renderer version or setting) and removes
pages whose source is gone. Nothing reaches OUT_DIR until the render has finished:
an interrupted render leaves it as it was (a first one, marked incomplete).

Environment:
  ARCHIVE_TZ   time zone of dates written without one, and of shown times
               (default Asia/Shanghai)

Each refused file is reported as "path:line: problem"; every other article is still
rendered. An article with a blank title or a missing or unreadable date is rendered
(titled by its file name; "date unknown") with a warning "path:line: …".

Options:
  --strict     warnings are failures: such articles are refused and get no page
  --full       render every source again, whatever the last render left
  --per-page N articles a listing page holds (default 100)

Exit status: 0 all rendered, 1 some refused, 2 bad usage.`;

/** Runs the renderer CLI and returns its exit status. */
function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const strict = args.includes('--strict');
  const full = args.includes('--full');
  const perPageAt = args.indexOf('--per-page');
  const perPage = perPageAt === -1 ? undefined : Number(args[perPageAt + 1]);
  if (perPage !== undefined && !(Number.isInteger(perPage) && perPage >= 1)) {
    console.error(`--per-page needs a whole number of articles, 1 or more, not ${args[perPageAt + 1] ?? 'nothing'}\n\n${USAGE}`);
    return 2;
  }
  const folders = args.filter((arg, at) => arg !== '--strict' && arg !== '--full' && (perPageAt === -1 || (at !== perPageAt && at !== perPageAt + 1)));
  const unknown = folders.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || folders.length > 2) {
    console.error(`${unknown === undefined ? 'too many arguments' : `unknown option ${unknown}`}\n\n${USAGE}`);
    return 2;
  }
  const [srcDir = 'fixtures', outDir = 'dist'] = folders;
  let zone: string;
  try {
    zone = archiveTimeZone();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!isDirectory(srcDir)) {
    console.error(`${srcDir}: no such folder of articles\n\n${USAGE}`);
    return 2;
  }
  const report = renderFolder(srcDir, outDir, zone, { strict, full, perPage });
  for (const problem of report.problems) console.error(formatProblem(problem));
  for (const warning of report.warnings) console.error(formatWarning(warning));
  console.log(`rendered ${report.rendered.length}, unchanged ${report.unchanged.length}, removed ${report.removed.length}, failed ${report.problems.length}, warnings ${report.warnings.length}`);
  console.log(`pages in ${outDir}/ (open ${join(outDir, 'index.html')} or serve the folder with any static server)`);
  return report.problems.length > 0 ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

process.exitCode = main(process.argv.slice(2));
