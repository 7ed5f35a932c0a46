import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { psppAvailable } from '../../helpers/pspp';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * An SPSS pulse written by PSPP from syntax, the way SPSS writes it: value labels that give the
 * scale (1-6 with nobody at the ends), user-missing values declared as a discrete code and as a
 * range, a "Don't know" code labelled but not declared missing, and a variable label marking a
 * reverse-keyed item "(R)".
 */
let kit: ScalesKit | undefined;
afterEach(() => {
  kit?.close();
  kit = undefined;
});

const rows: [number, number, number, number, number][] = [
  // eng1 mgr2 ten3 sat4 rec5
  [5, 1, 2, 7, 10],
  [4, 2, 3, 6, 9],
  [3, 3, 4, -1, 8],
  [2, 4, 5, -99, 7],
  [1, 5, 5, 5, 6],
  [9, 9, 4, 4, 5],
  [5, 1, 3, 3, 0],
  [4, 2, 2, 2, 99],
  [4, 1, 5, 1, 10],
  [9, 2, 4, -999, 3],
  [5, 9, 3, 7, 9],
  [3, 1, 2, 6, 99],
];

const SYNTAX = (
  out: string,
) => `DATA LIST LIST /resp_id (A6) period (A7) unit_id (A4) submitted (A10) eng1 mgr2 ten3 sat4 rec5.
BEGIN DATA
${rows.map((r, i) => `R${i + 1} 2025-Q1 T1 2025-02-${String(i + 1).padStart(2, '0')} ${r.join(' ')}`).join('\n')}
END DATA.
VARIABLE LABELS eng1 'I am proud to work here'
  /mgr2 'My manager often ignores my ideas (R)'
  /ten3 'I have the tools I need to do my job well'
  /sat4 'Overall I am satisfied with my work here'
  /rec5 'How likely are you to recommend Acme as a place to work?'.
VALUE LABELS eng1 mgr2 1 'Strongly disagree' 2 'Disagree' 3 'Neither agree nor disagree' 4 'Agree' 5 'Strongly agree' 9 "Don't know"
  /ten3 1 'Strongly disagree' 2 'Disagree' 3 'Slightly disagree' 4 'Slightly agree' 5 'Agree' 6 'Strongly agree'
  /rec5 0 'Not at all likely' 10 'Extremely likely' 99 'No answer'.
MISSING VALUES eng1 (9).
MISSING VALUES sat4 (-999 THRU -1).
SAVE OUTFILE='${out}'.
`;

it.skipIf(!psppAvailable())(
  'reads scales from value labels, SPSS user-missing codes and ranges as no answer, (R) as reverse-keyed',
  async () => {
    kit = await openScalesKit('upstream-sav-');
    const syntax = join(kit.dir, 'pulse.sps');
    writeFileSync(syntax, SYNTAX(join(kit.dir, 'made.sav')));
    execFileSync('pspp', [syntax], { cwd: kit.dir, stdio: 'ignore' });
    const report = await kit.importText(
      'pulse_survey.sav',
      readFileSync(join(kit.dir, 'made.sav')),
    );
    expect([report.kind, report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([
      'survey_responses',
      12,
      12,
      0,
    ]);
    expect(report.warnings.join(' ')).toMatch(
      /declared missing in SPSS were read as empty: .*eng1 \(2\).*sat4 \(3\)/,
    );
    const items = await kit.items();
    expect(
      items.map((i) => [
        i.item_id,
        i.item_text,
        i.factor,
        i.scale_min,
        i.scale_max,
        i.reverse_coded,
      ]),
    ).toEqual([
      ['eng1', 'I am proud to work here', 'engagement', 1, 5, false],
      ['mgr2', 'My manager often ignores my ideas', 'leadership', 1, 5, true],
      ['rec5', 'How likely are you to recommend Acme as a place to work?', 'enps', 0, 10, false],
      ['sat4', 'Overall I am satisfied with my work here', 'engagement', 1, 7, false],
      ['ten3', 'I have the tools I need to do my job well', 'enablement', 1, 6, false],
    ]);
    const kept = async (id: string) =>
      [...(await kit!.answers(id)).values()].map(([score, scored]) => `${score}>${scored}`).sort();
    expect(await kept('eng1')).toHaveLength(10);
    // Reverse-keyed: stored as answered, scored 6 - answer; 9 (labelled Don't know) is no answer.
    expect(await kept('mgr2')).toEqual(
      ['1>5', '2>4', '3>3', '4>2', '5>1', '1>5', '2>4', '1>5', '2>4', '1>5'].sort(),
    );
    expect(await kept('sat4')).toHaveLength(9);
    expect(await kept('rec5')).toHaveLength(10);
    // % favourable: eng1 4-5 (6 of 10), mgr2 scored 4-5 (7 of 10), ten3 5-6 (3 of 12), sat4 6-7
    // (4 of 9); rec5 is eNPS.
    expect(await kit.figure('pct_favourable')).toMatchObject({
      n: 12,
      answered: 41,
      favourable: 20,
    });
    // eNPS: 10 answers (99 is No answer), promoters 10, 9, 10, 9, detractors 6, 5, 0, 3.
    expect(await kit.figure('enps')).toMatchObject({ n: 10, favourable: 4, detractors: 4 });
  },
);
