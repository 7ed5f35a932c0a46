import { existsSync, readFileSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { explainReadError, withRejects } from '../../../src/main/engine/import/readers';
import { errorOf, fixture, query, readRelation, scratch, stage } from './readerTestKit';

const s = scratch();
afterAll(() => s.remove());

describe('delimited text from real tools', () => {
  it('reads Windows-1252 with semicolons and decimal commas (iconv), euro sign and smart quotes intact', async () => {
    const staged = await stage(fixture('customer-feedback-1252.csv'), s.staging);
    expect(staged).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      decimalComma: true,
      headerShape: 'plain',
      firstDataRow: 2,
      warnings: [],
    });
    expect(staged.columns.map((c) => c.name)).toEqual([
      'Filiale',
      'Datum',
      'NPS',
      'Umsatz €',
      'Kommentar',
    ]);
    const rows = await readRelation(staged);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      Filiale: 'B-101',
      Datum: '03.01.2025',
      NPS: '9',
      'Umsatz €': '1.234,50',
      Kommentar: '„Sehr gut“ – schnell',
    });
    expect(rows[2]!.Kommentar).toBe("'Top' ‘Service’ … ™");
    // The staged copy is UTF-8 inside the staging folder.
    expect(staged.files).toHaveLength(1);
    expect(staged.files[0]!.startsWith(s.staging)).toBe(true);
    expect(readFileSync(staged.files[0]!, 'utf8')).toContain('Preis 12 € zu hoch');
  });

  it.each([
    ['contact-centre-utf16le.tsv', 'utf-16le'],
    ['contact-centre-utf16be.tsv', 'utf-16be'],
  ])('reads UTF-16 tab-separated text: %s', async (name, encoding) => {
    const staged = await stage(fixture(name), s.staging);
    expect(staged).toMatchObject({
      encoding,
      delimiter: '\t',
      decimalComma: false,
      firstDataRow: 2,
    });
    expect(staged.columns.map((c) => c.name)).toEqual([
      'queue',
      'agent',
      'started_at',
      'handle_seconds',
      'transferred',
    ]);
    const rows = await readRelation(staged);
    expect(rows.map((r) => r.agent)).toEqual(['Zoë Ångström', 'José Núñez', '李雷']);
    expect(rows[1]).toMatchObject({ started_at: '2025-02-03 09:05:10', handle_seconds: '1201' });
  });

  it('reads a mostly-UTF-8 file with a Windows-1252 line, and says so', async () => {
    const staged = await stage(fixture('mixed-encoding.csv'), s.staging);
    expect(staged.encoding).toBe('utf-8');
    expect(staged.warnings).toEqual([
      '2 bytes are not valid UTF-8 (the first on line 3) and were read as Windows-1252: the file mixes encodings, so check the text on those lines, or save the file again as UTF-8.',
    ]);
    expect((await readRelation(staged)).map((r) => r.comment)).toEqual([
      'Café crème',
      'Café € 5',
      'naïve',
    ]);
  });

  it('skips title lines above the header and keeps row numbers across blank lines', async () => {
    const staged = await stage(fixture('hierarchy-preamble.csv'), s.staging);
    expect(staged).toMatchObject({ delimiter: '|', firstDataRow: 5 });
    expect(staged.warnings).toEqual([
      '3 lines above the header skipped ("HR hierarchy export", "Generated 2025-03-31 by HRIS").',
      '1 blank line between rows is read as an empty row, so row numbers match the file.',
    ]);
    const rows = await query(
      staged,
      `SELECT (row_number() OVER () + ${staged.firstDataRow} - 1)::INTEGER AS line, unit_id FROM $src`,
    );
    expect(rows).toEqual([
      { line: 5, unit_id: 'U1' },
      { line: 6, unit_id: null },
      { line: 7, unit_id: 'U2' },
      { line: 8, unit_id: 'U3' },
    ]);
  });
});

