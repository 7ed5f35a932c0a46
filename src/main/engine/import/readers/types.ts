import type { CsvRelationSpec } from './sql';

/**
 * What a reader makes of any file an analyst drops in: a staged, all-text table DuckDB can read,
 * plus what was detected on the way (format, encoding, delimiter, vendor header shape), so the
 * import report can say it and the mapping step can use labels and value labels.
 */
export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'parquet' | 'jsonl' | 'sav';
export type HeaderShape = 'plain' | 'qualtrics' | 'surveymonkey';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SourceColumn {
  /** Unique, non-empty name used in the staged table (blank headers become column_N, repeats get _2, _3). */
  name: string;
  /** The header exactly as the file had it, when it differs from `name`. */
  originalName?: string;
  /** Question text or variable label: Qualtrics' second header row, SurveyMonkey's sub-header, SPSS variable label. */
  label?: string;
  /** Qualtrics ImportId from the third header row. */
  importId?: string;
  /** Code -> text: SPSS value labels, or choice texts known from the file. */
  valueLabels?: Record<string, string>;
}

export interface StagedSource {
  format: SourceFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Numbers written with a decimal comma (1,5): the mapping step turns them into 1.5. */
  decimalComma?: boolean;
  headerShape: HeaderShape;
  /** Every sheet of a workbook, and the one read. */
  sheets?: string[];
  sheet?: string;
  columns: SourceColumn[];
  /**
   * A DuckDB table expression (e.g. `read_csv('/ws.staging/x.csv', header = false, skip = 3, ...)`)
   * that yields every data row in file order as VARCHAR columns named exactly `columns[].name`.
   * It may only name files inside the staging folder: DuckDB can read nothing else.
   */
  relationSql: string;
  /**
   * How `relationSql` reads a delimited text file, when it is a plain read_csv of one: lets the
   * one-pass import read the same file with typed columns (see typedDirect.ts).
   */
  csv?: CsvRelationSpec;
  /** The 1-based row number, in the original file or sheet, of the first data row. */
  firstDataRow: number;
  /** Said to the analyst in the import report (e.g. "3 blank columns dropped"). */
  warnings: string[];
  /**
   * Set when a UTF-8 text file was staged as it is without the full-file scan (ReadOptions
   * `deferTextScan`): until `confirmStagedText` says the scan passes, DuckDB's parse is the only
   * check of its UTF-8 and row numbers can be off by blank lines, so only a read that needs no
   * row numbers may use it.
   */
  unscannedText?: UnscannedText;
  /**
   * The files this read made inside the staging folder (a copy, hard link or converted CSV):
   * remove them once the import has read `relationSql`.
   */
  files: string[];
}

export interface UnscannedText {
  path: string;
  /** Byte-order mark length. */
  skipBytes: number;
  /** Columns per row: a one-column file keeps blank lines as empty rows anyway. */
  width: number;
}

export interface ReadOptions {
  /** Workbook sheet to read; default the first sheet with data. */
  sheet?: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal;
  /** Stage a UTF-8 text file without reading it all first (see StagedSource.unscannedText). */
  deferTextScan?: boolean;
}
