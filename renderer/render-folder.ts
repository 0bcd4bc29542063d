import { readdirSync, readFileSync, rmSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { writeAssets } from './assets.ts';
import { renderIndexPage, type IndexEntry } from './index-page.ts';
import { strictProblem, type Problem } from './problem.ts';
import { renderArticle } from './render-article.ts';
import { writeFileAtomic } from './write.ts';

/** Lists the pages the last render wrote, so the next one can remove pages whose article is gone or refused. */
const MANIFEST = '.archive-manifest.json';

/** The outcome of rendering a folder. */
export interface RenderReport {
  /** Page names (file stem, without `.html`) that were written, in source order. */
  rendered: string[];
  /** One entry per refused source file. */
  problems: Problem[];
  /** Odd but rendered (blank title, unknown date); with `strict`, these refuse their file instead. */
  warnings: Problem[];
}

/** How to treat what is odd but renderable. */
export interface RenderOptions {
  /** Warnings become failures: the file is refused and gets no page. */
  strict?: boolean;
}

/**
 * Renders every `SRC_DIR/<slug>.md` to `OUT_DIR/<slug>.html`, plus `index.html` and `assets/`.
 * A refused source never stops the others and never leaves a page behind; sources are only read.
 */
export function renderFolder(srcDir: string, outDir: string, zone: string, options: RenderOptions = {}): RenderReport {
  const { sources, problems } = listSources(srcDir);
  const warnings: Problem[] = [];
  const entries: IndexEntry[] = [];
  const pages: string[] = [];
  for (const { slug, path } of sources) {
    const bytes = readSource(path);
    if (!(bytes instanceof Uint8Array)) {
      problems.push(bytes);
      continue;
    }
    const result = renderArticle(path, bytes, zone);
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    if (options.strict === true && result.value.warnings.length > 0) {
      problems.push(...result.value.warnings.map(strictProblem));
      continue;
    }
    warnings.push(...result.value.warnings);
    writeFileAtomic(join(outDir, `${slug}.html`), result.value.html);
    entries.push({ slug, meta: result.value.meta });
    pages.push(`${slug}.html`);
  }
  writeAssets(outDir);
  writeFileAtomic(join(outDir, 'index.html'), renderIndexPage(entries, zone));
  removeStalePages(outDir, pages);
  // In file order, however they were found (listing problems come first otherwise).
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { rendered: entries.map((entry) => entry.slug), problems, warnings };
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

/** Deletes pages the previous render wrote that this one did not; never touches files it did not write. */
function removeStalePages(outDir: string, pages: string[]): void {
  const manifestPath = join(outDir, MANIFEST);
  let previous: string[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (Array.isArray(parsed)) previous = parsed.filter((name): name is string => typeof name === 'string');
  } catch {
    previous = []; // first render into this folder
  }
  const current = new Set(pages);
  for (const page of previous) {
    if (!current.has(page) && page.endsWith('.html') && !page.includes('/')) rmSync(join(outDir, page), { force: true });
  }
  writeFileAtomic(manifestPath, `${JSON.stringify(pages, null, 1)}\n`);
}
