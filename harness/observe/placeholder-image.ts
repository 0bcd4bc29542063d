import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { pngChunk, pngFile } from '../visual/png-chunks.ts';

/** Size of a placeholder when the URL has no `/wNNNhNNN/` hint. */
const DEFAULT_SIZE = { width: 400, height: 300 };
/** Largest side drawn; bigger hints are scaled down (the page sizes images by its own attributes). */
const MAX_SIDE = 2400;
/** Darker frame, so an image's edges show in screenshots. */
const BORDER = 4;

const cache = new Map<string, Buffer>();

/**
 * A deterministic PNG standing in for a remote image: its size from the URL's `/wNNNhNNN/` hint,
 * its colour from a hash of the URL, so a swapped or reordered image changes the screenshot.
 */
export function placeholderPng(url: string): Buffer {
  let png = cache.get(url);
  if (png === undefined) {
    png = framedPng(placeholderSize(url), colourOf(url));
    cache.set(url, png);
  }
  return png;
}

/** Pixel size for a placeholder: the URL's size hint (scaled to MAX_SIDE) or a default. */
function placeholderSize(url: string): { width: number; height: number } {
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

/** The image data of a framed rectangle of one size, in palette indices (0 the frame, 1 the fill): the same for every colour. */
const framedPixels = new Map<string, Buffer>();

/**
 * Encodes a filled rectangle with a darker frame as a 1-bit palette PNG: two colours, so the pixels
 * are palette indices, deflated once per size and shared by every placeholder of that size, and only
 * the palette carries the URL's colour. The browser decodes the same RGB pixels as from an RGB PNG,
 * for a fraction of the work: an index page's 100 thumbnails cost ~1.5 ms each to encode as RGB.
 */
function framedPng({ width, height }: { width: number; height: number }, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 3, 0, 0, 0], 8); // bit depth 1, colour type palette, deflate, adaptive filtering, no interlace
  const palette = Buffer.from([r >> 1, g >> 1, b >> 1, r, g, b]);
  return pngFile([pngChunk('IHDR', header), pngChunk('PLTE', palette), pngChunk('IDAT', pixelsOf(width, height)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The deflated rows of a framed rectangle: each row a filter byte (None), then one bit a pixel, most significant first. */
function pixelsOf(width: number, height: number): Buffer {
  const key = `${width}x${height}`;
  let pixels = framedPixels.get(key);
  if (pixels === undefined) {
    const rowLength = 1 + Math.ceil(width / 8);
    const edgeRow = Buffer.alloc(rowLength); // all frame: index 0
    const middleRow = Buffer.alloc(rowLength);
    for (let x = BORDER; x < width - BORDER; x++) middleRow[1 + (x >> 3)] = (middleRow[1 + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    const raw = Buffer.alloc(rowLength * height);
    for (let y = 0; y < height; y++) (y < BORDER || y >= height - BORDER ? edgeRow : middleRow).copy(raw, y * rowLength);
    pixels = deflateSync(raw);
    framedPixels.set(key, pixels);
  }
  return pixels;
}
