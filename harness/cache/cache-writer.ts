import type { FullConfig, TestCase, TestResult } from '@playwright/test/reporter';
import { ANNOTATIONS } from '../report/summary.ts';
import { settings } from '../config/settings.ts';
import { cachePartName, readVerdictCache, writeVerdictPart, type CacheEntry } from './verdict-cache.ts';

/**
 * The reporter's side of the verdict cache: at the end of a run (or a shard), writes this run's part:
 * every article that passed on its first try under its key, and every article skipped as unchanged
 * (its earlier verdict still holds). A failed or flaky article is left out, so it runs next time.
 */
export class VerdictCacheWriter {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly earlier: Map<string, CacheEntry>;

  private constructor(
    private readonly dir: string,
    private readonly part: string,
    private readonly run: string,
  ) {
    this.earlier = readVerdictCache(dir).entries;
  }

  /** For a run with ARCHIVE_CACHE set (and not merging reports), else undefined. */
  static forRun(config: FullConfig, merging: boolean, env: NodeJS.ProcessEnv = process.env): VerdictCacheWriter | undefined {
    const dir = settings(env).cache;
    if (dir === undefined || merging) return undefined;
    const started = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const run = env.GITHUB_RUN_ID !== undefined && env.GITHUB_RUN_ID !== '' ? `GitHub run ${env.GITHUB_RUN_ID} (${started})` : `the run of ${started}`;
    return new VerdictCacheWriter(dir, cachePartName(config.shard), run);
  }

  /** Notes the verdict of one article test. */
  add(slug: string, test: TestCase, result: TestResult): void {
    if (result.annotations.some((annotation) => annotation.type === ANNOTATIONS.unchanged)) {
      const earlier = this.earlier.get(slug);
      if (earlier !== undefined) this.entries.set(slug, earlier);
      return;
    }
    const key = result.annotations.find((annotation) => annotation.type === ANNOTATIONS.verdictKey)?.description;
    if (key !== undefined && result.status === 'passed' && result.retry === 0 && test.outcome() === 'expected') {
      this.entries.set(slug, { key, run: this.run, when: new Date().toISOString() });
    }
  }

  /** Writes this run's part of the cache, whole or not at all. */
  write(): void {
    writeVerdictPart(this.dir, this.part, this.run, this.entries);
  }
}
