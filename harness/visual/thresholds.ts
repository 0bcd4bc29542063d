import { settings } from '../config/settings.ts';

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

/** The thresholds in force: defaults, overridden by the setting `thresholds` (ARCHIVE_VISUAL_THRESHOLD, _MAX_DIFF_PIXELS, _MAX_DIFF_RATIO). */
export function visualThresholds(env: NodeJS.ProcessEnv = process.env): VisualThresholds {
  const { thresholds } = settings(env);
  return {
    threshold: thresholds.pixel ?? DEFAULT_THRESHOLDS.threshold,
    maxDiffPixels: thresholds.maxDiffPixels ?? DEFAULT_THRESHOLDS.maxDiffPixels,
    maxDiffRatio: thresholds.maxDiffRatio ?? DEFAULT_THRESHOLDS.maxDiffRatio,
  };
}
