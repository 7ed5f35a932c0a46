import { open, type FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { uniqueColumns, listSome } from './columnNames';
import { stagedPath, type ReaderContext, type ReaderResult } from './context';
import { CsvWriter } from './csvWriter';
import { decodeCp1252 } from './encoding';
import { importError, throwIfAborted } from './errors';
import { readCsvSql } from './sql';
import type { SourceColumn } from './types';
import { formatNumber } from './xlsxReader';

/**
 * SPSS system files (.sav, and .zsav), read from the documented format (PSPP's "System File
 * Format" appendix): records 1 (header), 2 (variables), 3+4 (value labels), 6 (documents),
 * 7 (extensions: 3 machine info, 4 float info, 11 display, 13 long names, 14 very long strings,
 * 20 encoding, 21 long string value labels, 16 case count) and 999, then the data: plain,
 * bytecode-compressed, or zlib-compressed bytecode. Codes stay the cell values; value labels go
 * to `valueLabels`; system-missing and user-missing values become empty cells.
 */

const SYSMIS = -Number.MAX_VALUE;
/** Seconds from SPSS's epoch (14 Oct 1582) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12219379200;
const DATE_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);
const TIME_FORMATS = new Set([21, 25, 40]);
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

class SavFormatError extends Error {}

/** Random access to the file with a small read-ahead buffer, for the dictionary. */
class Reader {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  pos = 0;
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
    readonly le: boolean,
  ) {}

  async bytes(n: number): Promise<Buffer> {
    if (n < 0 || n > MAX_RECORD_BYTES || this.pos + n > this.size)
      throw new SavFormatError(`a record at byte ${this.pos} runs past the end of the file`);
    if (this.pos < this.bufStart || this.pos + n > this.bufStart + this.buf.length) {
      const length = Math.min(Math.max(n, 1 << 16), this.size - this.pos);
      const buf = Buffer.alloc(length);
      const { bytesRead } = await this.handle.read(buf, 0, length, this.pos);
      this.buf = buf.subarray(0, bytesRead);
      this.bufStart = this.pos;
    }
    const at = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(at, at + n);
  }
  async int32(): Promise<number> {
    const b = await this.bytes(4);
    return this.le ? b.readInt32LE(0) : b.readInt32BE(0);
  }
  async float64(): Promise<number> {
    const b = await this.bytes(8);
    return this.le ? b.readDoubleLE(0) : b.readDoubleBE(0);
  }
  async int64(): Promise<number> {
    const b = await this.bytes(8);
    return Number(this.le ? b.readBigInt64LE(0) : b.readBigInt64BE(0));
  }
}

interface RawVariable {
  /** 0 numeric, 1-255 string width. */
  type: number;
  shortName: string;
  labelBytes?: Buffer;
  missingCount: number;
  missing: Buffer[];
  format: number;
  /** First 8-byte slot of the case. */
  slot: number;
  slots: number;
}

interface LogicalVariable {
  name: string;
  label?: string;
  numeric: boolean;
  width: number;
  formatType: number;
  /** Segments (one unless a very long string): slot and bytes used. */
  segments: { slot: number; slots: number; used: number }[];
  missingNumbers: number[];
  missingRange?: [number, number];
  missingStrings: string[];
  valueLabels?: Record<string, string>;
  missingSeen: number;
}

interface Dictionary {
  le: boolean;
  compression: number;
  bias: number;
  cases: number;
  slotsPerCase: number;
  variables: LogicalVariable[];
  dataStart: number;
  zlib: boolean;
  decode: (bytes: Uint8Array) => string;
  encodingNote?: string;
}

function decoderFor(encoding: string | undefined): {
  decode: (b: Uint8Array) => string;
  note?: string;
} {
  const name = (encoding ?? 'windows-1252').toLowerCase();
  if (name === 'utf-8' || name === 'utf8')
    return { decode: (b) => Buffer.from(b).toString('utf8') };
  if (
    name === 'windows-1252' ||
    name === 'cp1252' ||
    name === 'iso-8859-1' ||
    name === 'latin1' ||
    name === 'us-ascii'
  )
    return { decode: (b) => decodeCp1252(b) };
  try {
    const td = new TextDecoder(name);
    return { decode: (b) => td.decode(b) };
  } catch {
    return {
      decode: (b) => decodeCp1252(b),
      note: `text encoded as ${encoding}, which this computer cannot decode, was read as Windows-1252`,
    };
  }
}

