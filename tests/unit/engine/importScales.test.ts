import { afterEach, describe, expect, it } from 'vitest';
import { csv } from '../../fixtures/tinyCompany';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * Survey exports on scales other than 1-5, answered with label texts, and with every vendor's
 * way of writing "no answer": the scale each item gets, the scores kept, and % favourable (top
 * two boxes of the item's own scale, eNPS apart) counted by hand.
 */
let kit: ScalesKit | undefined;
afterEach(() => {
  kit?.close();
  kit = undefined;
});

const HEAD = ['Respondent ID', 'Period', 'Unit ID', 'Submitted'];
const who = (i: number) => [
  `R${i + 1}`,
  '2025-Q1',
  'T1',
  `2025-02-${String(i + 1).padStart(2, '0')}`,
];

/** One survey file: a row per respondent, the given answers per item column. */
function survey(items: Record<string, unknown[]>): string {
  const names = Object.keys(items);
  const n = Math.max(...names.map((k) => items[k]!.length));
  return csv(
    [...HEAD, ...names],
    Array.from({ length: n }, (_, i) => [...who(i), ...names.map((k) => items[k]![i])]),
  );
}

describe('item scales inferred from the answers', () => {
  const cases: {
    range: [number, number];
    a: unknown[];
    b: unknown[];
    /** Hand-counted: answers in range (N/A not counted) and those in the top two boxes. */
    answered: number;
    favourable: number;
  }[] = [
    {
      range: [0, 4],
      a: [0, 1, 2, 3, 4, 4, 3, 2, 1, 0],
      b: [4, 4, 3, 3, 2, 0, 1, 1, 'NA', ''],
      // top two boxes 3-4: a has 3,4,4,3; b has 4,4,3,3
      answered: 18,
      favourable: 8,
    },
    {
      range: [1, 4],
      a: [1, 2, 3, 4, 4, 3, 2, 1, 4, 4],
      b: [4, 4, 3, 3, 2, 2, 1, 1, -99, ''],
      // 3-4: a has 3,4,4,3,4,4; b has 4,4,3,3
      answered: 18,
      favourable: 10,
    },
    {
      range: [1, 6],
      a: [1, 2, 3, 4, 5, 6, 6, 5, 4, 3],
      b: [6, 6, 5, 5, 1, 2, 'N/A', 3, 4, 6],
      // 5-6: a has 5,6,6,5; b has 6,6,5,5,6
      answered: 19,
      favourable: 9,
    },
    {
      range: [1, 7],
      a: [1, 2, 3, 4, 5, 6, 7, 7, 6, 5],
      b: [7, 7, 6, 2, 1, 'Not applicable', 4, 3, 5, 99],
      // 6-7: a has 6,7,7,6; b has 7,7,6
      answered: 18,
      favourable: 7,
    },
  ];
  for (const c of cases) {
    it(`${c.range[0]}-${c.range[1]}: scale from the answers, N/A not a response, top two boxes favourable`, async () => {
      kit = await openScalesKit('upstream-scales-');
      const report = await kit.importText(
        'pulse_survey.csv',
        survey({ 'I am proud to work here': c.a, 'My manager supports me': c.b }),
      );
      expect([report.kind, report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([
        'survey_responses',
        10,
        10,
        0,
      ]);
      const items = await kit.items();
      expect(items.map((i) => [i.item_id, i.factor, i.scale_min, i.scale_max])).toEqual([
        ['manager_supports', 'leadership', ...c.range],
        ['proud_work_here', 'engagement', ...c.range],
      ]);
      expect(
        (await kit.answers('manager_supports')).size + (await kit.answers('proud_work_here')).size,
      ).toBe(c.answered);
      expect(await kit.figure('pct_favourable')).toMatchObject({
        n: 10,
        answered: c.answered,
        favourable: c.favourable,
      });
    });
  }

  it('0-10: a satisfaction item counts 9-10 as favourable, the eNPS item is its own figure', async () => {
    kit = await openScalesKit('upstream-scales-');
    const report = await kit.importText(
      'pulse_survey.csv',
      survey({
        'How satisfied are you with your job overall (0-10)?': [0, 3, 5, 6, 7, 8, 9, 10, 10, 9],
        'How likely are you to recommend Acme as a place to work?': [
          10,
          9,
          8,
          7,
          6,
          5,
          0,
          10,
          -1,
          '',
        ],
      }),
    );
    expect(
      [report.rowsRead, report.rowsImported, report.rowsQuarantined],
      JSON.stringify(report),
    ).toEqual([10, 10, 0]);
    const items = await kit.items();
    expect(items.map((i) => [i.factor, i.scale_min, i.scale_max])).toEqual([
      ['enps', 0, 10],
      ['other', 0, 10],
    ]);
    // Satisfaction: 10 answers, 9 or 10 four times (9, 10, 10, 9).
    expect(await kit.figure('pct_favourable')).toMatchObject({
      n: 10,
      answered: 10,
      favourable: 4,
    });
    // eNPS: 8 answers (-1 and empty are no answer); promoters 10, 9, 10; detractors 6, 5, 0.
    expect(await kit.figure('enps')).toMatchObject({ n: 8, answered: 8, favourable: 3 });
  });

  it("a 1-5 item nobody rated 5 takes the file's 1-5 scale", async () => {
    kit = await openScalesKit('upstream-scales-');
    const five = [1, 2, 3, 4, 5, 5, 4, 3, 2, 1];
    await kit.importText(
      'pulse_survey.csv',
      survey({
        'I am proud to work here': five,
        'My manager supports me': five,
        'I have the tools I need to do my job': five,
        'I feel motivated at work': [1, 2, 3, 4, 4, 3, 2, 1, 2, 3],
      }),
    );
    expect((await kit.items()).map((i) => `${i.scale_min}-${i.scale_max}`)).toEqual([
      '1-5',
      '1-5',
      '1-5',
      '1-5',
    ]);
  });
});
