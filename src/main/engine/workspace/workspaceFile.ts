import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UpstreamError } from '../../../shared/result';

const DUCKDB_MAGIC = 'DUCK';
const MAGIC_AT = 8;

function whatItIs(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A name for a new workspace beside `path` that is not `path` itself. */
function newWorkspaceName(path: string): string {
  const stem = basename(path, extname(path));
  const plain = join(dirname(path), `${stem}.duckdb`);
  return plain === path ? join(dirname(path), `${stem}-workspace.duckdb`) : plain;
}

/**
 * Refuses an existing path that cannot be a workspace: a folder, anything that is not a regular
 * file (a FIFO is never opened: reading one waits for a writer forever), or a file without
 * DuckDB's magic bytes. Only the header is read, so a workspace of any size is checked at once.
 */
export function assertWorkspaceFile(path: string): void {
  const info = statSync(path);
  if (info.isDirectory())
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is a folder, not a workspace file: name a .duckdb file, e.g. ${join(path, 'workspace.duckdb')}`,
    );
  if (!info.isFile())
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is ${whatItIs(info)}, not a workspace file: name a .duckdb file.`,
    );
  if (info.size === 0) return; // an empty file: DuckDB initialises it
  const header = Buffer.alloc(MAGIC_AT + DUCKDB_MAGIC.length);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length || header.toString('latin1', MAGIC_AT) !== DUCKDB_MAGIC)
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is not an Upstream workspace (not a DuckDB database file). Open a .duckdb workspace, or create one with: upstream sample --workspace ${newWorkspaceName(path)}`,
    );
}

/**
 * Why DuckDB would not open the file, in words that send the user the right way: only DuckDB's
 * own lock error means another process has it open.
 */
export function describeOpenFailure(path: string, error: unknown): UpstreamError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock on file/.test(message))
    return new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is open in another Upstream process (the app or "upstream serve"). Close it there first.`,
    );
  if (/Corrupt database file/i.test(message))
    return new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is damaged and cannot be opened (${message.split('\n')[0]}). Open a backup copy of the workspace, or create a new one and import the source files again; the file was not changed.`,
    );
  return new UpstreamError('WORKSPACE_ERROR', `Cannot open workspace ${path}: ${message}`);
}
