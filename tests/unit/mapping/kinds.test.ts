import { describe, expect, it } from 'vitest';
import { columnMappingSchema, inferMapping } from '../../../src/main/engine/import/mapping';
import { col, cxExport, hrisHierarchy, ids } from './fixtures';

function infer(
  fileName: string,
  columns: ReturnType<typeof col>[],
  kind?: Parameters<typeof inferMapping>[0]['kind'],
) {
  const r = inferMapping({ fileName, headerShape: 'plain', columns, catalogue: [], kind });
  expect(columnMappingSchema.safeParse(r.mapping).success).toBe(true);
  return r;
}

describe('other kinds', () => {
  it('unit mapping: a CX code and an org unit id', () => {
    const r = infer('cx_unit_mapping.csv', [
      col('CX Code', ['ST-1042', 'BR-317']),
      col('Org Unit ID', ['ORG-101', 'ORG-102']),
    ]);
    expect(r.kind).toBe('unit_mapping');
    expect(r.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(r.mapping.columns).toEqual({ cx_code: 'CX Code', unit_id: 'Org Unit ID' });
    expect(r.problems).toEqual([]);
  });

  it('unit mapping: store and team columns', () => {
    const r = infer('lookup.csv', [
      col('Store', ['ST-1042', 'ST-2231']),
      col('HR Team ID', ['T-0101', 'T-0102']),
    ]);
    expect(r.kind).toBe('unit_mapping');
    expect(r.mapping.columns).toEqual({ cx_code: 'Store', unit_id: 'HR Team ID' });
  });

  it('survey item catalogue', () => {
    const r = infer('items.csv', [
      col('Item ID', ['ENG1', 'ENG2', 'CF1']),
      col('Item Text', [
        'I am proud to work for Brightwater.',
        'I would recommend Brightwater as a great place to work.',
      ]),
      col('Factor', ['engagement', 'value:Customer First']),
      col('Scale Min', ['1', '0']),
      col('Scale Max', ['5', '10']),
      col('Reverse Coded', ['false', 'true']),
    ]);
    expect(r.kind).toBe('survey_items');
    expect(r.mapping.columns).toEqual({
      item_id: 'Item ID',
      item_text: 'Item Text',
      factor: 'Factor',
      scale_min: 'Scale Min',
      scale_max: 'Scale Max',
      reverse_coded: 'Reverse Coded',
    });
  });

  it('HR metrics with decimal commas and a period column', () => {
    const r = infer('hr_metrics.csv', [
      col('Cost Centre', ['CC-101', 'CC-102']),
      col('Quarter', ['2025-Q2', '2025-Q3']),
      col('Headcount', ['12', '40', '7']),
      col('Leavers', ['0', '3', '1']),
      col('Absence days', ['12,5', '3,0', '40,25']),
    ]);
    expect(r.kind).toBe('hr_metrics');
    expect(r.mapping.columns).toEqual({
      unit_id: 'Cost Centre',
      period: 'Quarter',
      headcount: 'Headcount',
      leavers: 'Leavers',
      absence_days: 'Absence days',
    });
    expect(r.mapping.decimalComma).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('HR metrics: one quarter written "Q3 2025" becomes the period constant', () => {
    const r = infer('hr.csv', [
      col('Dept ID', ['D1', 'D2']),
      col('Period', ['Q3 2025']),
      col('HC', ['12', '40']),
      col('Terminations', ['1', '0']),
      col('Sick days', ['3.5', '0']),
    ]);
    expect(r.kind).toBe('hr_metrics');
    expect(r.mapping.constants.period).toBe('2025-Q3');
    expect(r.mapping.columns.period).toBeUndefined();
    expect(r.mapping.decimalComma).toBe(false);
  });

  it('HR metrics without a period: from the file name, else a problem', () => {
    const cols = [
      col('Team ID', ['T1']),
      col('Headcount', ['3']),
      col('Leavers', ['1']),
      col('Absence Days', ['2']),
    ];
    expect(infer('hr_metrics_2025_Q4.csv', cols).mapping.constants.period).toBe('2025-Q4');
    expect(infer('hr_metrics.csv', cols).problems).toContain(
      'no period column found: choose one or set the quarter (YYYY-Qn)',
    );
  });

  it('recognition events, without the people in them', () => {
    const r = infer('recognition_export.csv', [
      col('Recognition ID', ids('RC', 30)),
      col('Recipient Team', ['T-0101', 'T-0102']),
      col('Date Awarded', ['2025-07-03', '2025-07-14']),
      col('Programme', ['Star of the Month', 'Peer Thanks']),
      col('Giver Name', ['Ada Okafor']),
      col('Recipient Email', ['j.smith@brightwater.example']),
      col('Message', ['Thank you for staying late to help a customer.']),
    ]);
    expect(r.kind).toBe('recognition');
    expect(r.mapping.columns).toEqual({
      event_id: 'Recognition ID',
      unit_id: 'Recipient Team',
      recognised_at: 'Date Awarded',
      programme: 'Programme',
    });
    for (const name of ['Giver Name', 'Recipient Email'])
      expect(r.columns.find((c) => c.column === name)?.why).toMatch(/^personal data: not imported/);
  });

  it('a survey without a unit column says the whole organisation is its unit', () => {
    const r = infer('survey.csv', [
      col('Response ID', ids('R', 40)),
      col('Submitted', ['2025-07-01']),
      col('Q1', ['1', '2', '3', '4', '5'], { label: 'I am proud to work here' }),
      col('Q2', ['1', '2', '3', '4', '5'], {
        label: 'I would recommend this company as a place to work',
      }),
      col('Q3', ['1', '2', '3', '4', '5'], { label: 'My manager cares about me' }),
    ]);
    expect(r.kind).toBe('survey_responses');
    expect(r.problems).toContain(
      'no unit column: every response counts for the whole organisation (the top of the hierarchy)',
    );
  });
});

describe('kind given by the analyst', () => {
  it('uses it, and says when the file looks like something else', () => {
    const r = infer('org.csv', hrisHierarchy(), 'customer_feedback');
    expect(r.kind).toBe('customer_feedback');
    expect(r.kindConfidence).toBe(1);
    expect(r.alternatives[0]?.kind).toBe('org_units');
    expect(r.problems.some((p) => /looks more like org_units/.test(p))).toBe(true);
  });

  it('says nothing when it agrees', () => {
    const r = infer('nps.csv', cxExport(['2025-07-01']), 'customer_feedback');
    expect(r.problems.some((p) => /looks more like/.test(p))).toBe(false);
  });

  it('unrecognisable files get a low confidence and a problem', () => {
    const r = infer('data.csv', [
      col('a', ['x', 'y']),
      col('b', ['1.5', '2.25']),
      col('c', ['foo bar']),
    ]);
    expect(r.kindConfidence).toBeLessThan(0.5);
    expect(r.problems.some((p) => /not sure what kind of file/.test(p))).toBe(true);
    expect(r.columns.map((c) => c.role)).toEqual([null, null, null]);
  });
});

describe('a CX survey run in Qualtrics', () => {
  it('is customer feedback, though the header shape is Qualtrics', () => {
    const q = (name: string, label: string, importId: string, samples: string[]) =>
      col(name, samples, { label, importId: JSON.stringify({ ImportId: importId }) });
    const r = inferMapping({
      fileName: 'Branch CX July.csv',
      headerShape: 'qualtrics',
      catalogue: [],
      columns: [
        q('ResponseId', 'Response ID', '_recordId', ids('R_', 50)),
        q('RecordedDate', 'Recorded Date', 'recordedDate', [
          '2025-07-01 10:00:00',
          '2025-07-02 11:30:00',
        ]),
        q(
          'Q1',
          'How likely are you to recommend Brightwater Bank to a friend or colleague?',
          'QID1',
          ['0', '3', '6', '7', '8', '9', '10'],
        ),
        q('Q2', 'Overall, how satisfied were you with your visit?', 'QID2', [
          '1',
          '2',
          '3',
          '4',
          '5',
        ]),
        q('Q3', 'Why did you give that score?', 'QID3_TEXT', [
          'Quick and friendly.',
          'Waited too long.',
        ]),
        q('Branch', 'Branch', 'Branch', ['BR-101', 'BR-317']),
      ],
    });
    expect(r.kind).toBe('customer_feedback');
    expect(r.mapping.columns).toEqual({
      response_id: 'ResponseId',
      responded_at: 'RecordedDate',
      nps: 'Q1',
      csat: 'Q2',
      comment: 'Q3',
      cx_code: 'Branch',
    });
    expect(r.alternatives[0]?.kind).toBe('survey_responses');
  });
});

describe('period from the file name', () => {
  const cols = [
    col('Team ID', ['T1']),
    col('Headcount', ['3']),
    col('Leavers', ['1']),
    col('Absence Days', ['2']),
  ];
  it.each([
    ['HR 2025-Q3.csv', '2025-Q3'],
    ['HR Q3 2025.xlsx', '2025-Q3'],
    ['hr_2025_Q3.csv', '2025-Q3'],
    ['hr-2025q3.csv', '2025-Q3'],
    ['Q1-2026 metrics.csv', '2026-Q1'],
  ])('%s -> %s', (fileName, period) => {
    expect(infer(fileName, cols).mapping.constants.period).toBe(period);
  });
});
