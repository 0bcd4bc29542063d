import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleMeta } from '../source/article-meta.ts';
import type { Problem } from '../source/problem.ts';

/** What the last render of a folder knew, kept in the folder, so the next one renders only what changed. */
export const STATE_FILE = '.archive-render.json';

/** A rendered source as the state keeps it: how to tell it changed, and what the listings need of it. */
export interface RenderedSource {
  size: number;
  mtimeMs: number;
  sha256: string;
  meta: ArticleMeta;
  warnings: Problem[];
}

export interface RenderState {
  /** The renderer's code and the render's settings: when it differs, every page is rendered again. */
  key: string;
  sources: Record<string, RenderedSource>;
  /** Every file the render wrote (relative, `/`-separated): what the next one may remove. */
  files: string[];
}

const FORMAT = 1;

/** The state a folder's last complete render left; undefined for a first render or an unreadable state. */
export function readRenderState(outDir: string): RenderState | undefined {
  try {
    const raw = JSON.parse(readFileSync(join(outDir, STATE_FILE), 'utf8')) as { format?: number } & RenderState;
    if (raw.format !== FORMAT || typeof raw.key !== 'string' || !Array.isArray(raw.files)) return undefined;
    for (const source of Object.values(raw.sources)) source.meta.published = source.meta.published === undefined ? undefined : new Date(source.meta.published);
    return raw;
  } catch {
    return undefined;
  }
}

/** The state file's text: sources in name order, so the same render writes the same bytes. */
export function renderStateText(state: RenderState): string {
  const sources = Object.fromEntries(Object.entries(state.sources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ format: FORMAT, key: state.key, sources, files: [...state.files].sort() })}\n`;
}

const RENDERER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
let rendererHash: string | undefined;

/** A render's key: every file of the renderer (its code and assets, `.ts` here or `.js` when built) and the settings that change pages. */
export function renderKey(settings: Record<string, unknown>): string {
  if (rendererHash === undefined) {
    const hash = createHash('sha256');
    const files = readdirSync(RENDERER_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(relative(RENDERER_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
    rendererHash = hash.digest('hex');
  }
  return createHash('sha256').update(rendererHash).update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
