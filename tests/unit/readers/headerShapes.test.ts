import { afterAll, describe, expect, it } from 'vitest';
import { fixture, readRelation, scratch, stage } from './readerTestKit';

const s = scratch();
afterAll(() => s.remove());

describe('vendor header shapes, recognised by content', () => {
  it('Qualtrics: short names, question texts as labels, ImportIds, data from row 4', async () => {
    const staged = await stage(fixture('qualtrics.csv'), s.staging);
    expect(staged).toMatchObject({
      format: 'csv',
      encoding: 'utf-8-bom',
      delimiter: ',',
      headerShape: 'qualtrics',
      firstDataRow: 4,
      warnings: [],
    });
    expect(staged.columns.slice(5, 9)).toEqual([
      { name: 'ResponseId', label: 'Response ID', importId: '_recordId' },
      { name: 'UnitCode', label: 'UnitCode', importId: 'UnitCode' },
      {
        name: 'Q1',
        label: 'How likely are you to recommend working here? (0 = not at all, 10 = extremely)',
        importId: 'QID1',
      },
      { name: 'Q2_1', label: 'I feel valued - My manager', importId: 'QID2_1' },
    ]);
    const rows = await readRelation(staged);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      ResponseId: 'R_1abcDEF',
      Q1: '9',
      Q2_1: 'Strongly agree',
      Q3: 'Love it, really',
    });
    expect(rows[1]!.Q3).toBe('=1+1');
    expect(rows[2]!.Q3).toBeNull();
  });

  it('Qualtrics renamed to .txt is still Qualtrics', async () => {
    const { readFileSync } = await import('node:fs');
    const staged = await stage(
      s.write('export.txt', readFileSync(fixture('qualtrics.csv'))),
      s.staging,
    );
    expect(staged.headerShape).toBe('qualtrics');
  });

  it('SurveyMonkey: question carried over blank cells, sub-headers appended, data from row 3', async () => {
    const staged = await stage(fixture('surveymonkey.csv'), s.staging);
    expect(staged).toMatchObject({
      headerShape: 'surveymonkey',
      firstDataRow: 3,
      encoding: 'utf-8',
    });
    expect(staged.columns.map((c) => c.name)).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'IP Address',
      'Email Address',
      'First Name',
      'Last Name',
      'Custom Data 1',
      'Which store do you work in?',
      'How satisfied are you with the following? - Pay',
      'How satisfied are you with the following? - My manager',
      'How satisfied are you with the following? - Tools',
      'Any comments?',
    ]);
    expect(staged.columns[0]).toEqual({ name: 'Respondent ID' });
    expect(staged.columns[11]!.label).toBe(
      'How satisfied are you with the following? - My manager',
    );
    const rows = await readRelation(staged);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      'Respondent ID': '114011111',
      'How satisfied are you with the following? - Tools': 'Dissatisfied',
      'Any comments?': 'Good, mostly',
    });
  });

  it('long question texts are cut to 100 characters in names; the label keeps them whole', async () => {
    const question = `Q ${'x'.repeat(150)}`;
    const text = `Respondent ID,Collector ID,"${question}"\n,,Response\n1,2,yes\n`;
    const staged = await stage(s.write('long.csv', text), s.staging);
    expect(staged.columns[2]!.name).toHaveLength(100);
    expect(staged.columns[2]!.label).toBe(question);
  });
});
