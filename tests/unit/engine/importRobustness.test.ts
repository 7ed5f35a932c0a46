import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { CANONICAL_KINDS } from '../../../src/shared/imports';
import { UpstreamError } from '../../../src/shared/result';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

const TABLES = [
  'sources',
  'quarantine',
  'org_units',
  'survey_respondents',
  'survey_answers',
  'survey_items',
  'customer_feedback',
  'unit_mapping',
  'contact_interactions',
  'recognition_events',
  'hr_metrics',
  'mapping_profiles',
];

async function snapshot(t: TinyWorkspace): Promise<string> {
  const counts = [];
  for (const table of TABLES)
    counts.push(
      (await queryOne<{ n: number }>(t.ws.conn, `SELECT count(*) AS n FROM ${table}`))!.n,
    );
  return counts.join(',');
}

const cell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    '","',
    '\n',
    '\r\n',
    ';',
    '\t',
    '|',
    'N/A',
    '=1+2',
    '@SUM(A1)',
    '-3',
    '+44',
    '2025-07-01',
    '01/07/2025',
    '2025-Q3',
    'T1',
    'S-A',
    '9',
    '11',
    'café',
    '😀',
    'DROP TABLE meta;--',
    "O'Brien",
  ),
  fc.string({ maxLength: 12 }),
);
const header = fc.array(
  fc.oneof(
    fc.constantFrom(
      'response_id',
      'responded_at',
      'cx_code',
      'nps',
      'unit_id',
      'period',
      'headcount',
      'Store Code',
      'Date',
      '',
      'a"b',
      'x\ny',
      '😀',
    ),
    fc.string({ maxLength: 8 }),
  ),
  { minLength: 1, maxLength: 6 },
);
const csvLike = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
    fc.constantFrom(',', ';', '\t', '|'),
    fc.boolean(),
  )
  .map(([head, rows, delim, quoteAll]) =>
    [head, ...rows]
      .map((r) => r.map((c) => (quoteAll ? `"${c.replaceAll('"', '""')}"` : c)).join(delim))
      .join(quoteAll ? '\r\n' : '\n'),
  );
const content = fc.oneof(
  csvLike.map((text) => Buffer.from(text, 'utf8')),
  csvLike.map((text) => Buffer.from(text, 'latin1')),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  csvLike.map((text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
);

describe('import robustness: malformed files never crash and never half-load', () => {
  let t: TinyWorkspace;
  beforeAll(async () => {
    t = await tinyWorkspace();
  });
  afterAll(() => t.cleanup());

  it('either imports with counts that reconcile, or fails naming the file and changes nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.option(fc.constantFrom(...CANONICAL_KINDS), { nil: undefined }),
        async (bytes, kind) => {
          const name = `random_${run++}.csv`;
          const path = join(t.dir, name);
          writeFileSync(path, bytes);
          const before = await snapshot(t);
          try {
            const report = await importFile(t.ws, path, { kind });
            expect(report.rowsRead).toBe(report.rowsImported + report.rowsQuarantined);
          } catch (error) {
            expect(error).toBeInstanceOf(UpstreamError);
            expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
            expect(await snapshot(t)).toBe(before);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 240_000);

  it('keeps cells that look like spreadsheet formulas as plain text', async () => {
    const path = join(t.dir, 'formulas.csv');
    writeFileSync(
      path,
      'cx_code,unit_id\n"=HYPERLINK(""http://x"")",T1\n+cmd,T2\n@SUM(A1),T3\n-2+3,T4\n',
    );
    const report = await importFile(t.ws, path, { kind: 'unit_mapping' });
    expect(report).toMatchObject({ rowsImported: 4, rowsQuarantined: 0 });
    const codes = await queryRows<{ cx_code: string }>(
      t.ws.conn,
      `SELECT cx_code FROM unit_mapping WHERE source_id = (SELECT max(source_id) FROM sources) ORDER BY cx_code`,
    );
    expect(codes.map((c) => c.cx_code)).toEqual([
      '+cmd',
      '-2+3',
      '=HYPERLINK("http://x")',
      '@SUM(A1)',
    ]);
  });
});
