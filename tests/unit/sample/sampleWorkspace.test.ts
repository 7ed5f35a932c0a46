import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/main/engine/engine';
import type { ImportReport } from '../../../src/main/engine/import/importFile';
import { TRUTH_FILE_NAME, type SampleTruth } from '../../../src/main/engine/sample';
import { createSampleWorkspace } from '../../../src/main/engine/sampleWorkspace';
import { makeTempDir } from '../../helpers/tempDir';

// The sample company through the app's real import path (readers, mapping inference, validation),
// as `npm start` loads it: every vendor shape must import without a quarantined row, and the
// planted effects computed in SQL on the workspace must be the ones truth.json states.

interface Loaded {
  engine: Engine;
  truth: SampleTruth;
  reports: ImportReport[];
  remove(): void;
}

async function load(scale: 'small' | 'default', seed: number): Promise<Loaded> {
  const temp = makeTempDir(`upstream-sample-ws-${scale}-`);
  const reports: ImportReport[] = [];
  const exportsDir = join(temp.path, 'exports');
  const engine = await createSampleWorkspace({
    workspace: join(temp.path, 'sample.duckdb'),
    exportsDir,
    seed,
    scale,
    onImported: (report) => reports.push(report),
  });
  const truth = JSON.parse(readFileSync(join(exportsDir, TRUTH_FILE_NAME), 'utf8')) as SampleTruth;
  return {
    engine,
    truth,
    reports,
    remove() {
      engine.close();
      temp.remove();
    },
  };
}

async function rows(engine: Engine, sql: string): Promise<Record<string, unknown>[]> {
  const result = await engine.ws.conn.runAndReadAll(sql);
  return result
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'bigint' ? Number(value) : value,
        ]),
      ),
    );
}

async function one(engine: Engine, sql: string): Promise<Record<string, unknown>> {
  const [row] = await rows(engine, sql);
  if (!row) throw new Error(`no row from: ${sql}`);
  return row;
}

/** Pearson r over team-quarter pairs: engagement index in t (5+ respondents) against NPS in t + shift. */
function linkSql(employeeFirst: boolean, shift: number): string {
  return `
    WITH periods AS (SELECT period, row_number() OVER (ORDER BY period) AS i
                     FROM (SELECT DISTINCT period FROM respondent_scores)),
    engagement AS (
      SELECT unit_id, period, count(*) AS respondents, avg(engagement_0_100) AS idx
      FROM respondent_scores GROUP BY ALL),
    nps AS (
      SELECT m.unit_id, s.period,
             100.0 * (sum(s.promoters) - sum(s.detractors)) / sum(s.nps_n) AS nps
      FROM customer_code_stats s JOIN unit_mapping m USING (cx_code)
      GROUP BY ALL HAVING sum(s.nps_n) > 0),
    e AS (SELECT engagement.*, i FROM engagement JOIN periods USING (period)
          WHERE respondents >= 5 AND idx IS NOT NULL),
    n AS (SELECT nps.*, i FROM nps JOIN periods USING (period))
    SELECT corr(e.idx, n.nps) AS r, count(*) AS pairs
    FROM e JOIN n ON n.unit_id = e.unit_id
      AND ${employeeFirst ? `n.i = e.i + ${shift}` : `e.i = n.i + ${shift}`}`;
}

