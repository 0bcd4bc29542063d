import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { settings, whereSet } from '../config/settings.ts';
import { locatedPageMap } from '../site/locate-pages.ts';
import { loadProfile, ProfileError, type SiteProfile } from './profile.ts';

/** The built-in profiles, by name, in the order automatic detection tries them (the most specific first). */
const BUILTIN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'builtin');
export const BUILTIN_PROFILES = ['hexo-volantis', 'hexo-next', 'hexo-landscape', 'archive-renderer'] as const;

/** The default when nothing is detected: this project's own renderer. */
export const DEFAULT_PROFILE = 'archive-renderer';

/** A built-in profile by name. */
export function builtinProfile(name: string): SiteProfile {
  return loadProfile(join(BUILTIN_DIR, `${name}.json`));
}

/**
 * The profile for a rendered site: the `site.profile` setting (a built-in name or a path to a profile file), else
 * the first built-in whose `detect` conditions all hold on the site's first index page (its
 * `<meta name="generator">` and a theme marker), else this project's renderer.
 */
export function chooseProfile(siteDir: string, env: NodeJS.ProcessEnv = process.env): { profile: SiteProfile; why: string } {
  const asked = settings(env).profile;
  if (asked !== undefined) {
    // Named where it was set: ARCHIVE_PROFILE=…, or the config file's site.profile.
    const why = whereSet('site.profile', env);
    if ((BUILTIN_PROFILES as readonly string[]).includes(asked)) return { profile: builtinProfile(asked), why };
    if (!asked.endsWith('.json') && !existsSync(asked)) {
      throw new ProfileError(`${why}: ${asked} is neither a built-in profile (${BUILTIN_PROFILES.join(', ')}) nor a profile file`);
    }
    return { profile: loadProfile(asked), why };
  }
  const page = samplePage(siteDir);
  if (page !== undefined) {
    const $ = load(page);
    const generator = $('meta[name="generator"]').attr('content') ?? '';
    for (const name of BUILTIN_PROFILES) {
      const { detect } = builtinProfile(name);
      if (detect === undefined) continue;
      if (detect.generator !== undefined && !new RegExp(detect.generator).test(generator)) continue;
      if (detect.marker !== undefined && $(detect.marker).length === 0) continue;
      return { profile: builtinProfile(name), why: `detected${generator === '' ? '' : ` (generator "${generator}")`}` };
    }
  }
  return { profile: builtinProfile(DEFAULT_PROFILE), why: 'default' };
}

/** An article page of the site (the index has no article markers on some themes): the first located one, else the first found; else the index. */
function samplePage(siteDir: string): string | undefined {
  for (const place of Object.values(locatedPageMap()?.places ?? {})) {
    const file = place.page === undefined ? undefined : join(siteDir, ...place.page.split('/'));
    if (file !== undefined && existsSync(file)) return readFileSync(file, 'utf8');
  }
  try {
    for (const entry of readdirSync(siteDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = entry.isDirectory() ? join(siteDir, entry.name, 'index.html') : entry.name.endsWith('.html') && entry.name !== 'index.html' ? join(siteDir, entry.name) : undefined;
      if (file !== undefined && existsSync(file)) return readFileSync(file, 'utf8');
    }
    return readFileSync(join(siteDir, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
}
