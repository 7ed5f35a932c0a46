import { describe, expect, it } from 'vitest';
import { columnMappingSchema, inferMapping } from '../../../src/main/engine/import/mapping';
import { col, likert } from './fixtures';

/*
 * What the Import screen's preview proposes for survey exports that lack columns the import can
 * do without (src/main/engine/import/surveyDefaults): each default with a reason, demographics
 * kept as respondent groups, and waves that need their quarters.
 */

function infer(fileName: string, columns: ReturnType<typeof col>[]) {
  const r = inferMapping({ fileName, headerShape: 'plain', columns, catalogue: [] });
  expect(columnMappingSchema.safeParse(r.mapping).success).toBe(true);
  return r;
}
const guessOf = (r: ReturnType<typeof infer>, column: string) =>
  r.columns.find((c) => c.column === column)!;

describe('an R write.csv pulse (row numbers, demographics, four items)', () => {
  const r = infer('engagement pulse 2025-Q3.csv', [
    col('column_1', ['1', '2', '3', '4', '5', '6', '7', '8']),
    col('gender', ['Female', 'Male', 'NA']),
    col('age', ['34', '45', '29', '52', '23']),
    col('shift', ['Early', 'Late', 'Night']),
    col('Q1', likert(['NA'])),
    col('Q2', likert(['NA'])),
    col('Q3', likert(['NA'])),
    col('Q4', likert(['NA'])),
  ]);

  it('is a survey, with its period from the file name', () => {
    expect(r.kind).toBe('survey_responses');
    expect(r.kindConfidence).toBeGreaterThanOrEqual(0.5);
    expect(r.mapping.constants.period).toBe('2025-Q3');
    expect(r.mapping.items.map((i) => i.column)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('says what the import fills in, instead of asking for columns', () => {
    expect(r.problems).toEqual(
      expect.arrayContaining([
        "no respondent id: each row is one respondent, its id made from the file's fingerprint and row number",
        'no completion date: each response is dated the last day of its period',
        'no unit column: every response counts for the whole organisation (the top of the hierarchy)',
      ]),
    );
    expect(r.problems.some((p) => /column found: choose one/.test(p))).toBe(false);
    expect(guessOf(r, 'column_1')).toMatchObject({
      role: null,
      why: 'row numbers (as R writes them): not kept; each row is one respondent',
    });
  });

  it('keeps gender, age (as bands) and shift as respondent groups', () => {
    expect(r.mapping.demographics).toEqual({ gender: 'gender', age_band: 'age', shift: 'shift' });
    expect(r.mapping.naCodes.gender).toEqual(['NA']);
    expect(guessOf(r, 'age')).toMatchObject({ role: 'demographic:age_band', confidence: 0.8 });
    expect(guessOf(r, 'age').why).toMatch('exact ages only as bands');
  });

  it('never proposes special-category demographics', () => {
    const s = infer('pulse 2025-Q3.csv', [
      col('Ethnicity', ['A', 'B', 'C']),
      col('Religion', ['X', 'Y']),
      col('Q1', likert()),
      col('Q2', likert()),
      col('Q3', likert()),
      col('Q4', likert()),
    ]);
    expect(s.mapping.demographics).toBeUndefined();
    expect(guessOf(s, 'Ethnicity').why).toMatch(/sensitive demographic: not imported/);
  });
});

describe('a long file with a wave column', () => {
  const r = infer('pulse waves.csv', [
    col('person_id', ['P01', 'P02', 'P03', 'P04', 'P05', 'P06']),
    col('wave', ['1', '2', '3']),
    col('team', ['S', 'CS']),
    col('Q1', likert()),
    col('Q2', likert()),
    col('Q3', likert()),
    col('Q4', likert()),
  ]);

  it("maps the wave as the period and asks for each wave's quarter", () => {
    expect(r.kind).toBe('survey_responses');
    expect(r.mapping.columns.period).toBe('wave');
    expect(r.problems).toContain(
      'period ("wave") holds waves ("1"): one row per person and wave, imported as repeated measures; say which quarter each wave is (mapping.waves, such as {"1": "2025-Q1", "2": "2025-Q3"})',
    );
  });

  it('takes T1, T2 time points the same way', () => {
    const t = infer('pulse.csv', [
      col('person_id', ['P01', 'P02', 'P03', 'P04', 'P05', 'P06']),
      col('Time', ['T1', 'T2']),
      col('Q1', likert()),
      col('Q2', likert()),
      col('Q3', likert()),
    ]);
    expect(t.mapping.columns.period).toBe('Time');
  });
});
