import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { previewImport } from '../../../src/main/engine/import/preview';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import { callOverview, tileOf } from '../../helpers/overviewCall';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/**
 * Contact-centre logs as telephony systems write them: only some of talk, hold, wrap-up and
 * handle times, an answered flag or a call status, durations as h:mm:ss, m:ss, seconds or Excel
 * fractions of a day, the date and the time in two columns, a trailing comma on every line.
 * Figures the log cannot give show no data, never 0.
 */

/** A small ACD export: every line ends with a comma (an empty last header). Day-first dates. */
const ACD_LOG = [
  'Call ID,Date,Time,Queue,Agent,Talk Time,Answered,',
  '1001,03/03/2025,09:01:15,Billing,A1,0:05:12,Yes,',
  '1002,03/03/2025,09:04:00,Billing,A2,5:12,Yes,',
  '1003,03/03/2025,09:10:00,Billing,,0:00:00,No,',
  '1004,14/03/2025,10:00:00,Billing,A1,312,Yes,',
  '1005,14/03/2025,10:05:00,Billing,A2,0:02:00,Yes,',
  '1006,14/03/2025,10:07:00,Billing,,,No,',
  '1007,17/03/2025,11:00:00,Sales,A3,0:10:00,Yes,',
  '1008,17/03/2025,11:30:00,Sales,A3,abc,Yes,',
  '1009,18/03/2025,12:00:00,Sales,,,No,',
].join('\r\n');

/**
 * A cloud contact-centre export saved from Excel: US timestamps, a call status in words, talk and
 * handle times as Excel fractions of a day (0.0034722222 = 5 min), no hold or wrap-up time, a
 * transfer flag and a post-call CSAT score.
 */
const CLOUD_LOG = [
  'Contact ID,Start Time,Skill,Call Status,Talk Time,Handle Time,Transfer,CSAT',
  'C1,4/14/2025 9:00:00 AM,Cards,Answered,0.0034722222,0.0041666667,No,5',
  'C2,4/14/2025 9:10:00 AM,Cards,Answered,0.0020833333,0.0027777778,Yes,4',
  'C3,4/15/2025 1:00:00 PM,Cards,Abandoned,0,0,No,',
  'C4,4/15/2025 1:30:00 PM,Cards,Missed,,,,',
  'C5,4/16/2025 2:00:00 PM,Cards,Answered,0.0069444444,0.0083333333,No,2',
  'C6,4/17/2025 3:00:00 PM,Cards,Answered,0.0034722222,0.0034722222,No,3',
].join('\n');

