import { expect, test } from '../support/selftest.ts';
import { PNG } from 'pngjs';
import { compareScreenshots, pngSize } from '../../harness/visual/compare.ts';
import { DEFAULT_THRESHOLDS, visualThresholds } from '../../harness/visual/thresholds.ts';

/** A white image, optionally with some pixels set. */
function image(width: number, height: number, pixels: [number, number, [number, number, number]][] = []): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const [x, y, [r, g, b]] of pixels) png.data.set([r, g, b, 255], (y * width + x) * 4);
  return PNG.sync.write(png);
}

test.describe('screenshot comparison (pure)', () => {
  test('identical bytes are equal without decoding', () => {
    const a = image(40, 30);
    expect(compareScreenshots(a, Buffer.from(a), DEFAULT_THRESHOLDS)).toMatchObject({ same: true, identicalBytes: true, diffPixels: 0 });
  });

  test('one pixel of another colour is a change, shown in the diff image', () => {
    const result = compareScreenshots(image(40, 30), image(40, 30, [[7, 5, [255, 0, 0]]]), DEFAULT_THRESHOLDS);
    expect(result).toMatchObject({ same: false, identicalBytes: false, diffPixels: 1 });
    expect(result.diffRatio).toBeCloseTo(1 / 1200, 8);
    const diff = PNG.sync.read(result.diffPng ?? Buffer.alloc(0));
    expect([...diff.data.subarray((5 * 40 + 7) * 4, (5 * 40 + 7) * 4 + 3)]).toEqual([255, 0, 0]);
  });

  test('a page that got taller is a reported difference with a padded diff, never a crash', () => {
    const result = compareScreenshots(image(40, 30), image(40, 36), DEFAULT_THRESHOLDS);
    expect(result).toMatchObject({ same: false, expectedSize: { width: 40, height: 30 }, actualSize: { width: 40, height: 36 } });
    expect(result.diffPixels).toBe(40 * 6);
    expect(pngSize(result.diffPng ?? Buffer.alloc(0))).toEqual({ width: 40, height: 36 });
  });

  test('thresholds decide: allowed pixels, allowed ratio, per-pixel colour distance', () => {
    const one = image(40, 30, [[1, 1, [0, 0, 0]]]);
    expect(compareScreenshots(image(40, 30), one, { ...DEFAULT_THRESHOLDS, maxDiffPixels: 1, maxDiffRatio: 1 }).same).toBe(true);
    expect(compareScreenshots(image(40, 30), one, { ...DEFAULT_THRESHOLDS, maxDiffPixels: 10, maxDiffRatio: 0 }).same).toBe(false);
    const faint = image(40, 30, [[1, 1, [252, 252, 252]]]);
    expect(compareScreenshots(image(40, 30), faint, DEFAULT_THRESHOLDS).diffPixels).toBe(0);
    expect(compareScreenshots(image(40, 30), faint, { ...DEFAULT_THRESHOLDS, threshold: 0 }).diffPixels).toBe(1);
  });

  test('thresholds can be set from the environment, and bad values are refused', () => {
    expect(visualThresholds({ ARCHIVE_VISUAL_MAX_DIFF_PIXELS: '25', ARCHIVE_VISUAL_THRESHOLD: '0.2' })).toEqual({ threshold: 0.2, maxDiffPixels: 25, maxDiffRatio: 0 });
    expect(() => visualThresholds({ ARCHIVE_VISUAL_MAX_DIFF_RATIO: '2' })).toThrow(/ARCHIVE_VISUAL_MAX_DIFF_RATIO=2: must be a number from 0 to 1/);
  });
});
