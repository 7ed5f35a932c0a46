import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleExports, type SampleExports } from '../../../src/main/engine/sample';
import { makeTempDir } from '../../helpers/tempDir';
import { Duck, sqlText } from './duck';
import { loadSampleView } from './sampleView';

// Recomputes the planted effects from the written files (read back by shape with the tests' own
// parsers, see sampleView.ts) with DuckDB SQL alone, following DOMAIN.md's definitions, at default
// scale (300 teams), and checks both the effects and truth.json's figures. The same effects are
// checked through the app's real import path in sampleWorkspace.test.ts.

const temp = makeTempDir('upstream-sample-default-');
let sample: SampleExports;
let duck: Duck;

beforeAll(async () => {
  sample = await writeSampleExports({
    seed: 42,
    scale: 'default',
    dir: join(temp.path, 'exports'),
  });
  duck = await Duck.open();
  await loadSampleView(duck, sample, temp.path);
  await duck.run('CREATE VIEW org AS SELECT * FROM org_before');

  await duck.run(`
    CREATE TABLE team_region AS
    SELECT team.unit_id, region.unit_id AS region_id, region.unit_name AS region_name
    FROM org team JOIN org area ON team.parent_id = area.unit_id JOIN org region ON area.parent_id = region.unit_id
    WHERE team.level = 'team'`);

  const engagementItems = (
    await duck.rows("SELECT item_id FROM items WHERE factor = 'engagement' ORDER BY item_id")
  ).map((row) => `"${row.item_id}"`);
  const answered = engagementItems.map((item) => `(${item} IS NOT NULL)::INT`).join(' + ');
  const total = engagementItems
    .map((item) => `coalesce((${item}::INT - 1) / 4 * 100, 0)`)
    .join(' + ');
  await duck.run(`
    CREATE TABLE engagement AS
    SELECT unit_id, period, count(*) AS respondents, avg(person_index) AS engagement_index
    FROM (SELECT unit_id, period, (${total}) / nullif(${answered}, 0) AS person_index FROM responses)
    GROUP BY ALL`);
  await duck.run(`
    CREATE TABLE nps AS
    SELECT m.unit_id, year(f.responded_at::TIMESTAMP) || '-Q' || quarter(f.responded_at::TIMESTAMP) AS period,
           100.0 * (count(*) FILTER (WHERE f.nps::INT >= 9) - count(*) FILTER (WHERE f.nps::INT <= 6)) / count(*) AS nps
    FROM feedback f JOIN mapping m USING (cx_code)
    WHERE f.nps IS NOT NULL
    GROUP BY ALL`);
  await duck.run(`
    CREATE TABLE linked AS
    WITH periods AS (SELECT period, row_number() OVER (ORDER BY period) AS i FROM (SELECT DISTINCT period FROM responses)),
         cells AS (SELECT unit_id, period FROM engagement UNION SELECT unit_id, period FROM nps)
    SELECT unit_id, p.i AS period_index, e.engagement_index, e.respondents, n.nps
    FROM cells JOIN periods p USING (period)
    LEFT JOIN engagement e USING (unit_id, period) LEFT JOIN nps n USING (unit_id, period)`);
});

afterAll(() => {
  duck?.close();
  temp.remove();
});

/** Pearson r pooled over team-quarter pairs: engagement (teams with 5+ respondents) in t against NPS in t + shift. */
async function linkR(shift: number, withinRegion = false): Promise<{ r: number; n: number }> {
  const centred = (column: string) =>
    withinRegion ? `${column} - avg(${column}) OVER (PARTITION BY region_id)` : column;
  return (await duck.one(`
    WITH pairs AS (
      SELECT e.unit_id, e.engagement_index AS x, n.nps AS y
      FROM linked e JOIN linked n ON n.unit_id = e.unit_id AND n.period_index = e.period_index + ${shift}
      WHERE e.respondents >= 5 AND e.engagement_index IS NOT NULL AND n.nps IS NOT NULL),
    centred AS (SELECT ${centred('x')} AS x, ${centred('y')} AS y FROM pairs JOIN team_region USING (unit_id))
    SELECT corr(x, y) AS r, count(*) AS n FROM centred`)) as { r: number; n: number };
}

