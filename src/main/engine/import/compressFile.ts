import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';

/**
 * The copy of a source kept inside the workspace: gzip at the fastest level, streamed, so a large
 * export costs a fraction of a second per 100 MB and never sits in memory uncompressed.
 */
export async function compressFile(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const gzip = createReadStream(path).pipe(createGzip({ level: 1 }));
  for await (const chunk of gzip) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
