import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { previewImport } from '../../../src/main/engine/import/preview';
import { unitFigures } from '../../../src/main/engine/metrics/rollups';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/**
 * Customer feedback as forms and CX platforms write it: no response id (the row is the
 * response), the place as a question ("Which restaurant did you visit?") or not at all (one
 * code for the file), ratings as words, the question text as the header, timestamps as Google
 * Forms and European exports write them.
 */

/** A Google Forms download: the header is the questions; the timestamp as Forms writes it. */
const GOOGLE_FORMS = [
  'Timestamp,"How likely are you to recommend us to a friend or colleague?","Which restaurant did you visit?","How satisfied were you with your visit?","How easy was it to order?","Any other comments?"',
  '2025/03/15 2:05:13 PM GMT,9,Leeds Kirkgate,Very satisfied,Very easy,"Lovely, and quick"',
  '2025/03/15 6:41:02 PM GMT,10,Leeds Kirkgate,Satisfied,Easy,',
  '2025/03/16 12:10:44 PM GMT,10,Leeds Kirkgate,Very satisfied,Neither easy nor difficult,',
  '2025/03/17 1:00:00 PM GMT,8,Leeds Kirkgate,Neither satisfied nor dissatisfied,Easy,',
  '2025/03/18 7:30:00 PM GMT,3,Leeds Kirkgate,Very dissatisfied,Very difficult,Cold food',
  '2025/03/19 8:00:00 PM GMT,10,Leeds Kirkgate,Yum!,Very easy,',
  '2025/03/20 1:15:00 PM GMT,7,York Minster,Satisfied,Difficult,',
  '2025/03/21 1:20:00 PM GMT,9,York Minster,Dissatisfied,Easy,',
  '2025/03/22 1:25:00 PM GMT,2,York Minster,Very dissatisfied,Difficult,',
  '2025/03/23 1:30:00 PM GMT,10,York Minster,Very satisfied,Very easy,',
].join('\n');

/** One restaurant's export from a European CX platform: semicolons, NPS as its category only. */
const ONE_PLACE = [
  'Datum;NPS category;Overall satisfaction;Comment',
  '15.03.2025 14:05;Promoter;5;',
  '15.03.2025 18:30;Promoter;4;Great',
  '16.03.2025 12:00;Passive;4;',
  '17.03.2025 13:10;Detractor;2;Slow',
  '18.03.2025 19:45;Promoter;5;',
  '19.03.2025 20:00;Passive;3;',
].join('\n');

