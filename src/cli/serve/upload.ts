import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** The default cap on one upload: 2 GiB, above the largest exports the README's figures cover. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

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

/** 2147483648 -> "2 GB", 65536 -> "64 KB", in the binary units that --max-upload-mb counts in. */
export function describeBytes(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${bytes} bytes`;
}

/** An upload over the size limit: the server answers 413 with this message. */
export class UploadTooLarge extends Error {
  constructor(name: string, limit: number) {
    super(
      `${name} is larger than the upload limit of ${describeBytes(limit)}: import it with \`upstream import\`, or start \`upstream serve\` with a larger --max-upload-mb.`,
    );
  }
}

/** Throws UploadTooLarge when the request says up front that its body is over the limit. */
export function checkDeclaredSize(req: IncomingMessage, name: string, maxBytes: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new UploadTooLarge(name, maxBytes);
}

/**
 * Streams an upload (the raw file as the request body) to `path`, counting as it goes, so a
 * chunked body without a length is stopped at the limit too. On any failure (over the limit,
 * the client gone mid-body, a full disk) the partial file is removed before the error is thrown.
 * Going over the limit leaves the request open, so the server can still answer 413.
 */
export async function receiveUpload(
  req: IncomingMessage,
  path: string,
  name: string,
  maxBytes: number,
): Promise<{ bytes: number }> {
  let bytes = 0;
  async function* limited(): AsyncGenerator<Buffer> {
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new UploadTooLarge(name, maxBytes);
      yield chunk;
    }
  }
  try {
    await pipeline(limited, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  if (bytes === 0) {
    rmSync(path, { force: true });
    throw new Error(`${name}: the upload was empty`);
  }
  return { bytes };
}