describe('planted effects at default scale, recomputed from the files', () => {
  it('links engagement in t to customer NPS in t+1 at about r = .35, more weakly in the same quarter, and not in reverse', async () => {
    const lag = await linkR(1);
    const same = await linkR(0);
    const reverse = (await duck.one(`
      SELECT corr(n.nps, e.engagement_index) AS r, count(*) AS n
      FROM linked n JOIN linked e ON e.unit_id = n.unit_id AND e.period_index = n.period_index + 1
      WHERE e.respondents >= 5 AND e.engagement_index IS NOT NULL AND n.nps IS NOT NULL`)) as {
      r: number;
      n: number;
    };

    expect(lag.n).toBeGreaterThan(1_500);
    expect(lag.r).toBeGreaterThan(0.27);
    expect(lag.r).toBeLessThan(0.45);
    expect(same.r).toBeGreaterThan(0.08);
    expect(same.r).toBeLessThan(lag.r - 0.08);
    expect(Math.abs(reverse.r)).toBeLessThan(0.1);

    const { lagEffect } = sample.truth;
    expect(lagEffect.lag).toBe(1);
    expect(lagEffect.observedR).toBeCloseTo(lag.r, 3);
    expect(lagEffect.observedSameQuarterR).toBeCloseTo(same.r, 3);
    expect(lagEffect.observedReverseR).toBeCloseTo(reverse.r, 3);
    expect(lagEffect.pairs).toEqual({ lag: lag.n, sameQuarter: same.n, reverse: reverse.n });
    expect(lagEffect.latentR).toBeGreaterThan(lagEffect.observedR);
  });

  it('keeps the lagged link inside regions, so it is not just the region effect', async () => {
    const within = await linkR(1, true);
    expect(within.r).toBeGreaterThan(0.25);
  });

  it('plants a region effect on both engagement and NPS', async () => {
    const regions = await duck.rows(`
      SELECT region_id, avg(engagement_index) AS engagement, avg(nps) AS nps
      FROM linked JOIN team_region USING (unit_id) GROUP BY region_id`);
    expect(regions).toHaveLength(4);
    const planted = [...sample.truth.regionEffects].sort(
      (a, b) => b.engagementShift - a.engagementShift,
    );
    const observed = (regionId: string) =>
      regions.find((row) => row.region_id === regionId) as { engagement: number; nps: number };
    const top = observed((planted[0] as { regionId: string }).regionId);
    const bottom = observed((planted[planted.length - 1] as { regionId: string }).regionId);
    expect(top.engagement - bottom.engagement).toBeGreaterThan(3);
    expect(top.nps - bottom.nps).toBeGreaterThan(2);
  });

  it('makes one value weaker in one region by about 15 points of % favourable', async () => {
    const { weakValue } = sample.truth;
    const items = weakValue.itemIds.map((item) => `"${item}"`).join(', ');
    const gap = await duck.one(`
      WITH answers AS (UNPIVOT (SELECT unit_id, ${items} FROM responses) ON ${items} INTO NAME item VALUE score)
      SELECT 100 * avg((score::INT >= 4)::INT) FILTER (WHERE region_id <> ${sqlText(weakValue.regionId)})
           - 100 * avg((score::INT >= 4)::INT) FILTER (WHERE region_id = ${sqlText(weakValue.regionId)}) AS points
      FROM answers JOIN team_region USING (unit_id)`);
    expect(gap.points).toBeGreaterThan(10);
    expect(gap.points).toBeLessThan(20);
    expect(weakValue.gapPoints).toBeCloseTo(gap.points as number, 1);
    expect(
      (await duck.one(`SELECT unit_name FROM org WHERE unit_id = ${sqlText(weakValue.regionId)}`))
        .unit_name,
    ).toBe(weakValue.regionName);

    const otherValues = await duck.one(`
      WITH answers AS (UNPIVOT (SELECT unit_id, CRG1, CRG2, CRG3, TW1, TW2, TW3 FROM responses) ON CRG1, CRG2, CRG3, TW1, TW2, TW3 INTO NAME item VALUE score)
      SELECT 100 * avg((score::INT >= 4)::INT) FILTER (WHERE region_id <> ${sqlText(weakValue.regionId)})
           - 100 * avg((score::INT >= 4)::INT) FILTER (WHERE region_id = ${sqlText(weakValue.regionId)}) AS points
      FROM answers JOIN team_region USING (unit_id)`);
    expect(Math.abs(otherValues.points as number)).toBeLessThan(5);
  });

  it('has leaders rate one value about 15 points more favourably than the front line', async () => {
    const { leaderGap } = sample.truth;
    const items = leaderGap.itemIds.map((item) => `"${item}"`).join(', ');
    const gap = await duck.one(`
      WITH answers AS (UNPIVOT (SELECT role, ${items} FROM responses) ON ${items} INTO NAME item VALUE score)
      SELECT 100 * avg((score::INT >= 4)::INT) FILTER (WHERE role = 'leader')
           - 100 * avg((score::INT >= 4)::INT) FILTER (WHERE role = 'front_line') AS points
      FROM answers`);
    expect(gap.points).toBeGreaterThan(10);
    expect(gap.points).toBeLessThan(20);
    expect(leaderGap.gapPoints).toBeCloseTo(gap.points as number, 1);
  });

  it('has the default-scale company size', () => {
    const { counts, smallTeams } = sample.truth;
    expect(counts.regions).toBe(4);
    expect(counts.areas).toBeGreaterThanOrEqual(35);
    expect(counts.teams).toBeGreaterThanOrEqual(280);
    expect(counts.employees).toBeGreaterThan(5_500);
    expect(counts.employees).toBeLessThan(6_500);
    expect(counts.customerResponses).toBeGreaterThan(380_000);
    expect(counts.interactions).toBeGreaterThan(140_000);
    expect(smallTeams.share).toBeGreaterThanOrEqual(0.1);
  });
});
