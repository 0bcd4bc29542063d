import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, findConfigFile, readConfigFile, type AcceptRule, type ArchiveFidelityConfig } from './config-file.ts';
import { ENV_SETTINGS } from './env-settings.ts';

/** Every setting of a run, resolved: the config file's values, environment variables over them, defaults under them; paths absolute. */
export interface Settings {
  /** The config file read, if any. */
  configFile: string | undefined;
  /** Source articles (`*.md`) the oracle reads. */
  sources: string;
  /** A folder rendered elsewhere to judge; undefined: the sources are rendered with this project's renderer. */
  pages: string | undefined;
  /** The generator's site folder, `none`, or undefined (found from the sources and pages). */
  generator: string | undefined;
  manifest: string | undefined;
  /** A built-in profile name or a profile file; undefined: detected. */
  profile: string | undefined;
  /** Playwright's `workers`: a number, or a share of the cores (`50%`). */
  workers: number | string;
  timezone: string;
  /** The golden folder; undefined: no visual check for this site. */
  goldens: string | undefined;
  /** Which pages get the visual check (`on`, `off`, `sample:N`, `glob:…`); undefined: the archive's own default, else `on`. */
  visual: string | undefined;
  cache: string | undefined;
  reports: string;
  thresholds: { pixel: number | undefined; maxDiffPixels: number | undefined; maxDiffRatio: number | undefined };
  /** Recompress goldens losslessly when they are written (off for fast writes). */
  optimiseGoldens: boolean;
  browser: { path: string | undefined; cache: string | undefined; startTimeoutSeconds: number | undefined };
  /** Findings the site accepts, each with why (config file only): reported, failing nothing. */
  accept: AcceptRule[];
}

/** Where the resolved settings travel to every process of a run (workers, global setup): plumbing, not a setting. */
export const RESOLVED_SETTINGS_ENV = 'ARCHIVE_RESOLVED_SETTINGS';

/** This project's bundled archive: its own fixtures and goldens, the defaults with no config. */
const BUNDLED = { sources: 'fixtures', goldens: 'golden' } as const;

/**
 * Reads the config file (ARCHIVE_CONFIG, else `archive-fidelity.config.*` in the working directory),
 * applies the environment's overrides and the defaults, and hands the result to every process this
 * one starts. Called once where a run begins (the Playwright config, each command).
 */
export async function prepareSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Settings> {
  const file = configFileOf(env, cwd);
  const config = file === undefined ? {} : await readConfigFile(file);
  const resolved = resolveSettings(config, file, env, cwd);
  env[RESOLVED_SETTINGS_ENV] = JSON.stringify(resolved);
  cached = undefined;
  return resolved;
}

let cached: { raw: string; settings: Settings } | undefined;

/**
 * The run's settings. In a process of a run they are those `prepareSettings` resolved; in another (a
 * unit test, a script), the environment's over a JSON config file's, resolved here.
 */
export function settings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Settings {
  const raw = env[RESOLVED_SETTINGS_ENV];
  if (raw !== undefined && raw !== '') {
    if (cached?.raw !== raw) cached = { raw, settings: JSON.parse(raw) as Settings };
    return cached.settings;
  }
  const file = configFileOf(env, cwd);
  if (file !== undefined && !file.endsWith('.json')) throw new ConfigError(`${file}: read it with prepareSettings() first (a TypeScript or JavaScript config is loaded once, where the run starts)`);
  const config = file === undefined ? {} : (JSON.parse(readFileSync(file, 'utf8')) as ArchiveFidelityConfig);
  return resolveSettings(config, file, env, cwd);
}

