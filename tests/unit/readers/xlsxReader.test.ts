import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { excelDateText, formatNumber } from '../../../src/main/engine/import/readers/xlsxReader';
import { errorOf, fixture, query, readRelation, scratch, stage } from './readerTestKit';

const s = scratch();
afterAll(() => s.remove());

describe('Excel workbooks (written by Gnumeric ssconvert)', () => {
  it('lists every sheet and reads the first with data; dates as ISO text, formulas as values', async () => {
    const staged = await stage(fixture('workbook.xlsx'), s.staging);
    expect(staged).toMatchObject({
      format: 'xlsx',
      headerShape: 'plain',
      sheets: ['Cover', 'Units', 'Headcount'],
      sheet: 'Units',
      firstDataRow: 2,
      warnings: [],
    });
    expect(staged.columns.map((c) => c.name)).toEqual([
      'unit_id',
      'name',
      'parent_id',
      'opened',
      'headcount',
    ]);
    expect(await readRelation(staged)).toEqual([
      { unit_id: 'U1', name: 'Company', parent_id: null, opened: '2023-03-15', headcount: '42.5' },
      {
        unit_id: 'U2',
        name: 'Région Nord',
        parent_id: 'U1',
        opened: '2023-03-16 12:00:00',
        headcount: '12',
      },
      { unit_id: 'U3', name: '=SUM(1)', parent_id: 'U1', opened: null, headcount: '30.5' },
    ]);
    const rows = await query(
      staged,
      `SELECT (row_number() OVER () + ${staged.firstDataRow} - 1)::INTEGER AS sheet_row, unit_id FROM $src`,
    );
    expect(rows).toEqual([
      { sheet_row: 2, unit_id: 'U1' },
      { sheet_row: 3, unit_id: 'U2' },
      { sheet_row: 4, unit_id: 'U3' },
    ]);
  });

  it('merged header cells name every column they cover (a two-row header)', async () => {
    const staged = await stage(fixture('workbook.xlsx'), s.staging, { sheet: 'headcount' });
    expect(staged.sheet).toBe('Headcount');
    expect(staged.columns.map((c) => c.name)).toEqual(['unit', '2025 - Q1', '2025 - Q2']);
    expect(staged.firstDataRow).toBe(3);
    expect(await readRelation(staged)).toEqual([
      { unit: 'U2', '2025 - Q1': '10', '2025 - Q2': '12' },
    ]);
  });

  it('reads a legacy Excel 97 .xls the same way, and says so', async () => {
    const staged = await stage(fixture('legacy.xls'), s.staging);
    expect(staged.format).toBe('xls');
    expect(staged.warnings).toEqual([
      'read as a legacy Excel 97-2003 workbook (.xls); saving it as .xlsx is safer.',
    ]);
    expect((await readRelation(staged)).map((r) => r.opened)).toEqual([
      '2023-03-15',
      '2023-03-16 12:00:00',
      null,
    ]);
  });

  it('a workbook renamed between .xls and .xlsx is read by its content, and says so', async () => {
    const xlsx = s.write('really-xlsx.xls', readFileSync(fixture('workbook.xlsx')));
    const asXls = await stage(xlsx, s.staging);
    expect(asXls.format).toBe('xlsx');
    expect(asXls.warnings[0]).toBe(
      'the file is named .xls but holds an Excel workbook: read as an Excel workbook.',
    );
    const xls = s.write('really-xls.xlsx', readFileSync(fixture('legacy.xls')));
    const asXlsx = await stage(xls, s.staging);
    expect(asXlsx.format).toBe('xls');
    expect(asXlsx.warnings[0]).toBe(
      'the file is named .xlsx but holds a legacy Excel 97-2003 workbook: read as a legacy Excel 97-2003 workbook.',
    );
  });

  it('a sheet that does not exist', async () => {
    expect(
      (await errorOf(stage(fixture('workbook.xlsx'), s.staging, { sheet: 'Budget' }))).message,
    ).toBe(
      'workbook.xlsx: has no sheet named "Budget". Its sheets are: "Cover", "Units", "Headcount".',
    );
  });

  it('an empty sheet chosen by name', async () => {
    expect(
      (await errorOf(stage(fixture('workbook.xlsx'), s.staging, { sheet: 'Cover' }))).message,
    ).toBe(
      'workbook.xlsx: sheet "Cover" is empty. Choose another sheet: "Cover", "Units", "Headcount".',
    );
  });

  it('a password-protected workbook (an OLE file holding EncryptedPackage)', async () => {
    expect(await errorOf(stage(fixture('encrypted.xlsx'), s.staging))).toEqual({
      name: 'UpstreamError',
      code: 'IMPORT_ERROR',
      message:
        'encrypted.xlsx: is password-protected: save an unprotected copy (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password) and import that.',
    });
  });

  it('a ZIP that is not a workbook, and a workbook cut short', async () => {
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 1)]);
    expect((await errorOf(stage(s.write('notbook.xlsx', zip), s.staging))).message).toMatch(
      /^notbook\.xlsx: cannot be read as an Excel workbook \(.+\)\. Open it in Excel and save it again as \.xlsx, or export the sheet as CSV\.$/,
    );
    const book = readFileSync(fixture('workbook.xlsx'));
    expect(
      (await errorOf(stage(s.write('cut.xlsx', book.subarray(0, 3000)), s.staging))).message,
    ).toMatch(/^cut\.xlsx: cannot be read as an Excel workbook/);
  });

  it('dates and numbers as text', () => {
    expect(excelDateText(45000, 'yyyy-mm-dd', false)).toBe('2023-03-15');
    expect(excelDateText(45001.5, 'd/m/yyyy h:mm', false)).toBe('2023-03-16 12:00:00');
    expect(excelDateText(0.75, 'h:mm', false)).toBe('18:00:00');
    expect(excelDateText(0, 'yyyy-mm-dd', true)).toBe('1904-01-01');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(42)).toBe('42');
  });
});
