import { open, type FileHandle } from 'node:fs/promises';
import { UTF8_BOM, encodeText, type SampleEncoding } from './textEncoding';

/** null and undefined are written as an empty cell, which the canonical formats read as NULL. */
export type CsvValue = string | number | boolean | null | undefined;

/** How a delimited file is written. The defaults are the canonical format: RFC 4180, UTF-8, LF. */
export interface CsvDialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  encoding: SampleEncoding;
}

export const CANONICAL_DIALECT: CsvDialect = { delimiter: ',', newline: '\n', encoding: 'utf8' };

const NEEDS_QUOTES: Record<CsvDialect['delimiter'], RegExp> = {
  ',': /[",\r\n]/,
  ';': /[";\r\n]/,
  '\t': /["\t\r\n]/,
};
const FLUSH_AT_CHARS = 1 << 20;

export function csvField(value: CsvValue, delimiter: CsvDialect['delimiter'] = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return NEEDS_QUOTES[delimiter].test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(
  values: readonly CsvValue[],
  dialect: Pick<CsvDialect, 'delimiter' | 'newline'> = CANONICAL_DIALECT,
): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += dialect.delimiter;
    line += csvField(values[i], dialect.delimiter);
  }
  return line + dialect.newline;
}

/**
 * Streams CSV rows to a file in bounded chunks. `row` only buffers; callers `await drain()`
 * between batches so large files never sit in memory. Vendor exports with several header rows
 * (Qualtrics, SurveyMonkey) pass them as `headerRows`; the first one fixes the column count.
 */
export class CsvWriter {
  private buffer = '';
  private rowCount = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly columnCount: number,
    private readonly dialect: CsvDialect,
  ) {}

  static async create(
    path: string,
    header: readonly string[],
    dialect: Partial<CsvDialect> = {},
    extraHeaderRows: readonly (readonly CsvValue[])[] = [],
  ): Promise<CsvWriter> {
    const full = { ...CANONICAL_DIALECT, ...dialect };
    const writer = new CsvWriter(await open(path, 'w'), header.length, full);
    if (full.encoding === 'utf8-bom') await writer.handle.write(UTF8_BOM);
    writer.buffer = csvLine(header, full);
    for (const row of extraHeaderRows) {
      writer.checkWidth(row);
      writer.buffer += csvLine(row, full);
    }
    return writer;
  }

  get rows(): number {
    return this.rowCount;
  }

  row(values: readonly CsvValue[]): void {
    this.checkWidth(values);
    this.buffer += csvLine(values, this.dialect);
    this.rowCount++;
  }

  async drain(): Promise<void> {
    if (this.buffer.length >= FLUSH_AT_CHARS) await this.flush();
  }

  /** Flushes and closes; returns the number of data rows written. */
  async close(): Promise<number> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return this.rowCount;
  }

  private checkWidth(values: readonly CsvValue[]): void {
    if (values.length !== this.columnCount) {
      throw new Error(`row has ${values.length} values, header has ${this.columnCount}`);
    }
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    await this.handle.write(encodeText(chunk, this.dialect.encoding));
  }
}
