import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes a file so readers only ever see the old or the complete new content: temp file, then rename.
 * An identical existing file is left alone, so a re-render touches only pages that changed.
 * Synchronous on purpose: for thousands of small files it beats the thread-pool round trips.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (sameContent(path, bytes)) return;
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** True when `path` is a file holding exactly `bytes`. */
export function sameContent(path: string, bytes: Uint8Array): boolean {
  try {
    const stat = statSync(path, { throwIfNoEntry: false }); // no exception for the common new-file case
    return stat !== undefined && stat.isFile() && stat.size === bytes.length && Buffer.compare(readFileSync(path), bytes) === 0;
  } catch {
    return false; // unreadable: the write will say why
  }
}
