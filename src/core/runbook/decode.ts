// Turns a file's bytes into text the parser can trust: UTF-8 (invalid bytes become U+FFFD),
// no BOM, `\n` line ends. Problems become diagnostics; nothing throws.
import { isUtf8 } from 'node:buffer';
import { DiagnosticList } from './diagnostics';

export function decodeSource(source: string | Uint8Array, diagnostics: DiagnosticList): string {
  let text: string;
  if (typeof source === 'string') {
    text = source;
  } else {
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    if (isUtf8(bytes)) {
      text = bytes.toString('utf8');
    } else {
      // Rare path: find where it breaks, for the diagnostic's line.
      diagnostics.add('text-invalid-utf8', 'The file is not valid UTF-8: invalid bytes are shown as \uFFFD. Save it as UTF-8.', lineOfByte(source, Math.max(0, firstInvalidUtf8Offset(source))));
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(source);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    diagnostics.add('text-nul-byte', 'The file contains NUL bytes (is it binary?); they are read as \uFFFD.', lineOfIndex(text, nul));
    text = text.replace(/\0/g, '\uFFFD');
  }
  return text;
}

/** 1-based line of a character index. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { length = 2; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { length = 3; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { length = 4; min = 0x10000; }
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
