import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeatmapOutput } from '../../../src/shared/analytics/heatmap';
import { Engine } from '../../../src/main/engine/engine';
import { queryRows } from '../../../src/main/engine/db/query';
import { loadAuditTree } from '../../../src/main/engine/export/audit/loadAuditTree';
import { makeTempDir } from '../../helpers/tempDir';
import type { ColumnMapping } from '../../../src/shared/imports';
import {
  googleFormText,
  ITEMS_CSV,
  loadOrgAndItems,
  rPulseFromR,
  rPulseText,
  wavesText,
} from './surveyDefaultsFixtures';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function open(): Promise<{ engine: Engine; dir: string }> {
  const temp = makeTempDir('upstream-survey-defaults-');
  const engine = await Engine.open(join(temp.path, 'w.duckdb'), { create: true });
  cleanup = () => {
    engine.close();
    temp.remove();
  };
  return { engine, dir: temp.path };
}

async function heatmap(engine: Engine, input: Record<string, unknown>): Promise<HeatmapOutput> {
  const result = await engine.call('heatmap', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as HeatmapOutput;
}

const cellOf = (row: HeatmapOutput['company'], value: string) =>
  row.cells.find((c) => c.value === value)!;

describe('an R write.csv pulse: no id, no unit, no date, period in the file name', () => {
  it('is written as R writes it', async () => {
    const { dir } = await open();
    const fromR = rPulseFromR(dir);
    if (fromR !== null) expect(rPulseText()).toBe(fromR);
  });

  it('imports with visible defaults, demographics kept as groups, ages only as bands', async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'engagement pulse 2025-Q3.csv');
    writeFileSync(path, rPulseText());
    const report = await engine.importFile(path);

    expect(report.kind).toBe('survey_responses');
    expect(report.mappingSource).toBe('inferred');
    // 20 rows: row 13 (file row 14) answered nothing (all NA) and is quarantined.
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([20, 19, 1]);
    expect(report.reasons).toEqual({ 'respondent_id: no item answered': 1 });
    const prefix = report.sha256.slice(0, 12);
    const said = report.warnings.join('\n');
    expect(said).toMatch('period 2025-Q3 for every response: from the file name');
    expect(said).toMatch(
      'no completion date: every response is dated 2025-09-30, the last day of its period',
    );
    expect(said).toMatch(`no respondent id: each row is one respondent`);
    expect(said).toMatch(`(${prefix}-N for row N)`);
    expect(said).toMatch('the unnamed first column (row numbers, as R writes them) is not kept');
    expect(said).toMatch(
      'no unit column: every response counts for the whole organisation ("C", Acme Retail, the top of the hierarchy)',
    );
    expect(said).toMatch(
      'demographics kept as respondent groups: gender ("gender"), age_band ("age", ages as bands), shift ("shift")',
    );

    const conn = (engine as unknown as { ws: { conn: Parameters<typeof queryRows>[0] } }).ws.conn;
    const respondents = await queryRows<{ respondent_id: string; unit_id: string; d: string }>(
      conn,
      `SELECT respondent_id, unit_id, CAST(submitted_at AS VARCHAR) AS d FROM survey_respondents
       ORDER BY respondent_id`,
    );
    expect(respondents).toHaveLength(19);
    // File row 2 is R's row 1; file row 14 (R's 13) was quarantined.
    expect(respondents[0]).toEqual({
      respondent_id: `${prefix}-10`,
      unit_id: 'C',
      d: '2025-09-30',
    });
    expect(respondents.map((r) => r.respondent_id)).not.toContain(`${prefix}-14`);
    expect(new Set(respondents.map((r) => r.unit_id))).toEqual(new Set(['C']));

    // Exact ages are never stored: bands only. R's row numbers are not an attribute.
    const attributes = await queryRows<{ dimension: string; value: string; n: number }>(
      conn,
      `SELECT dimension, value, count(*)::INTEGER AS n FROM respondent_attributes
       GROUP BY ALL ORDER BY dimension, value`,
    );
    expect(attributes).toEqual([
      { dimension: 'age_band', value: '25-34', n: 6 },
      { dimension: 'age_band', value: '35-44', n: 6 },
      { dimension: 'age_band', value: '45-54', n: 4 },
      { dimension: 'age_band', value: '55-64', n: 2 },
      { dimension: 'age_band', value: 'under 25', n: 1 },
      { dimension: 'gender', value: 'Female', n: 10 },
      { dimension: 'gender', value: 'Male', n: 8 },
      { dimension: 'shift', value: 'Early', n: 10 },
      { dimension: 'shift', value: 'Late', n: 7 },
      { dimension: 'shift', value: 'Night', n: 2 },
    ]);

    // By hand: Q3 (Integrity) answered by 17 of the 19, 12 of them 4 or 5: 12/17 = 70.6%.
    const org = await heatmap(engine, {});
    expect(cellOf(org.company, 'value:Integrity')).toMatchObject({ n: 17, status: 'ok' });
    expect(cellOf(org.company, 'value:Integrity').pctFavourable).toBeCloseTo((12 / 17) * 100, 1);
    expect(org.groupings.map((g) => g.id)).toEqual(['org', 'age_band', 'gender', 'shift']);

    // Gender at the company: Female 10 shown; Not stated (1) is under 5, so the next smallest,
    // Male (8), is hidden too (company minus Female would otherwise be that one person + Male).
    const gender = await heatmap(engine, { groupBy: 'gender' });
    const byGroup = new Map(gender.rows.map((r) => [r.unitId, r]));
    expect(byGroup.get('Female')).toMatchObject({ status: 'ok', n: 10 });
    // Female's Integrity: 8 answered, 7 favourable.
    expect(cellOf(byGroup.get('Female')!, 'value:Integrity').pctFavourable).toBeCloseTo(87.5, 1);
    expect(byGroup.get('Not stated')).toMatchObject({ status: 'suppressed', n: null });
    expect(byGroup.get('Male')).toMatchObject({ status: 'suppressed', n: null });
    // The export audit counts the same groups (a gender view in a deck is audited as shown).
    const tree = (await loadAuditTree(conn, ['2025-Q3'])).get('2025-Q3')!;
    const people = tree.people ?? [];
    expect(people.reduce((sum, p) => sum + p.n, 0)).toBe(19);
    const women = people.filter((p) => p.groups.gender === 'Female');
    expect(women.reduce((sum, p) => sum + p.n, 0)).toBe(10);
    expect(people.filter((p) => p.groups.gender === 'Not stated').map((p) => p.n)).toEqual([1]);
    // Shift: Night (2) hidden, and Late (7) with it; Early (10) shown.
    const shift = await heatmap(engine, { groupBy: 'shift' });
    expect(shift.rows.map((r) => [r.unitId, r.status, r.n])).toEqual([
      ['Early', 'ok', 10],
      ['Late', 'suppressed', null],
      ['Night', 'suppressed', null],
    ]);
  });
});

