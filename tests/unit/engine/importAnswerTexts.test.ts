import { afterEach, expect, it } from 'vitest';
import { csv } from '../../fixtures/tinyCompany';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * Answers written as labels (agreement on 5 and 7 points, frequency, level), in any case and
 * spacing, and "no answer" written the ways vendors write it: scored in order, N/A never a score,
 * an unknown label quarantined with its file, row and column.
 */
let kit: ScalesKit | undefined;
afterEach(() => {
  kit?.close();
  kit = undefined;
});

const HEAD = ['Respondent ID', 'Period', 'Unit ID', 'Submitted'];
function survey(items: Record<string, unknown[]>): string {
  const names = Object.keys(items);
  const n = items[names[0]!]!.length;
  return csv(
    [...HEAD, ...names],
    Array.from({ length: n }, (_, i) => [
      `R${i + 1}`,
      '2025-Q1',
      'T1',
      `2025-02-${String(i + 1).padStart(2, '0')}`,
      ...names.map((k) => items[k]![i]),
    ]),
  );
}

it('scores label answers in order, whatever their case and spacing, and quarantines an unknown label', async () => {
  kit = await openScalesKit('upstream-labels-');
  const text = survey({
    'I am proud to work here': [
      'Strongly agree',
      'Agree',
      'Neither agree nor disagree',
      'Disagree',
      'Strongly disagree',
      'strongly AGREE',
      '  Agree ',
      'Strongly  disagree',
      'Agree',
      'N/A',
      'Agree',
      'Strongly agree',
    ],
    'My manager gives me useful feedback': [
      'Somewhat agree',
      'Agree',
      'Strongly agree',
      'Neither agree nor disagree',
      'Somewhat disagree',
      'Disagree',
      'Strongly disagree',
      'Agree',
      'Somewhat agree',
      'Agree',
      'Strongly agree',
      "Don't know",
    ],
    'How often do you feel recognised for your work?': [
      'Never',
      'Rarely',
      'Sometimes',
      'Often',
      'Always',
      'always',
      'Often',
      'Sometimes',
      'Rarely',
      'Never',
      'Not applicable',
      'Often',
    ],
    'How much trust do you have in senior leaders?': [
      'Low',
      'Medium',
      'High',
      'Very high',
      'very high',
      'HIGH',
      'Medium',
      'Low',
      'High',
      'Very much',
      'Prefer not to say',
      'High',
    ],
  });
  const report = await kit.importText('labels_survey.csv', text);
  expect([report.kind, report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([
    'survey_responses',
    12,
    11,
    1,
  ]);
  const items = await kit.items();
  expect(items.map((i) => [i.item_id, i.scale_min, i.scale_max])).toEqual([
    ['how_much_trust_you_have_senior', 1, 4],
    ['how_often_you_feel_recognised_for', 1, 5],
    ['manager_gives_useful_feedback', 1, 7],
    ['proud_work_here', 1, 5],
  ]);
  const scores = async (id: string) =>
    [...(await kit!.answers(id)).entries()].map(([r, [score]]) => `${r}:${score}`).join(' ');
  expect(await scores('proud_work_here')).toBe(
    'R1:5 R11:4 R12:5 R2:4 R3:3 R4:2 R5:1 R6:5 R7:4 R8:1 R9:4',
  );
  expect(await scores('manager_gives_useful_feedback')).toBe(
    'R1:5 R11:7 R2:6 R3:7 R4:4 R5:3 R6:2 R7:1 R8:6 R9:5',
  );
  expect(await scores('how_often_you_feel_recognised_for')).toBe(
    'R1:1 R12:4 R2:2 R3:3 R4:4 R5:5 R6:5 R7:4 R8:3 R9:2',
  );
  expect(await scores('how_much_trust_you_have_senior')).toBe(
    'R1:1 R12:3 R2:2 R3:3 R4:4 R5:4 R6:3 R7:2 R8:1 R9:3',
  );
  // R10 is quarantined. Answered: 11 + 10 + 10 + 10; top two boxes: proud 4-5 (7), feedback
  // 6-7 (R2, R3, R8, R11: 4), recognised 4-5 (R4, R5, R6, R7, R12: 5), trust 3-4 (R3, R4, R5,
  // R6, R9, R12: 6).
  expect(await kit.figure('pct_favourable')).toMatchObject({ n: 11, answered: 41, favourable: 22 });
  const [bad, ...more] = await kit.quarantine();
  expect(more).toEqual([]);
  expect(bad).toMatchObject({
    file_name: 'labels_survey.csv',
    row_number: 11,
    column_name: 'how_much_trust_you_have_senior',
  });
  expect(bad!.reason).toBe(
    `how_much_trust_you_have_senior (column "How much trust do you have in senior leaders?"): 'Very much' is not a whole number`,
  );
});

it("reads every vendor's N/A as no answer, never as a score", async () => {
  kit = await openScalesKit('upstream-na-');
  const report = await kit.importText(
    'na_survey.csv',
    survey({
      'I am proud to work here': [
        5,
        'NA',
        4,
        'N/A',
        -1,
        3,
        -99,
        2,
        -999,
        1,
        'Prefer not to say',
        4,
      ],
      "My manager supports me (9 = Don't know)": [1, 2, 3, 4, 5, 9, 9, 5, 4, 3, 2, 1],
      'I have the tools I need to do my job': [1, 2, 3, 4, 5, 99, 5, 4, 3, 2, 1, 'Not applicable'],
    }),
  );
  expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([12, 12, 0]);
  expect((await kit.items()).map((i) => `${i.scale_min}-${i.scale_max}`)).toEqual([
    '1-5',
    '1-5',
    '1-5',
  ]);
  const items = await kit.items();
  const kept = async (text: string) => {
    const item = items.find((i) => i.item_text.startsWith(text))!;
    return [...(await kit!.answers(item.item_id)).values()].map(([s]) => s).sort();
  };
  expect(await kept('I am proud')).toEqual([1, 2, 3, 4, 4, 5]);
  expect(await kept('My manager')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  expect(await kept('I have the tools')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  // Answered 6 + 10 + 10; top two boxes: proud 5, 4, 4; manager 4, 5, 5, 4; tools 4, 5, 5, 4.
  expect(await kit.figure('pct_favourable')).toMatchObject({ n: 12, answered: 26, favourable: 11 });
});
