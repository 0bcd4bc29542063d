import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

/** Size of a placeholder when the URL has no `/wNNNhNNN/` hint. */
const DEFAULT_SIZE = { width: 400, height: 300 };
/** Largest side drawn; bigger hints are scaled down (the page sizes images by its own attributes). */
const MAX_SIDE = 2400;

const cache = new Map<string, Buffer>();

/**
 * A deterministic PNG standing in for a remote image: its size from the URL's `/wNNNhNNN/` hint,
 * its colour from a hash of the URL, so a swapped or reordered image changes the screenshot.
 */
export function placeholderPng(url: string): Buffer {
  const cached = cache.get(url);
  if (cached !== undefined) return cached;
  const { width, height } = placeholderSize(url);
  const [r, g, b] = colourOf(url);
  const png = new PNG({ width, height, colorType: 2 });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const border = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
      const i = (y * width + x) * 4;
      png.data[i] = border ? r >> 1 : r;
      png.data[i + 1] = border ? g >> 1 : g;
      png.data[i + 2] = border ? b >> 1 : b;
      png.data[i + 3] = 255;
    }
  }
  const bytes = PNG.sync.write(png, { colorType: 2 });
  cache.set(url, bytes);
  return bytes;
}

/** Pixel size for a placeholder: the URL's size hint (scaled to MAX_SIDE) or a default. */
export function placeholderSize(url: string): { width: number; height: number } {
  const match = /\/w(\d{1,5})h(\d{1,5})\//.exec(url);
  const width = Number(match?.[1] ?? 0);
  const height = Number(match?.[2] ?? 0);
  if (width < 1 || height < 1) return DEFAULT_SIZE;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A mid-tone colour (each channel 64–191) derived from the URL. */
function colourOf(url: string): [number, number, number] {
  const digest = createHash('sha256').update(url).digest();
  return [64 + ((digest[0] ?? 0) % 128), 64 + ((digest[1] ?? 0) % 128), 64 + ((digest[2] ?? 0) % 128)];
}
