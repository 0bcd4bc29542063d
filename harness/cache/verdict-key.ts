import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../config/settings.ts';

/** The repository, whose harness code, configuration and lockfile are part of every key. */
/** The package's root (this repository, or `lib/` of the installed package): its code decides every verdict. */
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What decides every verdict besides the article's own files: the harness (its code, the archive
 * project's specs, the Playwright config) and the lockfile (every package version). A change in any
 * of them re-verifies every article.
 */
const CODE = ['harness', 'renderer'];
/** And what the site's own folder pins: its Playwright config and the version of every package it installs. */
const SITE_FILES = ['playwright.config.ts', 'package-lock.json', 'tsconfig.json'];

/** Settings that say where things go, not what a verdict is: the cache itself, the report folder, the config file's name. */
const NOT_VERDICT_SETTINGS = new Set<string>(['cache', 'reports', 'configFile']);

const fileHashes = new Map<string, { size: number; mtimeMs: number; hash: string }>();

/** SHA-256 of a file's bytes, remembered for the process while its size and time stay the same; `missing` if there is none. */
function fileHash(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isFile()) return 'missing';
  const known = fileHashes.get(path);
  if (known !== undefined && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.hash;
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  fileHashes.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, hash });
  return hash;
}

/** Everything a run's verdicts share, as named parts (each hashed on its own, so the key says what it covered). */
export interface RunInputs {
  /** Hash of the harness code, the archive specs, the config and the lockfile. */
  code: string;
  /** The browser build and version (`@sparticuz/chromium@153.0.0 153.0.8010.0`). */
  browser: string;
  /** The site profile, as data. */
  profile: string;
  /** Every setting that can change a verdict (config file and environment, resolved), and the archive's own settings file. */
  settings: string;
}

/** The shared inputs of this run's verdicts. */
export function runInputs(options: { browser: string; profile: unknown; settings: Settings; archiveSettingsFile: string }): RunInputs {
  const code = createHash('sha256');
  for (const file of CODE.flatMap((entry) => filesUnder(join(PACKAGE, entry)))) code.update(`${relative(PACKAGE, file)}\0${fileHash(file)}\n`);
  for (const file of SITE_FILES.map((name) => resolve(name))) code.update(`${relative(process.cwd(), file)}\0${fileHash(file)}\n`);
  const settings = Object.entries(options.settings)
    .filter(([name]) => !NOT_VERDICT_SETTINGS.has(name))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .concat(`archive-fidelity.json ${fileHash(options.archiveSettingsFile)}`)
    .join('\n');
  return { code: code.digest('hex'), browser: options.browser, profile: JSON.stringify(options.profile), settings };
}

/** One article's own inputs: its source, its page and every file the page loads, and the goldens it is compared with. */
export interface ArticleInputs {
  source: string;
  /** Files of the site folder (the page first), by path relative to `siteDir`. */
  siteDir: string;
  pageFiles: string[];
  /** The golden files of this article, when it gets the visual check; none otherwise. */
  goldens: string[];
}

/**
 * The key of an article's verdict: a hash over every input that can change it. Equal keys mean
 * byte-identical inputs, so a verdict that passed under the key passes again. The page is read
 * afresh; the files it loads (style sheets, fonts: the same for most pages) are hashed once per
 * `sharedFiles` (one per run of keys). Were one changed mid-run, its stale hash could only make a
 * later run check again, never skip a check.
 */
export function verdictKey(run: RunInputs, article: ArticleInputs, sharedFiles: Map<string, string> = new Map()): string {
  const hash = createHash('sha256');
  hash.update(`code ${run.code}\nbrowser ${run.browser}\nprofile ${run.profile}\nsettings ${run.settings}\n`);
  hash.update(`source ${fileHash(article.source)}\n`);
  // The page itself, read afresh; the files it loads, once per `sharedFiles`.
  article.pageFiles.forEach((file, index) => {
    const path = resolve(article.siteDir, file);
    let fileKey = index === 0 ? fileHash(path) : sharedFiles.get(path);
    if (fileKey === undefined) sharedFiles.set(path, (fileKey = fileHash(path)));
    hash.update(`page ${file} ${fileKey}\n`);
  });
  for (const golden of article.goldens) hash.update(`golden ${golden.split('/').pop() ?? golden} ${fileHash(golden)}\n`);
  return hash.digest('hex');
}

/** The index test's own inputs: every source (titles, dates and feeds decide the listings), every file of the site but the article pages, the index's goldens. */
export interface ListingInputs {
  sources: string[];
  siteDir: string;
  /** Paths relative to `siteDir`: the listings, and what they load. */
  siteFiles: string[];
  goldens: string[];
}

/** The key of the index test's verdict: as verdictKey, over every input of the listings. */
export function listingKey(run: RunInputs, listing: ListingInputs): string {
  const hash = createHash('sha256');
  hash.update(`code ${run.code}\nbrowser ${run.browser}\nprofile ${run.profile}\nsettings ${run.settings}\n`);
  for (const source of listing.sources) hash.update(`source ${source} ${fileHash(source)}\n`);
  for (const file of listing.siteFiles) hash.update(`site ${file} ${fileHash(resolve(listing.siteDir, file))}\n`);
  for (const golden of listing.goldens) hash.update(`golden ${golden.split('/').pop() ?? golden} ${fileHash(golden)}\n`);
  return hash.digest('hex');
}

/** The files at `path`: itself if it is a file, else every file under it, sorted; none if nothing is there. */
export function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
