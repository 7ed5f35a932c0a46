import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRows, quoteLiteral } from '../../../src/main/engine/db/query';
import type { DuckType } from '../../../src/main/engine/import/canonicalFormats';
import { rawCell, typedCell } from '../../../src/main/engine/import/columnChecks';
import { memoryDb } from '../../helpers/memoryDb';

/**
 * rawCell and typedCell skip DuckDB's trim where it cannot change anything. They must give
 * exactly what the plain definitions give, `nullif(trim(cell), '')` and a TRY_CAST of that, for
 * any text a file can hold: spaces of every kind at either end, tabs, signs, dates, non-ASCII.
 */
const TYPES: DuckType[] = ['VARCHAR', 'INTEGER', 'DOUBLE', 'DATE', 'TIMESTAMP', 'BOOLEAN'];

const piece = fc.constantFrom(
  ' ',
  '  ',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u202f',
  '\t',
  '\r',
  '\n',
  '\u200b',
  '5',
  '11',
  '-3',
  '+4',
  '0.5',
  '1e3',
  '1,5',
  'true',
  'f',
  '2025-07-01',
  '2025-07-01 14:05:00',
  'T',
  '14:05',
  'é',
  '😀',
  'x',
  '',
);
const cellText = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));

const db = memoryDb();

async function mismatches(values: (string | null)[]): Promise<unknown[]> {
  const rows = values.map((v) => `(${v === null ? 'NULL' : quoteLiteral(v)})`).join(', ');
  const checks = TYPES.map((type) => {
    const plain = `TRY_CAST(nullif(trim("c"), '') AS ${type})`;
    return `CASE WHEN ${typedCell('c', type)} IS DISTINCT FROM ${plain} THEN '${type}' END`;
  });
  return queryRows(
    db.conn,
    `SELECT c, [${checks.join(', ')}, CASE WHEN ${rawCell('c')} IS DISTINCT FROM nullif(trim("c"), '') THEN 'raw' END] AS bad
     FROM (VALUES ${rows}) v(c) WHERE list_count(bad) > 0`,
  );
}

describe('cell expressions', () => {
  it('match nullif(trim(cell), "") and its TRY_CAST for every type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(cellText, { nil: null }), { minLength: 1, maxLength: 50 }),
        async (values) => {
          expect(await mismatches(values)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('trim a no-break space at the end of an otherwise ASCII cell', async () => {
    const [row] = await queryRows<{ raw: string; n: number }>(
      db.conn,
      `SELECT ${rawCell('c')} AS raw, ${typedCell('c', 'INTEGER')} AS n FROM (VALUES ('7\u00a0')) v(c)`,
    );
    expect(row).toEqual({ raw: '7', n: 7 });
  });
});
