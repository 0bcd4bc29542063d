import { ConfigError, WORKERS, WORKERS_RULE } from './config-file.ts';

/** Reads a number from a variable, or says which variable is wrong and why. */
function numberIn(min: number, max: number): (raw: string, name: string) => number {
  return (raw, name) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) throw new ConfigError(`${name}=${raw}: must be a number from ${min} to ${max}`);
    return value;
  };
}

/** A worker count (`2`) or a share of the cores (`50%`), as Playwright's `workers` takes it. */
function workersIn(raw: string, name: string): number | string {
  if (!WORKERS.test(raw)) throw new ConfigError(`${name}=${raw}: must be ${WORKERS_RULE}`);
  return raw.endsWith('%') ? raw : Number(raw);
}

/** `false`, `off` and `none` turn a folder setting off. */
function folderOrOff(raw: string): string | false {
  return /^(false|off|none)$/i.test(raw) ? false : raw;
}

/**
 * The environment variables that override the config file, one row each: which key of
 * `archive-fidelity.config.*` it overrides and why one would set it in a shell or a CI job. The one
 * table of settings from the environment; docs/configuration.md prints it.
 */
export const ENV_SETTINGS: readonly { env: string; key: string; why: string; parse?: (raw: string, name: string) => unknown }[] = [
  { env: 'ARCHIVE_CONFIG', key: '(the file itself)', why: 'a config file other than ./archive-fidelity.config.*' },
  { env: 'ARCHIVE_SRC', key: 'site.sources', why: 'the folder of source articles (*.md)' },
  { env: 'ARCHIVE_OUT', key: 'site.pages', why: 'the folder of rendered pages to judge (unset: render the sources with this renderer)' },
  { env: 'ARCHIVE_SITE', key: 'site.generator', why: "the generator's site folder whose model locates each page; none: do not read it" },
  { env: 'ARCHIVE_PAGES', key: 'site.manifest', why: 'a JSON manifest {"<source>.md": "<page file>"}' },
  { env: 'ARCHIVE_PROFILE', key: 'site.profile', why: 'a built-in site profile or a profile file (unset: detected)' },
  { env: 'ARCHIVE_WORKERS', key: 'workers', why: 'how many pages are judged at once: a number or a share of the cores (default 100%)', parse: workersIn },
  { env: 'ARCHIVE_TZ', key: 'timezone', why: 'the time zone of dates that carry none' },
  { env: 'ARCHIVE_GOLDEN', key: 'goldens', why: 'the folder of approved goldens; off: no visual check', parse: folderOrOff },
  { env: 'ARCHIVE_VISUAL', key: 'visual', why: 'which pages get the visual check: on, off, sample:N, glob:<pattern>' },
  { env: 'ARCHIVE_CACHE', key: 'cache', why: 'the verdict cache folder: unchanged articles that passed are not checked again', parse: folderOrOff },
  { env: 'ARCHIVE_REPORT_DIR', key: 'reports', why: 'where the fidelity summary is written' },
  { env: 'ARCHIVE_VISUAL_THRESHOLD', key: 'thresholds.pixel', why: "pixelmatch's per-pixel colour distance (0–1)", parse: numberIn(0, 1) },
  { env: 'ARCHIVE_VISUAL_MAX_DIFF_PIXELS', key: 'thresholds.maxDiffPixels', why: 'differing pixels allowed', parse: numberIn(0, Number.MAX_SAFE_INTEGER) },
  { env: 'ARCHIVE_VISUAL_MAX_DIFF_RATIO', key: 'thresholds.maxDiffRatio', why: 'share of differing pixels allowed (0–1)', parse: numberIn(0, 1) },
  { env: 'ARCHIVE_GOLDEN_OPTIMISE', key: 'optimiseGoldens', why: 'off: write goldens without lossless recompression (faster)' },
  { env: 'CHROMIUM_PATH', key: 'browser.path', why: 'another Chromium or Chrome (fidelity checks only: screenshots need the pinned build)' },
  { env: 'CHROMIUM_CACHE', key: 'browser.cache', why: 'where the pinned build is unpacked (default ~/.cache/archive-fidelity)' },
  { env: 'CHROMIUM_START_TIMEOUT', key: 'browser.startTimeoutSeconds', why: 'seconds the browser may take to start (default 60)', parse: numberIn(1, 3600) },
];
