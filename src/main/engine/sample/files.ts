import { join } from 'node:path';
import { CANONICAL_COLUMNS, type CanonicalKind } from '../import/canonicalFormats';
import { CsvWriter, type CsvValue } from './csvWriter';

/**
 * The shape each export is written in, as an analyst would receive it:
 * - canonical-csv: Upstream's canonical CSV (UTF-8, comma, one header row, canonical names);
 * - xlsx: an HRIS workbook export (first sheet the data, a "Read me" sheet after it);
 * - qualtrics-csv: Qualtrics numeric export, three header rows, UTF-8 with BOM;
 * - surveymonkey-csv: SurveyMonkey export, two header rows, answer texts, US dates;
 * - spss-sav: an SPSS system file from a research agency (uncompressed, UTF-8);
 * - cx-csv-1252-semicolon: a CX platform export, Windows-1252, semicolons, day-first dates;
 * - parquet: a telephony platform's Parquet extract;
 * - jsonl: JSON lines from an HR tool's API.
 */
export type SampleFileShape =
  | 'canonical-csv'
  | 'xlsx'
  | 'qualtrics-csv'
  | 'surveymonkey-csv'
  | 'spss-sav'
  | 'cx-csv-1252-semicolon'
  | 'parquet'
  | 'jsonl';

export interface SampleFile {
  kind: CanonicalKind;
  path: string;
  /** Data rows (cases, records), not counting header rows. */
  rows: number;
  shape: SampleFileShape;
}

export function canonicalHeader(kind: CanonicalKind): string[] {
  return CANONICAL_COLUMNS[kind].map((column) => column.name);
}

/** Writes a canonical CSV small enough to build row by row without pausing for the disk. */
export async function writeSmallFile(
  dir: string,
  fileName: string,
  kind: CanonicalKind,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): Promise<SampleFile> {
  const path = join(dir, fileName);
  const writer = await CsvWriter.create(path, header);
  for (const row of rows) {
    writer.row(row);
    await writer.drain();
  }
  return { kind, path, rows: await writer.close(), shape: 'canonical-csv' };
}
