import { join } from 'node:path';
import { formatUsTimestamp, type Quarter } from './calendar';
import { CsvWriter, type CsvValue } from './csvWriter';
import type { SampleFile } from './files';
import { COMPANY_NAME, SURVEY_ITEMS, type SurveyItem } from './itemCatalogue';
import type { Random } from './random';
import { COMMENT_QUESTION, clockTimes, type SurveyRow } from './surveyRows';

/** SurveyMonkey's default agreement scale, as exported with "actual answer text". */
export const LIKERT_TEXTS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;

/** The columns every SurveyMonkey export starts with (blank for an anonymous web link). */
const METADATA = [
  'Respondent ID',
  'Collector ID',
  'Start Date',
  'End Date',
  'IP Address',
  'Email Address',
  'First Name',
  'Last Name',
  'Custom Data 1',
] as const;

/** Custom variables passed in the survey link, exported by name after the metadata. */
const CUSTOM_VARIABLES = ['Unit', 'Role', 'Tenure'] as const;

function answerText(item: SurveyItem, answer: number | null): CsvValue {
  if (answer === null) return null;
  if (item.scaleMin === 1 && item.scaleMax === 5) return LIKERT_TEXTS[answer - 1];
  return answer;
}

/**
 * A SurveyMonkey CSV export ("all responses", actual answer text): UTF-8, CRLF, two header rows
 * (question texts, then "Response" or "Open-Ended Response" under each question, blank under the
 * metadata and custom variables), US month-first 12-hour times like 08/04/2025 09:13:22 AM,
 * 11-digit respondent ids in completion order. The question text is the catalogue's item_text.
 */
export async function writeSurveyMonkeyExport(
  dir: string,
  quarter: Quarter,
  rows: readonly SurveyRow[],
  random: Random,
): Promise<SampleFile> {
  const header = [
    ...METADATA,
    ...CUSTOM_VARIABLES,
    ...SURVEY_ITEMS.map((item) => item.text),
    COMMENT_QUESTION,
  ];
  const subHeader = [
    ...METADATA.map(() => ''),
    ...CUSTOM_VARIABLES.map(() => ''),
    ...SURVEY_ITEMS.map(() => 'Response'),
    'Open-Ended Response',
  ];
  const path = join(dir, `${COMPANY_NAME} Engagement ${quarter.period} - SurveyMonkey.csv`);
  const writer = await CsvWriter.create(path, header, { newline: '\r\n' }, [subHeader]);
  const collectors = [
    String(random.int(400_000_000, 449_999_999)),
    String(random.int(450_000_000, 499_999_999)),
  ];
  let respondentId = random.int(11_400_000_000, 11_800_000_000);
  for (const { row, startSecond, endSecond } of clockTimes(rows, random)) {
    respondentId += random.int(3, 2_400);
    writer.row([
      String(respondentId),
      collectors[random.chance(0.8) ? 0 : 1],
      formatUsTimestamp(row.day, startSecond),
      formatUsTimestamp(row.day, endSecond),
      null,
      null,
      null,
      null,
      null,
      row.unitId,
      row.role,
      row.tenure,
      ...SURVEY_ITEMS.map((item, i) => answerText(item, row.answers[i] ?? null)),
      row.comment,
    ]);
    await writer.drain();
  }
  return { kind: 'survey_responses', path, rows: await writer.close(), shape: 'surveymonkey-csv' };
}