function configFileOf(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const named = nonEmpty(env.ARCHIVE_CONFIG);
  return named === undefined ? findConfigFile(cwd) : resolve(cwd, named);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The settings of a config (from `file`, or none) under the environment's overrides (ENV_SETTINGS), with defaults. */
function resolveSettings(config: ArchiveFidelityConfig, file: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Settings {
  const base = file === undefined ? cwd : dirname(file);
  // A value from the environment is read against the working directory, one from the file against its folder.
  const pick = (key: string, fromFile: unknown): { value: unknown; dir: string } => {
    const variable = ENV_SETTINGS.find((entry) => entry.key === key);
    const fromEnv = variable === undefined ? undefined : nonEmpty(env[variable.env]);
    return fromEnv !== undefined ? { value: variable?.parse?.(fromEnv, variable.env) ?? fromEnv, dir: cwd } : { value: fromFile, dir: base };
  };
  const path = (key: string, fromFile: string | undefined): string | undefined => {
    const { value, dir } = pick(key, fromFile);
    return typeof value === 'string' ? (isAbsolute(value) ? value : resolve(dir, value)) : undefined;
  };
  const text = (key: string, fromFile: string | undefined): string | undefined => {
    const { value } = pick(key, fromFile);
    return typeof value === 'string' ? value : undefined;
  };
  const number = (key: string, fromFile: number | undefined): number | undefined => {
    const { value } = pick(key, fromFile);
    return typeof value === 'number' ? value : undefined;
  };
  const sources = path('site.sources', config.site?.sources) ?? resolve(cwd, BUNDLED.sources);
  const pages = path('site.pages', config.site?.pages);
  const generator = text('site.generator', config.site?.generator);
  const profile = text('site.profile', config.site?.profile);
  const goldensSetting = pick('goldens', config.goldens).value;
  // golden/ belongs to the bundled fixtures rendered by our renderer, and to nothing else.
  const bundled = pages === undefined && sources === resolve(cwd, BUNDLED.sources);
  const goldens = goldensSetting === false ? undefined : (path('goldens', typeof config.goldens === 'string' ? config.goldens : undefined) ?? (bundled ? resolve(cwd, BUNDLED.goldens) : undefined));
  const workers = pick('workers', config.workers).value;
  const cache = pick('cache', config.cache).value === false ? undefined : path('cache', typeof config.cache === 'string' ? config.cache : undefined);
  return {
    configFile: file,
    sources,
    pages,
    generator: generator === undefined || generator === 'none' ? generator : resolve(pick('site.generator', config.site?.generator).dir, generator),
    manifest: path('site.manifest', config.site?.manifest),
    // A built-in profile is a name; anything that looks like a file is a path.
    profile: profile === undefined || !/[./\\]/.test(profile) ? profile : resolve(pick('site.profile', config.site?.profile).dir, profile),
    workers: typeof workers === 'number' || typeof workers === 'string' ? workers : '100%',
    timezone: text('timezone', config.timezone) ?? 'Asia/Shanghai',
    goldens,
    visual: text('visual', config.visual),
    cache,
    reports: path('reports', config.reports) ?? resolve(cwd, 'reports/fidelity'),
    thresholds: { pixel: number('thresholds.pixel', config.thresholds?.pixel), maxDiffPixels: number('thresholds.maxDiffPixels', config.thresholds?.maxDiffPixels), maxDiffRatio: number('thresholds.maxDiffRatio', config.thresholds?.maxDiffRatio) },
    optimiseGoldens: text('optimiseGoldens', undefined) !== 'off',
    browser: { path: path('browser.path', config.browser?.path), cache: path('browser.cache', config.browser?.cache), startTimeoutSeconds: number('browser.startTimeoutSeconds', config.browser?.startTimeoutSeconds) },
    accept: config.accept ?? [],
  };
}

/**
 * Where a setting's value came from, to name it in a message: `ARCHIVE_SRC=src/posts`, or
 * `archive-fidelity.config.ts: site.sources`, or `site.sources (default)`.
 */
export function whereSet(key: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = ENV_SETTINGS.find((entry) => entry.key === key);
  const fromEnv = variable === undefined ? undefined : nonEmpty(env[variable.env]);
  if (variable !== undefined && fromEnv !== undefined) return `${variable.env}=${fromEnv}`;
  const file = settings(env).configFile;
  return file === undefined ? `${key} (default)` : `${file}: ${key}`;
}
