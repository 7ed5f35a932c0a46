import { UpstreamError } from '../../../shared/result';

/** Whether an error is the file system refusing a write (permissions, a read-only disk). */
export function isNotWritable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/** The import's error when the workspace's folder refuses the files an import writes beside it. */
export function folderNotWritable(fileName: string, folder: string): UpstreamError {
  return new UpstreamError(
    'IMPORT_ERROR',
    `${fileName}: not imported, the workspace folder ${folder} is not writable (Upstream writes beside the workspace while it imports). Move the workspace to a folder you can write to, or ask for write access to this one; the workspace is unchanged.`,
  );
}
