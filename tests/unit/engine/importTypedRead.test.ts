import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import type { DuckType } from '../../../src/main/engine/import/canonicalFormats';
import { rawCell, typedCell } from '../../../src/main/engine/import/columnChecks';
import { importFile } from '../../../src/main/engine/import/importFile';
import type { ColumnMapping } from '../../../src/main/engine/import/mapping/types';
import { READ_BLOCK_BYTES, readCsvSql } from '../../../src/main/engine/import/readers/sql';
import { memoryDb } from '../../helpers/memoryDb';
import { makeTempDir } from '../../helpers/tempDir';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/**
 * The one-pass import reads a plainly mapped delimited file with typed columns, letting DuckDB's
 * CSV reader cast each cell. That is only right if the reader never takes a cell the checked
 * path refuses, and never reads one as another value.
 */
const typedReads = vi.hoisted(() => ({ used: 0, declined: 0, off: false }));
vi.mock('../../../src/main/engine/import/typedDirect', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../src/main/engine/import/typedDirect')>();
  return {
    typedDirectRows: (...args: Parameters<typeof actual.typedDirectRows>) => {
      // Off: the file is read as text, as before the typed read existed.
      const rows = typedReads.off ? null : actual.typedDirectRows(...args);
      if (rows === null) typedReads.declined++;
      else typedReads.used++;
      return rows;
    },
  };
});

const checkedRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/main/engine/import/splitImport', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../src/main/engine/import/splitImport')>();
  return {
    ...actual,
    splitImport: (...args: Parameters<typeof actual.splitImport>) => {
      checkedRuns.count++;
      return actual.splitImport(...args);
    },
  };
});

const AWKWARD = [
  ...['5', ' 5', '5 ', '+5', '-5', '05', '-0', '5.0', '5.4', '5.5', '1e2', '1.5e3', '.5', '5.'],
  ...['', ' ', '"5"', '" 5 "', '""', '0x10', '１', '5\u00a0', '\u00a05', '1_000', '2147483648'],
  ...['NaN', 'inf', 'null', 'NULL', 'true', 'false', 'yes', 'no', 't', 'f', 'y', 'TRUE', '1', '0'],
  ...['2025-01-05', ' 2025-01-05 ', '2025-1-5', '20250105', '05/01/2025', '2025-02-30'],
  ...['2025-01-05 10:00', '2025-01-05T10:00:00', '2025-01-05 10:00:00.123', '10:00'],
  '2025-01-05 10:00:00+02',
];
const TYPES: DuckType[] = ['INTEGER', 'DOUBLE', 'DATE', 'TIMESTAMP', 'BOOLEAN'];

describe('typed read of a cell against the checked cast', () => {
  const db = memoryDb();
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir();
  });
  afterAll(() => temp.remove());

  it.each(TYPES)(
    '%s: each awkward cell is refused by the reader or read as the checked path reads it',
    async (type) => {
      const path = join(temp.path, `cells-${type}.csv`);
      const spec = { path, skip: 1, delimiter: ',', quote: '"', escape: '"', names: ['id', 'x'] };
      const outcomes: string[] = [];
      for (const cell of AWKWARD) {
        writeFileSync(path, `id,x\na,${cell}\n`);
        let typed: string;
        try {
          const rows = await queryRows<{ v: string | null }>(
            db.conn,
            `SELECT CAST(x AS VARCHAR) AS v FROM ${readCsvSql(spec, new Map([['x', type]]))}`,
          );
          typed = rows[0]!.v ?? 'empty';
        } catch {
          typed = 'refused';
        }
        const checked = await queryRows<{ v: string | null; blank: boolean }>(
          db.conn,
          `SELECT CAST(${typedCell('x', type)} AS VARCHAR) AS v, ${rawCell('x')} IS NULL AS blank
         FROM ${readCsvSql(spec)}`,
        );
        const { v, blank } = checked[0]!;
        const expected = v ?? (blank ? 'empty' : 'fails its check');
        if (typed !== 'refused' && typed !== expected)
          outcomes.push(`${JSON.stringify(cell)}: typed read ${typed}, checked ${expected}`);
      }
      expect(outcomes).toEqual([]);
    },
  );
});

