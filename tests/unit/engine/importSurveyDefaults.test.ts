import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeatmapOutput } from '../../../src/shared/analytics/heatmap';
import { Engine } from '../../../src/main/engine/engine';
import { queryRows } from '../../../src/main/engine/db/query';
import { makeTempDir } from '../../helpers/tempDir';
import { loadOrgAndItems, rPulseFromR, rPulseText } from './surveyDefaultsFixtures';

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
    // Shift: Night (2) hidden, and Late (7) with it; Early (10) shown.
    const shift = await heatmap(engine, { groupBy: 'shift' });
    expect(shift.rows.map((r) => [r.unitId, r.status, r.n])).toEqual([
      ['Early', 'ok', 10],
      ['Late', 'suppressed', null],
      ['Night', 'suppressed', null],
    ]);
  });
});
