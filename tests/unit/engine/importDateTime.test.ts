import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** Exports that write the date and the time of day in two columns ("Date" 03/07/2025, "Time" 14:05). */
const FEEDBACK = [
  'Response ID,Date,Time,Store,NPS,Talk time',
  'F1,03/07/2025,14:05,S1,9,02:10',
  'F2,13/07/2025,09:30:15,S2,6,00:45',
  'F3,14/07/2025,,S1,10,01:00',
  'F4,15/07/2025,2:05 PM,S2,7,03:00',
  'F5,16/07/2025,25:99,S1,8,00:10',
  ...Array.from({ length: 9 }, (_, i) => `G${i + 1},17/07/2025,1${i}:00,S1,8,00:10`),
].join('\n');

describe('separate date and time columns', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  async function responses() {
    return queryRows<{ response_id: string; responded_at: string }>(
      t.ws.conn,
      `SELECT response_id, strftime(responded_at, '%Y-%m-%d %H:%M:%S') AS responded_at
       FROM customer_feedback WHERE source_id = (SELECT max(source_id) FROM sources) ORDER BY response_id`,
    );
  }

  it('become one timestamp; a blank time is midnight, an impossible one is quarantined', async () => {
    const path = join(t.dir, 'cx_with_times.csv');
    writeFileSync(path, `${FEEDBACK}\n`);
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report.warnings.some((w) => /the time of day comes from "Time"/.test(w))).toBe(true);
    expect(report).toMatchObject({ rowsRead: 14, rowsImported: 13, rowsQuarantined: 1 });
    expect(await responses()).toEqual([
      { response_id: 'F1', responded_at: '2025-07-03 14:05:00' },
      { response_id: 'F2', responded_at: '2025-07-13 09:30:15' },
      { response_id: 'F3', responded_at: '2025-07-14 00:00:00' },
      { response_id: 'F4', responded_at: '2025-07-15 14:05:00' },
      ...Array.from({ length: 9 }, (_, i) => ({
        response_id: `G${i + 1}`,
        responded_at: `2025-07-17 1${i}:00:00`,
      })),
    ]);
    const [kept] = await queryRows<{ row_number: number; column_name: string; reason: string }>(
      t.ws.conn,
      'SELECT row_number, column_name, reason FROM quarantine WHERE source_id = (SELECT max(source_id) FROM sources)',
    );
    expect(kept).toEqual({
      row_number: 6,
      column_name: 'responded_at',
      reason: "responded_at: '2025-07-16 25:99' is not a date and time (YYYY-MM-DD HH:MM:SS)",
    });
  });

  it('are read from a workbook with date cells and time cells', async () => {
    if (!existsSync('/usr/bin/ssconvert')) {
      console.log('skipped: gnumeric ssconvert is not installed (apt-get install gnumeric)');
      return;
    }
    const source = join(t.dir, 'times.csv');
    // ISO dates so gnumeric types them as dates whatever its locale; times typed as times.
    writeFileSync(
      source,
      [
        'Response ID,Date,Time,Store,NPS',
        'F1,2025-07-03,14:05,S1,9',
        'F2,2025-07-13,09:30:15,S2,6',
      ].join('\n'),
    );
    const workbook = join(t.dir, 'cx_times.xlsx');
    execFileSync('ssconvert', [source, workbook], { stdio: 'ignore' });
    const report = await importFile(t.ws, workbook, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ format: 'xlsx', rowsImported: 2, rowsQuarantined: 0 });
    expect(report.warnings.some((w) => /the time of day comes from "Time"/.test(w))).toBe(true);
    expect(await responses()).toEqual([
      { response_id: 'F1', responded_at: '2025-07-03 14:05:00' },
      { response_id: 'F2', responded_at: '2025-07-13 09:30:15' },
    ]);
  });
});