describe('typed one-pass import', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
    typedReads.used = 0;
    typedReads.declined = 0;
    typedReads.off = false;
    checkedRuns.count = 0;
  });
  afterEach(() => t.cleanup());

  const write = (name: string, text: string) => {
    const path = join(t.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const stored = (prefix: string) =>
    queryRows<Record<string, unknown>>(
      t.ws.conn,
      `SELECT response_id, CAST(responded_at AS VARCHAR) AS at, period, cx_code, channel, nps,
         csat, ces, comment FROM customer_feedback WHERE response_id LIKE '${prefix}%'
       ORDER BY response_id`,
    );
  const lines = (prefix: string) =>
    [
      'response_id,responded_at,cx_code,channel,nps,csat,ces,comment',
      `${prefix}1 , 2025-07-03 10:00:00,S-A, store ,+9, 05,7,"Quick, kind"`,
      `${prefix}2,2025-12-31,S-A,,0,,1,`,
      '',
      // Blank text cells; a blank date or number cell the reader refuses (the text path takes it).
      ' ,, , ,,,, ',
      `"${prefix}3",2026-01-01 00:00:01 ,S-A,web, 10 ,5.0,,"said ""thanks"""`,
      `${prefix}4,2025-09-30 23:59:59,S-A,phone,,1,,`,
    ].join('\n') + '\n';

  it('stores what the text path stores, for awkward but valid cells and blank lines', async () => {
    const typedReport = await importFile(t.ws, write('cx_typed.csv', lines('P')), {
      kind: 'customer_feedback',
    });
    // Taken in one typed pass: nothing was redone keeping rows aside.
    expect(typedReads.used).toBe(1);
    expect(checkedRuns.count).toBe(0);
    typedReads.off = true;
    const textReport = await importFile(t.ws, write('cx_text.csv', lines('Q')), {
      kind: 'customer_feedback',
    });
    expect(typedReport).toMatchObject({ rowsRead: 4, rowsImported: 4, rowsQuarantined: 0 });
    expect(textReport).toMatchObject({ rowsRead: 4, rowsImported: 4, rowsQuarantined: 0 });
    const typed = await stored('P');
    const text = (await stored('Q')).map((r) => ({
      ...r,
      response_id: String(r.response_id).replace('Q', 'P'),
    }));
    expect(typed).toEqual(text);
    expect(typed[0]).toMatchObject({
      response_id: 'P1',
      period: '2025-Q3',
      channel: 'store',
      nps: 9,
      csat: 5,
      comment: 'Quick, kind',
    });
    expect(typed[2]).toMatchObject({ at: '2026-01-01 00:00:01', period: '2026-Q1', csat: 5 });
  });

  const sameAsText = async (
    kind: 'customer_feedback' | 'hr_metrics',
    text: (prefix: string) => string,
    mapping: Omit<ColumnMapping, 'kind' | 'constants' | 'items'>,
    stored: (prefix: string) => Promise<Record<string, unknown>[]>,
  ) => {
    const full: ColumnMapping = { kind, constants: {}, items: [], ...mapping };
    const typedReport = await importFile(t.ws, write(`${kind}_typed.csv`, text('P')), {
      mapping: full,
    });
    expect(typedReads.used).toBe(1);
    expect(checkedRuns.count).toBe(0);
    typedReads.off = true;
    const textReport = await importFile(t.ws, write(`${kind}_text.csv`, text('Q')), {
      mapping: full,
    });
    expect(typedReport).toMatchObject({ rowsImported: textReport.rowsImported });
    expect(typedReport.rowsQuarantined).toBe(0);
    const typed = await stored('P');
    const asText = (await stored('Q')).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/^Q/, 'P') : v]),
      ),
    );
    expect(typed).toEqual(asText);
    return typed;
  };

  it('rewritten columns (N/A codes, day-first dates, choice texts) are read as text beside typed ones, to the same rows', async () => {
    const text = (p: string) =>
      [
        'Response ID;Date;Store;Channel;NPS;CSAT;CES',
        `${p}1;03/07/2025 10:00;S-A;Web;9;N/A;Very easy`,
        `${p}2;31/12/2025 23:59;S-A;N/A;0;4;N/A`,
        `${p}3;01/01/2026 00:00;S-A;;10; N/A ;Easy`,
      ].join('\n') + '\n';
    const typed = await sameAsText(
      'customer_feedback',
      text,
      {
        columns: {
          response_id: 'Response ID',
          responded_at: 'Date',
          cx_code: 'Store',
          channel: 'Channel',
          nps: 'NPS',
          csat: 'CSAT',
          ces: 'CES',
        },
        dateFormats: { responded_at: ['%d/%m/%Y %H:%M'] },
        naCodes: { csat: ['N/A'], ces: ['N/A'] },
        choiceScores: { ces: { 'Very easy': 7, Easy: 6 } },
        decimalComma: false,
      },
      stored,
    );
    expect(typed.map((r) => [r.at, r.period, r.channel, r.csat, r.ces])).toEqual([
      ['2025-07-03 10:00:00', '2025-Q3', 'Web', null, 7],
      ['2025-12-31 23:59:00', '2025-Q4', 'N/A', 4, null],
      ['2026-01-01 00:00:00', '2026-Q1', null, null, 6],
    ]);
  });

  it('a rewritten column’s cell that is no number is quarantined, not read as empty', async () => {
    const mapping: ColumnMapping = {
      kind: 'customer_feedback',
      columns: { response_id: 'id', responded_at: 'at', cx_code: 'code', nps: 'nps', csat: 'csat' },
      constants: {},
      items: [],
      dateFormats: {},
      naCodes: { csat: ['N/A'] },
      decimalComma: false,
    };
    const path = write(
      'cx_lots.csv',
      'id,at,code,nps,csat\nW1,2025-07-03,S-A,9,N/A\nW2,2025-07-03,S-A,9,lots\nW3,2025-07-03,S-A,9,4\n',
    );
    const report = await importFile(t.ws, path, { mapping });
    expect(typedReads.used).toBe(1);
    expect(report).toMatchObject({ rowsImported: 2, rowsQuarantined: 1 });
    expect(Object.keys(report.reasons)).toEqual(['csat: not a whole number']);
  });

  it('decimal commas are read as text and converted as the text path converts them', async () => {
    const units = await queryRows<{ unit_id: string }>(
      t.ws.conn,
      'SELECT DISTINCT unit_id FROM org_units ORDER BY unit_id LIMIT 2',
    );
    const [a, b] = units.map((u) => u.unit_id);
    const text = (p: string) =>
      [
        'unit;quarter;headcount;leavers;absence',
        `${a};${p === 'P' ? '2027-Q1' : '2027-Q2'};12;1;2,5`,
        `${b};${p === 'P' ? '2027-Q1' : '2027-Q2'};8;0;0,25`,
      ].join('\n') + '\n';
    const rows = (prefix: string) =>
      queryRows<Record<string, unknown>>(
        t.ws.conn,
        `SELECT unit_id, headcount, leavers, absence_days FROM hr_metrics
         WHERE period = '${prefix === 'P' ? '2027-Q1' : '2027-Q2'}' ORDER BY unit_id`,
      );
    const typed = await sameAsText(
      'hr_metrics',
      text,
      {
        columns: {
          unit_id: 'unit',
          period: 'quarter',
          headcount: 'headcount',
          leavers: 'leavers',
          absence_days: 'absence',
        },
        dateFormats: {},
        naCodes: {},
        decimalComma: true,
      },
      rows,
    );
    expect(typed.map((r) => r.absence_days)).toEqual([2.5, 0.25]);
  });

  it('a cell the typed read refuses is quarantined with its row and column, the rest imported', async () => {
    const path = write(
      'cx_refused.csv',
      [
        'response_id,responded_at,cx_code,nps',
        'R1,2025-07-03 10:00:00,S-A,9',
        'R2,2025-07-03 10:00:00,S-A,nine',
        'R3,not a date,S-A,9',
        'R4,2025-07-03 10:00:00,S-A,3',
      ].join('\n') + '\n',
    );
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(typedReads.used).toBeGreaterThan(0);
    expect(checkedRuns.count).toBe(1);
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsQuarantined: 2 });
    const kept = await queryRows<{ row_number: number; column_name: string }>(
      t.ws.conn,
      `SELECT row_number, column_name FROM quarantine
       WHERE source_id = (SELECT max(source_id) FROM sources) ORDER BY row_number`,
    );
    expect(kept).toEqual([
      { row_number: 3, column_name: 'nps' },
      { row_number: 4, column_name: 'responded_at' },
    ]);
  });

  it('a 7 MB record across the boundary of the reader’s blocks is read whole, on the one pass', async () => {
    const comment = 'é'.repeat(3.5 * 1024 * 1024);
    // Rows of one length, as many as end 2 MB before the first block does.
    const id = (i: number) => String(i).padStart(7, '0');
    const row = (i: number) => `L${id(i)},2025-07-03 10:00:00,S-A,web,${i % 10},,,comment ${id(i)}`;
    const header = 'response_id,responded_at,cx_code,channel,nps,csat,ces,comment';
    const count = Math.floor((READ_BLOCK_BYTES - 2 * 1024 * 1024) / (row(0).length + 1));
    const before = Array.from({ length: count }, (_, i) => row(i));
    const after = Array.from({ length: 1_000 }, (_, i) => row(count + 1 + i));
    const long = `${row(count).replace(/comment \d+$/, '')}"${comment}"`;
    const path = write('cx_long_record.csv', [header, ...before, long, ...after].join('\n') + '\n');
    const longStarts = header.length + 1 + count * (row(0).length + 1);
    expect(longStarts).toBeLessThan(READ_BLOCK_BYTES);
    expect(longStarts + Buffer.byteLength(long)).toBeGreaterThan(READ_BLOCK_BYTES);

    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(typedReads.used).toBe(1);
    expect(checkedRuns.count).toBe(0);
    const rows = count + 1 + after.length;
    expect(report).toMatchObject({ rowsRead: rows, rowsImported: rows, rowsQuarantined: 0 });
    const ids = [count - 1, count, count + after.length].map((i) => `L${id(i)}`);
    const ends = await queryRows<{ id: string; n: number }>(
      t.ws.conn,
      `SELECT response_id AS id, length(comment) AS n FROM customer_feedback
       WHERE response_id IN ('${ids.join("', '")}') ORDER BY id`,
    );
    expect(ends).toEqual([
      { id: ids[0], n: 'comment 0000000'.length },
      { id: ids[1], n: comment.length },
      { id: ids[2], n: 'comment 0000000'.length },
    ]);
  });

  it('the kind’s own checks hold on the typed read: no score at all, and an unknown unit', async () => {
    const cx = write(
      'cx_noscore.csv',
      'response_id,responded_at,cx_code,nps,csat\nN1,2025-07-03,S-A,,\nN2,2025-07-03,S-A,8,\n',
    );
    expect(await importFile(t.ws, cx, { kind: 'customer_feedback' })).toMatchObject({
      rowsImported: 1,
      reasons: { 'nps: no score': 1 },
    });
    const units = await queryRows<{ unit_id: string }>(
      t.ws.conn,
      'SELECT unit_id FROM org_units LIMIT 1',
    );
    const hr = write(
      'hr_units.csv',
      `unit_id,period,headcount,leavers,absence_days\n${units[0]!.unit_id},2026-Q2,10,1,2.5\nNOPE,2026-Q2,4,0,0\n`,
    );
    const report = await importFile(t.ws, hr, { kind: 'hr_metrics' });
    expect(report).toMatchObject({ rowsImported: 1, rowsQuarantined: 1 });
    expect(Object.keys(report.reasons)).toEqual(['unit_id: unknown unit']);
  });
});
