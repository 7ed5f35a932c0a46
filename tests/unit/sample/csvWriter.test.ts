import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvWriter, csvLine, type CsvValue } from '../../../src/main/engine/sample/csvWriter';
import { makeTempDir } from '../../helpers/tempDir';
import { Duck, readCsv } from './duck';

/** RFC 4180 reader written for this test only. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('text does not end with a line break');
  return rows;
}

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
