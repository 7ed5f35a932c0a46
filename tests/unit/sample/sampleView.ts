import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { SampleExports, SampleFile } from '../../../src/main/engine/sample';
import { decodeWindows1252 } from './cp1252';
import { parseCsv } from './csvParse';
import { loadRows, readCsv, sqlText, type Duck } from './duck';
import { readSav } from './savRead';

/**
 * Reads every sample export back into canonical, all-text DuckDB tables, with parsers written
 * for the tests (not the app's readers or mapping), following each vendor's documented shape:
 *   org_before, org_after, items, responses, mapping, feedback, calls, recognition, hr
 * plus feedback_raw (the CX export's cells as written, with the decoded copy's `filename`).
 */

export const LIKERT_TEXTS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
];

const SURVEY_COLUMNS = [
  'respondent_id',
  'period',
  'unit_id',
  'submitted_at',
  'tenure_band',
  'role',
];
const ORG_COLUMNS = [
  'unit_id',
  'unit_name',
  'parent_id',
  'level',
  'unit_type',
  'leader_name',
  'effective_from',
];

export interface CatalogueItem {
  itemId: string;
  text: string;
  scaleMin: number;
  scaleMax: number;
}

const isoDay = (msSinceEpoch: number) => new Date(msSinceEpoch).toISOString().slice(0, 10);
const blank = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

/** An HRIS workbook's first sheet as canonical rows; Effective Date must be a real date cell. */
export function readOrgWorkbook(path: string): {
  sheetNames: string[];
  header: string[];
  rows: (string | null)[][];
  readMe: string[];
} {
  const book = XLSX.read(readFileSync(path), { cellNF: true, cellDates: false });
  const [first, second] = book.SheetNames;
  const sheet = book.Sheets[first as string] as XLSX.WorkSheet;
  const range = XLSX.utils.decode_range(sheet['!ref'] as string);
  const cellAt = (r: number, c: number) => sheet[XLSX.utils.encode_cell({ r, c })];
  const header: string[] = [];
  for (let c = range.s.c; c <= range.e.c; c++) header.push(String(cellAt(0, c)?.v ?? ''));
  const rows: (string | null)[][] = [];
  for (let r = 1; r <= range.e.r; r++) {
    const row: (string | null)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = cellAt(r, c);
      if (!cell) row.push(null);
      else if (header[c] === 'Effective Date') {
        if (cell.t !== 'n' || !XLSX.SSF.is_date(String(cell.z))) {
          throw new Error(`${basename(path)} row ${r + 1}: Effective Date is not a date cell`);
        }
        row.push(isoDay(Math.round((cell.v as number) - 25_569) * 86_400_000));
      } else row.push(String(cell.v));
    }
    rows.push(row);
  }
  const readMe = XLSX.utils
    .sheet_to_json<string[]>(book.Sheets[second as string] as XLSX.WorkSheet, { header: 1 })
    .map((line) => String(line[0] ?? ''));
  return { sheetNames: book.SheetNames, header, rows, readMe };
}

