import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  type CanonicalKind,
} from '../../../src/main/engine/import/canonicalFormats';
import {
  writeSampleExports,
  type SampleExports,
  type SampleFile,
} from '../../../src/main/engine/sample';
import { makeTempDir } from '../../helpers/tempDir';
import { decodeWindows1252 } from './cp1252';
import { parseCsv } from './csvParse';
import { Duck, readCsv, sqlText } from './duck';
import { readSav } from './savRead';
import { psppAvailable } from '../../helpers/pspp';
import {
  LIKERT_TEXTS,
  loadSampleView,
  readCsvRecords,
  readOrgWorkbook,
  type CatalogueItem,
} from './sampleView';

const SEED = 11;
const temps: { path: string; remove(): void }[] = [];
let sample: SampleExports;
let duck: Duck;
let catalogue: CatalogueItem[];

async function generate(seed: number): Promise<SampleExports> {
  const temp = makeTempDir('upstream-sample-');
  temps.push(temp);
  return writeSampleExports({ seed, scale: 'small', dir: join(temp.path, 'exports') });
}

function filesOf(kind: CanonicalKind): SampleFile[] {
  return sample.files.filter((file) => file.kind === kind);
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

const periodOf = (file: SampleFile) =>
  sample.truth.files.find((entry) => entry.file === basename(file.path))?.period as string;

beforeAll(async () => {
  sample = await generate(SEED);
  duck = await Duck.open();
  const scratch = makeTempDir('upstream-sample-view-');
  temps.push(scratch);
  catalogue = await loadSampleView(duck, sample, scratch.path);
});

afterAll(() => {
  duck?.close();
  for (const temp of temps) temp.remove();
});

describe('sample exports (small scale)', () => {
  it('lists the files in import order, in the shapes an analyst receives', () => {
    expect(sample.files.map((file) => [file.kind, file.shape])).toEqual([
      ['org_units', 'xlsx'],
      ['org_units', 'xlsx'],
      ['survey_items', 'canonical-csv'],
      ['survey_responses', 'qualtrics-csv'],
      ['survey_responses', 'qualtrics-csv'],
      ['survey_responses', 'qualtrics-csv'],
      ['survey_responses', 'surveymonkey-csv'],
      ['survey_responses', 'spss-sav'],
      ['survey_responses', 'canonical-csv'],
      ['survey_responses', 'canonical-csv'],
      ['survey_responses', 'canonical-csv'],
      ['unit_mapping', 'canonical-csv'],
      ...Array(8).fill(['customer_feedback', 'cx-csv-1252-semicolon']),
      ['contact_centre', 'parquet'],
      ['recognition', 'jsonl'],
      ['hr_metrics', 'canonical-csv'],
    ]);
    expect(sample.files.map((file) => basename(file.path))).toEqual([
      'HRIS_Org_Units_2024-07-01.xlsx',
      'HRIS_Org_Units_2025-07-01.xlsx',
      'survey_items.csv',
      'Brightwater_Engagement_2024-Q3_Qualtrics.csv',
      'Brightwater_Engagement_2024-Q4_Qualtrics.csv',
      'Brightwater_Engagement_2025-Q1_Qualtrics.csv',
      'Brightwater Engagement 2025-Q2 - SurveyMonkey.csv',
      'Brightwater_Pulse_2025-Q3.sav',
      'survey_responses_2025-Q4.csv',
      'survey_responses_2026-Q1.csv',
      'survey_responses_2026-Q2.csv',
      'unit_mapping.csv',
      ...sample.truth.periods.map((period) => `cx_feedback_export_${period}.csv`),
      'telephony_interactions.parquet',
      'recognition.jsonl',
      'hr_metrics.csv',
    ]);
    expect(sample.truth.periods).toEqual([
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('writes truth.json equal to the returned truth', () => {
    const written = JSON.parse(readFileSync(join(sample.dir, 'truth.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(sample.truth)));
    expect(written.seed).toBe(SEED);
    expect(written.scale).toBe('small');
  });

  it('is byte-identical for the same seed (in any time zone) and differs for another seed', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    let again: SampleExports;
    try {
      expect(new Date(0).getTimezoneOffset()).not.toBe(0);
      again = await generate(SEED);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const other = await generate(SEED + 1);
    const original = hashes(sample.dir);
    expect(Object.keys(original)).toHaveLength(sample.files.length + 1);
    expect(hashes(again.dir)).toEqual(original);
    const different = hashes(other.dir);
    const changed = Object.keys(original).filter((name) => original[name] !== different[name]);
    expect(changed.length).toBeGreaterThanOrEqual(sample.files.length - 1);
  });

  it('lists every file in truth.json with its shape, rows and, for surveys, period and item link', () => {
    expect(sample.truth.files.map((f) => [f.file, f.kind, f.shape, f.rows])).toEqual(
      sample.files.map((f) => [basename(f.path), f.kind, f.shape, f.rows]),
    );
    const surveys = sample.truth.files.filter((f) => f.kind === 'survey_responses');
    expect(surveys.map((f) => f.period)).toEqual(sample.truth.periods);
    for (const survey of surveys) expect(survey.itemLink, survey.file).toMatch(/item_?(id|text)/);
    expect(sample.truth.files.filter((f) => f.period !== undefined)).toHaveLength(8);
  });

  it('writes the canonical CSVs with exactly their canonical columns', async () => {
    const itemIds = catalogue.map((item) => item.itemId);
    for (const file of sample.files.filter((f) => f.shape === 'canonical-csv')) {
      const columns = (await duck.rows(`DESCRIBE SELECT * FROM ${readCsv(file.path)}`)).map(
        (row) => row.column_name,
      );
      const canonical = CANONICAL_COLUMNS[file.kind].map((column) => column.name);
      const expected =
        file.kind === 'survey_responses' ? [...canonical, ...itemIds, 'comment'] : canonical;
      expect(columns, basename(file.path)).toEqual(expected);
      expect((await duck.one(`SELECT count(*) AS n FROM ${readCsv(file.path)}`)).n).toBe(file.rows);
    }
  });

  it('holds, read back by shape, cells that all parse as their canonical type, range and pattern', async () => {
    const tables: [string, CanonicalKind, number][] = [
      ['org_before', 'org_units', filesOf('org_units')[0]!.rows],
      ['org_after', 'org_units', filesOf('org_units')[1]!.rows],
      ['items', 'survey_items', filesOf('survey_items')[0]!.rows],
      ['responses', 'survey_responses', sample.truth.counts.surveyResponses],
      ['mapping', 'unit_mapping', filesOf('unit_mapping')[0]!.rows],
      ['feedback', 'customer_feedback', sample.truth.counts.customerResponses],
      ['calls', 'contact_centre', sample.truth.counts.interactions],
      ['recognition', 'recognition', sample.truth.counts.recognitionEvents],
      ['hr', 'hr_metrics', sample.truth.counts.hrMetricRows],
    ];
    for (const [table, kind, rows] of tables) {
      expect((await duck.one(`SELECT count(*) AS n FROM ${table}`)).n, table).toBe(rows);
      expect(rows).toBeGreaterThan(0);
      const present = (await duck.rows(`DESCRIBE SELECT * FROM ${table}`)).map(
        (row) => row.column_name,
      );
      // Every required column is there; optional ones the sample does not write (a contact-centre
      // log's answered flag and post-call CSAT) are not checked.
      for (const spec of CANONICAL_COLUMNS[kind].filter(
        (c) => c.required || present.includes(c.name),
      )) {
        const raw = `nullif("${spec.name}", '')`;
        const typed = `TRY_CAST(${raw} AS ${spec.type})`;
        const problems = [
          spec.required ? `${raw} IS NULL` : 'false',
          `(${raw} IS NOT NULL AND ${typed} IS NULL)`,
          spec.range ? `${typed} NOT BETWEEN ${spec.range[0]} AND ${spec.range[1]}` : 'false',
          spec.pattern ? `NOT regexp_full_match(${raw}, ${sqlText(spec.pattern)})` : 'false',
          spec.type === 'BOOLEAN' ? `${raw} NOT IN ('true', 'false')` : 'false',
        ].join(' OR ');
        const bad = await duck.one(`SELECT count(*) AS n FROM ${table} WHERE ${problems}`);
        expect(bad.n, `${table} ${spec.name}`).toBe(0);
      }
    }
    const perPeriod = await duck.rows(
      'SELECT period, count(*) AS n FROM responses GROUP BY 1 ORDER BY 1',
    );
    expect(perPeriod).toEqual(
      filesOf('survey_responses').map((file) => ({ period: periodOf(file), n: file.rows })),
    );
  });

  it('writes the org hierarchy as HRIS workbooks: an Org Units sheet with date cells, then a Read me sheet', () => {
    for (const [index, file] of filesOf('org_units').entries()) {
      const book = readOrgWorkbook(file.path);
      expect(book.sheetNames).toEqual(['Org Units', 'Read me']);
      expect(book.header).toEqual([
        'Org Unit ID',
        'Org Unit Name',
        'Parent Org Unit ID',
        'Level',
        'Unit Type',
        'Manager Name',
        'Effective Date',
      ]);
      expect(book.rows).toHaveLength(file.rows);
      const effective = index === 0 ? '2024-07-01' : '2025-07-01';
      expect(new Set(book.rows.map((row) => row[6]))).toEqual(new Set([effective]));
      expect(book.readMe.length).toBeGreaterThanOrEqual(3);
      expect(book.readMe.join(' ')).toContain(effective);
    }
  });

  it('writes Qualtrics quarters with three header rows, ImportIds equal to item ids and the catalogue wording', () => {
    const files = filesOf('survey_responses').filter((file) => file.shape === 'qualtrics-csv');
    expect(files).toHaveLength(3);
    for (const file of files) {
      const bytes = readFileSync(file.path);
      expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(0, 400).toString('utf8')).toContain('\r\n');
      const [names, texts, importRow, ...data] = readCsvRecords(file.path) as [
        string[],
        string[],
        string[],
        ...string[][],
      ];
      expect(names.slice(0, 13)).toEqual([
        'StartDate',
        'EndDate',
        'Status',
        'Progress',
        'Duration (in seconds)',
        'Finished',
        'RecordedDate',
        'ResponseId',
        'DistributionChannel',
        'UserLanguage',
        'Unit',
        'Role',
        'Tenure',
      ]);
      expect(names.slice(13)).toEqual(
        Array.from({ length: catalogue.length + 1 }, (_, i) => `Q${i + 1}`),
      );
      const meta = importRow.map(
        (cell) => JSON.parse(cell) as { ImportId: string; timeZone?: string },
      );
      expect(meta[0]).toEqual({ ImportId: 'startDate', timeZone: 'Europe/London' });
      expect(meta.slice(13, -1).map((m) => m.ImportId)).toEqual(
        catalogue.map((item) => item.itemId),
      );
      expect(texts.slice(13, -1)).toEqual(catalogue.map((item) => item.text));
      expect(meta.at(-1)?.ImportId).toBe(`QID${catalogue.length + 1}_TEXT`);
      expect(data).toHaveLength(file.rows);
      const ids = new Set<string>();
      const stamp = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
      for (const row of data) {
        const [start, end, status, progress, duration, finished, recorded, id] = row as string[];
        expect(start).toMatch(stamp);
        expect(recorded).toBe(end);
        expect(end?.slice(0, 10)).toBe(start?.slice(0, 10));
        expect((Date.parse(`${end}Z`) - Date.parse(`${start}Z`)) / 1000).toBe(Number(duration));
        expect([status, progress, finished]).toEqual(['0', '100', '1']);
        expect(id).toMatch(/^R_[A-Za-z0-9]{15}$/);
        ids.add(id as string);
      }
      expect(ids.size).toBe(data.length);
    }
  });

  it('writes a SurveyMonkey quarter with two header rows, answer texts and US month-first times', () => {
    const [file] = filesOf('survey_responses').filter((f) => f.shape === 'surveymonkey-csv');
    const [questions, responses, ...data] = readCsvRecords(file!.path) as [
      string[],
      string[],
      ...string[][],
    ];
    expect(questions.slice(0, 4)).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
    ]);
    expect(responses.slice(0, 12).every((cell) => cell === '')).toBe(true);
    const itemColumns = catalogue.map((item) => questions.indexOf(item.text));
    expect(itemColumns.every((c) => c >= 12)).toBe(true);
    expect(itemColumns.map((c) => responses[c])).toEqual(catalogue.map(() => 'Response'));
    expect(responses.at(-1)).toBe('Open-Ended Response');
    // The survey window opens 35 days into the quarter: its second month.
    const month = String((Number(periodOf(file!).slice(-1)) - 1) * 3 + 2).padStart(2, '0');
    let previous = 0;
    let daysAfterTwelfth = 0;
    for (const row of data) {
      const id = Number(row[0]);
      expect(row[0]).toMatch(/^\d{11}$/);
      expect(id).toBeGreaterThan(previous);
      previous = id;
      expect(row[3]).toMatch(/^\d\d\/\d\d\/\d{4} (0\d|1[0-2]):\d\d:\d\d (AM|PM)$/);
      expect(row[3]?.slice(0, 2)).toBe(month);
      if (Number(row[3]?.slice(3, 5)) > 12) daysAfterTwelfth++;
      catalogue.forEach((item, i) => {
        const answer = row[itemColumns[i] as number] as string;
        if (answer === '') return;
        if (item.scaleMax === 5) expect(LIKERT_TEXTS).toContain(answer);
        else expect(Number(answer)).toBeGreaterThanOrEqual(item.scaleMin);
      });
    }
    expect(daysAfterTwelfth).toBeGreaterThan(0);
  });

  it('writes an SPSS pulse file: item ids as names, item texts as labels, 9 = "Don\'t know" declared missing', () => {
    const [file] = filesOf('survey_responses').filter((f) => f.shape === 'spss-sav');
    const sav = readSav(readFileSync(file!.path));
    expect(sav.layoutCode).toBe(2);
    expect(sav.caseCount).toBe(file!.rows);
    expect(sav.cases).toHaveLength(file!.rows);
    expect(sav.encoding).toBe('UTF-8');
    expect(sav.fileLabel).toBe(`Brightwater pulse survey ${periodOf(file!)}`);
    const byName = new Map(sav.variables.map((v, i) => [v.name, i]));
    for (const item of catalogue) {
      const v = sav.variables[byName.get(item.itemId) as number];
      expect(v?.label).toBe(item.text);
      if (item.scaleMax === 5) {
        expect(v?.missing).toEqual([9]);
        expect(v?.valueLabels.get(1)).toBe('Strongly disagree');
        expect(v?.valueLabels.get(5)).toBe('Strongly agree');
        expect(v?.valueLabels.get(9)).toBe("Don't know");
      }
    }
    let dontKnow = 0;
    for (const values of sav.cases) {
      catalogue.forEach((item) => {
        const value = values[byName.get(item.itemId) as number];
        if (value === 9 && item.scaleMax === 5) dontKnow++;
        else if (value !== null) {
          expect(value).toBeGreaterThanOrEqual(item.scaleMin);
          expect(value).toBeLessThanOrEqual(item.scaleMax);
        }
      });
    }
    expect(dontKnow).toBeGreaterThan(0);
  });

  it.skipIf(!psppAvailable())('writes an SPSS file GNU PSPP reads without complaint', () => {
    const [file] = filesOf('survey_responses').filter((f) => f.shape === 'spss-sav');
    const csv = join(temps[0]!.path, 'pulse.csv');
    const output = execFileSync('pspp-convert', [file!.path, csv], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).not.toMatch(/warning|error/i);
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
    expect(header?.slice(0, 5)).toEqual(['RespID', 'Unit', 'Role', 'Tenure', 'EndDate']);
    expect(rows).toHaveLength(file!.rows);
  });

  it('writes customer feedback as a Windows-1252, semicolon, day-first CX export with N/A and blank scores', async () => {
    for (const file of filesOf('customer_feedback')) {
      const bytes = readFileSync(file.path);
      expect(bytes[0]).not.toBe(0xef);
      const text = decodeWindows1252(bytes);
      expect(text.slice(0, text.indexOf('\r\n'))).toBe(
        'Response ID;Response Date;Store Code;Channel;Likelihood to Recommend (0-10);Overall Satisfaction (1-5);Customer Effort (1-7);Verbatim',
      );
    }
    const all = Buffer.concat(filesOf('customer_feedback').map((file) => readFileSync(file.path)));
    for (const byte of [0x80, 0x92, 0x93, 0x94])
      expect(all.includes(byte), `byte ${byte}`).toBe(true);
    expect(all.includes(Buffer.from('€', 'utf8'))).toBe(false);
    const cells = await duck.one(`
      SELECT count(*) FILTER (WHERE NOT regexp_full_match("Response Date", '[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}')) AS bad_dates,
             count(*) FILTER (WHERE "Response Date"[1:2]::INT > 12) AS day_after_twelfth,
             count(*) FILTER (WHERE "Likelihood to Recommend (0-10)" = 'N/A') AS nps_na,
             count(*) FILTER (WHERE "Overall Satisfaction (1-5)" = 'N/A') AS csat_na,
             count(*) FILTER (WHERE "Customer Effort (1-7)" = 'N/A') AS ces_na,
             count(*) FILTER (WHERE "Customer Effort (1-7)" IS NULL) AS ces_blank,
             count(*) FILTER (WHERE "Verbatim" LIKE '%€%' OR "Verbatim" LIKE '%“%') AS specials,
             count(*) FILTER (WHERE "Verbatim" LIKE '%;%') AS semicolons
      FROM feedback_raw`);
    expect(cells.bad_dates).toBe(0);
    expect(cells.day_after_twelfth).toBeGreaterThan(0);
    expect(cells.nps_na).toBe(0);
    expect(cells.csat_na).toBeGreaterThan(0);
    expect(cells.ces_na).toBeGreaterThan(0);
    expect(cells.ces_blank).toBeGreaterThan(cells.ces_na as number);
    expect(cells.specials).toBeGreaterThan(0);
    expect(cells.semicolons).toBeGreaterThan(0);
  });

  it('writes contact-centre interactions as one typed Parquet file and recognition as JSON lines', async () => {
    const [calls] = filesOf('contact_centre');
    const types = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlText(calls!.path)})`);
    expect(types.map((row) => [row.column_name, row.column_type])).toEqual([
      ['Interaction ID', 'VARCHAR'],
      ['Queue', 'VARCHAR'],
      ['Agent ID', 'VARCHAR'],
      ['Start Time', 'TIMESTAMP'],
      ['IVR Reason', 'VARCHAR'],
      ['Talk Time (s)', 'INTEGER'],
      ['Hold Time (s)', 'INTEGER'],
      ['ACW (s)', 'INTEGER'],
      ['Handle Time (s)', 'INTEGER'],
      ['Transferred', 'BOOLEAN'],
      ['Repeat Contact within 7d', 'BOOLEAN'],
    ]);
    const [recognition] = filesOf('recognition');
    const lines = readFileSync(recognition!.path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(recognition!.rows);
    for (const line of lines.slice(0, 50)) {
      expect(Object.keys(JSON.parse(line) as object)).toEqual([
        'event_id',
        'unit_id',
        'recognised_at',
        'programme',
      ]);
    }
  });

  it('answers survey items only within their scale, with about 3% left blank and every respondent answering something', async () => {
    const items = await duck.rows(
      'SELECT item_id, scale_min::INT AS lo, scale_max::INT AS hi FROM items',
    );
    let blanks = 0;
    let cells = 0;
    for (const item of items) {
      const column = `"${item.item_id}"`;
      const row = await duck.one(
        `SELECT count(*) FILTER (WHERE ${column} IS NOT NULL AND (TRY_CAST(${column} AS INTEGER) IS NULL OR ${column}::INT NOT BETWEEN ${item.lo} AND ${item.hi})) AS bad,
                count(*) FILTER (WHERE ${column} IS NULL) AS blank, count(*) AS n FROM responses`,
      );
      expect(row.bad, String(item.item_id)).toBe(0);
      blanks += row.blank as number;
      cells += row.n as number;
    }
    expect(blanks / cells).toBeGreaterThan(0.015);
    expect(blanks / cells).toBeLessThan(0.05);
    const everyItem = items.map((item) => `"${item.item_id}"`).join(', ');
    expect(
      (await duck.one(`SELECT count(*) AS n FROM responses WHERE coalesce(${everyItem}) IS NULL`))
        .n,
    ).toBe(0);
  });

  it('has a realistic item catalogue', async () => {
    const factors = await duck.rows(
      'SELECT factor, count(*) AS n, max(reverse_coded) AS anyReversed FROM items GROUP BY factor ORDER BY factor',
    );
    const byFactor = Object.fromEntries(factors.map((row) => [row.factor, row.n]));
    expect(byFactor.engagement).toBeGreaterThanOrEqual(4);
    expect(byFactor.leadership).toBeGreaterThanOrEqual(4);
    expect(byFactor.enablement).toBeGreaterThanOrEqual(3);
    expect(byFactor.enps).toBe(1);
    expect(
      factors.filter((row) => String(row.factor).startsWith('value:')).map((row) => row.n),
    ).toEqual([3, 3, 3, 3, 3]);
    const reversed = await duck.one("SELECT count(*) AS n FROM items WHERE reverse_coded = 'true'");
    expect(reversed.n).toBeGreaterThanOrEqual(1);
    expect(reversed.n).toBeLessThanOrEqual(2);
    expect(await duck.one("SELECT scale_min, scale_max FROM items WHERE factor = 'enps'")).toEqual({
      scale_min: '0',
      scale_max: '10',
    });
  });

  it('keeps ids unique and refers only to units that exist', async () => {
    const duplicates = [
      'SELECT count(*) - count(DISTINCT (period, respondent_id)) AS n FROM responses',
      'SELECT count(*) - count(DISTINCT response_id) AS n FROM feedback',
      'SELECT count(*) - count(DISTINCT interaction_id) AS n FROM calls',
      'SELECT count(*) - count(DISTINCT event_id) AS n FROM recognition',
      'SELECT count(*) - count(DISTINCT cx_code) AS n FROM mapping',
      'SELECT count(*) - count(DISTINCT (unit_id, period)) AS n FROM hr',
      'SELECT count(*) - count(DISTINCT unit_id) AS n FROM org_before',
      'SELECT count(*) - count(DISTINCT unit_id) AS n FROM org_after',
      'SELECT count(*) - count(DISTINCT unit_name) AS n FROM org_after',
    ];
    for (const sql of duplicates) expect((await duck.one(sql)).n, sql).toBe(0);
    const teams = "(SELECT unit_id FROM org_before WHERE level = 'team')";
    for (const table of ['responses', 'mapping', 'recognition', 'hr']) {
      expect(
        (await duck.one(`SELECT count(*) AS n FROM ${table} WHERE unit_id NOT IN ${teams}`)).n,
        table,
      ).toBe(0);
    }
    for (const table of ['org_before', 'org_after']) {
      expect(
        (
          await duck.one(
            `SELECT count(*) AS n FROM ${table} WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT unit_id FROM ${table})`,
          )
        ).n,
      ).toBe(0);
      expect((await duck.one(`SELECT count(*) AS n FROM ${table} WHERE parent_id IS NULL`)).n).toBe(
        1,
      );
    }
    const calls = await duck.one(
      'SELECT count(*) FILTER (WHERE queue_code NOT IN (SELECT cx_code FROM mapping)) AS unmapped, count(DISTINCT queue_code) AS queues FROM calls',
    );
    expect(calls.unmapped).toBe(0);
    expect(calls.queues).toBe(sample.truth.counts.contactCentreQueues);
  });

  it('builds the hierarchy company > regions > areas > teams with realistic names and types', async () => {
    const levels = await duck.rows(
      'SELECT level, unit_type, count(*) AS n FROM org_before GROUP BY ALL ORDER BY ALL',
    );
    const count = (level: string) =>
      levels.filter((row) => row.level === level).reduce((sum, row) => sum + (row.n as number), 0);
    expect(count('company')).toBe(1);
    expect(count('region')).toBe(2);
    expect(count('area')).toBeGreaterThanOrEqual(5);
    expect(count('team')).toBeGreaterThanOrEqual(35);
    const teamTypes = new Set(
      levels.filter((row) => row.level === 'team').map((row) => row.unit_type),
    );
    expect(teamTypes).toEqual(new Set(['store', 'branch', 'contact_centre_queue']));
    const wrongParent = await duck.one(`
      SELECT count(*) AS n FROM org_before child JOIN org_before parent ON child.parent_id = parent.unit_id
      WHERE (child.level = 'team' AND parent.level <> 'area') OR (child.level = 'area' AND parent.level <> 'region')
         OR (child.level = 'region' AND parent.level <> 'company')`);
    expect(wrongParent.n).toBe(0);
    const names = await duck.rows(
      "SELECT unit_name, unit_type FROM org_before WHERE level = 'team'",
    );
    for (const { unit_name: name, unit_type: type } of names) {
      if (type === 'store') expect(name).toMatch(/ Store$/);
      if (type === 'branch') expect(name).toMatch(/ Branch$/);
      if (type === 'contact_centre_queue') expect(name).toMatch(/^[A-Z][A-Za-z ]+ Queue \d+$/);
    }
    expect(
      (
        await duck.one(
          "SELECT count(*) AS n FROM org_before WHERE NOT regexp_full_match(unit_id, 'U\\d{4}')",
        )
      ).n,
    ).toBe(0);
  });

  it('records the reorganisation: one region split in two, its areas and a few teams moved, team ids stable', async () => {
    const { reorg } = sample.truth;
    expect(reorg.betweenPeriods).toEqual(['2025-Q2', '2025-Q3']);
    const regions = async (table: string) =>
      (await duck.rows(`SELECT unit_id FROM ${table} WHERE level = 'region' ORDER BY unit_id`)).map(
        (row) => row.unit_id,
      );
    const before = await regions('org_before');
    const after = await regions('org_after');
    expect(after).toEqual([...before, reorg.newRegionId].sort());
    expect(before).toContain(reorg.splitRegionId);

    const reparented = async (level: string) =>
      (
        await duck.rows(`
          SELECT b.unit_id, b.parent_id AS old_parent, a.parent_id AS new_parent
          FROM org_before b JOIN org_after a USING (unit_id)
          WHERE b.level = '${level}' AND b.parent_id <> a.parent_id ORDER BY b.unit_id`)
      ).map((row) => ({ unitId: row.unit_id, from: row.old_parent, to: row.new_parent }));
    const movedAreas = await reparented('area');
    expect(movedAreas.map((area) => area.unitId)).toEqual([...reorg.movedAreaIds].sort());
    expect(movedAreas.length).toBeGreaterThanOrEqual(1);
    for (const area of movedAreas)
      expect([area.from, area.to]).toEqual([reorg.splitRegionId, reorg.newRegionId]);
    expect(
      (
        await duck.one(
          `SELECT count(*) AS n FROM org_after WHERE parent_id = ${sqlText(reorg.splitRegionId)}`,
        )
      ).n,
    ).toBeGreaterThanOrEqual(1);

    const movedTeams = await reparented('team');
    expect(movedTeams.map((team) => team.unitId)).toEqual([...reorg.movedTeamIds].sort());
    expect(movedTeams.length).toBeGreaterThanOrEqual(1);
    expect(movedTeams).toEqual(
      [...reorg.movedTeams]
        .sort((a, b) => a.unitId.localeCompare(b.unitId))
        .map((team) => ({ unitId: team.unitId, from: team.fromAreaId, to: team.toAreaId })),
    );

    const teamsIn = async (table: string) =>
      (await duck.rows(`SELECT unit_id FROM ${table} WHERE level = 'team' ORDER BY unit_id`)).map(
        (row) => row.unit_id,
      );
    expect(await teamsIn('org_after')).toEqual(await teamsIn('org_before'));
    const periodsPerTeam = await duck.one(
      'SELECT min(n) AS fewest FROM (SELECT unit_id, count(DISTINCT period) AS n FROM hr GROUP BY unit_id)',
    );
    expect(periodsPerTeam.fewest).toBe(8);
  });

  it('keeps response rates plausible: respondents never exceed headcount', async () => {
    const rates = await duck.one(`
      SELECT count(*) FILTER (WHERE coalesce(r.n, 0) > h.headcount::INT) AS over,
             avg(coalesce(r.n, 0) / h.headcount::INT) AS mean_rate, sum(h.headcount::INT) AS person_quarters
      FROM hr h LEFT JOIN (SELECT unit_id, period, count(*) AS n FROM responses GROUP BY ALL) r USING (unit_id, period)`);
    expect(rates.over).toBe(0);
    expect(rates.mean_rate).toBeGreaterThan(0.6);
    expect(rates.mean_rate).toBeLessThan(0.85);
    const firstQuarter = await duck.one(
      "SELECT sum(headcount::INT) AS n FROM hr WHERE period = '2024-Q3'",
    );
    expect(firstQuarter.n).toBe(sample.truth.counts.employees);
    expect(sample.truth.counts.employees).toBeGreaterThan(600);
    expect(sample.truth.counts.employees).toBeLessThan(800);
  });

  it('has at least 10% of teams below 5 respondents in some quarter, as truth.json says', async () => {
    const small = await duck.one(`
      WITH cells AS (
        SELECT h.unit_id, h.period, count(r.respondent_id) AS n
        FROM hr h LEFT JOIN responses r ON r.unit_id = h.unit_id AND r.period = h.period GROUP BY ALL)
      SELECT count(DISTINCT unit_id) FILTER (WHERE n < 5) / count(DISTINCT unit_id) AS share FROM cells`);
    expect(small.share).toBeGreaterThanOrEqual(0.1);
    expect(small.share).toBeCloseTo(sample.truth.smallTeams.share, 4);
  });

  it('leaves about 5% of the cx codes in customer feedback without a mapping row, as truth.json lists', async () => {
    const unmapped = (
      await duck.rows(
        'SELECT DISTINCT cx_code FROM feedback WHERE cx_code NOT IN (SELECT cx_code FROM mapping) ORDER BY cx_code',
      )
    ).map((row) => row.cx_code);
    const codes = (await duck.one('SELECT count(DISTINCT cx_code) AS n FROM feedback')).n as number;
    expect(unmapped).toEqual([...sample.truth.unmappedCxCodes].sort());
    expect(unmapped.length / codes).toBeGreaterThan(0.03);
    expect(unmapped.length / codes).toBeLessThan(0.08);
    expect((await duck.one("SELECT count(*) AS n FROM feedback WHERE cx_code LIKE 'U%'")).n).toBe(
      0,
    );
  });

  it('writes customer feedback in realistic volume, with every response scored and timestamps inside its quarter', async () => {
    const totals = await duck.one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE coalesce(nps, csat, ces) IS NULL) AS unscored,
             count(*) FILTER (WHERE nps IS NULL) / count(*) AS nps_blank, count(comment) AS comments,
             count(DISTINCT channel) AS channels
      FROM feedback`);
    expect(totals.n).toBeGreaterThan(20_000);
    expect(totals.n).toBeLessThan(30_000);
    expect(totals.unscored).toBe(0);
    expect(totals.nps_blank).toBeGreaterThan(0);
    expect(totals.comments).toBeGreaterThan(0);
    expect(totals.channels).toBe(4);
    const outside = await duck.one(`
      SELECT count(*) AS n FROM feedback_raw
      WHERE NOT contains(filename, year(strptime("Response Date", '%d/%m/%Y %H:%M')) || '-Q' || quarter(strptime("Response Date", '%d/%m/%Y %H:%M')))`);
    expect(outside.n).toBe(0);
    const surveyOutside = await duck.one(
      "SELECT count(*) AS n FROM responses WHERE year(submitted_at::DATE) || '-Q' || quarter(submitted_at::DATE) <> period",
    );
    expect(surveyOutside.n).toBe(0);
  });

  it('writes contact-centre interactions whose handle time is talk + hold + wrap', async () => {
    const calls = await duck.one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE handle_seconds::INT <> talk_seconds::INT + hold_seconds::INT + wrap_seconds::INT) AS wrong,
             avg(talk_seconds::INT) AS talk, avg(repeat_contact::BOOLEAN::INT) AS repeats, count(DISTINCT agent_id) AS agents
      FROM calls`);
    expect(calls.n).toBeGreaterThan(4_000);
    expect(calls.n).toBeLessThan(6_000);
    expect(calls.wrong).toBe(0);
    expect(calls.talk).toBeGreaterThan(120);
    expect(calls.talk).toBeLessThan(1_200);
    expect(calls.repeats).toBeGreaterThan(0.05);
    expect(calls.repeats).toBeLessThan(0.25);
    expect(calls.agents).toBeGreaterThan(20);
  });

  it('writes recognition from all three programmes and HR metrics for every team and quarter', async () => {
    const programmes = (
      await duck.rows('SELECT DISTINCT programme FROM recognition ORDER BY 1')
    ).map((row) => row.programme);
    expect(programmes).toEqual(['Manager Moment', 'Peer Award', 'Values Star']);
    const hr = await duck.one(
      'SELECT count(*) AS n, count(DISTINCT unit_id) AS teams, sum(leavers::INT) AS leavers, min(absence_days::DOUBLE) AS least FROM hr',
    );
    expect(hr.n).toBe(sample.truth.counts.teams * 8);
    expect(hr.teams).toBe(sample.truth.counts.teams);
    expect(hr.leavers).toBeGreaterThan(0);
    expect(hr.least).toBeGreaterThanOrEqual(0);
  });

  it('includes comments that need CSV quoting: commas, double quotes and a line break', async () => {
    const comments = await duck.one(`
      SELECT count(comment) / count(*) AS share,
             count(*) FILTER (WHERE comment LIKE '%,%') AS commas,
             count(*) FILTER (WHERE comment LIKE '%"%') AS quotes,
             count(*) FILTER (WHERE comment LIKE '%' || chr(10) || '%') AS newlines
      FROM responses`);
    expect(comments.share).toBeGreaterThan(0.05);
    expect(comments.share).toBeLessThan(0.15);
    expect(comments.commas).toBeGreaterThan(0);
    expect(comments.quotes).toBeGreaterThan(0);
    expect(comments.newlines).toBeGreaterThan(0);
  });

  it('counts in truth.json what the files hold', async () => {
    const { counts } = sample.truth;
    expect(counts.surveyResponses).toBe((await duck.one('SELECT count(*) AS n FROM responses')).n);
    expect(counts.customerResponses).toBe((await duck.one('SELECT count(*) AS n FROM feedback')).n);
    expect(counts.interactions).toBe((await duck.one('SELECT count(*) AS n FROM calls')).n);
    expect(counts.recognitionEvents).toBe(
      (await duck.one('SELECT count(*) AS n FROM recognition')).n,
    );
    expect(counts.teams).toBe(
      (await duck.one("SELECT count(*) AS n FROM org_before WHERE level = 'team'")).n,
    );
    expect(counts.areas).toBe(
      (await duck.one("SELECT count(*) AS n FROM org_before WHERE level = 'area'")).n,
    );
    expect(counts.regions).toBe(2);
    expect(counts.regionsAfterReorg).toBe(3);
  });
});
