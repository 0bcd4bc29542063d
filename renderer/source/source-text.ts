import type { Result } from './problem.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a source file's bytes as strict UTF-8 text with LF line ends.
 * Refuses NUL bytes and invalid UTF-8 (naming the line), drops a UTF-8 BOM.
 */
export function decodeSource(file: string, bytes: Uint8Array): Result<string> {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, problem: { file, line: lineOfByte(bytes, nul), message: 'contains a NUL byte; this is not a text file' } };
  }
  let text: string;
  try {
    text = utf8.decode(bytes); // the decoder strips a leading BOM itself
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      problem: { file, line: lineOfByte(bytes, bad), message: `is not valid UTF-8 (bad byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8` },
    };
  }
  return { ok: true, value: text.replace(/\r\n?/g, '\n') };
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (only called after the decoder failed). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
