import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { explainReadError, stageSource } from '../../../src/main/engine/import/readers';
import { UpstreamError } from '../../../src/shared/result';
import { CP1252 } from '../../../src/main/engine/import/readers/encoding';
import { scratch } from './readerTestKit';
import { memoryDb } from '../../helpers/memoryDb';

const s = scratch();
const db = memoryDb();
afterAll(() => s.remove());

let n = 0;

/**
 * Whatever the bytes: stageSource either returns a relation DuckDB reads (or fails on with an
 * error explainReadError turns into the file's IMPORT_ERROR), or throws an UpstreamError whose
 * message starts with the file name. Never any other exception.
 */
async function holds(bytes: Uint8Array, extension: string): Promise<void> {
  const fileName = `prop-${n++}${extension}`;
  const path = s.write(fileName, Buffer.from(bytes));
  let staged;
  try {
    staged = await stageSource(path, s.staging);
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('IMPORT_ERROR');
    expect((error as UpstreamError).message.startsWith(`${fileName}: `)).toBe(true);
    return;
  }
  expect(staged.files.every((f) => f.startsWith(s.staging))).toBe(true);
  try {
    const reader = await db.conn.runAndReadAll(`SELECT * FROM ${staged.relationSql}`);
    expect(reader.columnNames()).toEqual(staged.columns.map((c) => c.name));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('expected')) throw error;
    const explained = explainReadError(fileName, error, staged);
    expect(explained).toBeInstanceOf(UpstreamError);
    expect(explained.message.startsWith(`${fileName}: `)).toBe(true);
  }
}

const cell = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    '1,5',
    '-3',
    '=SUM(A1)',
    '"',
    '""',
    "'",
    'é',
    '€',
    '“x”',
    '😀',
    ' ',
    '\\',
    '\\"',
    'id',
    'ID',
  ),
  fc.string({ maxLength: 6 }),
);
const csvLike = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { minLength: 0, maxLength: 8 }),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
    cut: fc.nat(),
  })
  .map(({ delimiter, newline, quoteAll, rows, encoding, cut }) => {
    const text = rows
      .map((r) => r.map((c) => (quoteAll || /[",\n;|\t]/.test(c) ? `"${c}"` : c)).join(delimiter))
      .join(newline);
    let bytes: Buffer;
    if (encoding === 'utf-16le')
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    else if (encoding === 'utf-16be') bytes = Buffer.from(text, 'utf16le').swap16();
    else if (encoding === 'windows-1252')
      bytes = Buffer.from(Array.from(text).map((ch) => Math.max(0, CP1252.indexOf(ch)) || 0x3f));
    else
      bytes = Buffer.concat([
        encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
        Buffer.from(text),
      ]);
    // Sometimes cut the file anywhere (mid-row, mid-quote, mid-character).
    return cut % 3 === 0 && bytes.length > 0 ? bytes.subarray(0, cut % bytes.length) : bytes;
  });

describe('stageSource never fails with anything but a clear IMPORT_ERROR', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('.csv', '.xlsx', '.sav', '.parquet', '.json', ''),
        holds,
      ),
      { numRuns: 150 },
    );
  });

  it('random bytes behind a real magic number', async () => {
    const magic = fc.constantFrom(
      'PK\u0003\u0004',
      'PAR1',
      '$FL2',
      '$FL3',
      '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1',
      '{"a":',
      '[',
    );
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 300 }), (m, rest) =>
        holds(Buffer.concat([Buffer.from(m, 'latin1'), rest]), '.bin'),
      ),
      { numRuns: 100 },
    );
  });

  it('random CSV-like text: quotes, delimiters, line breaks, encodings, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(csvLike, (bytes) => holds(bytes, '.csv')),
      { numRuns: 250 },
    );
  });
});
