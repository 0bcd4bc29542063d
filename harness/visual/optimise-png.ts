import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import optimise, { init } from '@jsquash/oxipng/optimise.js';

let ready: Promise<unknown> | undefined;

/**
 * Recompresses a PNG losslessly with oxipng (WebAssembly build from npm): goldens are ~25% smaller
 * than Chromium's own PNGs. Slow (1–3 s for a long page), so only used when a golden is written.
 */
export async function optimisePng(png: Buffer): Promise<Buffer> {
  ready ??= init(readFileSync(createRequire(import.meta.url).resolve('@jsquash/oxipng/codec/pkg/squoosh_oxipng_bg.wasm')));
  await ready;
  const input = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
  return Buffer.from(await optimise(input, { level: 2, interlace: false }));
}
