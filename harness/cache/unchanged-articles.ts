import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ANNOTATIONS } from '../report/summary.ts';
import { archiveConfig, goldenDir } from '../config/archive-config.ts';
import { pageMap } from '../site/locate-pages.ts';
import { articleUrl, MissingPageError, pageFile } from '../site/page-map.ts';
import { listSources, type SourceFile } from '../run/sources.ts';
import { goldenFiles } from '../visual/screenshot.ts';
import { visualSelection } from '../visual/plan.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { ArticleVerdicts, type ArticleFiles } from './article-verdicts.ts';
import { filesUnder } from './verdict-key.ts';

/**
 * Where global setup leaves the list of articles not to check again, for the article spec to read
 * in every process (the runner and each worker must declare the same tests). Not a verdict setting.
 */
const UNCHANGED_LIST_ENV = 'ARCHIVE_UNCHANGED_LIST';

/** Keys are the same whatever port a run serves the site on: a page's files are found by path. */
const KEY_ORIGIN = 'http://127.0.0.1';

/** The files that decide one article's verdict, in a site folder: `visual` when it gets the visual check. */
export function articleFiles(siteDir: string, source: SourceFile, visual: boolean): ArticleFiles {
  const goldens = goldenDir();
  return {
    source: source.path,
    pageFile: pageFile(pageMap(), siteDir, source.slug),
    pageUrl: articleUrl(pageMap(), siteDir, KEY_ORIGIN, source.slug),
    goldens: visual && goldens !== undefined ? goldenFiles(goldens, source.slug) : [],
  };
}

/**
 * The articles not to check again, each with why (`unchanged since <run> (key …)`), and how to skip
 * them. Playwright balances shards by the tests not declared skipped, so a shard that declared its
 * unchanged articles skipped would split the archive differently from a shard with another part of
 * the cache, and an article could fall between two shards. Sharded runs therefore declare every
 * article and skip unchanged ones as they start (a few ms each); an unsharded run declares them
 * skipped, and they never reach a worker.
 */
export interface UnchangedList {
  skipAtDeclaration: boolean;
  articles: Record<string, string>;
  /** Why the index test is not run again, when no listing, source or other input of it changed. */
  index?: string;
}

/** The verdict cache's name for the index test (no article can have it: a source named index.md has no page of its own). */
const INDEX_ENTRY = 'index';

/**
 * What decides the index test's verdict: every source, every file of the site folder that is not an
 * article's page (the listings, their style sheets and scripts; not a hidden folder), the index's goldens.
 */
export function listingFiles(siteDir: string, visual: boolean): { sources: string[]; siteFiles: string[]; goldens: string[] } {
  const articlePages = new Set(Object.values(pageMap().places).flatMap((place) => (place.page === undefined ? [] : [place.page])));
  const siteFiles = filesUnder(siteDir)
    .map((file) => relative(siteDir, file).split(sep).join('/'))
    .filter((file) => !articlePages.has(file) && !file.split('/').some((part) => part.startsWith('.')));
  const goldens = goldenDir();
  return { sources: listSources(archiveConfig().srcDir).map((source) => source.path), siteFiles, goldens: visual && goldens !== undefined ? goldenFiles(goldens, 'index') : [] };
}

/**
 * Run once by global setup when ARCHIVE_CACHE is set: which articles passed before with exactly
 * today's inputs, written to a file every process of the run reads. Returns a clean-up for it.
 */
export function listUnchangedArticles(options: { siteDir: string; profile: SiteProfile; browser: string; updateSnapshots: string; sharded: boolean }): (() => void) | undefined {
  const verdicts = ArticleVerdicts.forRun(options);
  if (verdicts === undefined) return undefined;
  const unchanged: Record<string, string> = {};
  const sources = listSources(archiveConfig().srcDir);
  const visual = visualSelection(sources.map((source) => source.slug));
  for (const source of sources) {
    let files: ArticleFiles;
    try {
      files = articleFiles(options.siteDir, source, visual.has(source.slug));
    } catch (error) {
      if (error instanceof MissingPageError) continue; // no page: its test says so
      throw error;
    }
    const key = verdicts.keyOf(files);
    const before = verdicts.passedBefore(source.slug, key);
    if (before !== undefined) unchanged[source.slug] = `unchanged since ${before.run} (key ${key.slice(0, 12)})`;
  }
  const indexKey = verdicts.listingKeyOf(listingFiles(options.siteDir, visual.has('index')));
  const indexBefore = verdicts.passedBefore(INDEX_ENTRY, indexKey);
  const dir = mkdtempSync(join(tmpdir(), 'archive-fidelity-unchanged-'));
  const file = join(dir, 'unchanged.json');
  const list: UnchangedList = { skipAtDeclaration: !options.sharded, articles: unchanged, ...(indexBefore === undefined ? {} : { index: `unchanged since ${indexBefore.run} (key ${indexKey.slice(0, 12)})` }) };
  writeFileSync(file, JSON.stringify(list));
  process.env[UNCHANGED_LIST_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The articles global setup found unchanged; none without a cache. */
export function unchangedArticles(env: NodeJS.ProcessEnv = process.env): UnchangedList {
  const file = env[UNCHANGED_LIST_ENV];
  if (file === undefined || file === '' || !existsSync(file)) return { skipAtDeclaration: false, articles: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as UnchangedList;
}

/** The test annotation of an article skipped as unchanged. */
export function unchangedAnnotation(why: string): { type: string; description: string } {
  return { type: ANNOTATIONS.unchanged, description: why };
}