const connOf = (engine: Engine) =>
  (engine as unknown as { ws: { conn: Parameters<typeof queryRows>[0] } }).ws.conn;
const count = async (engine: Engine, table: string) =>
  (
    await queryRows<{ n: number }>(connOf(engine), `SELECT count(*)::INTEGER AS n FROM ${table}`)
  )[0]!.n;

describe('a Google Forms download: Timestamp, question texts as headers, department names', () => {
  it('takes the period from each timestamp and matches department names to units', async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'Pulse survey (Responses) - Form responses 1.csv');
    writeFileSync(path, googleFormText());
    const report = await engine.importFile(path);
    expect(report.kind).toBe('survey_responses');
    // 12 responses; "Legal" is no unit's name.
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([12, 11, 1]);
    expect(report.reasons).toEqual({ 'unit_id: unknown unit': 1 });
    const said = report.warnings.join('\n');
    expect(said).toMatch('period: the quarter of each response\'s submitted_at ("Timestamp")');
    expect(said).toMatch(
      'unit: "Which department do you work in?" holds unit names, matched to the hierarchy\'s unit names (case and spaces ignored); rows with 1 name no unit has are quarantined',
    );
    const conn = connOf(engine);
    const quarantined = await queryRows<{ row_number: number; reason: string }>(
      conn,
      'SELECT row_number::INTEGER AS row_number, reason FROM quarantine',
    );
    expect(quarantined).toEqual([
      { row_number: 7, reason: "unit_id: unknown unit 'Legal' (not in any imported hierarchy)" },
    ]);
    // "SALES", "Sales " and "customer service" (the hierarchy writes "Customer  Service").
    const byUnit = await queryRows<{ period: string; unit_id: string; n: number }>(
      conn,
      `SELECT period, unit_id, count(*)::INTEGER AS n FROM survey_respondents GROUP BY ALL ORDER BY ALL`,
    );
    expect(byUnit).toEqual([
      { period: '2025-Q4', unit_id: 'CS', n: 4 },
      { period: '2025-Q4', unit_id: 'S', n: 5 },
      { period: '2026-Q1', unit_id: 'CS', n: 1 },
      { period: '2026-Q1', unit_id: 'S', n: 1 },
    ]);
    const dates = await queryRows<{ d: string }>(
      conn,
      `SELECT DISTINCT CAST(submitted_at AS VARCHAR) AS d FROM survey_respondents ORDER BY 1 DESC LIMIT 1`,
    );
    expect(dates[0]!.d).toBe('2026-01-05');
    // By hand, 2025-Q4: Integrity answered by all 9, 4 or 5 from 7: 77.8%. Sales (5 people)
    // would be shown alone, but Customer Service (4) is under the minimum, so Sales is hidden
    // too (the company minus Sales would be Customer Service).
    const q4 = await heatmap(engine, { period: '2025-Q4' });
    expect(cellOf(q4.company, 'value:Integrity').pctFavourable).toBeCloseTo((7 / 9) * 100, 1);
    expect(q4.company.n).toBe(9);
    expect(
      q4.rows.map((r) => [r.unitId, r.status]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual([
      ['CS', 'suppressed'],
      ['O', 'no_data'],
      ['S', 'suppressed'],
    ]);
  });
});

