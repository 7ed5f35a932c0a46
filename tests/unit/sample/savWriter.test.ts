import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageSource } from '../../../src/main/engine/import/readers';
import {
  SAV_FORMAT,
  savBytes,
  writeSav,
  type SavDocument,
} from '../../../src/main/engine/sample/savWriter';
import { makeTempDir } from '../../helpers/tempDir';
import { parseCsv } from './csvParse';
import { Duck } from './duck';
import { readSav } from './savRead';
import { psppAvailable } from '../../helpers/pspp';

const temp = makeTempDir('upstream-sav-');
afterAll(() => temp.remove());

/** 2025-08-04 as SPSS seconds since 1582-10-14. */
const AUG_4_2025 = Date.UTC(2025, 7, 4) / 1000 + 12_219_379_200;

const DOC: SavDocument = {
  fileLabel: 'Test pulse',
  product: 'Release 27.0.1 (test)',
  created: new Date(Date.UTC(2025, 7, 20, 16, 42, 5)),
  variables: [
    {
      name: 'RespID',
      label: 'Serial',
      width: 0,
      format: { type: SAV_FORMAT.F, width: 8, decimals: 0 },
      measure: 'nominal',
      columns: 8,
    },
    {
      name: 'Unit',
      label: 'Org unit',
      width: 5,
      format: { type: SAV_FORMAT.A, width: 5, decimals: 0 },
      measure: 'nominal',
      columns: 5,
    },
    {
      name: 'EndDate',
      label: 'Completed',
      width: 0,
      format: { type: SAV_FORMAT.DATE, width: 11, decimals: 0 },
      measure: 'scale',
      columns: 11,
    },
    {
      name: 'ENG1',
      label: 'I am proud to work here.',
      width: 0,
      format: { type: SAV_FORMAT.F, width: 1, decimals: 0 },
      missing: [9],
      measure: 'ordinal',
      columns: 8,
    },
    {
      name: 'ENPS',
      label: 'How likely… to recommend? (0-10)',
      width: 0,
      format: { type: SAV_FORMAT.F, width: 2, decimals: 0 },
      measure: 'scale',
      columns: 8,
    },
    {
      name: 'LongCommentVariable',
      label: 'Comment',
      width: 20,
      format: { type: SAV_FORMAT.A, width: 20, decimals: 0 },
      measure: 'nominal',
      columns: 20,
    },
  ],
  valueLabels: [
    {
      variables: ['ENG1'],
      labels: [
        [1, 'Strongly disagree'],
        [5, 'Strongly agree'],
        [9, "Don't know"],
      ],
    },
    { variables: ['ENPS'], labels: [[10, '10 - Extremely likely']] },
  ],
  cases: [
    [1001, 'U0001', AUG_4_2025, 5, 10, 'Great, "really"'],
    [1002, 'U0002', AUG_4_2025 + 86_400, 9, null, ''],
    [1003, 'U0003', AUG_4_2025 + 2 * 86_400, null, 0, 'two\nlines, café'],
  ],
};