const CODEPAGES: Record<number, string> = {
  65001: 'utf-8',
  1252: 'windows-1252',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1253: 'windows-1253',
  1254: 'windows-1254',
  28591: 'iso-8859-1',
  20127: 'us-ascii',
  2: 'us-ascii',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
};

function trimPadding(text: string): string {
  // eslint-disable-next-line no-control-regex -- SPSS pads strings with spaces or NULs
  return text.replace(/[ \u0000]+$/, '');
}

async function readDictionary(reader: Reader, magic: string): Promise<Dictionary> {
  await reader.bytes(4 + 60);
  await reader.int32(); // layout code (already checked)
  const nominalSlots = await reader.int32();
  const compression = await reader.int32();
  await reader.int32(); // weight index
  let cases = await reader.int32();
  const bias = await reader.float64();
  await reader.bytes(9 + 8 + 64 + 3);

  const raw: RawVariable[] = [];
  let slot = 0;
  let pendingLabels: { values: Buffer[]; labels: Buffer[] } | undefined;
  const labelSets: { values: Buffer[]; labels: Buffer[]; slots: number[] }[] = [];
  let longNames: Buffer | undefined;
  let veryLong: Buffer | undefined;
  let encoding: string | undefined;
  let codepage: number | undefined;
  const longStringLabels: Buffer[] = [];

  for (;;) {
    const type = await reader.int32();
    if (type === 2) {
      const width = await reader.int32();
      const hasLabel = await reader.int32();
      const missingCount = await reader.int32();
      const format = await reader.int32();
      await reader.int32(); // write format
      const shortName = (await reader.bytes(8)).toString('latin1').trimEnd();
      let label: Buffer | undefined;
      if (hasLabel === 1) {
        const length = await reader.int32();
        label = await reader.bytes(Math.ceil(length / 4) * 4);
        label = label.subarray(0, length);
      }
      const missing: Buffer[] = [];
      for (let i = 0; i < Math.abs(missingCount); i++)
        missing.push(Buffer.from(await reader.bytes(8)));
      if (width === -1) {
        // Continuation of the previous string: one more 8-byte slot.
        const last = raw[raw.length - 1];
        if (!last) throw new SavFormatError('a string continuation record comes first');
        last.slots++;
        slot++;
        continue;
      }
      if (width < 0 || width > 255)
        throw new SavFormatError(`variable ${shortName} has an invalid width ${width}`);
      raw.push({
        type: width,
        shortName,
        ...(label ? { labelBytes: Buffer.from(label) } : {}),
        missingCount,
        missing,
        format,
        slot,
        slots: 1,
      });
      slot++;
    } else if (type === 3) {
      const count = await reader.int32();
      if (count < 0 || count > 1_000_000)
        throw new SavFormatError('a value label record is damaged');
      const values: Buffer[] = [];
      const labels: Buffer[] = [];
      for (let i = 0; i < count; i++) {
        values.push(Buffer.from(await reader.bytes(8)));
        const length = (await reader.bytes(1))[0]!;
        const padded = Math.ceil((length + 1) / 8) * 8 - 1;
        labels.push(Buffer.from((await reader.bytes(padded)).subarray(0, length)));
      }
      pendingLabels = { values, labels };
    } else if (type === 4) {
      const count = await reader.int32();
      if (count < 0 || count > 1_000_000)
        throw new SavFormatError('a value label record is damaged');
      const slots: number[] = [];
      for (let i = 0; i < count; i++) slots.push((await reader.int32()) - 1);
      if (pendingLabels) labelSets.push({ ...pendingLabels, slots });
      pendingLabels = undefined;
    } else if (type === 6) {
      const lines = await reader.int32();
      await reader.bytes(lines * 80);
    } else if (type === 7) {
      const subtype = await reader.int32();
      const size = await reader.int32();
      const count = await reader.int32();
      const data = Buffer.from(await reader.bytes(size * count));
      if (subtype === 3 && data.length >= 32)
        codepage = reader.le ? data.readInt32LE(28) : data.readInt32BE(28);
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 20) encoding = data.toString('latin1').trim();
      else if (subtype === 21) longStringLabels.push(data);
      else if (subtype === 16 && data.length >= 16) {
        const n = Number(reader.le ? data.readBigInt64LE(8) : data.readBigInt64BE(8));
        if (cases < 0 && n >= 0) cases = n;
      }
    } else if (type === 999) {
      await reader.int32();
      break;
    } else {
      throw new SavFormatError(`an unknown record type ${type} at byte ${reader.pos - 4}`);
    }
  }

  const { decode, note } = decoderFor(
    encoding ?? (codepage !== undefined ? CODEPAGES[codepage] : undefined),
  );
  const decodeLabel = (v: RawVariable) => (v.labelBytes ? trimPadding(decode(v.labelBytes)) : '');

  // Long names (SHORT=Long, tab separated) and very long string widths (SHORT=00300).
  const longName = new Map<string, string>();
  if (longNames)
    for (const pair of decode(longNames).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq > 0) longName.set(pair.slice(0, eq).toUpperCase(), pair.slice(eq + 1));
    }
  const vlsWidth = new Map<string, number>();
  if (veryLong)
    // eslint-disable-next-line no-control-regex -- entries end with NUL TAB
    for (const pair of veryLong.toString('latin1').split(/\u0000?\t/)) {
      const eq = pair.indexOf('=');
      if (eq > 0)
        vlsWidth.set(pair.slice(0, eq).toUpperCase(), Number.parseInt(pair.slice(eq + 1), 10));
    }

  const variables: LogicalVariable[] = [];
  const bySlot = new Map<number, LogicalVariable>();
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]!;
    const fullWidth = vlsWidth.get(v.shortName.toUpperCase());
    const numeric = v.type === 0;
    const logical: LogicalVariable = {
      name: longName.get(v.shortName.toUpperCase()) ?? v.shortName,
      ...(decodeLabel(v) !== '' ? { label: decodeLabel(v) } : {}),
      numeric,
      width: fullWidth ?? v.type,
      formatType: (v.format >> 16) & 0xff,
      segments: [{ slot: v.slot, slots: v.slots, used: numeric ? 8 : v.type }],
      missingNumbers: [],
      missingStrings: [],
      missingSeen: 0,
    };
    if (fullWidth !== undefined && fullWidth >= 256) {
      const count = Math.ceil(fullWidth / 252);
      logical.segments = [];
      for (let s = 0; s < count; s++) {
        const seg = raw[i + s];
        if (!seg) throw new SavFormatError(`very long string ${logical.name} lacks its segments`);
        logical.segments.push({
          slot: seg.slot,
          slots: seg.slots,
          used: Math.max(0, Math.min(fullWidth - 255 * s, 255)),
        });
      }
      i += count - 1;
    }
    if (numeric) {
      const values = v.missing.map((b) => (reader.le ? b.readDoubleLE(0) : b.readDoubleBE(0)));
      if (v.missingCount === -2 || v.missingCount === -3) {
        logical.missingRange = [values[0]!, values[1]!];
        if (v.missingCount === -3) logical.missingNumbers.push(values[2]!);
      } else logical.missingNumbers.push(...values);
    } else {
      logical.missingStrings = v.missing.map((b) => trimPadding(decode(b)));
    }
    variables.push(logical);
    bySlot.set(v.slot, logical);
  }

  for (const set of labelSets) {
    for (const s of set.slots) {
      const variable = bySlot.get(s);
      if (!variable) continue;
      variable.valueLabels ??= {};
      set.values.forEach((value, k) => {
        const key = variable.numeric
          ? formatNumber(reader.le ? value.readDoubleLE(0) : value.readDoubleBE(0))
          : trimPadding(decode(value));
        variable.valueLabels![key] = trimPadding(decode(set.labels[k]!));
      });
    }
  }
  for (const data of longStringLabels) readLongStringLabels(data, reader.le, decode, variables);

  const dataStart = reader.pos;
  const zlib = magic === '$FL3' && compression === 2;
  if (compression === 2 && !zlib)
    throw new SavFormatError('it says zlib compression but is not a .zsav file');
  if (compression !== 0 && compression !== 1 && compression !== 2)
    throw new SavFormatError(`it uses an unknown compression (${compression})`);
  return {
    le: reader.le,
    compression,
    bias,
    cases,
    slotsPerCase: nominalSlots > 0 ? nominalSlots : slot,
    variables,
    dataStart,
    zlib,
    decode,
    ...(note ? { encodingNote: note } : {}),
  };
}