/** The text of a UTF-8 CSV without its byte-order mark, parsed. */
export function readCsvRecords(path: string, delimiter = ','): string[][] {
  const bytes = readFileSync(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return parseCsv(bytes.subarray(bom ? 3 : 0).toString('utf8'), delimiter);
}

function qualtricsRows(path: string, period: string, catalogue: CatalogueItem[]) {
  const [names, , importRow, ...data] = readCsvRecords(path) as [
    string[],
    string[],
    string[],
    ...string[][],
  ];
  const importIds = importRow.map((cell) => (JSON.parse(cell) as { ImportId: string }).ImportId);
  const at = (name: string) => names.indexOf(name);
  const itemColumns = catalogue.map((item) => importIds.indexOf(item.itemId));
  const comment = importIds.findIndex((id) => /^QID\d+_TEXT$/.test(id));
  return data.map((row) => [
    row[at('ResponseId')] ?? null,
    period,
    blank(row[at('Unit')]),
    (row[at('RecordedDate')] ?? '').slice(0, 10),
    blank(row[at('Tenure')]),
    blank(row[at('Role')]),
    ...itemColumns.map((c) => blank(row[c])),
    blank(row[comment]),
  ]);
}

function surveyMonkeyRows(path: string, period: string, catalogue: CatalogueItem[]) {
  const [questions, responses, ...data] = readCsvRecords(path) as [
    string[],
    string[],
    ...string[][],
  ];
  const at = (name: string) => questions.indexOf(name);
  const itemColumns = catalogue.map((item) => questions.indexOf(item.text));
  const comment = responses.indexOf('Open-Ended Response');
  const usDate = (text: string) => {
    const [month, day, year] = text.slice(0, 10).split('/');
    return `${year}-${month}-${day}`;
  };
  const score = (text: string | undefined) => {
    if (text === undefined || text === '') return null;
    const likert = LIKERT_TEXTS.indexOf(text);
    return likert >= 0 ? String(likert + 1) : text;
  };
  return data.map((row) => [
    row[at('Respondent ID')] ?? null,
    period,
    blank(row[at('Unit')]),
    usDate(row[at('End Date')] ?? ''),
    blank(row[at('Tenure')]),
    blank(row[at('Role')]),
    ...itemColumns.map((c) => score(row[c])),
    blank(row[comment]),
  ]);
}

function spssRows(path: string, period: string, catalogue: CatalogueItem[]) {
  const file = readSav(readFileSync(path));
  const at = (name: string) => file.variables.findIndex((v) => v.name === name);
  const itemColumns = catalogue.map((item) => at(item.itemId));
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined || value === '' ? null : String(value);
  const numeric = (column: number, value: number | string | null | undefined) =>
    typeof value === 'number' && file.variables[column]?.missing.includes(value)
      ? null
      : text(value);
  return file.cases.map((values) => [
    text(values[at('RespID')]),
    period,
    text(values[at('Unit')]),
    isoDay(((values[at('EndDate')] as number) - 12_219_379_200) * 1000),
    text(values[at('Tenure')]),
    text(values[at('Role')]),
    ...itemColumns.map((c) => numeric(c, values[c])),
    text(values[at('Comment')]),
  ]);
}

export async function loadSampleView(
  duck: Duck,
  sample: SampleExports,
  scratchDir: string,
): Promise<CatalogueItem[]> {
  const filesOf = (kind: SampleFile['kind']) => sample.files.filter((file) => file.kind === kind);
  const [before, after] = filesOf('org_units');
  for (const [table, file] of [
    ['org_before', before],
    ['org_after', after],
  ] as const) {
    await loadRows(duck, table, ORG_COLUMNS, readOrgWorkbook((file as SampleFile).path).rows);
  }

  await duck.run(
    `CREATE TABLE items AS SELECT * FROM ${readCsv(filesOf('survey_items').map((f) => f.path))}`,
  );
  const catalogue = (
    await duck.rows('SELECT item_id, item_text, scale_min, scale_max FROM items')
  ).map((row) => ({
    itemId: String(row.item_id),
    text: String(row.item_text),
    scaleMin: Number(row.scale_min),
    scaleMax: Number(row.scale_max),
  }));

  const surveyColumns = [...SURVEY_COLUMNS, ...catalogue.map((item) => item.itemId), 'comment'];
  const vendorRows: (string | null)[][] = [];
  const canonicalSurveys: string[] = [];
  for (const file of filesOf('survey_responses')) {
    const entry = sample.truth.files.find((f) => f.file === basename(file.path));
    const period = entry?.period as string;
    if (file.shape === 'qualtrics-csv')
      vendorRows.push(...qualtricsRows(file.path, period, catalogue));
    else if (file.shape === 'surveymonkey-csv')
      vendorRows.push(...surveyMonkeyRows(file.path, period, catalogue));
    else if (file.shape === 'spss-sav') vendorRows.push(...spssRows(file.path, period, catalogue));
    else canonicalSurveys.push(file.path);
  }
  await loadRows(duck, 'responses', surveyColumns, vendorRows);
  await duck.run(`INSERT INTO responses BY NAME SELECT * FROM ${readCsv(canonicalSurveys)}`);

  await duck.run(
    `CREATE TABLE mapping AS SELECT * FROM ${readCsv(filesOf('unit_mapping')[0]!.path)}`,
  );

  const decoded = filesOf('customer_feedback').map((file) => {
    const path = join(scratchDir, `${basename(file.path)}.utf8.csv`);
    writeFileSync(path, decodeWindows1252(readFileSync(file.path)), 'utf8');
    return path;
  });
  const cx = `read_csv([${decoded.map(sqlText).join(', ')}], header = true, all_varchar = true, delim = ';', quote = '"', escape = '"', strict_mode = true, filename = true)`;
  await duck.run(`CREATE TABLE feedback_raw AS SELECT * FROM ${cx}`);
  const score = (column: string) => `nullif("${column}", 'N/A')`;
  await duck.run(`
    CREATE TABLE feedback AS SELECT
      "Response ID" AS response_id,
      strftime(strptime("Response Date", '%d/%m/%Y %H:%M'), '%Y-%m-%d %H:%M:%S') AS responded_at,
      "Store Code" AS cx_code, "Channel" AS channel,
      ${score('Likelihood to Recommend (0-10)')} AS nps,
      ${score('Overall Satisfaction (1-5)')} AS csat,
      ${score('Customer Effort (1-7)')} AS ces,
      "Verbatim" AS comment
    FROM feedback_raw`);

  await duck.run(`
    CREATE TABLE calls AS SELECT
      "Interaction ID" AS interaction_id, "Queue" AS queue_code, "Agent ID" AS agent_id,
      strftime("Start Time", '%Y-%m-%d %H:%M:%S') AS started_at, "IVR Reason" AS ivr_reason,
      "Talk Time (s)"::VARCHAR AS talk_seconds, "Hold Time (s)"::VARCHAR AS hold_seconds,
      "ACW (s)"::VARCHAR AS wrap_seconds, "Handle Time (s)"::VARCHAR AS handle_seconds,
      "Transferred"::VARCHAR AS transferred, "Repeat Contact within 7d"::VARCHAR AS repeat_contact
    FROM read_parquet(${sqlText(filesOf('contact_centre')[0]!.path)})`);

  await duck.run(`
    CREATE TABLE recognition AS SELECT * FROM read_json(${sqlText(filesOf('recognition')[0]!.path)},
      format = 'newline_delimited',
      columns = {event_id: 'VARCHAR', unit_id: 'VARCHAR', recognised_at: 'VARCHAR', programme: 'VARCHAR'})`);

  await duck.run(`CREATE TABLE hr AS SELECT * FROM ${readCsv(filesOf('hr_metrics')[0]!.path)}`);
  return catalogue;
}
