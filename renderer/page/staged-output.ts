import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sameContent, writeFileAtomic } from './write.ts';

/** Where a render writes what changed before any of it reaches the output folder. */
const STAGING = '.archive-staging';

/**
 * Present while the output folder is not a complete render: from the start of a first render, and
 * while a later one moves its changes in. The fidelity suite refuses a folder that holds it (the
 * harness names the same file: it never imports the renderer).
 */
export const INCOMPLETE_MARKER = '.archive-render-incomplete';

/**
 * A render's writes, held back until it has finished: each file that differs from the output
 * folder's is written into a staging folder inside it, and `commit` moves them all in at the end. A
 * render stopped before `commit` (Ctrl-C, a crash) has changed nothing the reader sees; a first
 * render, or one stopped while committing, leaves the marker that says the folder is incomplete.
 */
export class StagedOutput {
  private readonly staging: string;
  private readonly staged: string[] = [];

  constructor(
    private readonly outDir: string,
    firstRender: boolean,
  ) {
    this.staging = join(outDir, STAGING);
    rmSync(this.staging, { recursive: true, force: true }); // what an interrupted render left
    mkdirSync(this.staging, { recursive: true });
    if (firstRender) this.markIncomplete();
  }

  /** Stages `data` as `path` (relative to the output folder), unless the folder already holds exactly it. */
  write(path: string, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (sameContent(join(this.outDir, path), bytes)) return;
    const target = join(this.staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    this.staged.push(path);
  }

  /** How many files differ from the output folder's. */
  get changed(): number {
    return this.staged.length;
  }

  /** Moves every staged file into place, removes `obsolete` files, writes `state` last; the marker is up until all of it is done. */
  commit(obsolete: readonly string[], state: { path: string; data: string }): void {
    if (this.staged.length > 0 || obsolete.length > 0) this.markIncomplete();
    for (const path of this.staged) {
      const target = join(this.outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(this.staging, path), target);
    }
    for (const path of obsolete) rmSync(join(this.outDir, path), { force: true });
    writeFileAtomic(join(this.outDir, state.path), state.data);
    rmSync(join(this.outDir, INCOMPLETE_MARKER), { force: true });
    rmSync(this.staging, { recursive: true, force: true });
  }

  private markIncomplete(): void {
    const marker = join(this.outDir, INCOMPLETE_MARKER);
    if (!existsSync(marker)) writeFileAtomic(marker, 'A render into this folder did not finish: render it again (the fidelity suite refuses the folder until then).\n');
  }
}
