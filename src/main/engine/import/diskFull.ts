import { UpstreamError } from '../../../shared/result';

/** Whether an error (Node's, or DuckDB's "IO Error ... No space left on device") is a full disk. */
export function isDiskFull(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === 'ENOSPC') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /ENOSPC|No space left on device|disk is full|not enough space on the disk/i.test(message);
}

/** The import's error for a full disk: what ran out, and that nothing was changed. */
export function diskFullError(fileName: string, what: 'staging' | 'workspace'): UpstreamError {
  const where =
    what === 'staging'
      ? 'there was no room to copy it beside the workspace for reading'
      : 'there was no room to write it into the workspace';
  return new UpstreamError(
    'IMPORT_ERROR',
    `${fileName}: not imported, the disk is full (${where}). Free some space on the workspace's disk, or move the workspace to a disk with more room, and import again; the workspace is unchanged.`,
  );
}