function readLongStringLabels(
  data: Buffer,
  le: boolean,
  decode: (b: Uint8Array) => string,
  variables: LogicalVariable[],
): void {
  let p = 0;
  const int = () => {
    if (p + 4 > data.length)
      throw new SavFormatError('a long string value label record is damaged');
    const v = le ? data.readInt32LE(p) : data.readInt32BE(p);
    p += 4;
    return v;
  };
  const text = (n: number) => {
    if (n < 0 || p + n > data.length)
      throw new SavFormatError('a long string value label record is damaged');
    const b = data.subarray(p, p + n);
    p += n;
    return b;
  };
  while (p < data.length) {
    const name = decode(text(int()));
    int(); // width
    const count = int();
    const variable = variables.find((v) => v.name.toUpperCase() === name.toUpperCase());
    for (let i = 0; i < count; i++) {
      const value = trimPadding(decode(text(int())));
      const label = trimPadding(decode(text(int())));
      if (variable) {
        variable.valueLabels ??= {};
        variable.valueLabels[value] = label;
      }
    }
  }
}

/** Pulls the raw case data: the file itself, or the inflated blocks of a .zsav. */
async function* dataChunks(
  handle: FileHandle,
  dict: Dictionary,
  size: number,
  le: boolean,
): AsyncGenerator<Buffer> {
  if (!dict.zlib) {
    let pos = dict.dataStart;
    while (pos < size) {
      const length = Math.min(4 << 20, size - pos);
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, pos);
      if (bytesRead === 0) return;
      pos += bytesRead;
      yield buf.subarray(0, bytesRead);
    }
    return;
  }
  const header = Buffer.alloc(24);
  await handle.read(header, 0, 24, dict.dataStart);
  const int64 = (b: Buffer, at: number) => Number(le ? b.readBigInt64LE(at) : b.readBigInt64BE(at));
  const int32 = (b: Buffer, at: number) => (le ? b.readInt32LE(at) : b.readInt32BE(at));
  const trailerOffset = int64(header, 8);
  const trailerLength = int64(header, 16);
  if (
    trailerOffset <= 0 ||
    trailerOffset + trailerLength > size ||
    trailerLength < 24 ||
    trailerLength > MAX_RECORD_BYTES
  )
    throw new SavFormatError('its compressed data index is damaged or the file is cut short');
  const trailer = Buffer.alloc(trailerLength);
  await handle.read(trailer, 0, trailerLength, trailerOffset);
  const blocks = int32(trailer, 20);
  if (24 + blocks * 24 > trailerLength)
    throw new SavFormatError('its compressed data index is damaged');
  for (let i = 0; i < blocks; i++) {
    const at = 24 + i * 24;
    const compressedOffset = int64(trailer, at + 8);
    const compressedSize = int32(trailer, at + 20);
    if (
      compressedOffset < 0 ||
      compressedSize < 0 ||
      compressedOffset + compressedSize > size ||
      compressedSize > MAX_RECORD_BYTES
    )
      throw new SavFormatError('a compressed data block lies outside the file');
    const block = Buffer.alloc(compressedSize);
    await handle.read(block, 0, compressedSize, compressedOffset);
    yield inflateSync(block);
  }
}

