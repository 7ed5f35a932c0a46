import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';
import { COMMIT_BY_CHECKPOINT } from '../db/commitByCheckpoint';
import { inTransaction, queryOne } from '../db/query';
import { createWorkspaceFile } from './createWorkspaceFile';
import { isInvalidated } from '../db/invalidated';
import { lockDown } from './lockdown';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './schema';
import { assertWorkspaceFile, describeOpenFailure } from './workspaceFile';

import { DEFAULT_MIN_GROUP_SIZE, minGroupSizeOf } from './settings';

export { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from './settings';

export interface Workspace {
  readonly path: string;
  readonly conn: DuckDBConnection;
  /** Folder beside the workspace file where imports stage their copy of a source file. */
  readonly stagingDir: string;
  minGroupSize(): Promise<number>;
  /**
   * DuckDB gives up on a database whose commit failed while writing it (a full disk), though
   * the file still holds its last commit: reopened, the workspace works again. Returns whether
   * it had to (temporary tables and views are then gone).
   */
  reopenIfLost(): Promise<boolean>;
  close(): void;
}

export interface OpenOptions {
  /** Create the file when it does not exist (sample, import). Otherwise a missing file is an error. */
  create?: boolean;
  /**
   * Open it only to read what it recorded (a rebuild's source): the file is never written, not
   * even to bring an older schema up to date, so only tables every schema has may be read.
   */
  readOnly?: boolean;
}

export async function openWorkspace(
  rawPath: string,
  options: OpenOptions = {},
): Promise<Workspace> {
  const path = resolve(rawPath);
  if (!existsSync(path)) {
    if (!options.create) {
      throw new UpstreamError(
        'WORKSPACE_ERROR',
        `Workspace not found: ${path}. Create one with: upstream sample --workspace ${path}`,
      );
    }
    mkdirSync(dirname(path), { recursive: true });
    try {
      await createWorkspaceFile(path);
    } catch (error) {
      throw describeOpenFailure(path, error);
    }
  } else {
    assertWorkspaceFile(path);
  }

  let open = await connect(path, options);
  return {
    path,
    get conn() {
      return open.conn;
    },
    stagingDir: `${path}.staging`,
    minGroupSize: () => minGroupSizeOf(open.conn),
    async reopenIfLost() {
      if (!(await isInvalidated(open.conn))) return false;
      open.conn.closeSync();
      open.instance.closeSync();
      open = await connect(path, options);
      return true;
    },
    close() {
      open.conn.closeSync();
      open.instance.closeSync();
    },
  };
}

async function connect(
  path: string,
  options: OpenOptions,
): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      ...COMMIT_BY_CHECKPOINT,
      ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    });
  } catch (error) {
    throw describeOpenFailure(path, error);
  }
  const conn = await instance.connect();
  try {
    await migrate(conn, path, { write: !options.readOnly });
    await lockDown(conn, dirname(path));
  } catch (error) {
    conn.closeSync();
    instance.closeSync();
    throw error;
  }
  return { instance, conn };
}

async function currentVersion(conn: DuckDBConnection): Promise<number> {
  const table = await queryOne(
    conn,
    "SELECT 1 AS present FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'meta'",
  );
  if (!table) {
    const other = await queryOne<{ n: number }>(
      conn,
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main'",
    );
    if ((other?.n ?? 0) > 0) return -1;
    return 0;
  }
  const row = await queryOne<{ value: string }>(
    conn,
    "SELECT value FROM meta WHERE key = 'schema_version'",
  );
  return Number(row?.value ?? 0);
}

async function migrate(
  conn: DuckDBConnection,
  path: string,
  options: { write: boolean },
): Promise<void> {
  const version = await currentVersion(conn);
  if (version === -1) {
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} is a DuckDB database but not an Upstream workspace (it has no meta table). Choose another file.`,
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new UpstreamError(
      'WORKSPACE_ERROR',
      `${path} was written by a newer Upstream (workspace schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Upstream to open it; the file was not changed.`,
    );
  }
  if (version === CURRENT_SCHEMA_VERSION || !options.write) return;
  await inTransaction(conn, async () => {
    const pending = MIGRATIONS.filter((m) => m.version > version);
    for (const migration of pending) await conn.run(migration.sql);
    // Derived tables are filled once the whole schema exists (they read the latest tables).
    if (version > 0) for (const migration of pending) await migration.populate?.(conn);
    const now = new Date().toISOString();
    await conn.run(
      `INSERT INTO meta VALUES ('created_at', $now), ('min_group_size', $min) ON CONFLICT (key) DO NOTHING`,
      { now, min: String(DEFAULT_MIN_GROUP_SIZE) },
    );
    await conn.run(
      `INSERT INTO meta VALUES ('schema_version', $v), ('updated_at', $now)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      { v: String(CURRENT_SCHEMA_VERSION), now },
    );
  });
}
