import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { csv, tinyRespondents } from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

async function tableCounts(t: TinyWorkspace): Promise<Record<string, number>> {
  const tables = [
    'sources',
    'quarantine',
    'org_units',
    'survey_respondents',
    'survey_answers',
    'customer_feedback',
    'hr_metrics',
    'respondent_scores',
  ];
  const out: Record<string, number> = {};
  for (const table of tables)
    out[table] = (await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT count(*) AS n FROM ${table}`,
    ))!.n;
  return out;
}

const SURVEY_HEADER = [
  'respondent_id',
  'period',
  'unit_id',
  'submitted_at',
  'tenure_band',
  'role',
  'E1',
  'E2',
  'V1',
  'L1',
  'ENPS',
];

describe('importFile', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  it('loads every tiny-company file with counts that reconcile', async () => {
    const sources = await queryRows<{
      rows_read: number;
      rows_imported: number;
      rows_quarantined: number;
    }>(t.ws.conn, 'SELECT rows_read, rows_imported, rows_quarantined FROM sources');
    expect(sources).toHaveLength(t.files.length);
    for (const s of sources) expect(s.rows_read).toBe(s.rows_imported + s.rows_quarantined);
    const counts = await tableCounts(t);
    expect(counts.survey_respondents).toBe(tinyRespondents.length);
    const answers = tinyRespondents.reduce(
      (n, r) => n + [r.E1, r.E2, r.V1, r.L1, r.ENPS].filter((v) => v !== null).length,
      0,
    );
    expect(counts.survey_answers).toBe(answers);
    expect(counts.customer_feedback).toBe(120);
  });

  it('flips reverse-coded items so that higher is always better', async () => {
    const row = await queryOne<{ score: number; scored: number }>(
      t.ws.conn,
      "SELECT score, scored FROM survey_answers WHERE item_id = 'L1' AND score = 1 LIMIT 1",
    );
    expect(row).toEqual({ score: 1, scored: 5 });
  });

  it('quarantines bad rows with file, row, column and reason, and imports the rest', async () => {
    const path = join(t.dir, 'survey_bad.csv');
    writeFileSync(
      path,
      csv(SURVEY_HEADER, [
        ['x1', '2025-Q3', 'T1', '2025-08-01', '', 'front_line', 4, 4, 4, 2, 9],
        ['x2', '2025-Q3', 'T1', '01/08/2025', '', 'front_line', 4, 4, 4, 2, 9],
        ['x3', '2025-Q3', 'T1', '2025-08-01', '', 'front_line', 7, 4, 4, 2, 9],
        ['x4', '2025-Q3', 'T99', '2025-08-01', '', 'front_line', 4, 4, 4, 2, 9],
        ['x1', '2025-Q3', 'T1', '2025-08-01', '', 'front_line', 4, 4, 4, 2, 9],
        ['x5', '2025-Q3', 'T2', '2025-08-01', '', 'front_line', '', '', '', '', ''],
        ['x6', 'Q3 2025', 'T2', '2025-08-01', '', 'front_line', 3, 3, 3, 3, 3],
      ]),
    );
    const report = await importFile(t.ws, path, { kind: 'survey_responses' });
    expect(report).toMatchObject({
      status: 'imported',
      rowsRead: 7,
      rowsImported: 1,
      rowsQuarantined: 6,
    });
    expect(report.reasons).toEqual({
      'submitted_at: not a date (YYYY-MM-DD)': 1,
      'E1: outside the scale': 1,
      'unit_id: unknown unit': 1,
      'respondent_id: duplicate': 1,
      'respondent_id: no item answered': 1,
      'period: not in the expected form': 1,
    });
    const kept = await queryRows<{
      file_name: string;
      row_number: number;
      column_name: string;
      reason: string;
    }>(
      t.ws.conn,
      'SELECT file_name, row_number, column_name, reason FROM quarantine ORDER BY row_number',
    );
    expect(kept).toEqual([
      {
        file_name: 'survey_bad.csv',
        row_number: 3,
        column_name: 'submitted_at',
        reason: "submitted_at: '01/08/2025' is not a date (YYYY-MM-DD)",
      },
      {
        file_name: 'survey_bad.csv',
        row_number: 4,
        column_name: 'E1',
        reason: 'E1: 7 is outside 1..5',
      },
      {
        file_name: 'survey_bad.csv',
        row_number: 5,
        column_name: 'unit_id',
        reason: "unit_id: unknown unit 'T99' (not in any imported hierarchy)",
      },
      {
        file_name: 'survey_bad.csv',
        row_number: 6,
        column_name: 'respondent_id',
        reason: 'duplicate period + respondent_id: the same value appears earlier in the file',
      },
      {
        file_name: 'survey_bad.csv',
        row_number: 7,
        column_name: 'respondent_id',
        reason: "respondent_id: 'x5' answered no item",
      },
      {
        file_name: 'survey_bad.csv',
        row_number: 8,
        column_name: 'period',
        reason: "period: 'Q3 2025' is not in the expected form",
      },
    ]);
    const raw = await queryOne<{ raw_json: string }>(
      t.ws.conn,
      'SELECT raw_json FROM quarantine WHERE row_number = 4',
    );
    expect(JSON.parse(raw!.raw_json)).toMatchObject({ respondent_id: 'x3', E1: '7' });
  });

  it('a file missing a required column fails with the file and columns named, and changes nothing', async () => {
    const before = await tableCounts(t);
    const path = join(t.dir, 'customers.csv');
    writeFileSync(path, csv(['response_id', 'cx_code', 'nps'], [['z1', 'S-A', 9]]));
    await expect(importFile(t.ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
      'customers.csv: row 1 (the header) lacks the column responded_at that a customer_feedback file needs, and no column could be matched to it. Columns found: response_id, cx_code, nps',
    );
    expect(await tableCounts(t)).toEqual(before);
  });

  it('an unreadable CSV fails with the file named and leaves the workspace as it was', async () => {
    const before = await tableCounts(t);
    const path = join(t.dir, 'cut.csv');
    writeFileSync(
      path,
      'response_id,responded_at,cx_code,nps\nz1,2025-05-01 10:00:00,S-A,9\nz2,"2025-05-01 10:00:00,S-A',
    );
    await expect(importFile(t.ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
      /^cut\.csv: row 3 has a quote that is never closed/,
    );
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses empty and header-only files', async () => {
    const empty = join(t.dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(importFile(t.ws, empty, { kind: 'hr_metrics' })).rejects.toThrow(
      'empty.csv: the file is empty (0 bytes)',
    );
    const headerOnly = join(t.dir, 'header.csv');
    writeFileSync(headerOnly, 'unit_id,period,headcount,leavers,absence_days\n');
    await expect(importFile(t.ws, headerOnly, { kind: 'hr_metrics' })).rejects.toThrow(
      'header.csv: has a header but no data rows',
    );
  });

  it('importing the same file twice changes nothing', async () => {
    const before = await tableCounts(t);
    const again = await importFile(t.ws, t.files[3]!.path, { kind: t.files[3]!.kind });
    expect(again.status).toBe('unchanged');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a corrected re-export of a period replaces that period instead of adding to it', async () => {
    const path = join(t.dir, 'survey_2025-Q1_corrected.csv');
    writeFileSync(
      path,
      csv(SURVEY_HEADER, [
        ['c1', '2025-Q1', 'T1', '2025-02-10', '', 'front_line', 5, 5, 5, 1, 10],
        ['c2', '2025-Q1', 'T1', '2025-02-10', '', 'front_line', 4, 4, 4, 2, 9],
      ]),
    );
    await importFile(t.ws, path, { kind: 'survey_responses' });
    const perPeriod = await queryRows<{ period: string; n: number }>(
      t.ws.conn,
      'SELECT period, count(*) AS n FROM respondent_scores GROUP BY period ORDER BY period',
    );
    expect(perPeriod).toEqual([
      { period: '2025-Q1', n: 2 },
      { period: '2025-Q2', n: tinyRespondents.filter((r) => r.period === '2025-Q2').length },
    ]);
  });

  it('keeps a compressed copy of every source, byte for byte, so the workspace can be rebuilt', async () => {
    const copies = await queryRows<{ file_name: string; sha256: string; gzip: Uint8Array }>(
      t.ws.conn,
      `SELECT s.file_name, s.sha256, f.gzip FROM sources s JOIN source_files f USING (source_id)
       ORDER BY s.source_id`,
    );
    expect(copies.map((c) => c.file_name)).toEqual(t.files.map((f) => basename(f.path)));
    for (const [i, copy] of copies.entries()) {
      const restored = gunzipSync(Buffer.from(copy.gzip));
      expect(restored.equals(readFileSync(t.files[i]!.path))).toBe(true);
      expect(createHash('sha256').update(restored).digest('hex')).toBe(copy.sha256);
    }
  });

  it('keeps no copy of a file above the settings limit, says so, and keeps it again once allowed', async () => {
    const lines = ['response_id,responded_at,cx_code,nps'];
    for (let i = 0; i < 30_000; i++) lines.push(`L${i},2025-07-03 10:00:00,S-A,${i % 11}`);
    const path = join(t.dir, 'cx_large.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await t.ws.conn.run("INSERT INTO meta VALUES ('kept_copy_limit_mb', '0')");
    const large = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(large).toMatchObject({ status: 'imported', rowsImported: 30_000, keptCopy: false });
    expect(large.warnings.join('\n')).toMatch(
      /no copy of this \d+ KB file is kept in the workspace \(the workspace settings keep none\)/,
    );
    const copied = (sha: string) =>
      queryRows<{ n: number }>(
        t.ws.conn,
        'SELECT count(*)::INTEGER AS n FROM source_files JOIN sources USING (source_id) WHERE sha256 = $sha',
        { sha },
      );
    expect(await copied(large.sha256)).toEqual([{ n: 0 }]);
    // Imported again unchanged: it still says no copy is kept.
    expect(await importFile(t.ws, path, { kind: 'customer_feedback' })).toMatchObject({
      status: 'unchanged',
      keptCopy: false,
    });
    await t.ws.conn.run("UPDATE meta SET value = '1' WHERE key = 'kept_copy_limit_mb'");
    writeFileSync(path, `${lines.join('\n')}\nL-extra,2025-07-04 10:00:00,S-A,3\n`);
    const kept = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(kept).toMatchObject({ keptCopy: true });
    expect(kept.warnings.join('\n')).not.toMatch(/no copy/);
    expect(await copied(kept.sha256)).toEqual([{ n: 1 }]);
  });
});
