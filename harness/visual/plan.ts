import picomatch from 'picomatch';
import { archiveSettings } from '../config/archive-config.ts';
import { settings } from '../config/settings.ts';
import { sha256 } from './golden-store.ts';

/**
 * Which pages get the visual check, from ARCHIVE_VISUAL (the fidelity checks always cover every page):
 * - `on` (default): every article and the index page;
 * - `off`: none;
 * - `sample:N`: a deterministic sample of N articles, those whose names hash lowest (SHA-256), so
 *   the sample stays put as the archive grows (a new article enters only by displacing one);
 * - `glob:PATTERN[,PATTERN…]`: page names matching the globs (picomatch), e.g. `glob:2022-*,index`.
 */
export function visualSelection(pages: readonly string[], env: NodeJS.ProcessEnv = process.env): Set<string> {
  const setting = visualSetting(env);
  if (setting === '' || setting === 'on') return new Set([...pages, 'index']);
  if (setting === 'off') return new Set();
  const sample = /^sample:(\d+)$/.exec(setting);
  if (sample?.[1] !== undefined) {
    const ranked = pages
      .map((page) => [sha256(Buffer.from(page)), page] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, page]) => page);
    return new Set(ranked.slice(0, Number(sample[1])));
  }
  const glob = /^glob:(.+)$/.exec(setting);
  if (glob?.[1] !== undefined) {
    const matches = picomatch(glob[1].split(',').map((pattern) => pattern.trim()));
    return new Set([...pages, 'index'].filter((page) => matches(page)));
  }
  throw new Error(`ARCHIVE_VISUAL=${setting} must be on, off, sample:N or glob:PATTERN[,PATTERN…]`);
}

/** The setting `visual` (ARCHIVE_VISUAL), else the archive's own (archive-fidelity.json beside its sources), else `on`. */
export function visualSetting(env: NodeJS.ProcessEnv = process.env): string {
  const { visual, sources } = settings(env);
  return (visual ?? archiveSettings(sources).visual ?? 'on').trim();
}
