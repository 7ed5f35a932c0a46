import { open } from 'node:fs/promises';

/**
 * A small writer for SPSS system files (.sav), following the documented format (PSPP manual,
 * "System File Format"): little-endian, uncompressed, UTF-8.
 *
 *   record 1    file header (176 bytes)
 *   record 2    one per variable, plus one continuation record per extra 8 bytes of a string
 *   record 3+4  value labels and the variables they apply to
 *   record 7    3 machine integer info, 4 machine floating-point info, 11 display parameters,
 *               13 long variable names, 20 character encoding
 *   record 999  end of the dictionary
 * then every case as 8-byte slots: numbers as IEEE doubles (system-missing = -DBL_MAX), strings
 * space-padded to a multiple of 8 bytes.
 */

export type SavMeasure = 'nominal' | 'ordinal' | 'scale';

/** SPSS print/write format types used here. */
export const SAV_FORMAT = { A: 1, F: 5, DATE: 20 } as const;

export interface SavVariable {
  /** Name as SPSS shows it (up to 64 bytes); the 8-byte short name is derived from it. */
  name: string;
  label?: string;
  /** 0 for numeric, else the string width in bytes (1-255). */
  width: number;
  format: { type: number; width: number; decimals: number };
  /** Discrete user-missing values (numeric variables only, at most 3). */
  missing?: readonly number[];
  measure: SavMeasure;
  /** Display width in characters. */
  columns: number;
}

export interface SavValueLabels {
  /** Numeric variables (by name) sharing these labels. */
  variables: readonly string[];
  labels: readonly (readonly [number, string])[];
}

export interface SavDocument {
  /** Up to 64 bytes. */
  fileLabel: string;
  /** Product string after "@(#) SPSS DATA FILE " (up to 40 bytes). */
  product: string;
  /** Written into the header as the file's creation date and time: fixed for reproducible bytes. */
  created: Date;
  variables: readonly SavVariable[];
  valueLabels: readonly SavValueLabels[];
  /** One array per case, in variable order: numbers, strings, or null for system-missing. */
  cases: readonly (readonly (number | string | null)[])[];
}

export const SYSMIS = -Number.MAX_VALUE;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MEASURE_CODE: Record<SavMeasure, number> = { nominal: 1, ordinal: 2, scale: 3 };