describe('delimited text: dialects and header rows', () => {
  it('stages a clean UTF-8 file without converting it (hard link or copy)', async () => {
    const path = s.write('plain.csv', 'a,b\n1,2\n');
    const staged = await stage(path, s.staging);
    expect(staged).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      firstDataRow: 2,
      warnings: [],
    });
    expect(readFileSync(staged.files[0]!, 'utf8')).toBe('a,b\n1,2\n');
    expect(
      statSync(staged.files[0]!).ino === statSync(path).ino || existsSync(staged.files[0]!),
    ).toBe(true);
  });

  it('parses a header with a quoted line break, quotes and CRLF', async () => {
    const path = s.write('crlf.csv', '"unit\r\nid","say ""hi""",x\r\nU1,"a\r\nb",3\r\nU2,c,4\r\n');
    const staged = await stage(path, s.staging);
    expect(staged.columns).toEqual([
      { name: 'unit id', originalName: 'unit\r\nid' },
      { name: 'say "hi"' },
      { name: 'x' },
    ]);
    expect(staged.firstDataRow).toBe(2);
    expect(await readRelation(staged)).toEqual([
      { 'unit id': 'U1', 'say "hi"': 'a\r\nb', x: '3' },
      { 'unit id': 'U2', 'say "hi"': 'c', x: '4' },
    ]);
  });

  it('detects a backslash escape', async () => {
    const path = s.write('backslash.csv', 'id,comment\n1,"He said \\"no\\""\n2,"plain"\n');
    const staged = await stage(path, s.staging);
    expect(staged.relationSql).toContain("escape = '\\'");
    expect((await readRelation(staged)).map((r) => r.comment)).toEqual(['He said "no"', 'plain']);
  });

  it.each([
    ['pipe', 'a|b|c\n1|2|3\n4|5|6\n', '|'],
    ['semicolon', 'a;b;c\n1,5;2;3\n4;5,25;6\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['comma with semicolons in cells', 'a,b\n"x;y",2\n"p;q",3\n', ','],
  ])('sniffs the delimiter: %s', async (_label, text, delimiter) => {
    const staged = await stage(s.write('d.csv', text), s.staging);
    expect(staged.delimiter).toBe(delimiter);
  });

  it('a first row of only numbers is data: columns are named column_N', async () => {
    const staged = await stage(
      s.write('noheader.csv', '1,2.5,2025-01-01\n3,4,2025-01-02\n'),
      s.staging,
    );
    expect(staged.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(staged.firstDataRow).toBe(1);
    expect(await readRelation(staged)).toHaveLength(2);
    expect(staged.warnings).toEqual([
      'row 1 holds only numbers and dates, so it was read as data, not as a header: the columns are named column_1 to column_3.',
    ]);
  });

  it('blank, repeated and case-repeated names become unique; odd names survive quoting', async () => {
    const header = [
      'id',
      '',
      'ID',
      'id',
      'x"); DROP TABLE t; --',
      "it's",
      'emoji 😀',
      '"quoted, name"',
      'column_2',
    ];
    const text = `${header.map((h) => (/[",]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h)).join(',')}\n1,2,3,4,5,6,7,8,9\n`;
    const staged = await stage(s.write('names.csv', text), s.staging);
    const names = staged.columns.map((c) => c.name);
    expect(names).toEqual([
      'id',
      'column_2_2',
      'ID_2',
      'id_3',
      'x"); DROP TABLE t; --',
      "it's",
      'emoji 😀',
      '"quoted, name"',
      'column_2',
    ]);
    expect(staged.warnings).toEqual([
      '1 column has no name in the header and was called column_2_2.',
      '2 repeated column names were made unique (names differing only in case count as the same): ID -> ID_2, id -> id_3.',
    ]);
    const [row] = await readRelation(staged);
    expect(Object.keys(row!)).toEqual(names);
    expect(row!['x"); DROP TABLE t; --']).toBe('5');
  });

  it('keeps cells that start with = + - @ as text, and a 1 MB cell whole', async () => {
    const big = 'é'.repeat(512 * 1024);
    const path = s.write('cells.csv', `a,b,c,d,e\n=SUM(A1),+1,-2,@x,"${big}"\n`);
    const staged = await stage(path, s.staging);
    const [row] = await readRelation(staged);
    expect(row).toMatchObject({ a: '=SUM(A1)', b: '+1', c: '-2', d: '@x' });
    expect(row!.e).toHaveLength(big.length);
  });

  it('pads header names for data wider than the header, and drops empty trailing header cells', async () => {
    const wide = await stage(s.write('wide.csv', 'a,b\n1,2,3\n4,5,6\n'), s.staging);
    expect(wide.columns.map((c) => c.name)).toEqual(['a', 'b', 'column_3']);
    expect(wide.warnings).toEqual(['1 column has no name in the header and was called column_3.']);
    expect(await readRelation(wide)).toEqual([
      { a: '1', b: '2', column_3: '3' },
      { a: '4', b: '5', column_3: '6' },
    ]);
    const narrow = await stage(s.write('narrow.csv', 'a,b,,\n1,2\n3,4\n'), s.staging);
    expect(narrow.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(narrow.warnings).toEqual([
      '2 empty columns at the end of the header dropped (the rows have 2 columns).',
    ]);
  });

  it('a header with no rows gives an empty relation (the pipeline reports "no data rows")', async () => {
    const staged = await stage(s.write('header-only.csv', 'a,b,c\n'), s.staging);
    expect(staged.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(await readRelation(staged)).toEqual([]);
  });

  it('a one-column file keeps its empty rows', async () => {
    const staged = await stage(s.write('one.csv', 'code\nA\n\nB\n'), s.staging);
    expect(await readRelation(staged)).toEqual([{ code: 'A' }, { code: null }, { code: 'B' }]);
  });

  it('reads a CSV named .xlsx by its content, and says so', async () => {
    const staged = await stage(s.write('renamed.xlsx', 'a,b\n1,2\n'), s.staging);
    expect(staged.format).toBe('csv');
    expect(staged.warnings).toEqual([
      'the file is named .xlsx but holds delimited text (CSV/TSV): read as delimited text (CSV/TSV).',
    ]);
  });

  it('reports progress and stages inside the staging folder only', async () => {
    const seen: number[] = [];
    const staged = await stage(s.write('p.csv', 'a\n1\n'), s.staging, {
      onProgress: (done) => seen.push(done),
    });
    expect(seen.at(-1)).toBe(4);
    expect(staged.relationSql.startsWith(`read_csv('${s.staging}/source-`)).toBe(true);
  });

  it('quotes a staging path holding a single quote', async () => {
    const staging = `${s.dir}/it's staging`;
    const staged = await stage(s.write('q.csv', 'a\n1\n'), staging);
    expect(staged.relationSql).toContain("it''s staging");
    expect(await readRelation(staged)).toEqual([{ a: '1' }]);
  });
});

describe('delimited text: bad input', () => {
  const bad = async (name: string, content: string | Buffer) =>
    errorOf(stage(s.write(name, content), s.staging));

  it('empty file', async () => {
    expect(await bad('empty.csv', '')).toEqual({
      name: 'UpstreamError',
      code: 'IMPORT_ERROR',
      message: 'empty.csv: the file is empty (0 bytes).',
    });
  });

  it('only blank lines', async () => {
    expect((await bad('blank.csv', '\n \r\n\t\n')).message).toBe(
      'blank.csv: has no data: it holds only blank lines or spaces.',
    );
  });

  it('binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await bad('garbage.csv', garbage)).message).toBe(
      'garbage.csv: is not a file Upstream can read: it is not text, and not a format Upstream knows. Upstream reads CSV/TSV text, Excel (.xlsx), Parquet, JSON lines and SPSS (.sav); export the data in one of those formats.',
    );
  });

  it('a header whose quote never closes', async () => {
    expect((await bad('open.csv', 'a,"b\n1,2\n')).message).toBe(
      'open.csv: row 1 has a quote (") that is never closed, so the rest of the file would be one cell. Fix the quoting (a quote inside a quoted cell is written twice) or export the file again.',
    );
  });

  it('a gzip file', async () => {
    expect((await bad('x.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))).message).toBe(
      'x.csv.gz: is gzip-compressed: unpack it first, then import the file inside.',
    );
  });

  it('a missing file', async () => {
    expect((await errorOf(stage(`${s.dir}/nope.csv`, s.staging))).message).toBe(
      `nope.csv: file not found (${s.dir}/nope.csv).`,
    );
  });
});

describe('rows DuckDB rejects: the error names the file and the row', () => {
  async function readError(name: string, text: string) {
    const staged = await stage(s.write(name, text), s.staging);
    const result = await query(staged, 'SELECT * FROM $src');
    expect(result).toBeInstanceOf(Error);
    return explainReadError(name, result, staged).message;
  }

  it('a row with too few values (counting a quoted line break as one row)', async () => {
    expect(await readError('few.csv', 'a,b,c\n1,2,3\n"x\ny",5,6\n7,8\n9,10,11\n')).toBe(
      'few.csv: row 4 has 2 values but the header has 3 columns. If it is the last row, the file may have been cut short: export it again; otherwise check that row for a missing delimiter or a stray line break.',
    );
  });

  it('a row with too many values', async () => {
    expect(await readError('many.csv', 'a,b\n1,2\n3,4,5\n')).toBe(
      'many.csv: row 3 has 3 values but the header has 2 columns. Check that row for a delimiter inside a cell that is not quoted, or a missing header name.',
    );
  });

  it('a file cut mid-row', async () => {
    expect(await readError('cut.csv', 'a,b,c\n1,2,3\n4,5')).toBe(
      'cut.csv: row 3 has 2 values but the header has 3 columns. If it is the last row, the file may have been cut short: export it again; otherwise check that row for a missing delimiter or a stray line break.',
    );
  });

  it('a file cut inside a quoted cell', async () => {
    expect(await readError('cutquote.csv', 'a,b\n1,2\n3,"unfinished comm')).toBe(
      'cutquote.csv: row 3 has a quote that is never closed, or text right after a closing quote. Inside a quoted cell a quote must be written twice (""); if the row is at the end of the file, the file may have been cut short: export it again.',
    );
  });

  it('blank lines before a bad row are counted like the file counts them', async () => {
    expect(await readError('gap.csv', 'a,b\n1,2\n\n\n3\n')).toContain('gap.csv: row 5 has 1 value');
  });

  it('store_rejects keeps the good rows and records the bad ones with their row numbers', async () => {
    const staged = await stage(s.write('quarantine.csv', 'a,b\n1,2\n3,4,5\n6,7\n8\n'), s.staging);
    const lenient = withRejects(staged.relationSql, 'rejects', 'rejects_scan')!;
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const good = await conn.runAndReadAll(`SELECT a, b FROM ${lenient}`);
      expect(good.getRowObjectsJS()).toEqual([
        { a: '1', b: '2' },
        { a: '6', b: '7' },
      ]);
      const bad = await conn.runAndReadAll(
        'SELECT line::INTEGER AS row, error_type, csv_line FROM rejects ORDER BY line',
      );
      expect(bad.getRowObjectsJS()).toEqual([
        { row: 3, error_type: 'TOO MANY COLUMNS', csv_line: '3,4,5' },
        { row: 5, error_type: 'MISSING COLUMNS', csv_line: '8' },
      ]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    expect(withRejects('(SELECT 1)', 'r', 's')).toBeNull();
  });
});
