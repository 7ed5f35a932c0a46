import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UpstreamError } from '../../../shared/result';

/**
 * Writes a file whole or not at all: the bytes go to a temporary name beside the target, are
 * flushed to disk, then renamed over it. A failure leaves the existing file as it was and no
 * temporary file behind, and says which path failed and what to do.
 */
export function safeWriteFile(target: string, bytes: Uint8Array): void {
  const path = resolve(target);
  const folder = dirname(path);
  checkTarget(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw writeError(path, error);
  }
}

/** Throws the error a write to `path` would meet for a missing folder or a folder in the way. */
export function checkTarget(target: string): void {
  const path = resolve(target);
  const folder = dirname(path);
  const folderStat = statOrNull(folder);
  if (!folderStat) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Cannot write ${path}: the folder ${folder} does not exist. Create it or choose another folder.`,
    );
  }
  if (!folderStat.isDirectory()) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Cannot write ${path}: ${folder} is a file, not a folder. Choose a path inside a folder.`,
    );
  }
  if (statOrNull(path)?.isDirectory()) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `Cannot write ${path}: it is a folder. Give a file name inside it, such as ${join(path, 'export')}.`,
    );
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writeError(path: string, error: unknown): UpstreamError {
  const code = (error as NodeJS.ErrnoException).code;
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full. Free some space or choose another drive; the existing file was not changed.'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'this folder cannot be written to. Choose a folder you can write to; the existing file was not changed.'
        : code === 'EISDIR'
          ? 'it is a folder. Give a file name inside it.'
          : code === 'ENOTDIR' || code === 'ENOENT'
            ? 'its folder does not exist. Create it or choose another folder.'
            : `${(error as Error).message}. The existing file was not changed.`;
  return new UpstreamError('INVALID_ARGUMENTS', `Cannot write ${path}: ${advice}`, {
    cause: error,
  });
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME = 100;

/**
 * A file name made from a story title that Windows, macOS and Linux all accept: no <>:"/\|?* or
 * control characters, not a reserved device name (CON, NUL, COM1...), no trailing dot or space,
 * at most 100 characters; 'export' when nothing is left.
 */
export function safeFileName(title: string): string {
  let name = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  name = Array.from(name).slice(0, MAX_NAME).join('');
  name = name.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!name) return 'export';
  if (RESERVED.test(name)) name = `_${name}`;
  return name;
}