/** Decodes cases from the (bytecode-compressed or plain) stream of 8-byte elements. */
class CaseStream {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private codes = Buffer.alloc(8);
  private codeIndex = 8;
  private ended = false;
  private exhausted = false;
  constructor(
    private readonly source: AsyncGenerator<Buffer>,
    private readonly dict: Dictionary,
  ) {}

  private async fill(need: number): Promise<void> {
    while (!this.exhausted && this.buf.length - this.pos < need) {
      const next = await this.source.next();
      if (next.done) {
        this.exhausted = true;
        break;
      }
      this.buf = Buffer.concat([this.buf.subarray(this.pos), next.value]);
      this.pos = 0;
    }
  }

  /** The next case as one Buffer of slot elements (8 bytes each), with a missing-number flag per slot; null at the end. */
  async next(): Promise<{ data: Buffer; sysmis: Uint8Array } | null> {
    if (this.ended) return null;
    const slots = this.dict.slotsPerCase;
    await this.fill(this.dict.compression !== 0 ? slots * 9 + 16 : slots * 8);
    const out = Buffer.alloc(slots * 8);
    const sysmis = new Uint8Array(slots);
    if (this.dict.compression === 0) {
      if (this.buf.length - this.pos < slots * 8) {
        if (this.buf.length - this.pos > 0)
          throw new SavFormatError('the last case is incomplete: the file is cut short');
        this.ended = true;
        return null;
      }
      this.buf.copy(out, 0, this.pos, this.pos + slots * 8);
      this.pos += slots * 8;
      return { data: out, sysmis };
    }
    const le = this.dict.le;
    for (let s = 0; s < slots;) {
      if (this.codeIndex === 8) {
        if (this.buf.length - this.pos < 8) {
          if (s === 0) {
            this.ended = true;
            return null;
          }
          throw new SavFormatError('the last case is incomplete: the file is cut short');
        }
        this.buf.copy(this.codes, 0, this.pos, this.pos + 8);
        this.pos += 8;
        this.codeIndex = 0;
      }
      const code = this.codes[this.codeIndex++]!;
      if (code === 0) continue;
      if (code === 252) {
        if (s !== 0) throw new SavFormatError('the data ends in the middle of a case');
        this.ended = true;
        return null;
      }
      if (code === 253) {
        if (this.buf.length - this.pos < 8)
          throw new SavFormatError('the last case is incomplete: the file is cut short');
        this.buf.copy(out, s * 8, this.pos, this.pos + 8);
        this.pos += 8;
      } else if (code === 254) {
        out.fill(0x20, s * 8, s * 8 + 8);
      } else if (code === 255) {
        sysmis[s] = 1;
      } else {
        const value = code - this.dict.bias;
        if (le) out.writeDoubleLE(value, s * 8);
        else out.writeDoubleBE(value, s * 8);
      }
      s++;
    }
    return { data: out, sysmis };
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function spssDate(seconds: number, formatType: number): string {
  if (TIME_FORMATS.has(formatType)) {
    const negative = seconds < 0;
    let s = Math.round(Math.abs(seconds));
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    return `${negative ? '-' : ''}${pad(h)}:${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
  }
  const date = new Date(Math.round((seconds - SPSS_EPOCH_OFFSET) * 1000));
  if (Number.isNaN(date.getTime())) return formatNumber(seconds);
  const iso = date.toISOString();
  if (DATE_FORMATS.has(formatType)) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export async function stageSav(ctx: ReaderContext): Promise<ReaderResult> {
  const { fileName } = ctx;
  const handle = await open(ctx.filePath, 'r');
  let writer: CsvWriter | undefined;
  try {
    const head = Buffer.alloc(176);
    const { bytesRead } = await handle.read(head, 0, 176, 0);
    const magic = head.subarray(0, 4).toString('latin1');
    if (magic !== '$FL2' && magic !== '$FL3')
      throw importError(
        fileName,
        'is not an SPSS .sav file (it does not start with "$FL2"): export it from SPSS again.',
      );
    if (bytesRead < 176)
      throw importError(
        fileName,
        'is cut short: the SPSS file header is incomplete. Copy or export the file again.',
      );
    const layoutLE = head.readInt32LE(64);
    const le = layoutLE === 2 || layoutLE === 3;
    if (!le && ![2, 3].includes(head.readInt32BE(64)))
      throw importError(
        fileName,
        'is damaged: its SPSS header is not readable. Export it from SPSS again.',
      );
    const reader = new Reader(handle, ctx.size, le);
    let dict: Dictionary;
    try {
      dict = await readDictionary(reader, magic);
    } catch (error) {
      if (error instanceof SavFormatError)
        throw importError(
          fileName,
          `is a damaged SPSS file: ${error.message}. Export it from SPSS again.`,
        );
      throw error;
    }
    if (dict.variables.length === 0) throw importError(fileName, 'has no variables.');

    const named = uniqueColumns(dict.variables.map((v) => v.name));
    const columns: SourceColumn[] = named.columns.map((c, i) => {
      const v = dict.variables[i]!;
      return {
        ...c,
        ...(v.label !== undefined ? { label: v.label } : {}),
        ...(v.valueLabels ? { valueLabels: v.valueLabels } : {}),
      };
    });
    const path = stagedPath(ctx, '.csv');
    writer = new CsvWriter(path);
    const stream = new CaseStream(dataChunks(handle, dict, ctx.size, le), dict);
    let n = 0;
    for (;;) {
      let item;
      try {
        item = await stream.next();
      } catch (error) {
        if (error instanceof SavFormatError)
          throw importError(
            fileName,
            `is a damaged SPSS file after case ${n}: ${error.message}. Export it from SPSS again.`,
          );
        throw error;
      }
      if (!item) break;
      n++;
      if (n % 2000 === 0) {
        throwIfAborted(fileName, ctx.options.signal);
        ctx.options.onProgress?.(
          Math.min(ctx.size, Math.round((n / Math.max(dict.cases, n)) * ctx.size)),
          ctx.size,
        );
      }
      const row: string[] = [];
      for (const v of dict.variables)
        row.push(cellValue(v, item.data, item.sysmis, le, dict.decode));
      await writer.writeRow(row);
    }
    await writer.close();
    writer = undefined;
    if (dict.cases >= 0 && n < dict.cases)
      throw importError(
        fileName,
        `is cut short: it should hold ${dict.cases} cases but ends after ${n}. Copy or export the file again.`,
      );

    const warnings: string[] = [];
    if (dict.encodingNote) warnings.push(dict.encodingNote);
    const missing = dict.variables.filter((v) => v.missingSeen > 0);
    if (missing.length > 0)
      warnings.push(
        `values declared missing in SPSS were read as empty: ${listSome(missing.map((v) => `${v.name} (${v.missingSeen})`))}.`,
      );
    ctx.options.onProgress?.(ctx.size, ctx.size);
    return {
      format: 'sav',
      headerShape: 'plain',
      columns,
      relationSql: readCsvSql({
        path,
        skip: 0,
        delimiter: ',',
        quote: '"',
        escape: '"',
        names: columns.map((c) => c.name),
      }),
      firstDataRow: 1,
      warnings,
    };
  } finally {
    writer?.destroy();
    await handle.close();
  }
}

function cellValue(
  v: LogicalVariable,
  data: Buffer,
  sysmis: Uint8Array,
  le: boolean,
  decode: (b: Uint8Array) => string,
): string {
  const first = v.segments[0]!;
  if (v.numeric) {
    if (sysmis[first.slot]) return '';
    const value = le ? data.readDoubleLE(first.slot * 8) : data.readDoubleBE(first.slot * 8);
    if (value === SYSMIS || Number.isNaN(value)) return '';
    if (
      v.missingNumbers.includes(value) ||
      (v.missingRange && value >= v.missingRange[0] && value <= v.missingRange[1])
    ) {
      v.missingSeen++;
      return '';
    }
    if (
      DATE_FORMATS.has(v.formatType) ||
      DATETIME_FORMATS.has(v.formatType) ||
      TIME_FORMATS.has(v.formatType)
    )
      return spssDate(value, v.formatType);
    return formatNumber(value);
  }
  let bytes: Buffer;
  if (v.segments.length === 1) bytes = data.subarray(first.slot * 8, first.slot * 8 + first.used);
  else bytes = Buffer.concat(v.segments.map((s) => data.subarray(s.slot * 8, s.slot * 8 + s.used)));
  const text = trimPadding(decode(bytes));
  if (v.missingStrings.length > 0 && v.missingStrings.includes(text)) {
    v.missingSeen++;
    return '';
  }
  return text;
}