describe('contact-centre logs with only what their system records', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace({ load: false });
    for (const f of t.files.filter((f) => f.kind === 'org_units'))
      await importFile(t.ws, f.path, { kind: f.kind });
    const mapping = join(t.dir, 'queues.csv');
    writeFileSync(mapping, 'cx_code,unit_id\nBilling,T1\nSales,T3\nCards,T4\n');
    await importFile(t.ws, mapping, { kind: 'unit_mapping' });
  });
  afterEach(() => t.cleanup());

  it('an ACD log with a trailing comma, separate date and time, mixed durations and an answered flag', async () => {
    const path = join(t.dir, 'acd_calls.csv');
    writeFileSync(path, `${ACD_LOG}\r\n`);
    const preview = await previewImport(t.ws, path, {});
    expect(preview.kind).toBe('contact_centre');
    expect(preview.mapping.columns).toEqual({
      interaction_id: 'Call ID',
      queue_code: 'Queue',
      agent_id: 'Agent',
      started_at: 'Date',
      talk_seconds: 'Talk Time',
      answered: 'Answered',
    });
    expect(preview.mapping.timeColumns).toEqual({ started_at: 'Time' });
    expect(preview.mapping.durations).toEqual({ talk_seconds: 'hms' });
    const answered = preview.columns.find((c) => c.name === 'Answered')!;
    expect(answered).toMatchObject({ role: 'answered' });
    expect(answered.why).toMatch(/name reads as answered/);

    const report = await importFile(t.ws, path);
    expect(report).toMatchObject({
      kind: 'contact_centre',
      rowsRead: 9,
      rowsImported: 8,
      rowsQuarantined: 1,
      reasons: { 'talk_seconds: not a whole number': 1 },
    });
    expect(report.warnings).toContain(
      'no handle time column, and no hold time or wrap-up time to add up to one: average handle time will show no data',
    );
    const calls = await queryRows<Record<string, unknown>>(
      t.ws.conn,
      `SELECT interaction_id, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, talk_seconds,
         hold_seconds, handle_seconds, answered, transferred
       FROM contact_interactions ORDER BY interaction_id`,
    );
    expect(calls.map((c) => c.talk_seconds)).toEqual([312, 312, 0, 312, 120, null, 600, null]);
    expect(calls[3]).toEqual({
      interaction_id: '1004',
      started_at: '2025-03-14 10:00:00',
      talk_seconds: 312,
      hold_seconds: null,
      handle_seconds: null,
      answered: true,
      transferred: null,
    });

    // By hand, Billing (T1): 6 calls, 2 not answered; talk of the 4 answered: 312 x 3 + 120.
    const [billing] = await unitFigures(
      t.ws.conn,
      ['T1'],
      ['2025-Q1'],
      ['interactions', 'abandonment_rate', 'avg_talk_seconds', 'avg_hold_seconds'],
    );
    expect(billing).toMatchObject({
      interactions: 6,
      abandonment_rate: 33.333333333333336,
      abandonment_rate_n: 6,
      avg_talk_seconds: 264,
      avg_talk_seconds_n: 4,
      avg_hold_seconds: null,
      avg_hold_seconds_n: 0,
    });
    // The company: 8 calls, 3 not answered.
    const [company] = await unitFigures(t.ws.conn, ['C'], ['2025-Q1'], ['abandonment_rate']);
    expect(company!.abandonment_rate).toBe(37.5);

    const overview = await callOverview(t.ctx, { unitId: 'T1', period: '2025-Q1' });
    for (const m of ['avg_handle_seconds', 'transfer_rate', 'repeat_contact_rate'] as const) {
      expect(tileOf(overview, m)).toMatchObject({ status: 'no_data', value: null });
      expect(tileOf(overview, m).reason).toMatch(/not record it give no data, not 0/);
    }
  });

  it('a cloud export with a call status, Excel time fractions, handle time without hold or wrap, and CSAT', async () => {
    const path = join(t.dir, 'cloud_interactions.csv');
    writeFileSync(path, `${CLOUD_LOG}\n`);
    const report = await importFile(t.ws, path);
    expect(report).toMatchObject({
      kind: 'contact_centre',
      rowsRead: 6,
      rowsImported: 6,
      rowsQuarantined: 0,
    });
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'talk_seconds ("Talk Time") is in Excel time (fractions of a day), not seconds: converted (mapping.durations)',
        'handle_seconds ("Handle Time") is in Excel time (fractions of a day), not seconds: converted (mapping.durations)',
        'answered ("Call Status") is read as "Answered" = answered, "Abandoned" = not answered, "Missed" = not answered: calls not answered are counted but kept out of time averages (mapping.choiceScores)',
      ]),
    );
    const calls = await queryRows<{ id: string; talk: number | null; handle: number | null }>(
      t.ws.conn,
      `SELECT interaction_id AS id, talk_seconds AS talk, handle_seconds AS handle
       FROM contact_interactions ORDER BY id`,
    );
    expect(calls).toEqual([
      { id: 'C1', talk: 300, handle: 360 },
      { id: 'C2', talk: 180, handle: 240 },
      { id: 'C3', talk: 0, handle: 0 },
      { id: 'C4', talk: null, handle: null },
      { id: 'C5', talk: 600, handle: 720 },
      { id: 'C6', talk: 300, handle: 300 },
    ]);
    // By hand, Cards (T4): handle of the 4 answered calls (360 + 240 + 720 + 300) / 4 = 405;
    // the abandoned call's 0 is not averaged in. Transfers: 1 of the 5 calls with a flag.
    // Abandoned or missed: 2 of 6. CSAT 4-5: 2 of the 4 scores.
    const [cards] = await unitFigures(
      t.ws.conn,
      ['T4'],
      ['2025-Q2'],
      ['avg_handle_seconds', 'avg_hold_seconds', 'transfer_rate', 'abandonment_rate', 'csat'],
    );
    expect(cards).toMatchObject({
      avg_handle_seconds: 405,
      avg_handle_seconds_n: 4,
      avg_hold_seconds: null,
      transfer_rate: 20,
      transfer_rate_n: 5,
      abandonment_rate: 33.333333333333336,
      csat: 50,
      csat_n: 4,
    });
  });

  it('sums handle time from talk, hold and wrap-up when the log has no handle column', async () => {
    const path = join(t.dir, 'calls_parts.csv');
    writeFileSync(
      path,
      [
        'Interaction ID,Start,Queue,Talk (s),Hold (s),ACW (s)',
        'I1,2025-02-03 09:00:00,Sales,100,20,30',
        'I2,2025-02-03 09:05:00,Sales,200,0,40',
        'I3,2025-02-03 09:09:00,Sales,300,,10',
      ].join('\n'),
    );
    const report = await importFile(t.ws, path, { kind: 'contact_centre' });
    expect(report).toMatchObject({ rowsRead: 3, rowsImported: 3, rowsQuarantined: 0 });
    expect(report.warnings).toContain(
      'no handle time column: handle time is talk + hold + wrap-up time, call by call',
    );
    const handle = await queryRows<{ handle_seconds: number | null }>(
      t.ws.conn,
      'SELECT handle_seconds FROM contact_interactions ORDER BY interaction_id',
    );
    // I3 has no hold time: its handle time is not made up.
    expect(handle.map((h) => h.handle_seconds)).toEqual([150, 240, null]);
    const [sales] = await unitFigures(t.ws.conn, ['T3'], ['2025-Q1'], ['avg_handle_seconds']);
    expect(sales).toMatchObject({ avg_handle_seconds: 195, avg_handle_seconds_n: 2 });
  });
});
