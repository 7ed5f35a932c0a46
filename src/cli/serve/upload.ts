import { createWriteStream, mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** A file name as the user's browser sent it, reduced to a safe base name. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters and the characters Windows forbids in file names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned || 'upload';
}

/**
 * Streams an upload (the raw file as the request body) into a new private temp folder, under
 * the user's file name so reports name it as they know it. The engine then imports it like any
 * file the user picked: the renderer never names a path on this machine.
 */
export async function receiveUpload(
  req: IncomingMessage,
  rawName: string,
): Promise<{ path: string; name: string; bytes: number }> {
  const name = safeFileName(rawName);
  const path = join(mkdtempSync(join(tmpdir(), 'upstream-upload-')), name);
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(req, createWriteStream(path, { mode: 0o600 }));
  if (bytes === 0) throw new Error(`${name}: the upload was empty`);
  return { path, name, bytes };
}
