import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/engine/workspace/schema';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// Pre-aggregated figures beside raw data (the tiny company): they add to the same sums, so a
// roll-up over both is the sum of value x n and n over both; and a workspace made before the
// kind existed gains its table and the reshaped cube when it is opened.

let tiny: TinyWorkspace;
beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

type Row = Record<string, number | string | null>;
const figure = async (unit: string, period: string) =>
  (
    await unitFigures(
      tiny.ws.conn,
      [unit],
      [period],
      ['nps', 'engagement_index', 'avg_hold_seconds', 'interactions'],
    )
  )[0] as Row;

describe('pre-aggregated figures beside raw data', () => {
  it('add value x n and n to the raw sums of the unit and every unit above it, and say so', async () => {
    const before = { c: await figure('C', '2025-Q1'), t4: await figure('T4', '2025-Q1') };
    const path = join(tiny.dir, 'extra.csv');
    writeFileSync(
      path,
      'unit_id,period,metric,value,n\nT4,2025-Q1,NPS,-20,30\nT4,2025-Q1,Engagement,40,6\nT4,2025-Q1,avg_hold_seconds,50,10\n',
    );
    const report = await importFile(tiny.ws, path, { kind: 'preaggregated' });
    expect(report.rowsImported).toBe(3);
    for (const unit of ['c', 't4'] as const) {
      const was = before[unit];
      const now = await figure(unit.toUpperCase(), '2025-Q1');
      const mix = (metric: string, value: number, n: number) => {
        const n0 = Number(was[`${metric}_n`] ?? 0);
        const v0 = (was[metric] as number | null) ?? 0;
        return (v0 * n0 + value * n) / (n0 + n);
      };
      expect(now.nps as number, unit).toBeCloseTo(mix('nps', -20, 30), 9);
      expect(now.nps_n).toBe(Number(was.nps_n) + 30);
      expect(now.engagement_index as number).toBeCloseTo(mix('engagement_index', 40, 6), 9);
      expect(now.avg_hold_seconds as number).toBeCloseTo(mix('avg_hold_seconds', 50, 10), 9);
      // Hold time has its own n; the count of interactions comes from the figure's n.
      expect(now.avg_hold_seconds_n).toBe(Number(was.avg_hold_seconds_n) + 10);
      expect(now.interactions).toBe(Number(was.interactions) + 10);
    }
    expect(report.warnings.join('\n')).toMatch(
      /nps in 2025-Q1 for T4: the workspace already holds customer feedback/,
    );
    expect(report.warnings.join('\n')).toMatch(
      /engagement_index in 2025-Q1 for T4: the workspace already holds survey answers/,
    );
  });
});

describe('a workspace from before pre-aggregated figures', () => {
  it('gains their table and the reshaped cube when opened, with its data kept', async () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.path, 'old.duckdb');
      const db = await DuckDBInstance.create(path);
      const conn = await db.connect();
      for (const m of MIGRATIONS.filter((x) => x.version <= 2)) await conn.run(m.sql);
      await conn.run(`
        INSERT INTO meta VALUES ('schema_version', '2'), ('min_group_size', '5');
        INSERT INTO org_units VALUES ('2025-01-01', 'C', 'Co', NULL, 'company', 'company', NULL, 1),
          ('2025-01-01', 'T1', 'Team', 'C', 'team', 'team', NULL, 1);
        INSERT INTO org_closure VALUES ('2025-01-01', 'C', 'C', 0), ('2025-01-01', 'T1', 'T1', 0),
          ('2025-01-01', 'C', 'T1', 1);
        INSERT INTO hr_metrics VALUES ('T1', '2025-Q1', 20, 2, 30.5, 1);`);
      conn.closeSync();
      db.closeSync();

      const ws = await openWorkspace(path);
      try {
        const version = await queryRows<{ value: string }>(
          ws.conn,
          "SELECT value FROM meta WHERE key = 'schema_version'",
        );
        expect(Number(version[0]!.value)).toBe(CURRENT_SCHEMA_VERSION);
        expect(
          await queryRows(ws.conn, 'SELECT count(*)::INTEGER AS n FROM preaggregated_figures'),
        ).toEqual([{ n: 0 }]);
        const [c] = await unitFigures(ws.conn, ['C'], ['2025-Q1'], ['attrition', 'nps']);
        expect(c).toMatchObject({ attrition: 10, attrition_n: 20, nps: null, nps_n: 0 });
      } finally {
        ws.close();
      }
    } finally {
      temp.remove();
    }
  });
});
