import { join } from 'node:path';
import type { SiteProfile } from '../profiles/profile.ts';
import { ARCHIVE_SETTINGS_FILE } from '../config/archive-config.ts';
import { settings } from '../config/settings.ts';
import { pageFiles } from './page-files.ts';
import { readVerdictCache, type CacheEntry } from './verdict-cache.ts';
import { listingKey, runInputs, verdictKey, type ListingInputs, type RunInputs } from './verdict-key.ts';

/** What decides one article's verdict on disk: its source, its page (file and URL), its goldens. */
export interface ArticleFiles {
  source: string;
  pageFile: string;
  pageUrl: string;
  /** The golden files it is compared with (none when it gets no visual check). */
  goldens: string[];
}

/**
 * The verdict cache of a run (ARCHIVE_CACHE): the key of an article's inputs as they are now, and
 * whether that key passed before. Global setup looks every article up; a worker keys each article it
 * checked, at its end, for the reporter to cache. Both compute keys alike, from the files.
 */
export class ArticleVerdicts {
  /** Hashes of the files pages load, shared by this run's keys (see verdictKey). */
  private readonly sharedFiles = new Map<string, string>();
  /** The cache as read, on first lookup (a worker only keys, it never looks up). */
  private passed: Map<string, CacheEntry> | undefined;

  private constructor(
    private readonly siteDir: string,
    private readonly cacheDir: string,
    private readonly run: RunInputs,
    /** False when goldens are being rewritten (`--update-snapshots=all|changed`): every article must run. */
    private readonly lookups: boolean,
  ) {}

  /** For a run with ARCHIVE_CACHE set, else undefined. */
  static forRun(options: { siteDir: string; profile: SiteProfile; browser: string; updateSnapshots: string; env?: NodeJS.ProcessEnv }): ArticleVerdicts | undefined {
    const env = options.env ?? process.env;
    const resolved = settings(env);
    const dir = resolved.cache;
    if (dir === undefined) return undefined;
    const run = runInputs({ browser: options.browser, profile: options.profile, settings: resolved, archiveSettingsFile: join(resolved.sources, ARCHIVE_SETTINGS_FILE) });
    return new ArticleVerdicts(options.siteDir, dir, run, options.updateSnapshots !== 'all' && options.updateSnapshots !== 'changed');
  }

  /** The key of an article's inputs as they are now. */
  keyOf(article: ArticleFiles): string {
    return verdictKey(this.run, { source: article.source, siteDir: this.siteDir, pageFiles: pageFiles(this.siteDir, article.pageFile, article.pageUrl), goldens: article.goldens }, this.sharedFiles);
  }

  /** The key of the index test's inputs as they are now. */
  listingKeyOf(listing: Omit<ListingInputs, 'siteDir'>): string {
    return listingKey(this.run, { ...listing, siteDir: this.siteDir });
  }

  /** The run where this article (or, as `index`, the index test) passed with exactly these inputs, if one did. */
  passedBefore(slug: string, key: string): CacheEntry | undefined {
    if (!this.lookups) return undefined;
    this.passed ??= readVerdictCache(this.cacheDir).entries;
    const entry = this.passed.get(slug);
    return entry?.key === key ? entry : undefined;
  }
}