describe('customer feedback from forms and CX platforms', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace({ load: false });
    for (const f of t.files.filter((f) => f.kind === 'org_units'))
      await importFile(t.ws, f.path, { kind: f.kind });
    const mapping = join(t.dir, 'restaurants.csv');
    writeFileSync(
      mapping,
      'cx_code,unit_id\nLeeds Kirkgate,T1\nYork Minster,T3\nHarrogate Parade,T2\n',
    );
    await importFile(t.ws, mapping, { kind: 'unit_mapping' });
  });
  afterEach(() => t.cleanup());

  it('a Google Forms download: questions as headers, the restaurant as a question, ratings as words', async () => {
    const path = join(t.dir, 'Restaurant feedback (Responses) - Form Responses 1.csv');
    writeFileSync(path, `${GOOGLE_FORMS}\n`);
    const preview = await previewImport(t.ws, path, {});
    expect(preview.kind).toBe('customer_feedback');
    expect(preview.mapping.columns).toEqual({
      responded_at: 'Timestamp',
      cx_code: 'Which restaurant did you visit?',
      nps: 'How likely are you to recommend us to a friend or colleague?',
      csat: 'How satisfied were you with your visit?',
      ces: 'How easy was it to order?',
      comment: 'Any other comments?',
    });
    expect(preview.mapping.dateFormats.responded_at).toEqual(['%Y/%m/%d %I:%M:%S %p GMT']);
    // The preview widens a known scale to its whole vocabulary (previewChoices.ts).
    expect(preview.mapping.choiceScores).toMatchObject({
      csat: {
        'Very satisfied': 5,
        Satisfied: 4,
        'Neither satisfied nor dissatisfied': 3,
        Dissatisfied: 2,
        'Very dissatisfied': 1,
      },
      ces: {
        'Very easy': 7,
        Easy: 6,
        'Neither easy nor difficult': 4,
        Difficult: 3,
        'Very difficult': 1,
      },
    });
    // The preview says which answer it could not order.
    expect(preview.problems).toContain(
      'csat ("How satisfied were you with your visit?"): cannot order "Yum!": give it a score in mapping.choiceScores.csat, or those rows are quarantined',
    );
    expect(preview.columns.find((c) => c.name === 'Which restaurant did you visit?')).toMatchObject(
      { role: 'cx_code', why: expect.stringMatching(/the place the customer visited/) },
    );

    const report = await importFile(t.ws, path);
    expect(report).toMatchObject({
      kind: 'customer_feedback',
      rowsRead: 10,
      rowsImported: 9,
      rowsQuarantined: 1,
      reasons: { 'csat: not a whole number': 1 },
    });
    const [kept] = await queryRows<{ row_number: number; reason: string }>(
      t.ws.conn,
      'SELECT row_number, reason FROM quarantine',
    );
    expect(kept).toEqual({ row_number: 7, reason: "csat: 'Yum!' is not a whole number" });
    const first = await queryRows<Record<string, unknown>>(
      t.ws.conn,
      `SELECT response_id, strftime(responded_at, '%Y-%m-%d %H:%M:%S') AS responded_at, cx_code, nps, csat, ces, comment
       FROM customer_feedback ORDER BY responded_at LIMIT 1`,
    );
    expect(first).toEqual([
      {
        response_id: 'Restaurant feedback (Responses) - Form Responses 1.csv#2',
        responded_at: '2025-03-15 14:05:13',
        cx_code: 'Leeds Kirkgate',
        nps: 9,
        csat: 5,
        ces: 7,
        comment: 'Lovely, and quick',
      },
    ]);

    // By hand, Leeds Kirkgate (T1), the "Yum!" row apart: NPS 9, 10, 10, 8, 3: 3 promoters,
    // 1 detractor of 5 = +40. CSAT 5, 4, 5, 3, 1: 3 of 5 at 4-5 = 60%. CES 7, 6, 4, 6, 1: mean
    // 4.8, 3 of 5 easy. York Minster (T3): NPS 7, 9, 2, 10 = (2 - 1) / 4 = +25.
    const [leeds] = await unitFigures(
      t.ws.conn,
      ['T1'],
      ['2025-Q1'],
      ['nps', 'csat', 'ces', 'ces_agree'],
    );
    expect(leeds).toMatchObject({
      nps: 40,
      nps_n: 5,
      csat: 60,
      csat_n: 5,
      ces: 4.8,
      ces_agree: 60,
    });
    const [york] = await unitFigures(t.ws.conn, ['T3'], ['2025-Q1'], ['nps']);
    expect(york).toMatchObject({ nps: 25, nps_n: 4 });
  });

  it('one place per file: its code as a constant, NPS as categories, European dates', async () => {
    const path = join(t.dir, 'harrogate_feedback.csv');
    writeFileSync(path, `${ONE_PLACE}\n`);
    const preview = await previewImport(t.ws, path, { kind: 'customer_feedback' });
    expect(preview.mapping.columns).toEqual({
      responded_at: 'Datum',
      nps: 'NPS category',
      csat: 'Overall satisfaction',
      comment: 'Comment',
    });
    expect(preview.mapping.choiceScores).toEqual({
      nps: { Promoter: 10, Passive: 8, Detractor: 0 },
    });
    expect(preview.problems).toContain(
      'no store/branch/queue code column found: choose one (a market, store, restaurant, branch, location or site), or set one code for the whole file (constants.cx_code)',
    );
    await expect(importFile(t.ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
      /lacks the column cx_code/,
    );

    // The Import screen (or the CLI's --mapping) sets the code for the whole file.
    const mapping = {
      ...preview.mapping,
      constants: { ...preview.mapping.constants, cx_code: 'Harrogate Parade' },
    };
    const report = await importFile(t.ws, path, { mapping });
    expect(report).toMatchObject({ rowsRead: 6, rowsImported: 6, rowsQuarantined: 0 });
    const times = await queryRows<{ t: string }>(
      t.ws.conn,
      `SELECT strftime(responded_at, '%Y-%m-%d %H:%M') AS t FROM customer_feedback ORDER BY t LIMIT 1`,
    );
    expect(times).toEqual([{ t: '2025-03-15 14:05' }]);
    // By hand: 3 promoters, 1 detractor of 6 = +33.33; CSAT 5, 4, 4, 2, 5, 3: 4 of 6 = 66.67%.
    const [harrogate] = await unitFigures(t.ws.conn, ['T2'], ['2025-Q1'], ['nps', 'csat']);
    expect(harrogate).toMatchObject({ nps: 33.333333333333336, nps_n: 6, csat: 66.66666666666667 });
  });
});
