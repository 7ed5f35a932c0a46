import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

export interface SourceCopy {
  /** The file's SHA-256 (hex) and, when asked for, its gzip copy. */
  result: Promise<{ sha256: string; gzip: Buffer | null }>;
  /** Stops reading (the import failed or was cancelled); `result` then rejects. */
  abort(): void;
}

/**
 * Reads the user's file once, hashing it and compressing the copy the workspace keeps (gzip at
 * the fastest level). It runs while DuckDB imports the same file: hashing is cheap, and zlib
 * compresses on libuv's thread pool, so the two overlap instead of adding up. The copy is held
 * in memory compressed (about a quarter of a CSV's size), never uncompressed.
 */
export function startSourceCopy(
  path: string,
  options: { gzip: boolean; knownSha256?: string },
): SourceCopy {
  const controller = new AbortController();
  const result = (async () => {
    const hash = options.knownSha256 === undefined ? createHash('sha256') : null;
    if (!hash && !options.gzip) return { sha256: options.knownSha256!, gzip: null };
    const gzip = options.gzip ? createGzip({ level: 1 }) : null;
    controller.signal.addEventListener('abort', () => gzip?.destroy());
    const chunks: Buffer[] = [];
    gzip?.on('data', (chunk: Buffer) => chunks.push(chunk));
    const gzipped = gzip
      ? new Promise<void>((resolve, reject) => {
          gzip.on('end', resolve);
          gzip.on('error', reject);
          gzip.on('close', () => reject(new Error('the copy was stopped')));
        })
      : null;
    // Awaited below once the file is read; until then a failure must not go unobserved.
    gzipped?.catch(() => undefined);
    const stream = createReadStream(path, {
      highWaterMark: 1024 * 1024,
      signal: controller.signal,
    });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      if (gzip && !gzip.write(chunk)) await once(gzip, 'drain', { signal: controller.signal });
    }
    gzip?.end();
    await gzipped;
    return {
      sha256: hash ? hash.digest('hex') : options.knownSha256!,
      gzip: gzip ? Buffer.concat(chunks) : null,
    };
  })();
  // Awaited by the import when it needs the hash; a failed import never asks.
  result.catch(() => undefined);
  return {
    result,
    abort() {
      controller.abort();
    },
  };
}
