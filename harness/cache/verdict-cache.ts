import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../run/write-atomic.ts';

/** What a cache file says it is; anything else is foreign and ignored. */
const CACHE_FORMAT = 'archive-fidelity-verdicts/1';

const Entry = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), run: z.string(), when: z.string() }).strict();
const Part = z.object({ format: z.literal(CACHE_FORMAT), run: z.string(), written: z.string(), entries: z.record(z.string(), Entry) }).strict();

/** A verdict that passed: under which key, in which run. */
export type CacheEntry = z.infer<typeof Entry>;

/** The cache as read: its entries by article, or why it is not used (one line for the run to print). */
export interface VerdictCache {
  entries: Map<string, CacheEntry>;
  problem: string | undefined;
}

/**
 * Reads the verdict cache in `dir`: every part file (`verdicts*.json`, one per shard), merged, the
 * newest entry winning. A cache that is missing, not JSON, or not of this format is not used at all:
 * the run then checks every article and says so in one line.
 */
export function readVerdictCache(dir: string): VerdictCache {
  const none = (problem: string): VerdictCache => ({ entries: new Map(), problem });
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /^verdicts.*\.json$/.test(name))
        .sort()
    : [];
  if (files.length === 0) return none(`ARCHIVE_CACHE=${dir}: no verdict cache there yet; every article is checked (the cache is written at the end of the run)`);
  const entries = new Map<string, CacheEntry>();
  for (const name of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      return none(`ARCHIVE_CACHE: ${join(dir, name)} is not readable JSON (${(error as Error).message.split('\n')[0] ?? ''}); the cache is ignored and every article is checked`);
    }
    const part = Part.safeParse(data);
    if (!part.success) return none(`ARCHIVE_CACHE: ${join(dir, name)} is not a verdict cache of this harness (${CACHE_FORMAT}); the cache is ignored and every article is checked`);
    for (const [slug, entry] of Object.entries(part.data.entries)) {
      const known = entries.get(slug);
      if (known === undefined || known.when < entry.when) entries.set(slug, entry);
    }
  }
  return { entries, problem: undefined };
}

/** The file a run (or one shard of it) writes its part of the cache to. */
export function cachePartName(shard: { current: number; total: number } | null): string {
  return shard === null ? 'verdicts.json' : `verdicts-${shard.current}-of-${shard.total}.json`;
}

/** Writes one part of the cache, whole or not at all (temp file and rename). */
export function writeVerdictPart(dir: string, name: string, run: string, entries: Map<string, CacheEntry>): void {
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(dir, name), `${JSON.stringify({ format: CACHE_FORMAT, run, written: new Date().toISOString(), entries: sorted }, null, 1)}\n`);
}
