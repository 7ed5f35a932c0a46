import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvWriter, csvLine, type CsvValue } from '../../../src/main/engine/sample/csvWriter';
import { makeTempDir } from '../../helpers/tempDir';
import { decodeWindows1252 } from './cp1252';
import { parseCsv } from './csvParse';
import { Duck, readCsv } from './duck';

const asText = (value: CsvValue): string =>
  value === null || value === undefined ? '' : String(value);

const temp = makeTempDir('upstream-csv-');
afterAll(() => temp.remove());

describe('csvLine', () => {
  it('round-trips any text, numbers, booleans and nulls through an RFC 4180 reader', () => {
    const cell = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', "'", 'é', '😀', '0'),
      }),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (values) => {
        expect(parseCsv(csvLine(values))).toEqual([values.map(asText)]);
      }),
      { numRuns: 500 },
    );
  });

  it('writes booleans as true/false and nulls as empty cells', () => {
    expect(csvLine([true, false, null, undefined, 3, 'x'])).toBe('true,false,,,3,x\n');
  });

  it('refuses numbers that CSV cannot hold', () => {
    expect(() => csvLine([Number.NaN])).toThrow();
    expect(() => csvLine([Number.POSITIVE_INFINITY])).toThrow();
  });
});

describe('CsvWriter', () => {
  it('streams many rows in chunks and DuckDB reads them back exactly', async () => {
    const path = join(temp.path, 'tricky.csv');
    const writer = await CsvWriter.create(path, ['id', 'text', 'flag']);
    const tricky = [
      'plain',
      'a, b',
      'say "hi"',
      'two\nlines',
      '  padded  ',
      'ünïcödé, "mixed"\nend',
    ];
    const expected: string[][] = [];
    for (let i = 0; i < 40_000; i++) {
      const text = tricky[i % tricky.length] as string;
      writer.row([i, text, i % 2 === 0]);
      expected.push([String(i), text, i % 2 === 0 ? 'true' : 'false']);
      await writer.drain();
    }
    expect(await writer.close()).toBe(40_000);
    expect(parseCsv(readFileSync(path, 'utf8'))).toEqual([['id', 'text', 'flag'], ...expected]);

    const duck = await Duck.open();
    try {
      const rows = await duck.rows(
        `SELECT id::INT AS id, text, flag FROM ${readCsv(path)} WHERE id::INT < ${tricky.length} ORDER BY 1`,
      );
      expect(rows.map((row) => row.text)).toEqual(tricky);
      expect((await duck.one(`SELECT count(*) AS n FROM ${readCsv(path)}`)).n).toBe(40_000);
    } finally {
      duck.close();
    }
  });

  it('rejects a row whose length differs from the header', async () => {
    const writer = await CsvWriter.create(join(temp.path, 'short.csv'), ['a', 'b']);
    expect(() => writer.row(['only one'])).toThrow(/1 values, header has 2/);
    await writer.close();
  });
});

describe('CsvWriter dialects', () => {
  it('writes a semicolon, CRLF, Windows-1252 file whose bytes decode back to the text', async () => {
    const path = join(temp.path, 'cx.csv');
    const rows = [
      ['1', 'Charged €35; nobody said', 'N/A'],
      ['2', 'Staff said “leave it with me” – it’s fixed', ''],
      ['3', 'two\nlines, "quoted"', '9'],
      ['4', 'café £5 ½', '10'],
    ];
    const writer = await CsvWriter.create(path, ['id', 'text', 'score'], {
      delimiter: ';',
      newline: '\r\n',
      encoding: 'windows-1252',
    });
    for (const row of rows) writer.row(row);
    await writer.close();
    const bytes = readFileSync(path);
    for (const byte of [0x80, 0x93, 0x94, 0x92, 0x96, 0xe9, 0xa3, 0xbd])
      expect(bytes).toContain(byte);
    // No UTF-8: the euro sign would be E2 82 AC.
    expect(bytes.includes(Buffer.from([0xe2, 0x82, 0xac]))).toBe(false);
    const text = decodeWindows1252(bytes);
    expect(text.startsWith('id;text;score\r\n')).toBe(true);
    expect(text).toContain('"Charged €35; nobody said"');
    expect(parseCsv(text, ';')).toEqual([['id', 'text', 'score'], ...rows]);
  });

  it('refuses text that Windows-1252 cannot hold', async () => {
    const writer = await CsvWriter.create(join(temp.path, 'emoji.csv'), ['x'], {
      encoding: 'windows-1252',
    });
    writer.row(['😀']);
    await expect(writer.close()).rejects.toThrow(/cannot be written in Windows-1252/);
  });

  it('writes a UTF-8 byte-order mark and extra header rows (Qualtrics)', async () => {
    const path = join(temp.path, 'qualtrics.csv');
    const writer = await CsvWriter.create(
      path,
      ['ResponseId', 'Q1'],
      { encoding: 'utf8-bom', newline: '\r\n' },
      [
        ['Response ID', 'I am proud'],
        ['{"ImportId":"_recordId"}', '{"ImportId":"ENG1"}'],
      ],
    );
    writer.row(['R_1', 5]);
    expect(() => writer.row(['R_2'])).toThrow(/1 values, header has 2/);
    expect(await writer.close()).toBe(1);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(bytes.subarray(3).toString('utf8'))).toEqual([
      ['ResponseId', 'Q1'],
      ['Response ID', 'I am proud'],
      ['{"ImportId":"_recordId"}', '{"ImportId":"ENG1"}'],
      ['R_1', '5'],
    ]);
  });
});
