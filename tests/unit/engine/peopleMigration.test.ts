import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { MIGRATIONS } from '../../../src/main/engine/workspace/schema';
import { makeTempDir } from '../../helpers/tempDir';

// Schema 8: hr_metrics.absence_days may be NULL (a people roster without absence gives no
// absence figure). An older workspace keeps its HR rows and takes NULL afterwards.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('upstream-people-migration-');
});
afterEach(() => temp.remove());

describe('schema 8', () => {
  it('keeps the HR rows of a version 7 workspace and lets absence be NULL', async () => {
    const path = join(temp.path, 'v7.duckdb');
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    for (const m of MIGRATIONS.filter((x) => x.version <= 7)) await conn.run(m.sql);
    await conn.run(`INSERT INTO meta VALUES ('schema_version', '7'), ('min_group_size', '5');
      INSERT INTO hr_metrics VALUES ('T1', '2025-Q3', 12, 1, 20.5, 1);`);
    await expect(
      conn.run("INSERT INTO hr_metrics VALUES ('T2', '2025-Q3', 9, 0, NULL, 1)"),
    ).rejects.toThrow(/NOT NULL/);
    conn.closeSync();
    db.closeSync();

    const ws = await openWorkspace(path);
    await ws.conn.run("INSERT INTO hr_metrics VALUES ('T2', '2025-Q3', 9, 0, NULL, 2)");
    expect(
      await queryRows(
        ws.conn,
        'SELECT unit_id, headcount, absence_days FROM hr_metrics ORDER BY unit_id',
      ),
    ).toEqual([
      { unit_id: 'T1', headcount: 12, absence_days: 20.5 },
      { unit_id: 'T2', headcount: 9, absence_days: null },
    ]);
    ws.close();
  });
});
