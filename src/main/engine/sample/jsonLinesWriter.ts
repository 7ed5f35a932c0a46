import { open, type FileHandle } from 'node:fs/promises';

const FLUSH_AT_CHARS = 1 << 20;

/** Streams one JSON object per line (UTF-8, LF), as an HR tool's API export gives them. */
export class JsonLinesWriter {
  private buffer = '';
  private count = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<JsonLinesWriter> {
    return new JsonLinesWriter(await open(path, 'w'));
  }

  record(value: Record<string, string | number | boolean | null>): void {
    this.buffer += `${JSON.stringify(value)}\n`;
    this.count++;
  }

  async drain(): Promise<void> {
    if (this.buffer.length >= FLUSH_AT_CHARS) await this.flush();
  }

  /** Flushes and closes; returns the number of records written. */
  async close(): Promise<number> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    return this.count;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    await this.handle.write(chunk, null, 'utf8');
  }
}
