import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One article source the suite expects a page for. */
export interface SourceFile {
  /** Page name: the file name without `.md`. */
  slug: string;
  path: string;
}

/** The `*.md` entries of a source folder in code-point order (the order tests are listed in). */
export function listSources(srcDir: string): SourceFile[] {
  return readdirSync(srcDir)
    .filter((name) => name.endsWith('.md'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => ({ slug: name.slice(0, -'.md'.length), path: join(srcDir, name) }));
}
