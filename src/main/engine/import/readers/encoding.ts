import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './types';

/**
 * Text encodings of exported files. Windows-1252 is not Latin-1: bytes 0x80-0x9F are the euro
 * sign, smart quotes, dashes and so on, which is what Excel on Windows writes.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Byte -> the character Windows-1252 gives it. */
export const CP1252: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b),
);

/** UTF-8 bytes of each Windows-1252 byte. */
const CP1252_UTF8: readonly Buffer[] = CP1252.map((ch) => Buffer.from(ch, 'utf8'));

/** Windows-1252 to UTF-8 bytes in one pass (no intermediate string): the fast path for big files. */
export function cp1252ToUtf8(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length * 3);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[o++] = b;
    else {
      const seq = CP1252_UTF8[b]!;
      for (let k = 0; k < seq.length; k++) out[o++] = seq[k]!;
    }
  }
  return out.subarray(0, o);
}

let nativeCp1252: TextDecoder | null | undefined;

/** Windows-1252 bytes to text (the platform's decoder when it has one; the table otherwise). */
export function decodeCp1252(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (nativeCp1252 === undefined) {
    // Some Node versions decode the "windows-1252" label as ISO-8859-1 (0x80 -> U+0080, not
    // the euro sign): use the platform's decoder only if it gets that byte right.
    try {
      const decoder = new TextDecoder('windows-1252');
      nativeCp1252 = decoder.decode(Uint8Array.of(0x80, 0x93)) === '\u20ac\u201c' ? decoder : null;
    } catch {
      nativeCp1252 = null;
    }
  }
  if (nativeCp1252) return nativeCp1252.decode(bytes.subarray(start, end));
  if (end - start > 4096) return cp1252ToUtf8(bytes.subarray(start, end)).toString('utf8');
  let out = '';
  let runStart = start;
  const latin1 = (from: number, to: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      if (i > runStart) out += latin1(runStart, i);
      out += CP1252[bytes[i]!];
      runStart = i + 1;
    }
  }
  if (end > runStart) out += latin1(runStart, end);
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i`, 0 if invalid, -1 if cut off by `end`. */
export function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  let need: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else return 0;
  let cp = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return -1;
    const b = bytes[i + k]!;
    if ((b & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

export interface Utf8Census {
  /** Multi-byte sequences that are valid UTF-8. */
  multibyte: number;
  /** Bytes that are not part of any valid UTF-8 sequence. */
  invalid: number;
}

export function utf8Census(bytes: Uint8Array, atEnd: boolean): Utf8Census {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i, bytes.length);
    if (len === -1) {
      if (atEnd) invalid += bytes.length - i;
      break;
    }
    if (len === 0) {
      invalid++;
      i++;
    } else {
      multibyte++;
      i += len;
    }
  }
  return { multibyte, invalid };
}

/**
 * Decodes UTF-8, reading any byte that is not part of a valid UTF-8 sequence as Windows-1252
 * (a file saved as UTF-8 that had a few lines pasted in from an older system). Returns the text
 * and how many bytes were read as Windows-1252, plus the bytes held back because a sequence was
 * cut off at the end of `bytes` (pass them in front of the next chunk).
 */
export function decodeUtf8Lenient(
  bytes: Buffer,
  atEnd: boolean,
): { text: string; invalid: number; firstInvalid: number; carry: Buffer } {
  if (isUtf8(bytes))
    return { text: bytes.toString('utf8'), invalid: 0, firstInvalid: -1, carry: Buffer.alloc(0) };
  let text = '';
  let invalid = 0;
  let firstInvalid = -1;
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i, bytes.length);
    if (len > 0) {
      i += len;
      continue;
    }
    if (len === -1 && !atEnd) {
      text += bytes.toString('utf8', runStart, i);
      return { text, invalid, firstInvalid, carry: Buffer.from(bytes.subarray(i)) };
    }
    text += bytes.toString('utf8', runStart, i) + CP1252[bytes[i]!];
    if (firstInvalid < 0) firstInvalid = i;
    invalid++;
    i++;
    runStart = i;
  }
  text += bytes.toString('utf8', runStart, i);
  return { text, invalid, firstInvalid, carry: Buffer.alloc(0) };
}

/** Where the complete UTF-8 text of `bytes` ends (a sequence cut by the chunk end is excluded). */
export function completeUtf8End(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < need) end = bytes.length - back;
    }
    break;
  }
  return end;
}

export type EncodingGuess =
  | { kind: 'text'; encoding: TextEncoding; bomLength: number; mixed: boolean }
  | { kind: 'binary'; reason: string };

/**
 * Decides the encoding from the first bytes of a file: a byte-order mark; else the NUL pattern of
 * UTF-16 without a BOM; else UTF-8 when the bytes are valid UTF-8; else Windows-1252, or UTF-8
 * with some Windows-1252 bytes ("mixed") when valid multi-byte UTF-8 sequences are there too.
 */
export function guessEncoding(sample: Buffer, atEnd: boolean): EncodingGuess {
  if (sample.length >= 4 && sample.readUInt32BE(0) === 0xfffe0000)
    return { kind: 'binary', reason: 'it is UTF-32 text, which is not supported' };
  if (sample.length >= 4 && sample.readUInt32BE(0) === 0x0000feff)
    return { kind: 'binary', reason: 'it is UTF-32 text, which is not supported' };
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return {
      kind: 'text',
      encoding: 'utf-8-bom',
      bomLength: 3,
      mixed: !validUtf8(sample.subarray(3), atEnd),
    };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe)
    return { kind: 'text', encoding: 'utf-16le', bomLength: 2, mixed: false };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff)
    return { kind: 'text', encoding: 'utf-16be', bomLength: 2, mixed: false };

  const probe = sample.subarray(0, Math.min(sample.length, 4096) & ~1);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const pairs = probe.length / 2;
  if (pairs >= 2) {
    if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05)
      return { kind: 'text', encoding: 'utf-16le', bomLength: 0, mixed: false };
    if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05)
      return { kind: 'text', encoding: 'utf-16be', bomLength: 0, mixed: false };
  }
  const nul = sample.indexOf(0);
  if (nul >= 0)
    return { kind: 'binary', reason: `it contains binary data (a NUL byte at byte ${nul + 1})` };

  const census = utf8Census(sample, atEnd);
  if (census.invalid === 0) return { kind: 'text', encoding: 'utf-8', bomLength: 0, mixed: false };
  if (census.multibyte > 0) return { kind: 'text', encoding: 'utf-8', bomLength: 0, mixed: true };
  return { kind: 'text', encoding: 'windows-1252', bomLength: 0, mixed: false };
}

function validUtf8(bytes: Buffer, atEnd: boolean): boolean {
  return isUtf8(atEnd ? bytes : bytes.subarray(0, completeUtf8End(bytes)));
}

/** Decodes a sample (the start of a file) for sniffing; the end may be cut mid-character. */
export function decodeSample(
  sample: Buffer,
  encoding: TextEncoding,
  bomLength: number,
  atEnd: boolean,
): string {
  const body = sample.subarray(bomLength);
  switch (encoding) {
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(body.subarray(0, body.length & ~1));
    case 'utf-16be': {
      const even = Buffer.from(body.subarray(0, body.length & ~1));
      return new TextDecoder('utf-16le').decode(even.swap16());
    }
    case 'windows-1252':
      return decodeCp1252(body);
    default: {
      const usable = atEnd ? body : body.subarray(0, completeUtf8End(body));
      return decodeUtf8Lenient(Buffer.from(usable), true).text;
    }
  }
}

/** Control characters other than tab, line feed, carriage return and form feed. */
export function controlCharShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd)
      n++;
  }
  return n / text.length;
}
