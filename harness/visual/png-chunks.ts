import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0, 0);
  return Buffer.concat([length, typed, crc]);
}

/** A PNG file made of the signature and the given chunks. */
export function pngFile(chunks: Buffer[]): Buffer {
  return Buffer.concat([SIGNATURE, ...chunks]);
}

/** The `tEXt` entries of a PNG (keyword → text); empty for anything that is not a PNG. */
export function readTextChunks(png: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) return entries;
  for (let offset = 8; offset + 8 <= png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'tEXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const separator = data.indexOf(0);
      if (separator > 0) entries.set(data.toString('latin1', 0, separator), data.toString('latin1', separator + 1));
    }
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return entries;
}

/** The PNG with `tEXt` chunks added just before IEND (text must be Latin-1: keep it ASCII). */
export function withTextChunks(png: Buffer, entries: Record<string, string>): Buffer {
  const end = png.lastIndexOf(Buffer.from('IEND', 'latin1')) - 4;
  const text = Object.entries(entries).map(([keyword, value]) => pngChunk('tEXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])));
  return Buffer.concat([png.subarray(0, end), ...text, png.subarray(end)]);
}
