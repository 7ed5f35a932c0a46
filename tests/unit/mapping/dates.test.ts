import { describe, expect, it } from 'vitest';
import { dateShape, inferMapping, scanDates } from '../../../src/main/engine/import/mapping';
import { col } from './fixtures';

describe('date shapes', () => {
  it.each([
    ['2025-07-03', '%Y-%m-%d'],
    ['2025-07-03 14:05:00', '%Y-%m-%d %H:%M:%S'],
    ['2025-07-03T14:05:00Z', '%Y-%m-%dT%H:%M:%SZ'],
    ['2025-07-03T14:05:00.123Z', '%Y-%m-%dT%H:%M:%S.%fZ'],
    ['2025-07-03T14:05:00+02:00', '%Y-%m-%dT%H:%M:%S%z'],
    ['2025/07/03', '%Y/%m/%d'],
    ['03-Jan-2025', '%d-%b-%Y'],
    ['3 January 2025', '%d %B %Y'],
    ['Jan 3, 2025', '%b %d, %Y'],
    ['7/3/2025 2:05 PM', '{D}/{D}/%Y %I:%M %p'],
    ['7/3/2025 14:05', '{D}/{D}/%Y %H:%M'],
    ['03.07.25', '{D}.{D}.%y'],
    ['20250703', '%Y%m%d'],
  ])('%s -> %s', (value, format) => {
    expect(dateShape(value)?.format).toBe(format);
  });

  it.each([
    '3.5',
    '12',
    '1,5',
    'ST-1042',
    '2025-13-01',
    '31/31/2025',
    '25:61',
    'N/A',
    '12-34-56',
    '2025-Q3',
  ])('%s is not a date', (value) => {
    expect(dateShape(value)).toBeNull();
  });

  it('decides the day/month order from values over 12', () => {
    expect(scanDates(['03/07/2025', '14/07/2025']).order).toBe('dmy');
    expect(scanDates(['07/03/2025', '07/14/2025']).order).toBe('mdy');
    expect(scanDates(['03/07/2025', '04/07/2025']).order).toBeNull();
    expect(scanDates(['13/07/2025', '07/14/2025']).order).toBe('mixed');
  });
});

function cx(dates: string[], extra: ReturnType<typeof col>[] = [], fileName = 'cx.csv') {
  return inferMapping({
    fileName,
    headerShape: 'plain',
    catalogue: [],
    kind: 'customer_feedback',
    columns: [
      col('Response ID', ['r1', 'r2', 'r3', 'r4', 'r5']),
      col('Store', ['ST-1', 'ST-2']),
      col('Response Date', dates),
      col('NPS', ['0', '5', '9', '10']),
      ...extra,
    ],
  });
}

