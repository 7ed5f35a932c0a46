import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/engine/workspace/schema';
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

  it('keeps the event rows of an older workspace when it rebuilds their tables with declared compression', async () => {
    const path = join(temp.path, 'v4.duckdb');
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) await conn.run(m.sql);
    await conn.run(`
      INSERT INTO meta VALUES ('schema_version', '4'), ('min_group_size', '5');
      INSERT INTO customer_feedback VALUES
        ('R1', TIMESTAMP '2025-07-03 10:00:00', '2025-Q3', 'S-A', 'web', 9, 5, 7, 'Kind', 1),
        ('R2', TIMESTAMP '2025-08-03 11:00:00', '2025-Q3', 'S-B', NULL, NULL, 2, NULL, NULL, 1);
      INSERT INTO contact_interactions VALUES ('I1', 'Q-A', 'ag1', TIMESTAMP '2025-07-01 09:00:00',
        '2025-Q3', 'billing', 60, 5, 10, 75, false, true, 2);
      INSERT INTO recognition_events VALUES ('E1', 'T1', DATE '2025-07-02', '2025-Q3', 'peer', 3);`);
    conn.closeSync();
    db.closeSync();

    const ws = await openWorkspace(path);
    const rows = await queryRows(
      ws.conn,
      `SELECT (SELECT list(response_id || '/' || coalesce(channel, '-') || '/' || coalesce(nps, -1)
                 ORDER BY response_id) FROM customer_feedback) AS feedback,
              (SELECT list(interaction_id || '/' || ivr_reason || '/' || handle_seconds)
                 FROM contact_interactions) AS calls,
              (SELECT list(event_id || '/' || programme) FROM recognition_events) AS events`,
    );
    expect(rows).toEqual([
      { feedback: ['R1/web/9', 'R2/-/-1'], calls: ['I1/billing/75'], events: ['E1/peer'] },
    ]);
    // Values for which DuckDB would choose otherwise (few ids, all codes distinct): the declared
    // methods hold.
    await ws.conn.run(`INSERT INTO customer_feedback SELECT 'X' || (i % 5), TIMESTAMP '2025-07-03',
      '2025-Q3', 'S-' || md5(i::VARCHAR), 'web', i % 11, NULL, NULL, NULL, 9 FROM range(200000) t(i)`);
    await ws.conn.run('CHECKPOINT');
    const methods = await queryRows<{ column_name: string; methods: string[] }>(
      ws.conn,
      `SELECT column_name, list(DISTINCT compression ORDER BY compression) AS methods
       FROM pragma_storage_info('customer_feedback')
       WHERE segment_type = 'VARCHAR' AND column_name IN ('response_id', 'cx_code', 'period')
       GROUP BY column_name ORDER BY column_name`,
    );
    expect(methods).toEqual([
      { column_name: 'cx_code', methods: ['Dictionary'] },
      { column_name: 'period', methods: ['Dictionary'] },
      { column_name: 'response_id', methods: ['FSST'] },
    ]);
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
