import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { completeUtf8End, cp1252ToUtf8, decodeCp1252, decodeUtf8Lenient } from './encoding';
import { throwIfAborted } from './errors';
import { FileSink } from './fileSink';
import type { TextEncoding } from './types';

/**
 * Getting a text file into the staging folder as UTF-8, streaming: files can be gigabytes.
 * A clean UTF-8 file is linked or copied as is; everything else is re-encoded chunk by chunk.
 * Line structure never changes, so DuckDB's row numbers are the original file's.
 */
const CHUNK = 4 * 1024 * 1024;

export interface Progress {
  fileName: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal;
  total: number;
}

export interface Utf8Scan {
  /** Bytes that are not valid UTF-8. */
  invalidBytes: number;
  /** A blank line followed by more data somewhere (DuckDB would skip it and shift row numbers). */
  blankLineInside: boolean;
}

/** Blank-line byte patterns per encoding (a line break right after a line break). */
function blankLinePatterns(encoding: TextEncoding): Buffer[] {
  const text = ['\n\n', '\n\r\n', '\r\r'];
  if (encoding === 'utf-16le') return text.map((t) => Buffer.from(t, 'utf16le'));
  if (encoding === 'utf-16be') return text.map((t) => Buffer.from(t, 'utf16le').swap16());
  return text.map((t) => Buffer.from(t, 'latin1'));
}

function hasBlankLineInside(
  chunk: Buffer,
  carry: Buffer,
  patterns: Buffer[],
): { found: number; last: number } {
  // Positions (within carry+chunk) of the first blank-line pattern and of the last byte that is
  // not part of a line break (or UTF-16 padding); a blank line counts only if data follows it.
  const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
  let found = -1;
  for (const pattern of patterns) {
    const at = joined.indexOf(pattern);
    if (at >= 0 && (found < 0 || at < found)) found = at;
  }
  let last = joined.length - 1;
  while (last >= 0 && (joined[last] === 10 || joined[last] === 13 || joined[last] === 0)) last--;
  return { found, last };
}

/** A read-only pass over any encoding: is there a blank line with data after it? */
export async function hasInnerBlankLine(
  path: string,
  skipBytes: number,
  encoding: TextEncoding,
  progress: Progress,
): Promise<boolean> {
  const patterns = blankLinePatterns(encoding);
  let tail = Buffer.alloc(0);
  let offset = 0;
  let blankAt = -1;
  let lastContent = -1;
  const stream = createReadStream(path, { start: skipBytes, highWaterMark: CHUNK });
  for await (const raw of stream as AsyncIterable<Buffer>) {
    throwIfAborted(progress.fileName, progress.signal);
    const base = offset - tail.length;
    const blank = hasBlankLineInside(raw, tail, patterns);
    if (blank.found >= 0 && blankAt < 0) blankAt = base + blank.found;
    if (blank.last >= 0) lastContent = base + blank.last;
    tail = Buffer.from(raw.subarray(Math.max(0, raw.length - 6)));
    offset += raw.length;
  }
  return blankAt >= 0 && blankAt < lastContent;
}

const UTF8_PATTERNS = blankLinePatterns('utf-8');

/** One read-only pass: is it all valid UTF-8, and are there blank lines before later data? */
export async function scanUtf8(
  path: string,
  skipBytes: number,
  progress: Progress,
): Promise<Utf8Scan> {
  let invalidBytes = 0;
  let carry: Buffer = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let offset = 0;
  let blankAt = -1;
  let lastContent = -1;
  const stream = createReadStream(path, { start: skipBytes, highWaterMark: CHUNK });
  for await (const raw of stream as AsyncIterable<Buffer>) {
    throwIfAborted(progress.fileName, progress.signal);
    const bytes = carry.length > 0 ? Buffer.concat([carry, raw]) : raw;
    const end = completeUtf8End(bytes);
    if (!isUtf8(bytes.subarray(0, end)))
      invalidBytes += decodeUtf8Lenient(bytes.subarray(0, end), true).invalid;
    carry = Buffer.from(bytes.subarray(end));
    const base = offset - tail.length;
    const blank = hasBlankLineInside(raw, tail, UTF8_PATTERNS);
    if (blank.found >= 0 && blankAt < 0) blankAt = base + blank.found;
    if (blank.last >= 0) lastContent = base + blank.last;
    tail = Buffer.from(raw.subarray(Math.max(0, raw.length - 6)));
    offset += raw.length;
    progress.onProgress?.(Math.min(skipBytes + offset, progress.total), progress.total);
  }
  invalidBytes += carry.length;
  return { invalidBytes, blankLineInside: blankAt >= 0 && blankAt < lastContent };
}

export interface RewriteOptions {
  encoding: TextEncoding;
  /** UTF-8 with some bytes that are not: read those as Windows-1252. */
  skipBytes: number;
  /** Fill blank lines that have data after them with empty fields, so DuckDB keeps the row. */
  fill?: { delimiter: string; quote: string; escape: string; width: number; fromRecord: number };
}

export interface RewriteResult {
  /** Bytes read as Windows-1252 in a mostly-UTF-8 file. */
  fallbackBytes: number;
  /** 1-based line of the first such byte. */
  firstFallbackLine: number;
  /** Blank lines after the header that were given empty fields. */
  blankLinesFilled: number;
}