describe('a long file: one row per person and wave', () => {
  const mapping = (waves?: Record<string, string>): ColumnMapping => ({
    kind: 'survey_responses',
    columns: { respondent_id: 'person_id', period: 'wave', unit_id: 'team' },
    constants: {},
    items: ['Q1', 'Q2', 'Q3', 'Q4'].map((id) => ({
      column: id,
      itemId: id,
      text: id,
      factor: 'other',
      scaleMin: 1,
      scaleMax: 5,
      reverseCoded: false,
      naCodes: [],
    })),
    dateFormats: {},
    naCodes: {},
    decimalComma: false,
    ...(waves ? { waves } : {}),
  });

  it('refuses waves without their quarters, naming the hint, and writes nothing', async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'pulse_waves.csv');
    writeFileSync(path, wavesText());
    const sources = await count(engine, 'sources');
    await expect(engine.importFile(path, { mapping: mapping() })).rejects.toThrow(
      'pulse_waves.csv: the period column "wave" holds "1", "2", "3", not quarters (YYYY-Qn) or dates: if these are waves, say which quarter each one is (--set wave:1=2025-Q1 --set wave:2=2025-Q3, or mapping.waves',
    );
    expect(await count(engine, 'sources')).toBe(sources);
    expect(await count(engine, 'survey_respondents')).toBe(0);
  });

  it("imports repeated measures, each row in its wave's quarter", async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'pulse_waves.csv');
    writeFileSync(path, wavesText());
    const report = await engine.importFile(path, {
      mapping: mapping({ '1': '2025-Q1', ' 2 ': '2025-Q3' }),
    });
    // 13 rows: P01's wave 3 has no quarter in mapping.waves.
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([13, 12, 1]);
    expect(report.warnings.join('\n')).toMatch(
      'period from the waves in "wave" (1 -> 2025-Q1,  2  -> 2025-Q3): one row per person and wave, imported as repeated measures',
    );
    expect(report.warnings.join('\n')).toMatch(
      'no completion date: each response is dated the last day of its period',
    );
    const conn = connOf(engine);
    expect(
      await queryRows(conn, 'SELECT row_number::INTEGER AS row, reason FROM quarantine'),
    ).toEqual([
      {
        row: 14,
        reason: "period: 'wave 3 (not in mapping.waves)' is not in the expected form",
      },
    ]);
    const people = await queryRows<{ period: string; d: string; n: number; ids: string }>(
      conn,
      `SELECT period, CAST(submitted_at AS VARCHAR) AS d, count(*)::INTEGER AS n,
         string_agg(respondent_id, ',' ORDER BY respondent_id) AS ids
       FROM survey_respondents GROUP BY ALL ORDER BY period`,
    );
    expect(people).toEqual([
      { period: '2025-Q1', d: '2025-03-31', n: 6, ids: 'P01,P02,P03,P04,P05,P06' },
      { period: '2025-Q3', d: '2025-09-30', n: 6, ids: 'P01,P02,P03,P04,P05,P06' },
    ]);
    // By hand: Integrity (Q3) 4-5 from 3 of 6 in wave 1 and 5 of 6 in wave 2.
    const q1 = await heatmap(engine, { period: '2025-Q1' });
    const q3 = await heatmap(engine, { period: '2025-Q3' });
    expect(cellOf(q1.company, 'value:Integrity').pctFavourable).toBeCloseTo(50, 1);
    expect(cellOf(q3.company, 'value:Integrity').pctFavourable).toBeCloseTo((5 / 6) * 100, 1);
  });
});

