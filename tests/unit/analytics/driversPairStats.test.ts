import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverCatalogue } from '../../../src/main/engine/analytics/drivers/catalogue';
import { relativeWeights } from '../../../src/main/engine/analytics/drivers/relativeWeights';
import {
  respondentCorrelations,
  storedRespondentCorrelations,
} from '../../../src/main/engine/analytics/drivers/respondentCorrelations';
import { inTransaction, queryOne, queryRows } from '../../../src/main/engine/db/query';
import { rebuildDriverPairStats } from '../../../src/main/engine/derived/driverPairStats';
import { importFile } from '../../../src/main/engine/import/importFile';
import { csv } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';
import { clamp, driversWorkspace, seeded, type DriversWorkspace } from './driversTestKit';

// The sums imports keep for the drivers method (derived/driverPairStats.ts) against corr() over
// the raw answers (respondentCorrelations, the computation they replace), for every unit, period,
// outcome and kind of driver of a company written here: people attached to a region as well as
// to teams, and to a unit outside the hierarchy; answers missing here and there; a reverse-coded
// item; values asked by two and three items, so that their scores are fractions; one value every
// respondent answers the same way (no spread: no r); a team big enough for relative weights.

const ORG = [
  ['C', 'Acme', '', 'company', 'company'],
  ['R1', 'North', 'C', 'region', 'region'],
  ['R2', 'South', 'C', 'region', 'region'],
  ['T1', 'Store A', 'R1', 'team', 'store'],
  ['T2', 'Store B', 'R1', 'team', 'store'],
  ['T3', 'Store C', 'R2', 'team', 'store'],
  ['T4', 'Store D', 'R2', 'team', 'store'],
];
const moved = (rows: string[][], unit: string, parent: string) =>
  rows.map((r) => (r[0] === unit ? [r[0]!, r[1]!, parent, r[3]!, r[4]!] : r));

const ITEMS = [
  ['E1', 'Proud to work here', 'engagement', false],
  ['E2', 'Here in two years', 'engagement', false],
  ['V1', 'Act with integrity', 'value:Integrity', false],
  ['V2', 'Keep our promises', 'value:Integrity', false],
  ['V3', 'Say what we think', 'value:Integrity', false],
  ['K1', 'Try new things', 'value:Courage', false],
  ['K2', 'Speak up', 'value:Courage', false],
  ['K3', 'Own our mistakes', 'value:Courage', false],
  ['L1', 'My manager rarely listens', 'leadership', true],
  ['X1', 'I have the tools I need', 'enablement', false],
] as const;
const ITEM_IDS = ITEMS.map((i) => i[0]);

const SIZES: Record<string, Record<string, number>> = {
  '2025-Q1': { T1: 140, T2: 20, T3: 30, T4: 25, R1: 10, GHOST: 5 },
  '2025-Q2': { T1: 130, T2: 24, T3: 28, T4: 31, R1: 8, GHOST: 4 },
};

function surveyRows(period: string): unknown[][] {
  const { normal, uniform } = seeded(period === '2025-Q1' ? 5 : 6);
  const likert = (g: number, load: number) => clamp(3 + load * g + 0.9 * normal(), 1, 5);
  const skip = (p: number, v: number) => (uniform() < p ? null : v);
  let id = 0;
  return Object.entries(SIZES[period]!).flatMap(([unit, count]) =>
    Array.from({ length: count }, () => {
      const g = normal();
      const answers: Record<string, number | null> = {
        E1: skip(0.05, likert(g, 1)),
        E2: skip(0.1, likert(g, 0.8)),
        V1: skip(0.05, likert(g, 0.6)),
        V2: skip(0.2, likert(g, 0.5)),
        V3: skip(0.3, likert(g, 0.4)),
        // Courage: everyone who answers says 3, 4 and 4 (a mean of 11/3, no spread).
        K1: skip(0.1, 3),
        K2: 4,
        K3: 4,
        L1: skip(0.05, 6 - likert(g, 0.7)),
        X1: skip(0.2, likert(g, 0.5)),
      };
      if (answers.K1 === null) answers.K2 = answers.K3 = null;
      id += 1;
      return [
        `${period}-${id}`,
        period,
        unit,
        period === '2025-Q1' ? '2025-02-10' : '2025-05-12',
        ...ITEM_IDS.map((item) => answers[item]),
        skip(0.1, clamp(6 + 2 * g + 1.5 * normal(), 0, 10)),
      ];
    }),
  );
}

let t: DriversWorkspace;
let dir: string;
let remove: () => void;

function orgFile(name: string, effectiveFrom: string, rows: string[][]): string {
  const path = `${dir}/${name}`;
  writeFileSync(
    path,
    csv(
      ['unit_id', 'unit_name', 'parent_id', 'level', 'unit_type', 'effective_from'],
      rows.map((r) => [...r, effectiveFrom]),
    ),
  );
  return path;
}

