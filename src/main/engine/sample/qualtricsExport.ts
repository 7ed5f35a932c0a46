import { join } from 'node:path';
import { formatDate, formatTimestamp, type Quarter } from './calendar';
import { CsvWriter } from './csvWriter';
import type { SampleFile } from './files';
import { COMPANY_NAME, SURVEY_ITEMS } from './itemCatalogue';
import type { Random } from './random';
import { COMMENT_QUESTION, clockTimes, qualtricsResponseId, type SurveyRow } from './surveyRows';

const TIME_ZONE = 'Europe/London';

/** Qualtrics' fixed response columns: short name, question-text row, ImportId (and time zone). */
const METADATA: readonly [string, string, string, boolean][] = [
  ['StartDate', 'Start Date', 'startDate', true],
  ['EndDate', 'End Date', 'endDate', true],
  ['Status', 'Response Type', 'status', false],
  ['Progress', 'Progress', 'progress', false],
  ['Duration (in seconds)', 'Duration (in seconds)', 'duration', false],
  ['Finished', 'Finished', 'finished', false],
  ['RecordedDate', 'Recorded Date', 'recordedDate', true],
  ['ResponseId', 'Response ID', '_recordId', false],
  ['DistributionChannel', 'Distribution Channel', 'distributionChannel', false],
  ['UserLanguage', 'User Language', 'userLanguage', false],
];

/** Embedded data the survey was distributed with, from the HRIS panel. */
const EMBEDDED = ['Unit', 'Role', 'Tenure'] as const;

function importId(id: string, timeZone = false): string {
  return JSON.stringify(timeZone ? { ImportId: id, timeZone: TIME_ZONE } : { ImportId: id });
}

/**
 * A Qualtrics "numeric values" CSV export: UTF-8 with a byte-order mark, CRLF, three header rows
 * (short names; question texts; ImportId JSON), one row per completed response, local London
 * times like 2025-08-04 09:13:22. Items are Q1..Qn in catalogue order with the catalogue's
 * wording as question text and its item_id as ImportId; the open comment is the last question.
 */
export async function writeQualtricsExport(
  dir: string,
  quarter: Quarter,
  rows: readonly SurveyRow[],
  random: Random,
): Promise<SampleFile> {
  const commentNumber = SURVEY_ITEMS.length + 1;
  const names = [
    ...METADATA.map(([name]) => name),
    ...EMBEDDED,
    ...SURVEY_ITEMS.map((_, i) => `Q${i + 1}`),
    `Q${commentNumber}`,
  ];
  const texts = [
    ...METADATA.map(([, text]) => text),
    ...EMBEDDED,
    ...SURVEY_ITEMS.map((item) => item.text),
    COMMENT_QUESTION,
  ];
  const importIds = [
    ...METADATA.map(([, , id, zoned]) => importId(id, zoned)),
    ...EMBEDDED.map((name) => importId(name)),
    ...SURVEY_ITEMS.map((item) => importId(item.itemId)),
    importId(`QID${commentNumber}_TEXT`),
  ];
  const path = join(dir, `${COMPANY_NAME}_Engagement_${quarter.period}_Qualtrics.csv`);
  const writer = await CsvWriter.create(path, names, { encoding: 'utf8-bom', newline: '\r\n' }, [
    texts,
    importIds,
  ]);
  const used = new Set<string>();
  for (const { row, startSecond, endSecond } of clockTimes(rows, random)) {
    let id = qualtricsResponseId(random);
    while (used.has(id)) id = qualtricsResponseId(random);
    used.add(id);
    const date = formatDate(row.day);
    const end = formatTimestamp(date, endSecond);
    writer.row([
      formatTimestamp(date, startSecond),
      end,
      0,
      100,
      endSecond - startSecond,
      1,
      end,
      id,
      'anonymous',
      'EN-GB',
      row.unitId,
      row.role,
      row.tenure,
      ...row.answers,
      row.comment,
    ]);
    await writer.drain();
  }
  return { kind: 'survey_responses', path, rows: await writer.close(), shape: 'qualtrics-csv' };
}
