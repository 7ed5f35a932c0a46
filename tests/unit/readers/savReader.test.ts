import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf, fixture, readRelation, scratch, stage } from './readerTestKit';

const s = scratch();
afterAll(() => s.remove());

const LIKERT = {
  '1': 'Strongly disagree',
  '2': 'Disagree',
  '3': 'Neutral',
  '4': 'Agree',
  '5': 'Strongly agree',
  '9': 'N/A',
};

describe('SPSS .sav files written by PSPP', () => {
  it.each(['survey.sav', 'survey-uncompressed.sav', 'survey.zsav'])(
    '%s: names, labels, value labels, codes, missing values, dates',
    async (name) => {
      const staged = await stage(fixture(name), s.staging);
      expect(staged).toMatchObject({ format: 'sav', headerShape: 'plain', firstDataRow: 1 });
      expect(staged.columns).toEqual([
        { name: 'respondent_id', label: 'Respondent' },
        { name: 'unit_id', valueLabels: { S042: 'Store 42', S007: 'Store 7 (Café)' } },
        { name: 'q1', label: 'I am proud to work here', valueLabels: LIKERT },
        { name: 'q2', label: 'My manager recognises good work', valueLabels: LIKERT },
        { name: 'enps', label: 'How likely are you to recommend us as an employer?' },
        {
          name: 'tenure',
          valueLabels: { '1': 'Under 1 year', '2': '1-3 years', '3': 'Over 3 years' },
        },
        { name: 'score' },
        { name: 'submitted' },
        { name: 'at' },
        { name: 'open_comment_of_the_respondent', label: 'Anything else? (é, €)' },
      ]);
      expect(staged.warnings).toEqual([
        'values declared missing in SPSS were read as empty: q1 (1), enps (1).',
      ]);
      const rows = await readRelation(staged);
      expect(rows).toHaveLength(4);
      expect(rows[0]).toEqual({
        respondent_id: 'R001',
        unit_id: 'S042',
        q1: '5',
        q2: '4',
        enps: '9',
        tenure: '2',
        score: '4.25',
        submitted: '2025-03-14',
        at: '2025-03-14 09:15:30',
        open_comment_of_the_respondent: 'Great team, café €5 — “smart”',
      });
      // 9 and 99 are declared missing; blank numbers are system-missing: all empty.
      expect(rows[1]).toMatchObject({
        q1: null,
        score: null,
        open_comment_of_the_respondent: null,
      });
      expect(rows[2]).toMatchObject({
        q2: null,
        enps: null,
        open_comment_of_the_respondent: '=SUM(A1)',
      });
      expect(rows[3]).toMatchObject({ tenure: null, score: '-1.125', at: '2025-03-17 00:00:00' });
      // A string longer than 255 bytes is stored in segments; it comes back whole.
      const long = rows[3]!.open_comment_of_the_respondent!;
      expect(long.startsWith('LONG>0123')).toBe(true);
      expect(long.endsWith('<END')).toBe(true);
      expect(long).toHaveLength(5 + 280 + 4);
    },
  );

  it('a file named .sav that is not one', async () => {
    expect(
      (
        await errorOf(
          stage(
            s.write('fake.sav', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10])),
            s.staging,
          ),
        )
      ).message,
    ).toBe(
      'fake.sav: is not an SPSS .sav file (a .sav file starts with "$FL2"): export it from SPSS again with File > Save As > SPSS Statistics (*.sav).',
    );
  });

  it('a .sav cut short in the dictionary or in the data', async () => {
    const sav = readFileSync(fixture('survey-uncompressed.sav'));
    expect(
      (await errorOf(stage(s.write('dict.sav', sav.subarray(0, 600)), s.staging))).message,
    ).toMatch(
      /^dict\.sav: is a damaged SPSS file: a record at byte \d+ runs past the end of the file\. Export it from SPSS again\.$/,
    );
    expect(
      (await errorOf(stage(s.write('data.sav', sav.subarray(0, sav.length - 100)), s.staging)))
        .message,
    ).toBe(
      'data.sav: is a damaged SPSS file after case 3: the last case is incomplete: the file is cut short. Export it from SPSS again.',
    );
  });
});
