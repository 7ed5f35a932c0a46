import type { ApiError } from '../../../shared/result';
import { formatCount } from '../format/formatMetric';
import { kindNoun } from './canonicalColumns';
import type { Preview } from './importSession';

/** The words the Import screen uses for what the engine detected and decided. */

const FORMATS: Record<string, string> = {
  csv: 'CSV file',
  xlsx: 'Excel workbook',
  parquet: 'Parquet file',
  jsonl: 'JSON lines file',
  sav: 'SPSS data file',
};

const SHAPES: Record<string, string> = {
  qualtrics: 'Qualtrics export',
  surveymonkey: 'SurveyMonkey export',
};

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};

const DELIMITERS: Record<string, string> = {
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
  '|': 'pipe-separated',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function rowsText(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** "Qualtrics export (CSV file), UTF-8, comma-separated, 1,204 rows". */
export function detectedText(p: Preview): string {
  const format = FORMATS[p.format] ?? `${p.format.toUpperCase()} file`;
  const shape = SHAPES[p.headerShape];
  const parts = [shape ? `${shape} (${format})` : format];
  if (p.encoding) parts.push(ENCODINGS[p.encoding] ?? p.encoding);
  if (p.delimiter) parts.push(DELIMITERS[p.delimiter] ?? `separated by "${p.delimiter}"`);
  if (p.sheet && p.sheets.length > 0) parts.push(`sheet "${p.sheet}"`);
  parts.push(rowsText(p.rows));
  return parts.join(', ');
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** Where the mapping on screen came from, in one sentence. */
export function mappingSourceText(p: Preview): { title: string; detail: string; reused: boolean } {
  switch (p.mappingSource) {
    case 'matched profile':
      return {
        title: `Mapping reused from saved profile “${p.profile ?? ''}”`,
        detail:
          'This file has the same columns as the file the profile was saved from, so its corrections apply again. Check it, then import.',
        reused: true,
      };
    case 'profile':
      return {
        title: `Mapping from profile “${p.profile ?? ''}”`,
        detail: 'You chose this profile for the file. Check it, then import.',
        reused: true,
      };
    case 'canonical':
      return {
        title: 'Columns already have Upstream’s names',
        detail: `This file holds ${kindNoun(p.kind)} in Upstream’s own format: nothing to guess.`,
        reused: false,
      };
    case 'given':
      return { title: 'Mapping as given', detail: '', reused: false };
    default:
      return {
        title: 'Mapping inferred from the column names and values',
        detail:
          'Check each row, the low-confidence ones first; correct what is wrong. Save it as a profile and next quarter’s file is mapped the same way.',
        reused: false,
      };
  }
}

/** What to do about an error, by when it happened and what the engine said. */
export function adviceFor(during: 'upload' | 'preview' | 'run', error: ApiError): string {
  if (error.code === 'UNAUTHORIZED')
    return 'Open the address that `upstream serve` printed, then try again.';
  if (during === 'upload')
    return 'Check that the file is not empty and not open in another program, then choose it again.';
  if (during === 'preview') {
    if (/cannot tell what kind/i.test(error.message))
      return 'Tell Upstream what this file holds: choose its kind below.';
    if (error.code === 'NOT_FOUND') return 'Choose one of the saved profiles, or none.';
    return 'Check that the file opens in Excel or a text editor and has a header row; for a workbook, choose the sheet that holds the data. Nothing was written to the workspace.';
  }
  if (error.code === 'IMPORT_ERROR')
    return 'Nothing was written: an import is all or nothing, so the workspace is as it was. Correct the mapping (or the file at the row and column named), then import again.';
  if (error.code === 'INVALID_ARGUMENTS')
    return 'The mapping was refused as it stands: check the item ids, scales and typed-in values, then import again.';
  return 'Try again. If it fails the same way, keep the message above for whoever supports Upstream.';
}
