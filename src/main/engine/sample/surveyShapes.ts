import { join } from 'node:path';
import { formatDate, quarterAt } from './calendar';
import { CsvWriter } from './csvWriter';
import { canonicalHeader, type SampleFile, type SampleFileShape } from './files';
import { ITEM_IDS } from './itemCatalogue';
import { writeQualtricsExport } from './qualtricsExport';
import type { Random } from './random';
import { writeSpssPulse } from './spssPulse';
import { writeSurveyMonkeyExport } from './surveyMonkeyExport';
import type { SurveyRow } from './surveyRows';

export type { SurveyRow } from './surveyRows';

/**
 * How each quarter's survey reaches the analyst, like a company that changed vendors: three
 * quarters of Qualtrics, one of SurveyMonkey, one agency pulse delivered as SPSS, then the
 * in-house platform's canonical CSV.
 */
export const SURVEY_SHAPES: readonly SampleFileShape[] = [
  'qualtrics-csv',
  'qualtrics-csv',
  'qualtrics-csv',
  'surveymonkey-csv',
  'spss-sav',
  'canonical-csv',
  'canonical-csv',
  'canonical-csv',
];

/** How each survey shape's answer columns name the catalogue item they hold. */
export const ITEM_LINKS: Partial<Record<SampleFileShape, string>> = {
  'qualtrics-csv':
    'Row 1 names items Q1..Qn in catalogue order; row 2 (question text) is the catalogue item_text exactly; row 3 {"ImportId":"<item_id>"} is the catalogue item_id. The open comment is Q<n+1> (ImportId QID<n+1>_TEXT).',
  'surveymonkey-csv':
    'Row 1 (question text) is the catalogue item_text exactly and row 2 says "Response": SurveyMonkey exports carry no item ids, so the text is the only link. Likert answers are written as their answer text (Strongly disagree = 1 .. Strongly agree = 5); the 0-10 eNPS item as its number.',
  'spss-sav':
    "Variable name is the catalogue item_id; variable label is the item_text. Likert items have value labels 1 = Strongly disagree .. 5 = Strongly agree and 9 = Don't know, 9 declared user-missing.",
  'canonical-csv': 'Column name is the catalogue item_id.',
};

export async function writeSurveyQuarter(
  shape: SampleFileShape,
  dir: string,
  quarterIndex: number,
  rows: readonly SurveyRow[],
  random: Random,
): Promise<SampleFile> {
  const quarter = quarterAt(quarterIndex);
  switch (shape) {
    case 'qualtrics-csv':
      return writeQualtricsExport(dir, quarter, rows, random);
    case 'surveymonkey-csv':
      return writeSurveyMonkeyExport(dir, quarter, rows, random);
    case 'spss-sav':
      return writeSpssPulse(dir, quarter, rows, random);
    case 'canonical-csv':
      return writeCanonicalSurvey(dir, quarter.period, rows);
    default:
      throw new Error(`survey responses cannot be written as ${shape}`);
  }
}

async function writeCanonicalSurvey(
  dir: string,
  period: string,
  rows: readonly SurveyRow[],
): Promise<SampleFile> {
  const path = join(dir, `survey_responses_${period}.csv`);
  const writer = await CsvWriter.create(path, [
    ...canonicalHeader('survey_responses'),
    ...ITEM_IDS,
    'comment',
  ]);
  for (const row of rows) {
    writer.row([
      row.respondentId,
      period,
      row.unitId,
      formatDate(row.day),
      row.tenure,
      row.role,
      ...row.answers,
      row.comment,
    ]);
    await writer.drain();
  }
  return { kind: 'survey_responses', path, rows: await writer.close(), shape: 'canonical-csv' };
}
