import { afterAll, describe, expect, it } from 'vitest';
import { describeRelation, errorOf, fixture, readRelation, scratch, stage } from './readerTestKit';

const s = scratch();
afterAll(() => s.remove());

describe('Parquet (written by DuckDB)', () => {
  it('every column as text: ISO dates and timestamps (UTC for time-zoned ones), JSON for lists', async () => {
    const staged = await stage(fixture('feedback.parquet'), s.staging);
    expect(staged).toMatchObject({
      format: 'parquet',
      headerShape: 'plain',
      firstDataRow: 1,
      warnings: [],
    });
    const names = [
      'response_id',
      'store',
      'nps',
      'csat',
      'amount',
      'day',
      'submitted_at',
      'submitted_at_tz',
      'answered',
      'tags',
      'comment',
    ];
    expect(staged.columns.map((c) => c.name)).toEqual(names);
    expect(await describeRelation(staged)).toEqual(
      names.map((name) => ({ name, type: 'VARCHAR' })),
    );
    const rows = await readRelation(staged);
    expect(rows[0]).toEqual({
      response_id: '1',
      store: 'S042',
      nps: '9',
      csat: '4.5',
      amount: '12.50',
      day: '2025-03-01',
      submitted_at: '2025-03-01 09:15:30',
      submitted_at_tz: '2025-03-01 07:15:30',
      answered: 'true',
      tags: '["late","rude"]',
      comment: 'Fine, "thanks"',
    });
    expect(Object.values(rows[1]!).filter((v) => v !== null)).toEqual(['2', 'S007']);
    expect(rows[2]).toMatchObject({
      csat: '0.1',
      submitted_at: '2024-12-31 23:59:59.5',
      submitted_at_tz: '2024-12-31 23:30:00',
      tags: '[]',
      comment: '=HYPERLINK("x")',
    });
  });

  it('a Parquet file cut short', async () => {
    const { readFileSync } = await import('node:fs');
    const cut = readFileSync(fixture('feedback.parquet')).subarray(0, 900);
    expect((await errorOf(stage(s.write('cut.parquet', cut), s.staging))).message).toBe(
      'cut.parquet: is cut short: a Parquet file ends with "PAR1" and this one does not. Copy or export it again.',
    );
  });
});

describe('JSON', () => {
  it('JSON lines: keys in order of first appearance, values as text, nested values as JSON', async () => {
    const staged = await stage(fixture('responses.jsonl'), s.staging);
    expect(staged).toMatchObject({ format: 'jsonl', encoding: 'utf-8', firstDataRow: 1 });
    expect(staged.columns.map((c) => c.name)).toEqual([
      'response_id',
      'store',
      'nps',
      'csat',
      'channel',
      'submitted',
      'comment',
      'tags',
      'meta',
    ]);
    const rows = await readRelation(staged);
    expect(rows.map((r) => r.nps)).toEqual(['9', '3', '10']);
    expect(rows[0]!.comment).toBe('Quick "and" friendly');
    expect(rows[1]).toMatchObject({ comment: null, tags: '["late","rude"]' });
    expect(rows[2]).toMatchObject({ csat: '4.5', meta: '{"device":"ios"}' });
  });

  it('a JSON array of objects', async () => {
    const staged = await stage(fixture('responses-array.json'), s.staging);
    expect(await readRelation(staged)).toEqual([
      { unit: 'U1', period: '2025-Q1', metric: 'headcount', value: '42', n: '1' },
      { unit: 'U2', period: '2025-Q1', metric: 'attrition', value: '0.125', n: '12' },
    ]);
  });

  it('keys with dots, slashes, tildes, quotes, emoji, and keys differing only in case', async () => {
    const line = JSON.stringify({ 'a.b': 1, 's/l~': 2, 'q"k': 3, '😀': 4, Id: 5, id: 6, '': 7 });
    const staged = await stage(s.write('keys.jsonl', `${line}\n`), s.staging);
    expect(staged.columns.map((c) => c.name)).toEqual([
      'a.b',
      's/l~',
      'q"k',
      '😀',
      'Id',
      'id_2',
      'column_7',
    ]);
    expect(await readRelation(staged)).toEqual([
      { 'a.b': '1', 's/l~': '2', 'q"k': '3', '😀': '4', Id: '5', id_2: '6', column_7: '7' },
    ]);
  });

  it('a broken line names the line', async () => {
    expect(
      (await errorOf(stage(s.write('broken.jsonl', '{"a":1}\n{"a": 2,\n{"a":3}\n'), s.staging)))
        .message,
    ).toMatch(
      /^broken\.jsonl: line \d+ is not valid JSON \(.+\)\. Each line must be one complete JSON object\.$/,
    );
  });

  it('records that are not objects', async () => {
    expect(
      (await errorOf(stage(s.write('scalars.jsonl', '{"a":1}\n[1,2]\n'), s.staging))).message,
    ).toBe(
      'scalars.jsonl: record 2 is not a JSON object ({"name": value, ...}). Upstream reads one object per line, or an array of objects.',
    );
  });
});
