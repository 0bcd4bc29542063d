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

/**
 * Encodes a filled rectangle with a darker frame as an 8-bit RGB PNG. Written directly with zlib:
 * the image has two distinct rows, so building it row by row is ~20x faster than pngjs's per-pixel packer.
 */
function framedPng({ width, height }: { width: number; height: number }, [r, g, b]: [number, number, number]): Buffer {
  const rowLength = 1 + width * 3; // filter byte 0 (None), then RGB triples
  const edgeRow = Buffer.alloc(rowLength);
  const middleRow = Buffer.alloc(rowLength);
  for (let x = 0; x < width; x++) {
    const edge = x < BORDER || x >= width - BORDER;
    edgeRow.set([r >> 1, g >> 1, b >> 1], 1 + x * 3);
    middleRow.set(edge ? [r >> 1, g >> 1, b >> 1] : [r, g, b], 1 + x * 3);
  }
  const raw = Buffer.alloc(rowLength * height);
  for (let y = 0; y < height; y++) (y < BORDER || y >= height - BORDER ? edgeRow : middleRow).copy(raw, y * rowLength);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
  return pngFile([pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}
