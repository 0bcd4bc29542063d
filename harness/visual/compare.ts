import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { VisualThresholds } from './thresholds.ts';

/** How an actual screenshot compares with its golden. Never thrown: always returned. */
export interface Comparison {
  /** Within the thresholds and of the same size. */
  same: boolean;
  /** Byte for byte the same file (nothing was decoded). */
  identicalBytes: boolean;
  diffPixels: number;
  /** diffPixels over the pixels of the larger of the two images. */
  diffRatio: number;
  expectedSize: { width: number; height: number };
  actualSize: { width: number; height: number };
  /** A picture of the differences (red), present whenever the images are not byte-identical. */
  diffPng?: Buffer;
}

/**
 * Compares two PNGs: raw bytes first (no decoding when equal), then pixel by pixel with pixelmatch.
 * A size change is a difference: both images are padded to the larger size (the missing area counts
 * as differing) so the diff still shows where the page grew or shrank.
 */
export function compareScreenshots(expected: Buffer, actual: Buffer, thresholds: VisualThresholds): Comparison {
  if (expected.equals(actual)) {
    const size = pngSize(actual);
    return { same: true, identicalBytes: true, diffPixels: 0, diffRatio: 0, expectedSize: size, actualSize: size };
  }
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(padded(a, width, height), padded(b, width, height), diff.data, width, height, { threshold: thresholds.threshold });
  const diffRatio = diffPixels / (width * height);
  const sizeChanged = a.width !== b.width || a.height !== b.height;
  return {
    same: !sizeChanged && diffPixels <= thresholds.maxDiffPixels && diffRatio <= thresholds.maxDiffRatio,
    identicalBytes: false,
    diffPixels,
    diffRatio,
    expectedSize: { width: a.width, height: a.height },
    actualSize: { width: b.width, height: b.height },
    diffPng: PNG.sync.write(diff),
  };
}

/** The image's pixels on a canvas of the given size; the added area is transparent. */
function padded(image: PNG, width: number, height: number): Uint8Array {
  if (image.width === width && image.height === height) return image.data;
  const canvas = new Uint8Array(width * height * 4);
  for (let y = 0; y < image.height; y++) canvas.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), y * width * 4);
  return canvas;
}

/** Width and height from a PNG's IHDR, without decoding it. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