describe('date formats in a mapping', () => {
  it('lists every format a column mixes, most frequent first', () => {
    const r = cx([
      '2025-07-03 09:00:00',
      '2025-07-04 10:00:00',
      '2025-07-05 10:00:00',
      '14/07/2025',
      '16/07/2025',
      '15/07/2025 08:30',
      '03-Aug-2025',
      '04-Aug-2025',
      '05-Aug-2025',
      '06-Aug-2025',
    ]);
    expect(r.mapping.dateFormats.responded_at).toEqual([
      '%d-%b-%Y',
      '%Y-%m-%d %H:%M:%S',
      '%d/%m/%Y',
      '%d/%m/%Y %H:%M',
    ]);
    expect(r.problems.some((p) => /ambiguous/.test(p))).toBe(false);
  });

  it('month first when a value says so', () => {
    const r = cx(['07/14/2025 2:05 PM', '07/03/2025 11:00 AM']);
    expect(r.mapping.dateFormats.responded_at).toEqual(['%m/%d/%Y %I:%M %p']);
  });

  it("ambiguous dates follow the file's other date columns, with a problem", () => {
    const r = cx(['03/07/2025', '04/07/2025'], [col('Visit Date', ['07/25/2025', '07/02/2025'])]);
    expect(r.mapping.dateFormats.responded_at).toEqual(['%m/%d/%Y']);
    const problem = r.problems.find((p) => p.startsWith('ambiguous dates: check'));
    expect(problem).toMatch(/responded_at/);
    expect(problem).toMatch(/month first/);
    expect(problem).toMatch(/other dates/);
  });

  it('ambiguous dates default to day first, or month first for US files', () => {
    const uk = cx(['03/07/2025', '04/07/2025']);
    expect(uk.mapping.dateFormats.responded_at).toEqual(['%d/%m/%Y']);
    expect(uk.problems.some((p) => p.startsWith('ambiguous dates: check'))).toBe(true);
    const us = cx(['03/07/2025', '04/07/2025'], [], 'nps_export_US.csv');
    expect(us.mapping.dateFormats.responded_at).toEqual(['%m/%d/%Y']);
  });

  it('a column mixing both orders lists both and says so', () => {
    const r = cx(['13/07/2025', '14/07/2025', '07/15/2025']);
    expect(r.mapping.dateFormats.responded_at).toEqual(['%d/%m/%Y', '%m/%d/%Y']);
    expect(r.problems.some((p) => /mixes day-first and month-first/.test(p))).toBe(true);
  });

  it('reports Excel day numbers', () => {
    const r = cx(['45841', '45842', '45850']);
    expect(r.mapping.columns.responded_at).toBe('Response Date');
    expect(r.problems.some((p) => /Excel day numbers/.test(p))).toBe(true);
  });

  it('prefers the completion date over the start date', () => {
    const r = inferMapping({
      fileName: 'survey.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Respondent ID', ['a1', 'a2', 'a3', 'a4', 'a5']),
        col('Started', ['2025-07-01 09:00']),
        col('Completed', ['2025-07-01 09:10']),
        col('Team ID', ['T1', 'T2']),
        col('Q1', ['1', '2', '3', '4', '5']),
        col('Q2', ['1', '2', '3', '4', '5']),
        col('Q3', ['1', '2', '3', '4', '5']),
      ],
    });
    expect(r.mapping.columns.submitted_at).toBe('Completed');
    expect(r.columns.find((c) => c.column === 'Started')?.why).toMatch(/fits better/);
  });
});

describe('a separate time-of-day column', () => {
  const dates = ['03/07/2025', '14/07/2025', '21/07/2025'];
  const times = ['14:05', '09:30:15', '2:05 PM', '17:45'];

  it('joins a date-only response date', () => {
    const r = inferMapping({
      fileName: 'cx.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Response ID', ['R1', 'R2', 'R3']),
        col('Date', dates),
        col('Time', times),
        col('Store', ['S1', 'S2']),
        col('NPS', ['9', '6', '10']),
      ],
      kind: 'customer_feedback',
    });
    expect(r.mapping.columns.responded_at).toBe('Date');
    expect(r.mapping.timeColumns).toEqual({ responded_at: 'Time' });
    expect(r.columns.find((c) => c.column === 'Time')?.why).toMatch(/time of day for responded_at/);
  });

  it('is not a duration written like a clock, and not needed when the date has a time', () => {
    const durations = inferMapping({
      fileName: 'calls.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Call ID', ['C1', 'C2', 'C3']),
        col('Queue', ['Billing', 'Tech']),
        col('Date', dates),
        col('Talk Time', ['02:10', '00:45', '03:00']),
        col('Hold time', ['00:10', '00:05']),
        col('Wrap time', ['00:30', '00:20']),
        col('Handle time', ['03:00', '01:10']),
      ],
      kind: 'contact_centre',
    });
    expect(durations.mapping.timeColumns).toBeUndefined();
    const stamped = inferMapping({
      fileName: 'cx.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Response ID', ['R1', 'R2']),
        col('Date', ['03/07/2025 14:05', '14/07/2025 09:30']),
        col('Time', times),
        col('Store', ['S1']),
        col('NPS', ['9']),
      ],
      kind: 'customer_feedback',
    });
    expect(stamped.mapping.timeColumns).toBeUndefined();
  });
});
