import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/**
 * Workbooks as people send them, written with SheetJS: a pivot summary first, an empty sheet
 * where a chart was, a notes sheet, then the records; formula cells read by their cached value;
 * dates as date cells, as text ("15/03/2025", "2025-03-16") and as bare serial numbers (a
 * workbook whose date cells lost their format, as WPS Office can save them); durations as
 * time cells and as bare fractions of a day.
 */
type Cell = XLSX.CellObject;
const text = (v: string): Cell => ({ t: 's', v });
const num = (v: number, z?: string): Cell => (z ? { t: 'n', v, z } : { t: 'n', v });
const bool = (v: boolean): Cell => ({ t: 'b', v });
/** A formula cell as Excel saves it: the formula and the value it last computed. */
const formula = (f: string, v: number, z?: string): Cell => ({ t: 'n', f, v, ...(z ? { z } : {}) });
const day = 1 / 86400;

function sheetOf(rows: (Cell | null)[][]): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let width = 1;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
      width = Math.max(width, c + 1);
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(rows.length - 1, 0), c: width - 1 },
  });
  return sheet;
}

function writeWorkbook(path: string, sheets: [string, XLSX.WorkSheet][]): void {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(book, sheet, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** A pivot of calls per day: more rows than the records, but a summary of them. */
const PIVOT = sheetOf([
  [text('Calls by day')],
  [text('Row Labels'), text('Count of Call ID'), text('Sum of Talk Time')],
  ...Array.from({ length: 12 }, (_, i) => [
    text(`${String(i + 10).padStart(2, '0')}/03/2025`),
    num(1 + (i % 3)),
    num(300 + i),
  ]),
  [text('Grand Total'), num(24), num(3666)],
]);

const TIME = '[h]:mm:ss';
/** Talk time as time cells; handle = talk + wrap as formulas; wrap as bare fractions of a day. */
const CALLS = sheetOf([
  [
    text('Call ID'),
    text('Call Date'),
    text('Queue'),
    text('Talk Time'),
    text('Wrap Time'),
    text('Handle Time'),
    text('Answered'),
  ],
  [
    text('1001'),
    num(45730.375, 'dd/mm/yyyy hh:mm'),
    text('Billing'),
    num(312 * day, TIME),
    num(60 * day),
    formula('D2+E2', 372 * day, TIME),
    bool(true),
  ],
  [
    text('1002'),
    text('15/03/2025'),
    text('Billing'),
    num(200 * day, TIME),
    num(60 * day),
    formula('D3+E3', 260 * day, TIME),
    bool(true),
  ],
  [
    text('1003'),
    text('2025-03-16'),
    text('Billing'),
    num(0, TIME),
    num(0),
    formula('D4+E4', 0, TIME),
    bool(false),
  ],
  [
    text('1004'),
    num(45733, 'yyyy/m/d;@'),
    text('Sales'),
    num(500 * day, TIME),
    num(60 * day),
    formula('D5+E5', 560 * day, TIME),
    bool(true),
  ],
  [
    text('1005'),
    text('18/03/2025'),
    text('Billing'),
    num(100 * day, TIME),
    num(60 * day),
    formula('D6+E6', 160 * day, TIME),
    bool(true),
  ],
]);

describe('workbooks with pivot, chart and empty sheets, formulas and dates of every kind', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace({ load: false });
    for (const f of t.files.filter((f) => f.kind === 'org_units'))
      await importFile(t.ws, f.path, { kind: f.kind });
    const mapping = join(t.dir, 'codes.csv');
    writeFileSync(mapping, 'cx_code,unit_id\nBilling,T1\nSales,T3\nR-LEEDS,T2\n');
    await importFile(t.ws, mapping, { kind: 'unit_mapping' });
  });
  afterEach(() => t.cleanup());

  it('finds the records behind a pivot summary and reads formulas by their cached values', async () => {
    const path = join(t.dir, 'calls_march.xlsx');
    writeWorkbook(path, [
      ['Summary', PIVOT],
      ['Chart1', sheetOf([])],
      ['Notes', sheetOf([[text('Exported from the ACD on 31/03/2025')]])],
      ['Calls', CALLS],
    ]);
    const report = await importFile(t.ws, path);
    expect(report).toMatchObject({
      kind: 'contact_centre',
      format: 'xlsx',
      sheet: 'Calls',
      rowsRead: 5,
      rowsImported: 5,
      rowsQuarantined: 0,
    });
    expect(report.warnings).toContain(
      'sheet "Calls" read: it looks most like a table of records (5 rows under a header of 7 columns); other sheets: "Summary" (a pivot summary), "Chart1" (empty or no table), "Notes" (empty or no table). Choose another sheet if this is wrong.',
    );
    expect(report.warnings).toContain(
      'wrap_seconds ("Wrap Time") is in Excel time (fractions of a day), not seconds: converted (mapping.durations)',
    );
    const calls = await queryRows<Record<string, unknown>>(
      t.ws.conn,
      `SELECT interaction_id AS id, strftime(started_at, '%Y-%m-%d %H:%M') AS started,
         talk_seconds AS talk, wrap_seconds AS wrap, handle_seconds AS handle, answered
       FROM contact_interactions ORDER BY id`,
    );
    expect(calls).toEqual([
      { id: '1001', started: '2025-03-14 09:00', talk: 312, wrap: 60, handle: 372, answered: true },
      { id: '1002', started: '2025-03-15 00:00', talk: 200, wrap: 60, handle: 260, answered: true },
      { id: '1003', started: '2025-03-16 00:00', talk: 0, wrap: 0, handle: 0, answered: false },
      { id: '1004', started: '2025-03-17 00:00', talk: 500, wrap: 60, handle: 560, answered: true },
      { id: '1005', started: '2025-03-18 00:00', talk: 100, wrap: 60, handle: 160, answered: true },
    ]);
    // By hand, Billing (T1): handle of its 3 answered calls (372 + 260 + 160) / 3 = 264; hold
    // time is not in the workbook; 1 of its 4 calls was not answered.
    const [billing] = await unitFigures(
      t.ws.conn,
      ['T1'],
      ['2025-Q1'],
      ['avg_handle_seconds', 'avg_hold_seconds', 'abandonment_rate'],
    );
    expect(billing).toMatchObject({
      avg_handle_seconds: 264,
      avg_hold_seconds: null,
      abandonment_rate: 25,
    });
  });

  it('reads Excel serial day numbers as dates, after an empty first sheet', async () => {
    const path = join(t.dir, 'feedback_wps.xlsx');
    const feedback = sheetOf([
      [text('Response Date'), text('Store'), text('NPS'), text('Comment')],
      [num(45731.6), text('R-LEEDS'), num(9), text('Quick')],
      [num(45732), text('R-LEEDS'), formula('5*2', 10), null],
      [num(45733.25), text('R-LEEDS'), num(6), text('Cold')],
      [num(45734.5), text('R-LEEDS'), num(8), null],
    ]);
    writeWorkbook(path, [
      ['Cover', sheetOf([])],
      ['Sheet1', feedback],
    ]);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({
      sheet: 'Sheet1',
      rowsRead: 4,
      rowsImported: 4,
      rowsQuarantined: 0,
    });
    expect(report.warnings).toContain(
      'responded_at ("Response Date") holds Excel day numbers (a workbook\'s dates without their date format): read as dates, days since 1899-12-30',
    );
    const rows = await queryRows<{ at: string; nps: number }>(
      t.ws.conn,
      `SELECT strftime(responded_at, '%Y-%m-%d %H:%M') AS "at", nps FROM customer_feedback ORDER BY 1`,
    );
    expect(rows).toEqual([
      { at: '2025-03-15 14:24', nps: 9 },
      { at: '2025-03-16 00:00', nps: 10 },
      { at: '2025-03-17 06:00', nps: 6 },
      { at: '2025-03-18 12:00', nps: 8 },
    ]);
    // By hand: 2 promoters (9, 10), 1 detractor (6) of 4 = +25.
    const [leeds] = await unitFigures(t.ws.conn, ['T2'], ['2025-Q1'], ['nps']);
    expect(leeds).toMatchObject({ nps: 25, nps_n: 4 });
  });
});
