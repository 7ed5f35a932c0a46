import { join } from 'node:path';
import { spssSeconds, type Quarter } from './calendar';
import type { SampleFile } from './files';
import { COMPANY_NAME, SURVEY_ITEMS } from './itemCatalogue';
import type { Random } from './random';
import { SAV_FORMAT, writeSav, type SavVariable } from './savWriter';
import { LIKERT_TEXTS } from './surveyMonkeyExport';
import type { SurveyRow } from './surveyRows';

/** The research agency's "don't know" code on agreement items, declared user-missing. */
export const DONT_KNOW = 9;
/** Share of unanswered agreement items the agency records as "don't know" rather than blank. */
const DONT_KNOW_SHARE = 0.5;
export const COMMENT_WIDTH = 255;
const FIRST_SERIAL = 1001;

const numeric = (
  name: string,
  label: string,
  width: number,
  measure: SavVariable['measure'],
  missing?: number[],
): SavVariable => ({
  name,
  label,
  width: 0,
  format: { type: SAV_FORMAT.F, width, decimals: 0 },
  measure,
  columns: Math.max(8, width),
  ...(missing ? { missing } : {}),
});

const text = (name: string, label: string, width: number): SavVariable => ({
  name,
  label,
  width,
  format: { type: SAV_FORMAT.A, width, decimals: 0 },
  measure: 'nominal',
  columns: Math.min(width, 40),
});

const isLikert = (item: (typeof SURVEY_ITEMS)[number]) =>
  item.scaleMin === 1 && item.scaleMax === 5;

export const PULSE_VARIABLES: readonly SavVariable[] = [
  numeric('RespID', 'Respondent serial number', 8, 'nominal'),
  text('Unit', 'Organisational unit (HRIS code)', 8),
  text('Role', 'Role (from HRIS)', 10),
  text('Tenure', 'Length of service', 4),
  {
    name: 'EndDate',
    label: 'Date interview completed',
    width: 0,
    format: { type: SAV_FORMAT.DATE, width: 11, decimals: 0 },
    measure: 'scale',
    columns: 11,
  },
  ...SURVEY_ITEMS.map((item) =>
    isLikert(item)
      ? numeric(item.itemId, item.text, 1, 'ordinal', [DONT_KNOW])
      : numeric(item.itemId, item.text, 2, 'scale'),
  ),
  text('Comment', 'Anything else you would like to tell us? (verbatim)', COMMENT_WIDTH),
];

/**
 * The agency's pulse survey as an SPSS system file: one case per respondent in completion order,
 * serial numbers from 1001, variable names = catalogue item ids, variable labels = item texts,
 * value labels on every item, 9 = "Don't know" declared missing on agreement items.
 */
export async function writeSpssPulse(
  dir: string,
  quarter: Quarter,
  rows: readonly SurveyRow[],
  random: Random,
): Promise<SampleFile> {
  const likert = SURVEY_ITEMS.filter(isLikert).map((item) => item.itemId);
  const zeroToTen = SURVEY_ITEMS.filter((item) => !isLikert(item)).map((item) => item.itemId);
  const cases = rows.map((row, r) => [
    FIRST_SERIAL + r,
    row.unitId,
    row.role ?? '',
    row.tenure ?? '',
    spssSeconds(row.day),
    ...SURVEY_ITEMS.map((item, i) => {
      const answer = row.answers[i] ?? null;
      if (answer === null && isLikert(item) && random.chance(DONT_KNOW_SHARE)) return DONT_KNOW;
      return answer;
    }),
    row.comment ?? '',
  ]);
  const closes = rows.reduce((last, row) => Math.max(last, row.day), quarter.startDay);
  const path = join(dir, `${COMPANY_NAME}_Pulse_${quarter.period}.sav`);
  await writeSav(path, {
    fileLabel: `${COMPANY_NAME} pulse survey ${quarter.period}`,
    product: 'Release 27.0.1 (agency)',
    created: new Date((closes + 2) * 86_400_000 + 16 * 3_600_000 + 42 * 60_000),
    variables: PULSE_VARIABLES,
    valueLabels: [
      {
        variables: likert,
        labels: [
          ...LIKERT_TEXTS.map((label, i) => [i + 1, label] as const),
          [DONT_KNOW, "Don't know"],
        ],
      },
      {
        variables: zeroToTen,
        labels: [
          [0, '0 - Not at all likely'],
          [10, '10 - Extremely likely'],
        ],
      },
    ],
    cases,
  });
  return { kind: 'survey_responses', path, rows: cases.length, shape: 'spss-sav' };
}
