import { open, type FileHandle } from 'node:fs/promises';

/** null and undefined are written as an empty cell, which the canonical formats read as NULL. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FLUSH_AT_CHARS = 1 << 20;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to CSV`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i]);
  }
  return line + '\n';
}

/**
 * Streams CSV rows to a file in bounded chunks. `row` only buffers; callers `await drain()`
 * between batches so large files never sit in memory.
 */
export class CsvWriter {
  private buffer = '';
  private rowCount = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly columnCount: number,
  ) {}

  static async create(path: string, header: readonly string[]): Promise<CsvWriter> {
    const writer = new CsvWriter(await open(path, 'w'), header.length);
    writer.buffer = csvLine(header);
    return writer;
  }

  get rows(): number {
    return this.rowCount;
  }

  row(values: readonly CsvValue[]): void {
    if (values.length !== this.columnCount) {
      throw new Error(`row has ${values.length} values, header has ${this.columnCount}`);
    }
    this.buffer += csvLine(values);
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

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    await this.handle.write(chunk, null, 'utf8');
  }
}
