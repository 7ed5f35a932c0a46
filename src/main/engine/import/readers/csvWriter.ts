import { FileSink } from './fileSink';

/**
 * Writes rows as RFC 4180 CSV (comma, double quotes, LF) for the readers that convert a binary
 * format (XLSX, SPSS) into a staged CSV. Every row has the same number of fields; a one-column
 * row that is empty is written as "" so it is not mistaken for a blank line.
 */
export class CsvWriter {
  private readonly out: FileSink;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string) {
    this.out = new FileSink(path);
  }

  async writeRow(fields: readonly string[]): Promise<void> {
    const line = fields.length === 1 && fields[0] === '' ? '""' : fields.map(csvField).join(',');
    this.buffer.push(line);
    this.size += line.length + 1;
    this.rows++;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    await this.out.write(text);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.out.end();
  }

  destroy(): void {
    this.out.destroy();
  }
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
