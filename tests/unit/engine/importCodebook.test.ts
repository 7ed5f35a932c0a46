import { afterEach, expect, it } from 'vitest';
import { csv } from '../../fixtures/tinyCompany';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * Codebooks written with their authors' column names import as the survey_items catalogue:
 * keying (-1/1, R or blank), factor names mapped onto Upstream's, unknown ones kept and named in
 * the report; a response file whose columns are the codebook's ids then uses its scales and keys.
 */
let kit: ScalesKit | undefined;
afterEach(() => {
  kit?.close();
  kit = undefined;
});

const catalogue = async () =>
  (await kit!.items()).map(
    (i) => `${i.item_id}|${i.factor}|${i.scale_min}-${i.scale_max}|${i.reverse_coded ? 'R' : ''}`,
  );

it('variable,label,scale,keyed with -1/1 keys and min/max: scales and keys reach the responses', async () => {
  kit = await openScalesKit('upstream-codebook-');
  const book = await kit.importText(
    'codebook.csv',
    csv(
      ['variable', 'label', 'scale', 'keyed', 'min', 'max'],
      [
        ['eng1', 'I am proud to work here', 'Engagement', 1, 1, 7],
        ['eng2', 'I often think about leaving', 'Employee engagement', -1, 1, 7],
        ['mgr1', 'My manager keeps me informed', 'My manager', 1, 1, 7],
        ['int1', 'People here do what they say', 'Value: Integrity', 1, 1, 7],
        ['wb1', 'I can switch off after work', 'Wellbeing', 1, 1, 7],
        ['enps', 'How likely are you to recommend us as a place to work?', 'eNPS', 1, 0, 10],
      ],
    ),
  );
  expect([book.kind, book.rowsRead, book.rowsImported, book.rowsQuarantined]).toEqual([
    'survey_items',
    6,
    6,
    0,
  ]);
  expect(book.warnings.join(' ')).toContain(
    "factors Upstream's figures do not know, kept as written: Wellbeing (1)",
  );
  expect(await catalogue()).toEqual([
    'eng1|engagement|1-7|',
    'eng2|engagement|1-7|R',
    'enps|enps|0-10|',
    'int1|value:Integrity|1-7|',
    'mgr1|leadership|1-7|',
    'wb1|Wellbeing|1-7|',
  ]);

  const answers = [
    // eng1 eng2 mgr1 int1 wb1 enps
    [7, 1, 6, 5, 7, 10],
    [6, 2, 7, 4, 6, 9],
    [5, 7, 5, 3, 1, 6],
    [4, 6, 2, 6, 2, 3],
    [1, 4, 1, 7, 99, 8],
    [2, 3, 3, 2, 4, 10],
  ];
  const report = await kit.importText(
    'pulse_survey.csv',
    csv(
      [
        'Respondent ID',
        'Period',
        'Unit ID',
        'Submitted',
        'eng1',
        'eng2',
        'mgr1',
        'int1',
        'wb1',
        'enps',
      ],
      answers.map((a, i) => [`R${i + 1}`, '2025-Q1', 'T1', `2025-02-0${i + 1}`, ...a]),
    ),
  );
  expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([6, 6, 0]);
  // eng2 is reverse-keyed on 1-7: scored 8 - answer.
  expect([...(await kit.answers('eng2')).values()]).toEqual([
    [1, 7],
    [2, 6],
    [7, 1],
    [6, 2],
    [4, 4],
    [3, 5],
  ]);
  // Top two boxes of 1-7 (6-7) over 5 items x 6 people, 99 no answer (29 answers): eng1 7, 6;
  // eng2 scored 7, 6; mgr1 6, 7; int1 6, 7; wb1 7, 6. eNPS apart.
  expect(await kit.figure('pct_favourable')).toMatchObject({ n: 6, answered: 29, favourable: 10 });
  // Engagement index: eng1 and eng2 (scored) rescaled (x - 1) / 6 x 100, per person then mean.
  const engagement = await kit.figure('engagement_index');
  // Person means of (eng1, eng2 scored): (7,7) (6,6) (5,1) (4,2) (1,4) (2,5) -> sums 14, 12, 6, 6,
  // 5, 7: each mean (s/2 - 1) / 6 x 100; total = (50 - 12) / 12 x 100.
  expect(engagement?.n).toBe(6);
  expect(engagement?.total).toBeCloseTo(((50 - 12) / 12) * 100, 6);
});

