/** When two screenshots count as the same picture. */
export interface VisualThresholds {
  /** pixelmatch's per-pixel colour distance (0–1, YIQ); smaller is stricter. */
  threshold: number;
  /** Differing pixels allowed before a page counts as changed. */
  maxDiffPixels: number;
  /** Share of differing pixels allowed (0–1) before a page counts as changed. */
  maxDiffRatio: number;
}

/**
 * Defaults, from the noise measured on the build machine: screenshots of the same page were
 * byte-identical across launches, processes and CPU load, so no differing pixel is tolerated.
 * The per-pixel threshold stays at pixelmatch's default 0.1 (and its anti-aliasing detection is
 * on): a colour step smaller than that is invisible, and anti-aliased edge pixels of otherwise
 * equal glyphs are what differs between machines with other rasterisers.
 */
export const DEFAULT_THRESHOLDS: VisualThresholds = { threshold: 0.1, maxDiffPixels: 0, maxDiffRatio: 0 };

/** The thresholds in force: defaults, overridden by ARCHIVE_VISUAL_THRESHOLD, _MAX_DIFF_PIXELS, _MAX_DIFF_RATIO. */
export function visualThresholds(env: NodeJS.ProcessEnv = process.env): VisualThresholds {
  return {
    threshold: numberFrom(env, 'ARCHIVE_VISUAL_THRESHOLD', DEFAULT_THRESHOLDS.threshold, 0, 1),
    maxDiffPixels: numberFrom(env, 'ARCHIVE_VISUAL_MAX_DIFF_PIXELS', DEFAULT_THRESHOLDS.maxDiffPixels, 0, Number.MAX_SAFE_INTEGER),
    maxDiffRatio: numberFrom(env, 'ARCHIVE_VISUAL_MAX_DIFF_RATIO', DEFAULT_THRESHOLDS.maxDiffRatio, 0, 1),
  };
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name}=${raw} must be a number from ${min} to ${max}`);
  return value;
}
