import { renameSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Makes an empty DuckDB database at `path`, all at once: it is written under another name beside
 * it and renamed into place once complete, so a process killed while creating a workspace
 * leaves either no file at `path` or a database that opens (and that the next open brings to the
 * current schema, in one transaction). DuckDB writing `path` itself could leave it empty or
 * with a partial header, which DuckDB 1.5 refuses to open ("not a valid DuckDB database file"),
 * so the next import into that path would fail. A leftover from a killed creation is replaced.
 */
export async function createWorkspaceFile(path: string): Promise<void> {
  const partial = `${path}.creating`;
  rmSync(partial, { force: true });
  rmSync(`${partial}.wal`, { force: true });
  const instance = await DuckDBInstance.create(partial);
  instance.closeSync();
  renameSync(partial, path);
}
