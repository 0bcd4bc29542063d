import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { assetFiles } from './page/assets.ts';
import type { IndexEntry } from './page/index-page.ts';
import { DEFAULT_PER_PAGE, renderListings } from './page/listings.ts';
import { readRenderState, renderKey, renderStateText, sha256, STATE_FILE, type RenderedSource, type RenderState } from './page/render-state.ts';
import { INCOMPLETE_MARKER, StagedOutput } from './page/staged-output.ts';
import { strictProblem, type Problem } from './source/problem.ts';
import { renderArticle } from './render-article.ts';

/** The outcome of rendering a folder. */
export interface RenderReport {
  /** Page names (file stem, without `.html`) rendered this time: new, changed, or all on a full render. */
  rendered: string[];
  /** Page names whose source, renderer and settings are as at the last render: their pages were kept. */
  unchanged: string[];
  /** Pages removed because their source is gone or now refused. */
  removed: string[];
  /** One entry per refused source file. */
  problems: Problem[];
  /** Odd but rendered (blank title, unknown date); with `strict`, these refuse their file instead. */
  warnings: Problem[];
}

/** How to treat what is odd but renderable. */
export interface RenderOptions {
  /** Warnings become failures: the file is refused and gets no page. */
  strict?: boolean;
  /** Render every source again, whatever the last render left. */
  full?: boolean;
  /** Articles a listing page holds (DEFAULT_PER_PAGE). */
  perPage?: number;
}

/**
 * Renders every `SRC_DIR/<slug>.md` to `OUT_DIR/<slug>.html`, plus the listings (the paginated
 * index, one per feed and per month: renderListings) and `assets/`.
 * Incremental: a source whose bytes, the renderer and the settings are as at the last render keeps
 * its page; pages whose source is gone are removed. Every write is staged and moved in at the end,
 * so an interrupted render leaves the folder as it was (a first one, marked incomplete). A refused
 * source never stops the others and never leaves a page behind; sources are only read.
 */
export function renderFolder(srcDir: string, outDir: string, zone: string, options: RenderOptions = {}): RenderReport {
  const key = renderKey({ zone, strict: options.strict === true, perPage: options.perPage ?? DEFAULT_PER_PAGE });
  const previous = readRenderState(outDir);
  const reusable = previous !== undefined && previous.key === key && options.full !== true && !existsSync(join(outDir, INCOMPLETE_MARKER)) ? previous : undefined;
  const output = new StagedOutput(outDir, previous === undefined);
  const { sources, problems } = listSources(srcDir);
  const report: RenderReport = { rendered: [], unchanged: [], removed: [], problems, warnings: [] };
  const state: RenderState = { key, sources: {}, files: [] };
  const entries: IndexEntry[] = [];
  for (const { slug, path } of sources) {
    const page = `${slug}.html`;
    const known = reusable?.sources[slug];
    const kept = known === undefined || !existsSync(join(outDir, page)) ? undefined : unchangedSource(path, known);
    let rendered: RenderedSource;
    if (kept !== undefined) {
      rendered = kept;
      report.unchanged.push(slug);
    } else {
      const fresh = renderSource(path, zone, options);
      if ('problems' in fresh) {
        problems.push(...fresh.problems);
        continue;
      }
      output.write(page, fresh.html);
      rendered = fresh.source;
      report.rendered.push(slug);
    }
    report.warnings.push(...rendered.warnings);
    state.sources[slug] = rendered;
    state.files.push(page);
    entries.push({ slug, meta: rendered.meta });
  }
  for (const [path, data] of assetFiles()) {
    output.write(path, data);
    state.files.push(path);
  }
  for (const [path, html] of renderListings(entries, zone, options.perPage)) {
    output.write(path, html);
    state.files.push(path);
  }
  const current = new Set(state.files);
  const obsolete = (previous?.files ?? []).filter((file) => !current.has(file) && isRenderedFile(file));
  report.removed = Object.keys(previous?.sources ?? {}).filter((slug) => state.sources[slug] === undefined);
  output.commit(obsolete, { path: STATE_FILE, data: renderStateText(state) });
  // In file order, however they were found (listing problems come first otherwise).
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return report;
}

