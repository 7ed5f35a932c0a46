import { cleanHeader, uniqueColumns } from './columnNames';
import type { HeaderShape, SourceColumn } from './types';

/**
 * Vendor header shapes, recognised by what the header rows hold, never by file name.
 * - Qualtrics: row 1 short names (StartDate, ResponseId, Q1, Q2_1), row 2 question texts,
 *   row 3 JSON such as {"ImportId":"QID2_1"}.
 * - SurveyMonkey: row 1 question texts, blank over the extra columns of a multi-column
 *   question, row 2 "Response" or the option / sub-question of each column; the first columns
 *   are Respondent ID, Collector ID, Start Date, End Date, ...
 */
export interface HeaderLayout {
  shape: HeaderShape;
  /** Header records used (1, 2 or 3). */
  rows: number;
  columns: SourceColumn[];
  warnings: string[];
}

function importIdOf(cell: string): string | undefined {
  const text = cell.trim();
  if (!text.startsWith('{') || !text.includes('ImportId')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'ImportId' in parsed) {
      const id = (parsed as { ImportId: unknown }).ImportId;
      return typeof id === 'string' ? id : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function isQualtrics(rows: string[][]): boolean {
  const third = rows[2];
  if (!rows[0] || !rows[1] || !third) return false;
  const nonEmpty = third.filter((c) => c.trim() !== '');
  const ids = nonEmpty.filter((c) => importIdOf(c) !== undefined).length;
  return ids > 0 && ids >= nonEmpty.length * 0.8;
}

const SURVEYMONKEY_META = /^(respondent id|collector id)$/i;
const PLAIN_RESPONSE = /^(response|open-ended response)$/i;

export function isSurveyMonkey(rows: string[][]): boolean {
  const [first, second] = rows;
  if (!first || !second) return false;
  const metaIndex = first.findIndex((c) => SURVEYMONKEY_META.test(c.trim()));
  if (metaIndex < 0) return false;
  if ((second[metaIndex] ?? '').trim() !== '') return false;
  return second.some((c) => c.trim() !== '');
}

export function qualtricsLayout(rows: string[][], width: number): HeaderLayout {
  const [names, texts, meta] = rows as [string[], string[], string[]];
  const named = uniqueColumns(Array.from({ length: width }, (_, i) => names[i]));
  const columns = named.columns.map((column, i) => {
    const label = cleanHeader(texts[i]);
    const importId = importIdOf(meta[i] ?? '');
    return {
      ...column,
      ...(label !== '' ? { label } : {}),
      ...(importId !== undefined ? { importId } : {}),
    };
  });
  return { shape: 'qualtrics', rows: 3, columns, warnings: named.warnings };
}

export function surveyMonkeyLayout(rows: string[][], width: number): HeaderLayout {
  const [questions, options] = rows as [string[], string[]];
  let carried = '';
  const labels: string[] = [];
  for (let i = 0; i < width; i++) {
    const question = cleanHeader(questions[i]);
    if (question !== '') carried = question;
    const option = cleanHeader(options[i]);
    if (question === '' && carried === '') labels.push(option);
    else if (option === '' || PLAIN_RESPONSE.test(option)) labels.push(carried);
    else labels.push(`${carried} - ${option}`);
  }
  const named = uniqueColumns(labels);
  const columns = named.columns.map((column, i) => {
    const label = labels[i]!;
    // The metadata columns (Respondent ID, ...) have no sub-header: their name is their label.
    const { originalName: _drop, ...rest } = column;
    return label !== '' && (options[i] ?? '').trim() !== '' ? { ...rest, label } : rest;
  });
  return { shape: 'surveymonkey', rows: 2, columns, warnings: named.warnings };
}

export function plainLayout(header: string[] | undefined, width: number): HeaderLayout {
  if (!header) {
    const columns = Array.from({ length: width }, (_, i) => ({ name: `column_${i + 1}` }));
    return { shape: 'plain', rows: 0, columns, warnings: [] };
  }
  const named = uniqueColumns(Array.from({ length: width }, (_, i) => header[i]));
  return { shape: 'plain', rows: 1, columns: named.columns, warnings: named.warnings };
}
