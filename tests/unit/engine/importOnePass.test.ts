import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/**
 * Files whose rows all pass are written in one pass; anything else is imported again keeping its
 * failing rows. These are the cases where the one pass must give way, and what it must still do.
 */
const checked = vi.hoisted(() => ({ calls: 0, split: 0 }));
vi.mock('../../../src/main/engine/import/checkedImport', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../src/main/engine/import/checkedImport')>();
  return {
    ...actual,
    checkedImport: (...args: Parameters<typeof actual.checkedImport>) => {
      checked.calls++;
      return actual.checkedImport(...args);
    },
  };
});

vi.mock('../../../src/main/engine/import/splitImport', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../src/main/engine/import/splitImport')>();
  return {
    ...actual,
    splitImport: (...args: Parameters<typeof actual.splitImport>) => {
      checked.split++;
      return actual.splitImport(...args);
    },
  };
});

const HEADER = 'response_id,responded_at,cx_code,nps';
const row = (id: string, nps: number | string = 9) => `${id},2025-07-03 10:00:00,S-A,${nps}`;

describe('one-pass import', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  const write = (name: string, lines: string[] | Buffer) => {
    const path = join(t.dir, name);
    writeFileSync(path, Array.isArray(lines) ? `${lines.join('\n')}\n` : lines);
    return path;
  };
  const quarantined = () =>
    queryRows<{ row_number: number; column_name: string; rule: string }>(
      t.ws.conn,
      `SELECT row_number, column_name, rule FROM quarantine
       WHERE source_id = (SELECT max(source_id) FROM sources) ORDER BY row_number`,
    );
  const feedback = (where = 'true') =>
    queryRows<{ response_id: string; nps: number }>(
      t.ws.conn,
      `SELECT response_id, nps FROM customer_feedback WHERE ${where} ORDER BY response_id`,
    );

  it('a clean file is written in one pass; a file with failing rows keeps only those aside', async () => {
    checked.calls = 0;
    checked.split = 0;
    const path = write('cx_clean.csv', [HEADER, row('Z1'), row('Z2')]);
    expect(await importFile(t.ws, path, { kind: 'customer_feedback' })).toMatchObject({
      rowsImported: 2,
    });
    expect(checked.calls + checked.split).toBe(0);
    await importFile(t.ws, write('cx_dirty.csv', [HEADER, row('Z3'), row('Z4', 12)]), {
      kind: 'customer_feedback',
    });
    expect(checked.split).toBe(1);
    expect(checked.calls).toBe(0);
  });

  it('a repeated key keeps the first row and quarantines the later one with its row number', async () => {
    const path = write('cx_repeat.csv', [HEADER, row('A1'), row('A2'), row('A1', 3), row('A3')]);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsQuarantined: 1 });
    expect(report.reasons).toEqual({ 'response_id: duplicate': 1 });
    expect(await quarantined()).toEqual([
      { row_number: 4, column_name: 'response_id', rule: 'duplicate' },
    ]);
    expect(await feedback("response_id LIKE 'A%'")).toEqual([
      { response_id: 'A1', nps: 9 },
      { response_id: 'A2', nps: 9 },
      { response_id: 'A3', nps: 9 },
    ]);
  });

  it('failing rows and repeated keys together: each kept aside once, as the file had it', async () => {
    const path = write('cx_both.csv', [
      'Response ID,Date,Store,NPS',
      'G1,2025-07-03 10:00:00,S-A,9',
      'G2,2025-07-03 10:00:00,S-A,12',
      'G1,2025-07-04 10:00:00,S-A,5',
      'G2,2025-07-05 10:00:00,S-A,4',
      'G1,2025-07-06 10:00:00,S-A,1',
      'G3,not a date,S-A,4',
    ]);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ rowsRead: 6, rowsImported: 2, rowsQuarantined: 4 });
    expect(report.reasons).toEqual({
      'nps: outside the scale': 1,
      'response_id: duplicate': 2,
      'responded_at: not a date and time (YYYY-MM-DD HH:MM:SS)': 1,
    });
    expect(await quarantined()).toEqual([
      { row_number: 3, column_name: 'nps', rule: 'outside the scale' },
      { row_number: 4, column_name: 'response_id', rule: 'duplicate' },
      { row_number: 6, column_name: 'response_id', rule: 'duplicate' },
      {
        row_number: 7,
        column_name: 'responded_at',
        rule: 'not a date and time (YYYY-MM-DD HH:MM:SS)',
      },
    ]);
    const [raw] = await queryRows<{ raw_json: string }>(
      t.ws.conn,
      `SELECT raw_json FROM quarantine WHERE source_id = (SELECT max(source_id) FROM sources)
       ORDER BY row_number LIMIT 1`,
    );
    expect(JSON.parse(raw!.raw_json)).toMatchObject({
      'Response ID': 'G2',
      Date: '2025-07-03 10:00:00',
      NPS: '12',
    });
    expect(await feedback("response_id LIKE 'G%'")).toEqual([
      { response_id: 'G1', nps: 9 },
      { response_id: 'G2', nps: 4 },
    ]);
  });

  it('a corrected re-export replaces the responses it repeats and keeps the others', async () => {
    checked.calls = 0;
    await importFile(t.ws, write('cx_july.csv', [HEADER, row('B1', 1), row('B2', 2)]), {
      kind: 'customer_feedback',
    });
    const report = await importFile(
      t.ws,
      write('cx_july_fixed.csv', [HEADER, row('B2', 7), row('B3', 8)]),
      { kind: 'customer_feedback' },
    );
    expect(report).toMatchObject({ rowsImported: 2, rowsQuarantined: 0 });
    expect(await feedback("response_id LIKE 'B%'")).toEqual([
      { response_id: 'B1', nps: 1 },
      { response_id: 'B2', nps: 7 },
      { response_id: 'B3', nps: 8 },
    ]);
    expect(checked.calls).toBe(0);
  });

  it('a key of two columns (unit and period) replaces the same unit and period', async () => {
    checked.calls = 0;
    const hr = (lines: string[]) => ['unit_id,period,headcount,leavers,absence_days', ...lines];
    await importFile(t.ws, write('hr_a.csv', hr(['T1,2026-Q1,10,1,2.5', 'T2,2026-Q1,8,0,1'])), {
      kind: 'hr_metrics',
    });
    await importFile(t.ws, write('hr_b.csv', hr(['T1,2026-Q1,11,2,3', 'T1,2026-Q2,12,0,0'])), {
      kind: 'hr_metrics',
    });
    expect(
      await queryRows(
        t.ws.conn,
        "SELECT unit_id, period, headcount FROM hr_metrics WHERE period >= '2026' ORDER BY ALL",
      ),
    ).toEqual([
      { unit_id: 'T1', period: '2026-Q1', headcount: 11 },
      { unit_id: 'T1', period: '2026-Q2', headcount: 12 },
      { unit_id: 'T2', period: '2026-Q1', headcount: 8 },
    ]);
    expect(checked.calls).toBe(0);
  });

  it('a line in another encoding is read as Windows-1252, and said', async () => {
    const text = Buffer.concat([
      Buffer.from(`${HEADER},comment\n${row('C1')},caf\u00e9\n`),
      Buffer.from(`${row('C2')},caf\xe9\n`, 'latin1'),
    ]);
    const report = await importFile(t.ws, write('cx_mixed.csv', text), {
      kind: 'customer_feedback',
    });
    expect(report).toMatchObject({ rowsImported: 2, rowsQuarantined: 0 });
    expect(report.warnings.some((w) => /not valid UTF-8 \(the first on line 3\)/.test(w))).toBe(
      true,
    );
    expect(
      await queryRows(
        t.ws.conn,
        "SELECT comment FROM customer_feedback WHERE response_id LIKE 'C%' ORDER BY 1",
      ),
    ).toEqual([{ comment: 'café' }, { comment: 'café' }]);
  });

  it('blank lines do not shift the row numbers of failing rows', async () => {
    const path = write('cx_blank.csv', [HEADER, row('D1'), '', '', row('D2', 11), '', row('D3')]);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsQuarantined: 1 });
    expect(await quarantined()).toEqual([
      { row_number: 5, column_name: 'nps', rule: 'outside the scale' },
    ]);
  });

  it('a clean file with blank lines imports every row', async () => {
    const path = write('cx_gaps.csv', [HEADER, row('E1'), '', row('E2'), '', '']);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsQuarantined: 0 });
  });
});
