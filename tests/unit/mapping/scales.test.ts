import { describe, expect, it } from 'vitest';
import { guessScale, inferMapping } from '../../../src/main/engine/import/mapping';
import { col, likert } from './fixtures';

describe('guessScale', () => {
  it('standard integer scales', () => {
    expect(guessScale(likert(), undefined, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: [],
    });
    expect(guessScale(['2', '3', '4'], undefined, undefined)).toMatchObject({ min: 1, max: 5 });
    expect(guessScale(['1', '4', '6', '7'], undefined, undefined)).toMatchObject({
      min: 1,
      max: 7,
    });
    expect(guessScale(['0', '3', '8', '10'], undefined, undefined)).toMatchObject({
      min: 0,
      max: 10,
    });
  });

  it('conventional no-answer codes', () => {
    expect(guessScale([...likert(), '99'], undefined, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: ['99'],
    });
    expect(guessScale([...likert(), '-99'], undefined, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: ['-99'],
    });
    // A lone 9 after 1-5 is a "don't know" code, but only a guess.
    expect(guessScale([...likert(), '9'], undefined, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: ['9'],
      guessedNa: ['9'],
    });
  });

  it('N/A texts mixed with numbers', () => {
    expect(guessScale([...likert(), 'N/A', 'Not applicable'], undefined, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: ['N/A', 'Not applicable'],
    });
  });

  it('value labels decide scale and N/A', () => {
    const labels = {
      '1': 'Never',
      '2': 'Rarely',
      '3': 'Sometimes',
      '4': 'Often',
      '5': 'Always',
      '6': 'Not applicable',
    };
    expect(guessScale(['1', '2', '3', '6'], labels, undefined)).toMatchObject({
      min: 1,
      max: 5,
      naCodes: ['6'],
      source: 'labels',
    });
  });

  it('category labels are not a scale', () => {
    expect(guessScale(['1', '2'], { '1': 'Female', '2': 'Male' }, undefined)).toBeNull();
  });

  it('7-point agreement and frequency texts', () => {
    const seven = guessScale(
      [
        'Strongly disagree',
        'Disagree',
        'Somewhat disagree',
        'Neither agree nor disagree',
        'Somewhat agree',
        'Agree',
        'Strongly agree',
      ],
      undefined,
      undefined,
    );
    expect(seven).toMatchObject({ min: 1, max: 7 });
    expect(seven?.choiceScores?.Agree).toBe(6);
    const five = guessScale(['Tend to agree', 'Agree', 'Strongly agree'], undefined, undefined);
    expect(five).toMatchObject({ min: 1, max: 5 });
    expect(five?.choiceScores?.Agree).toBe(4);
    const freq = guessScale(
      ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
      undefined,
      undefined,
    );
    expect(freq?.choiceScores).toEqual({ Never: 1, Rarely: 2, Sometimes: 3, Often: 4, Always: 5 });
  });

  it('is not fooled by ids, free text or codes', () => {
    expect(guessScale(['1042', '2231', '317'], undefined, undefined)).toBeNull();
    expect(
      guessScale(['Great service', 'Too slow', 'Friendly staff'], undefined, undefined),
    ).toBeNull();
    expect(guessScale(['ST-1042', 'BR-1'], undefined, undefined)).toBeNull();
  });
});

describe('N/A codes across a survey file', () => {
  it('a lone 6 on 1-5 items is N/A when the other items are 1-5, with a problem', () => {
    const r = inferMapping({
      fileName: 'engagement.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Respondent ID', ['a1', 'a2', 'a3', 'a4', 'a5']),
        col('Unit', ['T1', 'T2']),
        col('Q1', likert(), { label: 'I am proud to work here' }),
        col('Q2', likert(), { label: 'My manager supports me' }),
        col('Q3', likert(), { label: 'I have the tools I need' }),
        col('Q4', likert(['6']), { label: 'Our processes help me serve customers' }),
      ],
    });
    const q4 = r.mapping.items.find((i) => i.column === 'Q4');
    expect(q4).toMatchObject({ scaleMin: 1, scaleMax: 5, naCodes: ['6'] });
    expect(
      r.problems.some((p) => p.startsWith('Q4: 6 outside the 1-5 scale treated as N/A: check')),
    ).toBe(true);
  });

  it('a catalogue item keeps its scale; conventional codes outside it become N/A', () => {
    const r = inferMapping({
      fileName: 'engagement.csv',
      headerShape: 'plain',
      catalogue: [
        {
          itemId: 'ENG1',
          text: 'I am proud to work here',
          factor: 'engagement',
          scaleMin: 1,
          scaleMax: 5,
          reverseCoded: false,
        },
      ],
      columns: [
        col('Respondent ID', ['a1', 'a2', 'a3', 'a4', 'a5']),
        col('ENG1', [...likert(), '999']),
        col('ENG2', likert()),
        col('ENG3', likert()),
      ],
    });
    expect(r.mapping.items[0]).toMatchObject({ itemId: 'ENG1', naCodes: ['999'] });
    expect(r.mapping.items.map((i) => i.itemId)).toEqual(['ENG1', 'ENG2', 'ENG3']);
  });

  it("answers outside a catalogue item's scale are a problem", () => {
    const r = inferMapping({
      fileName: 'engagement.csv',
      headerShape: 'plain',
      catalogue: [
        {
          itemId: 'ENG1',
          text: 'I am proud to work here',
          factor: 'engagement',
          scaleMin: 1,
          scaleMax: 5,
          reverseCoded: false,
        },
      ],
      columns: [
        col('Respondent ID', ['a1', 'a2', 'a3', 'a4', 'a5']),
        col('eng1', ['0', '3', '7', '10']),
      ],
    });
    expect(r.mapping.items[0]?.itemId).toBe('ENG1');
    expect(r.problems.some((p) => /outside item ENG1's 1-5 scale/.test(p))).toBe(true);
  });

  it('CX ratings: N/A texts, 99, and answer texts', () => {
    const r = inferMapping({
      fileName: 'csat.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Response ID', ['r1', 'r2', 'r3', 'r4', 'r5']),
        col('Branch', ['BR-1', 'BR-2']),
        col('Created At', ['2025-07-01 10:00:00']),
        col('NPS', ['0', '7', '9', '10', '99']),
        col('CSAT', ['Very satisfied', 'Satisfied', 'Dissatisfied', 'Very dissatisfied', 'N/A']),
        col('Customer Effort', ['1', '3', '5', '7']),
      ],
    });
    expect(r.kind).toBe('customer_feedback');
    expect(r.mapping.columns).toMatchObject({
      nps: 'NPS',
      csat: 'CSAT',
      ces: 'Customer Effort',
      cx_code: 'Branch',
    });
    expect(r.mapping.naCodes).toEqual({ nps: ['99'], csat: ['N/A'] });
    expect(r.mapping.choiceScores?.csat).toEqual({
      'Very satisfied': 5,
      Satisfied: 4,
      Dissatisfied: 2,
      'Very dissatisfied': 1,
    });
  });
});