/** Inserts empty fields on blank lines that are followed by data, outside quoted fields. */
class BlankLineFiller {
  private inQuote = false;
  private escaped = false;
  private lineEmpty = true;
  private prevCR = false;
  private heldCR = false;
  /** Line breaks of blank lines not yet written: filled if data follows, kept bare at the end. */
  private pending: string[] = [];
  /** Records finished so far (blank lines count: DuckDB's skip counts them too). */
  private records = 0;
  filled = 0;
  private readonly filler: string;

  constructor(private readonly fill: NonNullable<RewriteOptions['fill']>) {
    this.filler = fill.delimiter.repeat(fill.width - 1);
  }

  push(text: string): string {
    const { quote, escape } = this.fill;
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.inQuote) {
        if (this.escaped) this.escaped = false;
        else if (escape !== quote && c === escape) this.escaped = true;
        else if (c === quote) this.inQuote = false;
        continue;
      }
      if (c === '\n' && this.prevCR) {
        // Second half of CRLF: goes wherever its CR went.
        this.prevCR = false;
        if (this.heldCR) {
          out += text.slice(from, i);
          from = i + 1;
          this.pending[this.pending.length - 1] += c;
        }
        continue;
      }
      if (c === '\n' || c === '\r') {
        this.prevCR = c === '\r';
        this.heldCR = false;
        this.records++;
        if (this.lineEmpty && this.records > this.fill.fromRecord) {
          out += text.slice(from, i);
          from = i + 1;
          this.pending.push(c);
          this.heldCR = c === '\r';
        }
        this.lineEmpty = true;
        continue;
      }
      this.prevCR = false;
      if (this.pending.length > 0) {
        out += text.slice(from, i);
        from = i;
        for (const lineBreak of this.pending) out += this.filler + lineBreak;
        this.filled += this.pending.length;
        this.pending = [];
      }
      this.lineEmpty = false;
      if (c === quote) this.inQuote = true;
    }
    return out + text.slice(from);
  }

  end(): string {
    const rest = this.pending.join('');
    this.pending = [];
    return rest;
  }
}

/** Re-encodes a text file to UTF-8 (and fills inner blank lines when asked), streaming. */
export async function rewriteText(
  src: string,
  dest: string,
  options: RewriteOptions,
  progress: Progress,
): Promise<RewriteResult> {
  const input = createReadStream(src, { start: options.skipBytes, highWaterMark: CHUNK });
  const out = new FileSink(dest);
  const filler =
    options.fill && options.fill.width > 1 ? new BlankLineFiller(options.fill) : undefined;
  const utf16 =
    options.encoding === 'utf-16le' || options.encoding === 'utf-16be'
      ? new TextDecoder('utf-16le')
      : undefined;
  let fallbackBytes = 0;
  let firstFallbackLine = 0;
  let lines = 1;
  let carry: Buffer = Buffer.alloc(0);
  let done = options.skipBytes;
  try {
    for await (const raw of input as AsyncIterable<Buffer>) {
      throwIfAborted(progress.fileName, progress.signal);
      let bytes = carry.length > 0 ? Buffer.concat([carry, raw]) : raw;
      carry = Buffer.alloc(0);
      let text: string;
      if (utf16) {
        const even = bytes.length & ~1;
        carry = Buffer.from(bytes.subarray(even));
        bytes = bytes.subarray(0, even);
        if (options.encoding === 'utf-16be') bytes = Buffer.from(bytes).swap16();
        text = utf16.decode(bytes, { stream: true });
      } else if (options.encoding === 'windows-1252') {
        if (!filler) {
          // Straight to UTF-8 bytes: no string in between.
          await out.write(cp1252ToUtf8(bytes));
          done += raw.length;
          progress.onProgress?.(Math.min(done, progress.total), progress.total);
          continue;
        }
        text = decodeCp1252(bytes);
      } else {
        const decoded = decodeUtf8Lenient(bytes, false);
        text = decoded.text;
        carry = decoded.carry;
        if (decoded.invalid > 0) {
          if (firstFallbackLine === 0) {
            const before =
              decoded.firstInvalid >= 0 ? bytes.subarray(0, decoded.firstInvalid) : bytes;
            firstFallbackLine = lines + countLineBreaks(before);
          }
          fallbackBytes += decoded.invalid;
        }
        if (firstFallbackLine === 0)
          lines += countLineBreaks(bytes.subarray(0, bytes.length - carry.length));
      }
      await out.write(filler ? filler.push(text) : text);
      done += raw.length;
      progress.onProgress?.(Math.min(done, progress.total), progress.total);
    }
    let rest = '';
    if (utf16) rest = utf16.decode();
    else if (carry.length > 0) {
      const decoded = decodeUtf8Lenient(carry, true);
      rest = decoded.text;
      if (decoded.invalid > 0 && firstFallbackLine === 0) firstFallbackLine = lines;
      fallbackBytes += decoded.invalid;
    }
    await out.write(filler ? filler.push(rest) + filler.end() : rest);
    await out.end();
  } catch (error) {
    out.destroy();
    input.destroy();
    throw error;
  }
  return { fallbackBytes, firstFallbackLine, blankLinesFilled: filler?.filled ?? 0 };
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  let at = 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (;;) {
    const next = buf.indexOf(10, at);
    if (next < 0) return n;
    n++;
    at = next + 1;
  }
}