it('Item,Wording,Dimension,Reverse with R or blank, no min/max: 1-5 assumed and said', async () => {
  kit = await openScalesKit('upstream-codebook-');
  const book = await kit.importText(
    'codebook.csv',
    csv(
      ['Item', 'Wording', 'Dimension', 'Reverse'],
      [
        ['Q1', 'I am proud to work here', 'Engagement', ''],
        ['Q2', 'I rarely get recognition for good work', 'Recognition', 'R'],
        ['Q3', 'I have the tools I need', 'Tools & resources', ''],
        ['Q4', 'We put customers first', 'Values - Customer focus', ''],
        ['Q5', 'I trust my colleagues', 'Values - Teamwork', 'perhaps'],
      ],
    ),
  );
  expect([book.kind, book.rowsRead, book.rowsImported, book.rowsQuarantined]).toEqual([
    'survey_items',
    5,
    4,
    1,
  ]);
  // A keying cell that says neither way is the analyst's to settle: the row waits in quarantine.
  expect(await kit.quarantine()).toMatchObject([
    { file_name: 'codebook.csv', row_number: 6, column_name: 'reverse_coded' },
  ]);
  expect((await kit.quarantine())[0]!.reason).toContain('perhaps');
  expect(book.warnings.join(' ')).toContain('every item is taken as 1-5');
  expect(await catalogue()).toEqual([
    'Q1|engagement|1-5|',
    'Q2|Recognition|1-5|R',
    'Q3|enablement|1-5|',
    'Q4|value:Customer focus|1-5|',
  ]);
});

it('name,question,construct,key with reverse/forward words; an eNPS item is 0-10 without min/max', async () => {
  kit = await openScalesKit('upstream-codebook-');
  const book = await kit.importText(
    'survey codebook.csv',
    csv(
      ['name', 'question', 'construct', 'key'],
      [
        ['lead_1', 'Senior leaders communicate a clear vision', 'Leadership', 'forward'],
        ['lead_2', 'Leaders here rarely explain their decisions', 'Leadership', 'reverse'],
        [
          'enps_1',
          'How likely are you to recommend working here to a friend?',
          'Employee NPS',
          'forward',
        ],
      ],
    ),
  );
  expect([book.kind, book.rowsRead, book.rowsImported, book.rowsQuarantined]).toEqual([
    'survey_items',
    3,
    3,
    0,
  ]);
  expect(await catalogue()).toEqual([
    'enps_1|enps|0-10|',
    'lead_1|leadership|1-5|',
    'lead_2|leadership|1-5|R',
  ]);
});

it('a codebook without a keying column: "(R)" at the end of the wording marks a reversed item', async () => {
  kit = await openScalesKit('upstream-codebook-');
  const book = await kit.importText(
    'codebook.csv',
    csv(
      ['Variable', 'Question', 'Factor', 'Min', 'Max'],
      [
        ['q1', 'I am proud to work here', 'engagement', 1, 4],
        ['q2', 'I often think about quitting (R)', 'engagement', 1, 4],
        ['q3', 'I am kept informed [reversed]', 'leadership', 1, 4],
      ],
    ),
  );
  expect([book.kind, book.rowsRead, book.rowsImported, book.rowsQuarantined]).toEqual([
    'survey_items',
    3,
    3,
    0,
  ]);
  expect(book.warnings.join(' ')).toContain('no keying column');
  expect((await kit.items()).map((i) => `${i.item_id}|${i.item_text}|${i.reverse_coded}`)).toEqual([
    'q1|I am proud to work here|false',
    'q2|I often think about quitting|true',
    'q3|I am kept informed|true',
  ]);
});

it('a scale column of ranges ("1-5", "1 to 7", "0 - 10") gives each item its scale', async () => {
  kit = await openScalesKit('upstream-codebook-');
  const book = await kit.importText(
    'codebook.csv',
    csv(
      ['variable', 'label', 'factor', 'scale', 'keyed'],
      [
        ['eng1', 'I am proud to work here', 'engagement', '1-5', 1],
        ['mgr1', 'My manager listens to me', 'leadership', '1 to 7', 1],
        ['rec1', 'How likely are you to recommend us as a place to work?', 'enps', '0 - 10', 1],
        ['eng2', 'I rarely look forward to work', 'engagement', '1-5', -1],
      ],
    ),
  );
  expect([book.kind, book.rowsRead, book.rowsImported, book.rowsQuarantined]).toEqual([
    'survey_items',
    4,
    4,
    0,
  ]);
  expect(await catalogue()).toEqual([
    'eng1|engagement|1-5|',
    'eng2|engagement|1-5|R',
    'mgr1|leadership|1-7|',
    'rec1|enps|0-10|',
  ]);
});