describe('period and unit defaults', () => {
  it('refuses a period constant that is not a quarter before writing anything', async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'engagement pulse.csv');
    writeFileSync(path, rPulseText());
    const sources = await count(engine, 'sources');
    const items = await count(engine, 'survey_items');
    const mapping: ColumnMapping = {
      kind: 'survey_responses',
      columns: {},
      constants: { period: 'Q3' },
      items: [],
      dateFormats: {},
      naCodes: {},
      decimalComma: false,
    };
    await expect(engine.importFile(path, { mapping })).rejects.toThrow(
      'engagement pulse.csv: the period "Q3" (constants.period) is not a quarter: write it YYYY-Qn, such as 2025-Q3',
    );
    // Without a period anywhere: said, with where to put it.
    await expect(
      engine.importFile(path, { mapping: { ...mapping, constants: {} } }),
    ).rejects.toThrow(
      "engagement pulse.csv: no period: the file has no period or date column and its name holds no quarter (such as 2025-Q3); say which quarter the survey ran (--set period=YYYY-Qn, or the period's value on the Import screen)",
    );
    // A demographic named like a column of its own is refused too.
    await expect(
      engine.importFile(path, {
        mapping: { ...mapping, constants: { period: '2025-Q3' }, demographics: { role: 'shift' } },
      }),
    ).rejects.toThrow(
      'engagement pulse.csv: demographic "role" (mapping.demographics): a demographic is named in lower case letters',
    );
    expect([await count(engine, 'sources'), await count(engine, 'survey_items')]).toEqual([
      sources,
      items,
    ]);
    expect(await count(engine, 'survey_respondents')).toBe(0);
  });

  it("a period column and no dates: each response dated its own period's last day", async () => {
    const { engine, dir } = await open();
    await loadOrgAndItems(engine, dir);
    const path = join(dir, 'survey.csv');
    writeFileSync(
      path,
      'respondent_id,period,unit_id,Q1,Q2,Q3,Q4\n' +
        'A1, 2025-Q2 ,S,4,4,4,4\nA2,2025-Q2,S,5,5,5,5\nA3,2025-Q4,CS,3,3,3,3\nA4,Q3,CS,3,3,3,3\n',
    );
    const report = await engine.importFile(path, { kind: 'survey_responses' });
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([4, 3, 1]);
    expect(report.reasons).toEqual({ 'period: not in the expected form': 1 });
    expect(
      await queryRows(
        connOf(engine),
        `SELECT respondent_id AS id, period, CAST(submitted_at AS VARCHAR) AS d
         FROM survey_respondents ORDER BY id`,
      ),
    ).toEqual([
      { id: 'A1', period: '2025-Q2', d: '2025-06-30' },
      { id: 'A2', period: '2025-Q2', d: '2025-06-30' },
      { id: 'A3', period: '2025-Q4', d: '2025-12-31' },
    ]);
  });

  it('without any hierarchy: a one-unit organisation, made and said', async () => {
    const { engine, dir } = await open();
    writeFileSync(join(dir, 'items.csv'), ITEMS_CSV);
    await engine.importFile(join(dir, 'items.csv'), { kind: 'survey_items' });
    const path = join(dir, 'Q3 2025 pulse.csv');
    writeFileSync(path, rPulseText());
    const report = await engine.importFile(path);
    expect([report.rowsRead, report.rowsImported, report.rowsQuarantined]).toEqual([20, 19, 1]);
    expect(report.warnings.join('\n')).toMatch(
      'no unit column: the workspace has no hierarchy, so a one-unit organisation ("organisation", Whole organisation) was made and every response counts for it; import the hierarchy and then this file again to see its teams',
    );
    expect(report.warnings.join('\n')).toMatch(
      'period 2025-Q3 for every response: from the file name',
    );
    // The preview's note (the top of the hierarchy) gives way to what the import did.
    expect(report.warnings.filter((w) => w.startsWith('no unit column'))).toHaveLength(1);
    const conn = connOf(engine);
    expect(
      await queryRows(
        conn,
        `SELECT unit_id, unit_name, parent_id, CAST(effective_from AS VARCHAR) AS eff FROM org_units`,
      ),
    ).toEqual([
      {
        unit_id: 'organisation',
        unit_name: 'Whole organisation',
        parent_id: null,
        eff: '2000-01-01',
      },
    ]);
    // A one-unit organisation has no unit rows; its demographic cuts work under the same rules.
    const age = await heatmap(engine, { groupBy: 'age_band' });
    expect(age.company).toMatchObject({ unitId: 'organisation', n: 19, status: 'ok' });
    expect(cellOf(age.company, 'value:Integrity').pctFavourable).toBeCloseTo((12 / 17) * 100, 1);
    expect(age.rows.map((r) => [r.unitId, r.status, r.n])).toEqual([
      ['under 25', 'suppressed', null],
      ['25-34', 'ok', 6],
      ['35-44', 'ok', 6],
      ['45-54', 'suppressed', null],
      ['55-64', 'suppressed', null],
    ]);
  });
});
