import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv } from '../../fixtures/tinyCompany';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * Survey exports on scales other than 1-5, answered with label texts, and with every vendor's
 * way of writing "no answer": the scale each item gets, the scores kept, and % favourable (top
 * two boxes of the item's own scale, eNPS apart) counted by hand.
 */
let kit: ScalesKit;
beforeAll(async () => {
  kit = await openScalesKit('upstream-scales-');
});
afterAll(() => kit.close());

const HEAD = ['Respondent ID', 'Period', 'Unit ID', 'Submitted'];

/**
 * One survey file of one quarter: a row per respondent, the given answers per item column. Each
 * test imports its own quarter with its own questions into the one workspace.
 */
function survey(period: string, items: Record<string, unknown[]>): string {
  const names = Object.keys(items);
  const n = Math.max(...names.map((k) => items[k]!.length));
  const month = (Number(period.slice(-1)) - 1) * 3 + 1;
  return csv(
    [...HEAD, ...names],
    Array.from({ length: n }, (_, i) => [
      `R${i + 1}`,
      period,
      'T1',
      `${period.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`,
      ...names.map((k) => items[k]![i]),
    ]),
  );
}

/** The catalogue items a question text starts with. */
async function item(text: string) {
  const found = (await kit.items()).find((i) => i.item_text.startsWith(text));
  if (!found) throw new Error(`no item "${text}"`);
  return found;
}

describe('item scales inferred from the answers', () => {
  const cases: {
    range: [number, number];
    period: string;
    /** Two questions (an engagement one, a leadership one) and their answers. */
    questions: [string, string];
    a: unknown[];
    b: unknown[];
    /** Hand-counted: answers in range (N/A not counted) and those in the top two boxes. */
    answered: number;
    favourable: number;
  }[] = [
    {
      range: [0, 4],
      period: '2025-Q1',
      questions: ['I am proud to work here', 'My manager supports me'],
      a: [0, 1, 2, 3, 4, 4, 3, 2, 1, 0],
      b: [4, 4, 3, 3, 2, 0, 1, 1, 'NA', ''],
      // top two boxes 3-4: a has 3,4,4,3; b has 4,4,3,3
      answered: 18,
      favourable: 8,
    },
    {
      range: [1, 4],
      period: '2025-Q2',
      questions: [
        'I feel motivated to go beyond what is expected',
        'My line manager gives me regular feedback',
      ],
      a: [1, 2, 3, 4, 4, 3, 2, 1, 4, 4],
      b: [4, 4, 3, 3, 2, 2, 1, 1, -99, ''],
      // 3-4: a has 3,4,4,3,4,4; b has 4,4,3,3
      answered: 18,
      favourable: 10,
    },
    {
      range: [1, 6],
      period: '2025-Q3',
      questions: [
        'I see myself still working here in two years',
        'Senior leaders communicate a clear direction',
      ],
      a: [1, 2, 3, 4, 5, 6, 6, 5, 4, 3],
      b: [6, 6, 5, 5, 1, 2, 'N/A', 3, 4, 6],
      // 5-6: a has 5,6,6,5; b has 6,6,5,5,6
      answered: 19,
      favourable: 9,
    },
    {
      range: [1, 7],
      period: '2025-Q4',
      questions: ['I am happy working for this company', 'Leadership acts on what we say'],
      a: [1, 2, 3, 4, 5, 6, 7, 7, 6, 5],
      b: [7, 7, 6, 2, 1, 'Not applicable', 4, 3, 5, 99],
      // 6-7: a has 6,7,7,6; b has 7,7,6
      answered: 18,
      favourable: 7,
    },
  ];
  for (const c of cases) {
    it(`${c.range[0]}-${c.range[1]}: scale from the answers, N/A not a response, top two boxes favourable`, async () => {
      const [qa, qb] = c.questions;
      const report = await kit.importText(
        `pulse_survey_${c.period}.csv`,
        survey(c.period, { [qa]: c.a, [qb]: c.b }),
      );
      expect([report.kind, report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([
        'survey_responses',
        10,
        10,
        0,
      ]);
      const [a, b] = [await item(qa), await item(qb)];
      expect([a.factor, a.scale_min, a.scale_max]).toEqual(['engagement', ...c.range]);
      expect([b.factor, b.scale_min, b.scale_max]).toEqual(['leadership', ...c.range]);
      expect((await kit.answers(a.item_id)).size + (await kit.answers(b.item_id)).size).toBe(
        c.answered,
      );
      expect(await kit.figure('pct_favourable', c.period)).toMatchObject({
        n: 10,
        answered: c.answered,
        favourable: c.favourable,
      });
    });
  }

  it('0-10: a satisfaction item counts 9-10 as favourable, the eNPS item is its own figure', async () => {
    const report = await kit.importText(
      'pulse_survey_2026-Q1.csv',
      survey('2026-Q1', {
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
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([10, 10, 0]);
    const satisfied = await item('How satisfied');
    const enps = await item('How likely');
    expect([satisfied.factor, satisfied.scale_min, satisfied.scale_max]).toEqual(['other', 0, 10]);
    expect([enps.factor, enps.scale_min, enps.scale_max]).toEqual(['enps', 0, 10]);
    // Satisfaction: 10 answers, 9 or 10 four times (9, 10, 10, 9).
    expect(await kit.figure('pct_favourable', '2026-Q1')).toMatchObject({
      n: 10,
      answered: 10,
      favourable: 4,
    });
    // eNPS: 8 answers (-1 and empty are no answer); promoters 10, 9, 10; detractors 6, 5, 0.
    expect(await kit.figure('enps', '2026-Q1')).toMatchObject({
      n: 8,
      answered: 8,
      favourable: 3,
      detractors: 3,
    });
  });

  it("a 1-5 item nobody rated 5 takes the file's 1-5 scale", async () => {
    const five = [1, 2, 3, 4, 5, 5, 4, 3, 2, 1];
    const questions = [
      'I have the tools I need to do my job',
      'My workload is manageable most weeks',
      'I get the training I need',
      'I know what is expected of me',
    ];
    await kit.importText(
      'pulse_survey_2026-Q2.csv',
      survey('2026-Q2', {
        [questions[0]!]: five,
        [questions[1]!]: five,
        [questions[2]!]: five,
        [questions[3]!]: [1, 2, 3, 4, 4, 3, 2, 1, 2, 3],
      }),
    );
    const scales = await Promise.all(questions.map(async (q) => item(q)));
    expect(scales.map((i) => `${i.scale_min}-${i.scale_max}`)).toEqual([
      '1-5',
      '1-5',
      '1-5',
      '1-5',
    ]);
  });
});