beforeAll(async () => {
  const temp = makeTempDir();
  dir = temp.path;
  const items = `${dir}/items.csv`;
  writeFileSync(
    items,
    csv(
      ['item_id', 'item_text', 'factor', 'scale_min', 'scale_max', 'reverse_coded'],
      [
        ...ITEMS.map(([id, text, factor, reverse]) => [id, text, factor, 1, 5, reverse]),
        ['ENPS', 'Recommend us as a place to work', 'enps', 0, 10, false],
      ],
    ),
  );
  const surveys = ['2025-Q1', '2025-Q2'].map((period) => {
    const path = `${dir}/survey_${period}.csv`;
    writeFileSync(
      path,
      csv(
        ['respondent_id', 'period', 'unit_id', 'submitted_at', ...ITEM_IDS, 'ENPS'],
        surveyRows(period),
      ),
    );
    return path;
  });
  t = await driversWorkspace(`${dir}/ws.duckdb`, [
    { kind: 'org_units', path: orgFile('org_1.csv', '2025-01-01', ORG) },
    { kind: 'org_units', path: orgFile('org_2.csv', '2025-04-01', moved(ORG, 'T2', 'R2')) },
    { kind: 'survey_items', path: items },
    ...surveys.map((path) => ({ kind: 'survey_responses' as const, path })),
  ]);
  remove = () => {
    t.close();
    temp.remove();
  };
});
afterAll(() => remove?.());

const conn = () => t.ctx.ws.conn;
const UNITS = ['C', 'R1', 'R2', 'T1', 'T2', 'T3', 'T4'];
const CASES = (['enps', 'engagement_index'] as const).flatMap((outcome) =>
  (['item', 'value'] as const).map((by) => ({ outcome, by })),
);

const keptItemPairs = new Set<string>();
const notKept = new Set<string>();

/** The stored sums give what corr() over the answers gives, for every scope of a period. */
async function expectSameAsAnswers(period: string): Promise<number> {
  let compared = 0;
  for (const { outcome, by } of CASES) {
    const { drivers } = await driverCatalogue(conn(), by, outcome);
    for (const unit of UNITS) {
      const raw = await respondentCorrelations(conn(), period, unit, outcome, drivers);
      const stored = await storedRespondentCorrelations(conn(), period, unit, outcome, drivers, by);
      const where = `${period} ${unit} ${outcome} by ${by}`;
      expect(stored.n, where).toBe(raw.n);
      stored.withOutcome.forEach((c, i) => {
        expect(c.n, `${where} ${drivers[i]!.id}`).toBe(raw.withOutcome[i]!.n);
        expectSameR(c.r, raw.withOutcome[i]!.r, `${where} ${drivers[i]!.id}`);
        compared++;
      });
      // Item pairs are kept above the teams where there are ten respondents per item.
      const kept = by === 'value' || (!unit.startsWith('T') && raw.n >= 10 * drivers.length);
      expect(stored.between !== null, where).toBe(kept);
      if (by === 'item' && !unit.startsWith('T')) (kept ? keptItemPairs : notKept).add(unit);
      if (!kept) continue;
      stored.between!.forEach((row, i) =>
        row.forEach((r, j) => {
          expectSameR(r, raw.between[i]![j]!, `${where} ${drivers[i]!.id} x ${drivers[j]!.id}`);
          compared++;
        }),
      );
    }
  }
  return compared;
}

function expectSameR(stored: number | null, raw: number | null, where: string): void {
  if (raw === null) expect(stored, where).toBeNull();
  else expect(Math.abs(stored! - raw), where).toBeLessThan(1e-12);
}

async function contents(period?: string): Promise<string> {
  const row = await queryOne<{ text: string | null }>(
    conn(),
    `SELECT string_agg(CAST(x AS VARCHAR), chr(10) ORDER BY CAST(x AS VARCHAR)) AS text
     FROM driver_pair_stats x ${period ? 'WHERE period = $period' : ''}`,
    period ? { period } : undefined,
  );
  return row?.text ?? '';
}