/** Growable little-endian byte buffer. */
class Bytes {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
  int32(value: number): void {
    this.ensure(4);
    this.buffer.writeInt32LE(value, this.length);
    this.length += 4;
  }
  float64(value: number): void {
    this.ensure(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
  }
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  /** Text in exactly `size` bytes: truncated or padded with `pad`. */
  fixed(text: string, size: number, pad = 0x20): void {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > size) throw new RangeError(`"${text}" is longer than ${size} bytes`);
    this.raw(bytes);
    this.ensure(size - bytes.length);
    this.buffer.fill(pad, this.length, this.length + size - bytes.length);
    this.length += size - bytes.length;
  }
  take(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function slotsOf(variable: SavVariable): number {
  return variable.width === 0 ? 1 : Math.ceil(variable.width / 8);
}

function formatCode(format: SavVariable['format']): number {
  return (format.type << 16) | (format.width << 8) | format.decimals;
}

/** Short names: the first 8 bytes of the name in upper case, made unique. */
function shortNames(variables: readonly SavVariable[]): string[] {
  const used = new Set<string>();
  return variables.map((variable) => {
    if (!/^[A-Za-z@][A-Za-z0-9_.@#$]*$/.test(variable.name) || variable.name.length > 64) {
      throw new Error(`"${variable.name}" is not a valid SPSS variable name`);
    }
    const base = variable.name.toUpperCase().slice(0, 8);
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base.slice(0, 8 - String(n).length)}${n}`;
    used.add(name);
    return name;
  });
}

function header(doc: SavDocument, slots: number): Bytes {
  const out = new Bytes();
  const created = doc.created;
  const two = (n: number) => String(n).padStart(2, '0');
  out.fixed('$FL2', 4);
  out.fixed(`@(#) SPSS DATA FILE ${doc.product}`, 60);
  out.int32(2); // layout code: little-endian
  out.int32(slots); // nominal case size
  out.int32(0); // no compression
  out.int32(0); // no weight variable
  out.int32(doc.cases.length);
  out.float64(100); // compression bias (unused when uncompressed)
  out.fixed(
    `${two(created.getUTCDate())} ${MONTHS[created.getUTCMonth()]} ${two(created.getUTCFullYear() % 100)}`,
    9,
  );
  out.fixed(
    `${two(created.getUTCHours())}:${two(created.getUTCMinutes())}:${two(created.getUTCSeconds())}`,
    8,
  );
  out.fixed(doc.fileLabel, 64);
  out.fixed('', 3, 0);
  return out;
}

function variableRecords(out: Bytes, variables: readonly SavVariable[], names: string[]): void {
  variables.forEach((variable, v) => {
    const label = variable.label === undefined ? null : Buffer.from(variable.label, 'utf8');
    if (label && label.length > 255) throw new RangeError(`label of ${variable.name} is too long`);
    const missing = variable.missing ?? [];
    if (missing.length > 3 || (missing.length > 0 && variable.width !== 0)) {
      throw new Error(`${variable.name}: up to 3 missing values, numeric variables only`);
    }
    out.int32(2);
    out.int32(variable.width);
    out.int32(label ? 1 : 0);
    out.int32(missing.length);
    out.int32(formatCode(variable.format));
    out.int32(formatCode(variable.format));
    out.fixed(names[v] as string, 8);
    if (label) {
      out.int32(label.length);
      out.raw(label);
      out.fixed('', (4 - (label.length % 4)) % 4, 0x20);
    }
    for (const value of missing) out.float64(value);
    for (let extra = 1; extra < slotsOf(variable); extra++) {
      out.int32(2);
      out.int32(-1);
      out.int32(0);
      out.int32(0);
      out.int32(0);
      out.int32(0);
      out.fixed('', 8);
    }
  });
}

function valueLabelRecords(
  out: Bytes,
  doc: SavDocument,
  firstSlot: Map<string, number>,
  numeric: Set<string>,
): void {
  for (const set of doc.valueLabels) {
    out.int32(3);
    out.int32(set.labels.length);
    for (const [value, text] of set.labels) {
      const label = Buffer.from(text, 'utf8');
      if (label.length > 120) throw new RangeError(`value label "${text}" is too long`);
      out.float64(value);
      out.raw(Uint8Array.of(label.length));
      out.raw(label);
      out.fixed('', (8 - ((label.length + 1) % 8)) % 8, 0x20);
    }
    out.int32(4);
    out.int32(set.variables.length);
    for (const name of set.variables) {
      const slot = firstSlot.get(name);
      if (slot === undefined || !numeric.has(name)) {
        throw new Error(`value labels for ${name}, which is not a numeric variable`);
      }
      out.int32(slot + 1);
    }
  }
}

function extensionRecord(out: Bytes, subtype: number, size: number, data: Bytes | Buffer): void {
  const bytes = data instanceof Bytes ? data.take() : data;
  out.int32(7);
  out.int32(subtype);
  out.int32(size);
  out.int32(bytes.length / size);
  out.raw(bytes);
}

function extensionRecords(out: Bytes, doc: SavDocument, names: string[]): void {
  const integers = new Bytes();
  // version 1.0.0, machine code -1, IEEE 754 floats, compression code 1, little-endian, UTF-8.
  for (const value of [1, 0, 0, -1, 1, 1, 2, 65001]) integers.int32(value);
  extensionRecord(out, 3, 4, integers);

  const floats = new Bytes();
  floats.float64(SYSMIS);
  floats.float64(Number.MAX_VALUE);
  const lowest = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff]);
  floats.raw(lowest);
  extensionRecord(out, 4, 8, floats);

  const display = new Bytes();
  for (const variable of doc.variables) {
    display.int32(MEASURE_CODE[variable.measure]);
    display.int32(variable.columns);
    display.int32(variable.width === 0 ? 1 : 0); // numbers right-aligned, text left
  }
  extensionRecord(out, 11, 4, display);

  const longNames = doc.variables.map((variable, v) => `${names[v]}=${variable.name}`).join('\t');
  extensionRecord(out, 13, 1, Buffer.from(longNames, 'utf8'));
  extensionRecord(out, 20, 1, Buffer.from('UTF-8', 'latin1'));
}

function caseRecords(out: Bytes, doc: SavDocument): void {
  const widths = doc.variables.map((variable) => variable.width);
  for (const values of doc.cases) {
    if (values.length !== widths.length) {
      throw new Error(`a case has ${values.length} values for ${widths.length} variables`);
    }
    values.forEach((value, v) => {
      const width = widths[v] as number;
      if (width === 0) {
        if (value !== null && typeof value !== 'number')
          throw new Error(`text in a numeric variable`);
        out.float64(value ?? SYSMIS);
      } else {
        if (typeof value === 'number') throw new Error(`a number in a string variable`);
        const text = value ?? '';
        if (Buffer.byteLength(text, 'utf8') > width) {
          throw new RangeError(
            `"${text}" is wider than ${doc.variables[v]?.name}'s ${width} bytes`,
          );
        }
        out.fixed(text, Math.ceil(width / 8) * 8);
      }
    });
  }
}

/** The bytes of a .sav file; throws on anything the format cannot hold. */
export function savBytes(doc: SavDocument): Buffer {
  const names = shortNames(doc.variables);
  const firstSlot = new Map<string, number>();
  const numeric = new Set<string>();
  let slots = 0;
  doc.variables.forEach((variable) => {
    if (variable.width < 0 || variable.width > 255) {
      throw new RangeError(`${variable.name}: string width ${variable.width} is not 0-255`);
    }
    firstSlot.set(variable.name, slots);
    if (variable.width === 0) numeric.add(variable.name);
    slots += slotsOf(variable);
  });
  const out = header(doc, slots);
  variableRecords(out, doc.variables, names);
  valueLabelRecords(out, doc, firstSlot, numeric);
  extensionRecords(out, doc, names);
  out.int32(999);
  out.int32(0);
  caseRecords(out, doc);
  return out.take();
}

export async function writeSav(path: string, doc: SavDocument): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.write(savBytes(doc));
  } finally {
    await handle.close();
  }
}