function checkImports(get: () => Loaded): void {
  it('imports every file with no row quarantined, each shape read as what it is', async () => {
    const { engine, truth, reports } = get();
    expect(reports.map((r) => r.file)).toEqual(truth.files.map((f) => f.file));
    for (const [i, report] of reports.entries()) {
      const file = truth.files[i]!;
      expect(report.status, file.file).toBe('imported');
      expect(report.kind, file.file).toBe(file.kind);
      expect([report.rowsRead, report.rowsImported, report.rowsQuarantined], file.file).toEqual([
        file.rows,
        file.rows,
        0,
      ]);
    }
    expect((await one(engine, 'SELECT count(*) AS n FROM quarantine')).n).toBe(0);
    const read = (shape: string) =>
      reports
        .filter((_, i) => truth.files[i]!.shape === shape)
        .map((r) => [r.format, r.headerShape, r.encoding, r.delimiter]);
    expect(new Set(read('xlsx').map(([format]) => format))).toEqual(new Set(['xlsx']));
    expect(new Set(read('spss-sav').map(([format]) => format))).toEqual(new Set(['sav']));
    expect(new Set(read('parquet').map(([format]) => format))).toEqual(new Set(['parquet']));
    expect(new Set(read('jsonl').map(([format]) => format))).toEqual(new Set(['jsonl']));
    expect(new Set(read('qualtrics-csv').map(([, header]) => header))).toEqual(
      new Set(['qualtrics']),
    );
    expect(new Set(read('surveymonkey-csv').map(([, header]) => header))).toEqual(
      new Set(['surveymonkey']),
    );
    expect(new Set(read('cx-csv-1252-semicolon').map((r) => `${r[2]} ${r[3]}`))).toEqual(
      new Set(['windows-1252 ;']),
    );
  });

  it('resolves every survey item to the catalogue: no vendor file adds an item', async () => {
    const { engine, truth } = get();
    const items = await one(
      engine,
      `SELECT count(*) AS n, count(DISTINCT source_id) AS sources,
              (SELECT count(DISTINCT item_id) FROM survey_answers) AS answered
       FROM survey_items`,
    );
    expect(items).toEqual({
      n: truth.counts.surveyItems,
      sources: 1,
      answered: truth.counts.surveyItems,
    });
    const perPeriod = await rows(
      engine,
      `SELECT period, count(DISTINCT item_id) AS items FROM survey_answers GROUP BY 1 ORDER BY 1`,
    );
    expect(perPeriod).toEqual(
      truth.periods.map((period) => ({ period, items: truth.counts.surveyItems })),
    );
  });

  it('holds the respondents, customers, interactions and events truth.json counts', async () => {
    const { engine, truth } = get();
    const respondents = await rows(
      engine,
      'SELECT period, count(*) AS n FROM survey_respondents GROUP BY 1 ORDER BY 1',
    );
    expect(respondents).toEqual(
      truth.files
        .filter((f) => f.kind === 'survey_responses')
        .map((f) => ({ period: f.period, n: f.rows })),
    );
    const customers = await rows(
      engine,
      'SELECT period, count(*) AS n FROM customer_feedback GROUP BY 1 ORDER BY 1',
    );
    expect(customers).toEqual(
      truth.files
        .filter((f) => f.kind === 'customer_feedback')
        .map((f) => ({ period: f.file.match(/\d{4}-Q\d/)?.[0], n: f.rows })),
    );
    const counts = await one(
      engine,
      `SELECT (SELECT count(*) FROM customer_feedback) AS customers,
              (SELECT count(*) FROM contact_interactions) AS interactions,
              (SELECT count(*) FROM recognition_events) AS recognition,
              (SELECT count(*) FROM hr_metrics) AS hr,
              (SELECT count(*) FILTER (WHERE level = 'team') FROM org_units) AS team_rows,
              (SELECT count(DISTINCT effective_from) FROM org_units) AS snapshots`,
    );
    expect(counts).toEqual({
      customers: truth.counts.customerResponses,
      interactions: truth.counts.interactions,
      recognition: truth.counts.recognitionEvents,
      hr: truth.counts.hrMetricRows,
      team_rows: 2 * truth.counts.teams,
      snapshots: 2,
    });
  });

  it('links engagement in t to NPS in t+1 as truth.json says, computed in SQL on the workspace', async () => {
    const { engine, truth } = get();
    const lag = await one(engine, linkSql(true, 1));
    expect(lag.pairs).toBe(truth.lagEffect.pairs.lag);
    expect(lag.r as number).toBeCloseTo(truth.lagEffect.observedR, 2);
    const same = await one(engine, linkSql(true, 0));
    expect(same.pairs).toBe(truth.lagEffect.pairs.sameQuarter);
    expect(same.r as number).toBeCloseTo(truth.lagEffect.observedSameQuarterR, 2);
    const reverse = await one(engine, linkSql(false, 1));
    expect(reverse.pairs).toBe(truth.lagEffect.pairs.reverse);
    expect(reverse.r as number).toBeCloseTo(truth.lagEffect.observedReverseR, 2);
  });
}

describe('the sample workspace through the real import path (small scale)', () => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load('small', 7);
  });
  afterAll(() => loaded?.remove());
  checkImports(() => loaded);
});

describe('the sample workspace through the real import path (default scale)', () => {
  let loaded: Loaded;
  beforeAll(async () => {
    loaded = await load('default', 42);
  });
  afterAll(() => loaded?.remove());
  checkImports(() => loaded);

  it('plants the weak value in one region and the leader gap, as truth.json says', async () => {
    const { engine, truth } = loaded;
    const favourable = (items: string[], where: string) => `
      100 * avg((a.score >= 4)::INT) FILTER (WHERE a.item_id IN (${items.map((i) => `'${i}'`).join(', ')}) AND ${where})`;
    const { weakValue, leaderGap } = truth;
    const result = await one(
      engine,
      `WITH first AS (SELECT * FROM org_units WHERE effective_from = (SELECT min(effective_from) FROM org_units)),
       home AS (SELECT t.unit_id, r.unit_id AS region_id
                FROM first t JOIN first ar ON t.parent_id = ar.unit_id JOIN first r ON ar.parent_id = r.unit_id
                WHERE t.level = 'team')
       SELECT ${favourable(weakValue.itemIds, `h.region_id = '${weakValue.regionId}'`)} AS weak_region,
              ${favourable(weakValue.itemIds, `h.region_id <> '${weakValue.regionId}'`)} AS weak_rest,
              ${favourable(leaderGap.itemIds, "r.role = 'leader'")} AS leaders,
              ${favourable(leaderGap.itemIds, "r.role = 'front_line'")} AS front_line
       FROM survey_answers a JOIN survey_respondents r USING (period, respondent_id) JOIN home h USING (unit_id)`,
    );
    expect(result.weak_region as number).toBeCloseTo(weakValue.regionPctFavourable, 1);
    expect(result.weak_rest as number).toBeCloseTo(weakValue.restPctFavourable, 1);
    expect(result.leaders as number).toBeCloseTo(leaderGap.leaderPctFavourable, 1);
    expect(result.front_line as number).toBeCloseTo(leaderGap.frontLinePctFavourable, 1);
  });
});