describe('savWriter', () => {
  it('writes the documented records, which an independent reader reads back exactly', () => {
    const file = readSav(savBytes(DOC));
    expect(file.product).toBe('@(#) SPSS DATA FILE Release 27.0.1 (test)');
    expect(file.layoutCode).toBe(2);
    expect(file.compression).toBe(0);
    expect(file.caseCount).toBe(3);
    expect(file.nominalCaseSize).toBe(1 + 1 + 1 + 1 + 1 + 3);
    expect(file.created).toBe('20 Aug 25 16:42:05');
    expect(file.fileLabel).toBe('Test pulse');
    expect(file.encoding).toBe('UTF-8');
    expect(file.integerInfo).toEqual([1, 0, 0, -1, 1, 1, 2, 65001]);
    expect(file.floatInfo.slice(0, 2)).toEqual([-Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(file.variables.map((v) => [v.shortName, v.name, v.width])).toEqual([
      ['RESPID', 'RespID', 0],
      ['UNIT', 'Unit', 5],
      ['ENDDATE', 'EndDate', 0],
      ['ENG1', 'ENG1', 0],
      ['ENPS', 'ENPS', 0],
      ['LONGCOMM', 'LongCommentVariable', 20],
    ]);
    const eng1 = file.variables[3];
    expect(eng1?.label).toBe('I am proud to work here.');
    expect(eng1?.missing).toEqual([9]);
    expect(eng1?.measure).toBe(2);
    expect(eng1?.printFormat).toEqual({ type: 5, width: 1, decimals: 0 });
    expect([...(eng1?.valueLabels ?? [])]).toEqual([
      [1, 'Strongly disagree'],
      [5, 'Strongly agree'],
      [9, "Don't know"],
    ]);
    expect(file.variables[4]?.label).toBe('How likely… to recommend? (0-10)');
    expect(file.variables[2]?.printFormat).toEqual({ type: 20, width: 11, decimals: 0 });
    expect(file.cases).toEqual(DOC.cases);
  });

  it('refuses what the format cannot hold', () => {
    const variable = DOC.variables[1]!;
    expect(() => savBytes({ ...DOC, cases: [[1, 'U00001', 0, 1, 1, '']] })).toThrow(
      /wider than Unit/,
    );
    expect(() =>
      savBytes({ ...DOC, variables: [{ ...variable, name: '1bad' }], cases: [] }),
    ).toThrow(/not a valid SPSS variable name/);
    expect(() => savBytes({ ...DOC, cases: [[1, 'U1']] })).toThrow(/2 values for 6 variables/);
    expect(() =>
      savBytes({ ...DOC, valueLabels: [{ variables: ['Unit'], labels: [[1, 'x']] }], cases: [] }),
    ).toThrow(/not a numeric variable/);
  });

  it("is read by Upstream's .sav reader: labels, value labels, dates, and 9 as missing", async () => {
    const path = join(temp.path, 'pulse.sav');
    await writeSav(path, DOC);
    const staged = await stageSource(path, join(temp.path, 'staging'));
    expect(staged.format).toBe('sav');
    expect(staged.columns.map((c) => c.name)).toEqual(DOC.variables.map((v) => v.name));
    expect(staged.columns[3]?.label).toBe('I am proud to work here.');
    expect(staged.columns[3]?.valueLabels).toEqual({
      '1': 'Strongly disagree',
      '5': 'Strongly agree',
      '9': "Don't know",
    });
    const duck = await Duck.open();
    try {
      const rows = await duck.rows(`SELECT * FROM ${staged.relationSql}`);
      expect(rows.map((row) => Object.values(row).map((v) => v ?? ''))).toEqual([
        ['1001', 'U0001', '2025-08-04', '5', '10', 'Great, "really"'],
        ['1002', 'U0002', '2025-08-05', '', '', ''],
        ['1003', 'U0003', '2025-08-06', '', '0', 'two\nlines, café'],
      ]);
    } finally {
      duck.close();
    }
  });

  it.skipIf(!psppAvailable())('is read by GNU PSPP without complaint', () => {
    const path = join(temp.path, 'pspp.sav');
    writeFileSync(path, savBytes(DOC));
    const csv = join(temp.path, 'pspp.csv');
    const output = execFileSync('pspp-convert', [path, csv], { encoding: 'utf8', stdio: 'pipe' });
    expect(output).not.toMatch(/warning|error/i);
    expect(parseCsv(readFileSync(csv, 'utf8'))).toEqual([
      ['RespID', 'Unit', 'EndDate', 'ENG1', 'ENPS', 'LongCommentVariable'],
      ['1001', 'U0001', '08/04/2025', '5', '10', 'Great, "really"'],
      ['1002', 'U0002', '08/05/2025', '9', ' ', ''],
      ['1003', 'U0003', '08/06/2025', ' ', '0', 'two\nlines, café'],
    ]);
    const syntax = join(temp.path, 'check.sps');
    writeFileSync(
      syntax,
      `GET FILE='${path}'.\nDISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=ENG1.\n`,
    );
    const listing = execFileSync('pspp', [syntax], { encoding: 'utf8', stdio: 'pipe' });
    expect(listing).not.toMatch(/warning|error/i);
    expect(listing).toContain("Don't know");
    expect(listing).toMatch(/Missing\s+\.?\s*\|/);
  });
});