/** A source as rendered last time, if its bytes are the same: by size and modification time, else by content. */
function unchangedSource(path: string, known: RenderedSource): RenderedSource | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined || stat.size !== known.size) return undefined;
  if (stat.mtimeMs === known.mtimeMs) return known;
  const bytes = readSource(path);
  return bytes instanceof Uint8Array && sha256(bytes) === known.sha256 ? { ...known, mtimeMs: stat.mtimeMs } : undefined;
}

/** Renders one source: its page and what the state keeps of it, or why it is refused. */
function renderSource(path: string, zone: string, options: RenderOptions): { html: string; source: RenderedSource } | { problems: Problem[] } {
  const stat = statSync(path, { throwIfNoEntry: false });
  const bytes = readSource(path);
  if (!(bytes instanceof Uint8Array)) return { problems: [bytes] };
  const result = renderArticle(path, bytes, zone);
  if (!result.ok) return { problems: [result.problem] };
  if (options.strict === true && result.value.warnings.length > 0) return { problems: result.value.warnings.map(strictProblem) };
  const { html, meta, warnings } = result.value;
  return { html, source: { size: bytes.length, mtimeMs: stat?.mtimeMs ?? 0, sha256: sha256(bytes), meta, warnings } };
}

/** Only what a render writes may be removed by one: pages and listings, never a file a user put there. */
function isRenderedFile(file: string): boolean {
  return !file.split('/').some((part) => part === '..' || part === '') && (file.endsWith('.html') || file.startsWith('assets/'));
}

interface Source {
  slug: string;
  path: string;
}

/**
 * The folder's `*.md` entries in code-point order. Refuses directories, the reserved name `index`,
 * and names that would collide as pages on case-insensitive or Unicode-normalising file systems.
 */
function listSources(srcDir: string): { sources: Source[]; problems: Problem[] } {
  const entries = readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.md'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byPageKey = new Map<string, Dirent[]>();
  for (const entry of entries) {
    const key = pageKey(entry.name.slice(0, -'.md'.length));
    byPageKey.set(key, [...(byPageKey.get(key) ?? []), entry]);
  }
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const file = join(srcDir, entry.name);
    const slug = entry.name.slice(0, -'.md'.length);
    const twins = (byPageKey.get(pageKey(slug)) ?? []).filter((other) => other !== entry);
    const kind = fileKind(file);
    if (kind !== 'file') {
      problems.push({ file, message: kind });
    } else if (pageKey(slug) === 'index') {
      problems.push({ file, message: 'would be written as index.html and replace the archive index; rename the file' });
    } else if (twins.length > 0) {
      const names = twins.map((twin) => join(srcDir, twin.name)).join(', ');
      problems.push({ file, message: `gives the same page name as ${names} (names may differ only in letter case or Unicode form); rename one` });
    } else {
      sources.push({ slug, path: file });
    }
  }
  return { sources, problems };
}

/** 'file', or why the entry cannot be an article (following symbolic links; never opening a pipe, which would block). */
function fileKind(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 'cannot be read (it is a broken link)';
  if (stat.isDirectory()) return 'is a directory, not an article file';
  if (!stat.isFile()) return 'is not a regular file (a pipe, socket or device), so it cannot be an article';
  return 'file';
}

/** Two page names that a case-insensitive or normalising file system would treat as one. */
function pageKey(slug: string): string {
  return slug.normalize('NFC').toLowerCase();
}

function readSource(path: string): Uint8Array | Problem {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const reason = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'it disappeared or is a broken link' : code;
    return { file: path, message: `cannot be read (${reason})` };
  }
}