describe('driver pair sums kept by imports', () => {
  it('give every r that corr() over the answers gives, for every unit, period, outcome and kind', async () => {
    for (const period of ['2025-Q1', '2025-Q2']) {
      expect(await expectSameAsAnswers(period)).toBeGreaterThan(500);
    }
    // Units above the teams were met with item pairs kept and without (R2 in 2025-Q1: 55 people).
    expect([...keptItemPairs].sort()).toEqual(['C', 'R1', 'R2']);
    expect([...notKept]).toEqual(['R2']);
  });

  it('say "no spread" exactly where corr() does: a value everyone answers the same way', async () => {
    const { drivers } = await driverCatalogue(conn(), 'value', 'enps');
    const courage = drivers.findIndex((d) => d.id === 'value:Courage');
    const stored = await storedRespondentCorrelations(
      conn(),
      '2025-Q1',
      'C',
      'enps',
      drivers,
      'value',
    );
    expect(stored.withOutcome[courage]).toMatchObject({ r: null });
    expect(stored.withOutcome[courage]!.n).toBeGreaterThan(100);
    expect(stored.between![courage]!.filter((r) => r !== null)).toEqual([1]);
  });

  it('count only the people in the hierarchy, those attached to a region among them', async () => {
    const { drivers } = await driverCatalogue(conn(), 'item', 'enps');
    const answered = (unit: string) =>
      queryOne<{ n: number }>(
        conn(),
        `SELECT count(*) AS n FROM respondent_scores
         WHERE period = '2025-Q1' AND enps_score IS NOT NULL
           AND unit_id IN ${unit === 'C' ? "('T1', 'T2', 'T3', 'T4', 'R1')" : "('T1', 'T2', 'R1')"}`,
      );
    for (const unit of ['C', 'R1']) {
      const stored = await storedRespondentCorrelations(
        conn(),
        '2025-Q1',
        unit,
        'enps',
        drivers,
        'item',
      );
      expect(stored.n).toBe((await answered(unit))!.n);
    }
  });

  it("a team's relative weights are computed from its answers when its item pairs are not kept", async () => {
    const out = await t.call({ period: '2025-Q1', unitId: 'T1' });
    expect(out.status).toBe('ok');
    expect(out.importanceMethod.relativeWeights).toBe(true);
    const { drivers } = await driverCatalogue(conn(), 'item', 'enps');
    const raw = await respondentCorrelations(conn(), '2025-Q1', 'T1', 'enps', drivers);
    const used = drivers.flatMap((d, i) =>
      out.drivers.find((x) => x.id === d.id)!.relativeWeight ? [i] : [],
    );
    const expected = relativeWeights(
      used.map((i) => used.map((j) => raw.between[i]![j]!)),
      used.map((i) => raw.withOutcome[i]!.r!),
    )!;
    used.forEach((i, k) => {
      const weight = out.drivers.find((x) => x.id === drivers[i]!.id)!.relativeWeight!;
      expect(weight.raw).toBeCloseTo(expected.raw[k]!, 12);
    });
    expect(out.importanceMethod.rSquared).toBeCloseTo(expected.rSquared, 12);
  });

  it('an org import redoes the periods under the snapshot it wrote and leaves the others alone', async () => {
    const before = await contents('2025-Q1');
    const q2 = await contents('2025-Q2');
    await importFile(
      t.ctx.ws,
      orgFile('org_2_corrected.csv', '2025-04-01', moved(moved(ORG, 'T2', 'R2'), 'T3', 'R1')),
      { kind: 'org_units' },
    );
    expect(await contents('2025-Q1')).toBe(before);
    expect(await contents('2025-Q2')).not.toBe(q2);
    expect(await expectSameAsAnswers('2025-Q2')).toBeGreaterThan(250);
    const r1 = await queryRows<{ n: number }>(
      conn(),
      `SELECT n FROM driver_pair_stats
       WHERE period = '2025-Q2' AND unit_id = 'R1' AND outcome = 'enps' AND a = 'enps' AND b = 'enps'`,
    );
    const expected = await queryOne<{ n: number }>(
      conn(),
      `SELECT count(*) AS n FROM respondent_scores
       WHERE period = '2025-Q2' AND enps_score IS NOT NULL AND unit_id IN ('T1', 'T3', 'R1')`,
    );
    expect(r1).toEqual([{ n: expected!.n }]);
  });

  it('an org import that moves no unit redoes nothing', async () => {
    // A row no rebuild would write: it survives only if 2025-Q2 is left alone.
    const marker = `INSERT INTO driver_pair_stats VALUES
      ('2025-Q2', 'MARK', 'enps', 'enps', 'enps', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)`;
    const marked = async () =>
      (await queryRows(conn(), "SELECT 1 FROM driver_pair_stats WHERE unit_id = 'MARK'")).length;
    await conn().run(marker);
    const renamed = moved(moved(ORG, 'T2', 'R2'), 'T3', 'R1').map((r) =>
      r[0] === 'T4' ? [r[0]!, 'Store D (Harbour)', r[2]!, r[3]!, r[4]!] : r,
    );
    await importFile(t.ctx.ws, orgFile('org_2_renamed.csv', '2025-04-01', renamed), {
      kind: 'org_units',
    });
    expect(await marked()).toBe(1);
    await importFile(
      t.ctx.ws,
      orgFile('org_2_moved.csv', '2025-04-01', moved(renamed, 'T4', 'R1')),
      {
        kind: 'org_units',
      },
    );
    expect(await marked()).toBe(0);
    expect(await expectSameAsAnswers('2025-Q2')).toBeGreaterThan(250);
  });

  it('a rebuild that fails leaves the table as it was', async () => {
    const before = await contents();
    await expect(
      inTransaction(conn(), async () => {
        await rebuildDriverPairStats(conn(), ['2025-Q1', '2025-Q2']);
        await conn().run('DELETE FROM driver_pair_stats WHERE unit_id = $u', { u: 'C' });
        throw new Error('the import failed later');
      }),
    ).rejects.toThrow('the import failed later');
    expect(await contents()).toBe(before);
  });
});
