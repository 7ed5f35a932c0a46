import { randomUUID } from 'node:crypto';
import { copyFile, constants, link, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadOptions, StagedSource } from './types';

/** What every reader gets: the user's file, where to stage, and the caller's options. */
export interface ReaderContext {
  filePath: string;
  fileName: string;
  stagingDir: string;
  size: number;
  options: ReadOptions;
  /** Staged files made so far (removed again if the read fails). */
  files: string[];
}

/** A new file name inside the staging folder; never derived from the user's file name. */
export function stagedPath(ctx: ReaderContext, extension: string): string {
  const path = join(ctx.stagingDir, `source-${randomUUID()}${extension}`);
  ctx.files.push(path);
  return path;
}

/** The fastest faithful copy: a hard link on the same file system, else a (reflink) copy. */
export async function linkOrCopy(ctx: ReaderContext, src: string, dest: string): Promise<void> {
  try {
    await link(src, dest);
  } catch {
    await copyFile(src, dest, constants.COPYFILE_FICLONE);
  }
  ctx.options.onProgress?.(ctx.size, ctx.size);
}

/** Up to `length` bytes from the start of a file. */
export async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** What a reader returns; stageSource adds the list of staged files. */
export type ReaderResult = Omit<StagedSource, 'files'>;
