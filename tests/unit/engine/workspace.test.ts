import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/engine/workspace/schema';
import { makeTempDir } from '../../helpers/tempDir';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('workspace', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('creates a workspace at the current schema version and reopens it', async () => {
    const path = join(temp.path, 'w.duckdb');
    const ws = await openWorkspace(path, { create: true });
    const version = await queryOne<{ value: string }>(
      ws.conn,
      "SELECT value FROM meta WHERE key = 'schema_version'",
    );
    expect(Number(version?.value)).toBe(CURRENT_SCHEMA_VERSION);
    expect(await ws.minGroupSize()).toBe(5);
    ws.close();
    const again = await openWorkspace(path);
    const created = await queryOne<{ value: string }>(
      again.conn,
      "SELECT value FROM meta WHERE key = 'created_at'",
    );
    expect(created?.value).toMatch(/^\d{4}-\d\d-\d\dT/);
    again.close();
  });

  it('names the quarter of any date or time as year-Qn, inside the looked-up years and outside', async () => {
    const ws = await openWorkspace(join(temp.path, 'q.duckdb'), { create: true });
    const wrong = await queryOne<{ n: number; sample: string | null }>(
      ws.conn,
      `WITH days AS (
         SELECT CAST(d AS DATE) AS d FROM range(DATE '1968-12-31', DATE '2071-01-02', INTERVAL 1 DAY) t(d)
         UNION ALL SELECT DATE '0001-01-01' UNION ALL SELECT DATE '9999-12-31')
       SELECT count(*) AS n, min(CAST(d AS VARCHAR)) AS sample FROM days
       WHERE period_of(d) IS DISTINCT FROM
             (CAST(year(d) AS VARCHAR) || '-Q' || CAST(((month(d) - 1) // 3) + 1 AS VARCHAR))
          OR period_of(d + INTERVAL 23 HOUR + INTERVAL 59 MINUTE) IS DISTINCT FROM period_of(d)`,
    );
    expect(wrong).toEqual({ n: 0, sample: null });
    ws.close();
  });

  it('refuses a missing workspace unless asked to create one', async () => {
    const path = join(temp.path, 'missing.duckdb');
    await expect(openWorkspace(path)).rejects.toThrow(
      `Workspace not found: ${path}. Create one with: upstream sample --workspace ${path}`,
    );
  });

  it('refuses a file that is not a DuckDB database, and leaves it as it was', async () => {
    const path = join(temp.path, 'notes.duckdb');
    writeFileSync(path, 'these are my meeting notes, not a database\n'.repeat(20));
    const before = sha(path);
    await expect(openWorkspace(path)).rejects.toThrow(
      `${path} is not an Upstream workspace (not a DuckDB database file).`,
    );
    expect(sha(path)).toBe(before);
  });

  it('refuses a DuckDB database that is not an Upstream workspace', async () => {
    const path = join(temp.path, 'other.duckdb');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE sales (id INTEGER)');
    conn.closeSync();
    instance.closeSync();
    await expect(openWorkspace(path)).rejects.toThrow(
      `${path} is a DuckDB database but not an Upstream workspace (it has no meta table). Choose another file.`,
    );
  });

  it('refuses a workspace from a newer schema version without changing it', async () => {
    const path = join(temp.path, 'future.duckdb');
    const ws = await openWorkspace(path, { create: true });
    ws.close();
    // Write the newer version with plain DuckDB, as a future Upstream would have.
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run(
      `UPDATE meta SET value = '${CURRENT_SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`,
    );
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    const before = sha(path);
    await expect(openWorkspace(path)).rejects.toThrow(
      `${path} was written by a newer Upstream (workspace schema ${CURRENT_SCHEMA_VERSION + 1}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Upstream to open it; the file was not changed.`,
    );
    expect(sha(path)).toBe(before);
  });

  it('locks DuckDB down to the workspace folder, without extensions, configuration locked', async () => {
    const outside = makeTempDir();
    writeFileSync(join(outside.path, 'secret.csv'), 'a\n1\n');
    writeFileSync(join(temp.path, 'inside.csv'), 'a\n2\n');
    const ws = await openWorkspace(join(temp.path, 'w.duckdb'), { create: true });
    try {
      const inside = await queryOne<{ a: number }>(
        ws.conn,
        `SELECT a FROM read_csv('${join(temp.path, 'inside.csv')}')`,
      );
      expect(inside?.a).toBe(2);
      await expect(
        ws.conn.run(`SELECT * FROM read_csv('${join(outside.path, 'secret.csv')}')`),
      ).rejects.toThrow(
        /Permission Error: Cannot access file .*secret\.csv.* - file system operations are disabled by configuration/,
      );
      await expect(ws.conn.run('SET enable_external_access = true')).rejects.toThrow(
        'Cannot change configuration option "enable_external_access" - the configuration has been locked',
      );
      await expect(ws.conn.run('INSTALL excel')).rejects.toThrow(/Permission Error/);
      await expect(ws.conn.run("COPY (SELECT 1) TO '/tmp/upstream-escape.csv'")).rejects.toThrow(
        /Permission Error/,
      );
    } finally {
      ws.close();
      outside.remove();
    }
  });
});
