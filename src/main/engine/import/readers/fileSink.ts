import { createWriteStream } from 'node:fs';

/**
 * A file written in chunks, with back-pressure, whose failure (ENOSPC on a full disk, above all)
 * rejects the write or end that meets it. A bare write stream reports a failed write only as an
 * 'error' event: awaited through 'drain' it never settles, and a promise on the event rejects with
 * no one listening, which ends the whole process (an `upstream serve` included).
 */
export class FileSink {
  private readonly out;
  private failure: Error | null = null;
  private readonly failed: Promise<never>;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.failed = new Promise<never>((_, reject) => {
      this.out.on('error', (error) => {
        this.failure ??= error;
        reject(this.failure);
      });
    });
    // Observed by every write and end below; the process must never see it as unhandled.
    this.failed.catch(() => undefined);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (chunk.length === 0) return;
    if (this.out.write(chunk)) return;
    await Promise.race([
      new Promise<void>((resolve) => this.out.once('drain', resolve)),
      this.failed,
    ]);
  }

  /** Flushes and closes the file; rejects if any write failed. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    await Promise.race([new Promise<void>((resolve) => this.out.end(resolve)), this.failed]);
    if (this.failure) throw this.failure;
  }

  destroy(): void {
    this.out.destroy();
  }
}
