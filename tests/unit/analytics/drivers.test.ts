import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVER_FLOOR, type DriversInput } from '../../../src/shared/analytics/drivers';
import { csv, tinyItems, writeTinyCompany } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';
import {
  clamp,
  driversWorkspace,
  expectWithheld,
  pearson,
  seeded,
  type DriversWorkspace,
} from './driversTestKit';

// The tiny company's hierarchy, mapping and customers with survey answers written here, so that
// every figure can be recomputed in plain JS from the rows below:
// 2025-Q1: 33 respondents (Store A 10, B 8, C 6, D 9), 31 answered eNPS; item X1 answered by 4
//   people (its % favourable must be suppressed), X2 by 20 (too few for an r).
// 2025-Q2: 28 respondents (Store A 3, B 8, C 7, D 10; Store B now in South). Only 24 answered
//   eNPS (under the floor of 25); 25 answered an engagement item, all of them in South. Store A's
//   3 are hidden, so North (Store A alone) is hidden, and South (25 people) is hidden with it by
//   the next-smallest rule.

interface Person {
  period: string;
  unit: string;
  E1: number | null;
  E2: number | null;
  V1: number | null;
  /** As answered; reverse-coded, so it is scored 6 - L1. */
  L1: number | null;
  X1: number | null;
  X2: number | null;
  ENPS: number | null;
}

const { normal } = seeded(11);
const likert = (g: number, load: number) => clamp(3 + load * g + 0.9 * normal(), 1, 5);

function people(period: string, sizes: Record<string, number>): Person[] {
  return Object.entries(sizes).flatMap(([unit, count]) =>
    Array.from({ length: count }, () => {
      const g = normal();
      return {
        period,
        unit,
        E1: likert(g, 1),
        E2: likert(g, 0.8),
        V1: likert(g, 0.6),
        L1: 6 - likert(g, 0.4),
        X1: likert(g, 0.5),
        X2: likert(g, 0.5),
        ENPS: clamp(6 + 2 * g + 1.5 * normal(), 0, 10),
      };
    }),
  );
}

const q1 = people('2025-Q1', { T1: 10, T2: 8, T3: 6, T4: 9 });
q1.forEach((p, i) => {
  if (i < 2) p.ENPS = null;
  if (i >= 4) p.X1 = null;
  if (i >= 20) p.X2 = null;
});
const q2 = people('2025-Q2', { T1: 3, T2: 8, T3: 7, T4: 10 });
q2.forEach((p, i) => {
  p.X1 = null;
  p.X2 = null;
  if (i < 4) p.ENPS = null;
  if (i < 3) {
    p.E1 = null;
    p.E2 = null;
  }
});

const ITEMS = ['E1', 'E2', 'V1', 'L1', 'X1', 'X2'] as const;
type ItemId = (typeof ITEMS)[number];
/** Higher is better: reverse-coded L1 flipped, as the engine scores it. */
const scored = (p: Person, item: ItemId): number | null =>
  p[item] === null ? null : item === 'L1' ? 6 - p[item]! : p[item];
const engagement = (p: Person): number | null => {
  const answers = [p.E1, p.E2].filter((v): v is number => v !== null);
  return answers.length === 0
    ? null
    : answers.reduce((s, v) => s + ((v - 1) / 4) * 100, 0) / answers.length;
};

/** r of an item with an outcome over the people who answered both, with its Fisher-z interval. */
function expectedImportance(rows: Person[], item: ItemId, outcome: (p: Person) => number | null) {
  const pairs = rows
    .map((p) => [scored(p, item), outcome(p)] as const)
    .filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
  const r = pearson(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
  const half = 1.959963984540054 / Math.sqrt(pairs.length - 3);
  return {
    r,
    n: pairs.length,
    ciLow: Math.tanh(Math.atanh(r) - half),
    ciHigh: Math.tanh(Math.atanh(r) + half),
  };
}

function pctFavourable(rows: Person[], item: ItemId) {
  const answers = rows.map((p) => scored(p, item)).filter((v): v is number => v !== null);
  const favourable = answers.filter((v) => v >= 4).length;
  return { value: Math.round((favourable * 10000) / answers.length) / 100, n: answers.length };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

let t: DriversWorkspace;
let remove: () => void;

beforeAll(async () => {
  const temp = makeTempDir();
  const files = writeTinyCompany(`${temp.path}/exports`);
  for (const file of files) {
    if (file.kind === 'survey_items') {
      writeFileSync(
        file.path,
        csv(
          ['item_id', 'item_text', 'factor', 'scale_min', 'scale_max', 'reverse_coded'],
          [
            ...tinyItems.map((r) => [...r]),
            ['X1', 'I know where to find help', 'enablement', 1, 5, false],
            ['X2', 'I have the tools I need', 'enablement', 1, 5, false],
          ],
        ),
      );
    }
    if (file.kind === 'survey_responses') {
      const period = file.path.match(/survey_(\d{4}-Q\d)\.csv$/)![1]!;
      const rows = (period === '2025-Q1' ? q1 : q2).map((p, i) => [
        `${period}-${i + 1}`,
        period,
        p.unit,
        period === '2025-Q1' ? '2025-02-10' : '2025-05-12',
        i % 4 === 0 ? 'leader' : 'front_line',
        ...ITEMS.map((item) => p[item]),
        p.ENPS,
      ]);
      writeFileSync(
        file.path,
        csv(['respondent_id', 'period', 'unit_id', 'submitted_at', 'role', ...ITEMS, 'ENPS'], rows),
      );
    }
  }
  t = await driversWorkspace(`${temp.path}/ws.duckdb`, files);
  remove = () => {
    t.close();
    temp.remove();
  };
});
afterAll(() => remove?.());

const call = (input: DriversInput) => t.call(input);
const error = (input: unknown) => t.error(input);

describe('drivers across respondents, on hand-checked data', () => {
  it("importance is each item's r with eNPS and its interval, as computed here from the rows", async () => {
    const out = await call({ period: '2025-Q1' });
    expect(out).toMatchObject({
      status: 'ok',
      analysis: 'respondents',
      outcome: 'enps',
      by: 'item',
      unit: { id: 'C', name: 'Acme Retail', level: 'company' },
      n: 31,
      floor: DRIVER_FLOOR,
      minGroupSize: 5,
    });
    for (const item of ['E1', 'E2', 'V1', 'L1'] as const) {
      const expected = expectedImportance(q1, item, (p) => p.ENPS);
      const driver = out.drivers.find((d) => d.id === item)!;
      expect(driver.importance.status).toBe('ok');
      expect(driver.importance.n).toBe(expected.n);
      expect(driver.importance.r).toBeCloseTo(expected.r, 10);
      expect(driver.importance.ciLow).toBeCloseTo(expected.ciLow, 8);
      expect(driver.importance.ciHigh).toBeCloseTo(expected.ciHigh, 8);
    }
    // Sorted strongest first.
    const rs = out.drivers.map((d) => d.importance.r).filter((r): r is number => r !== null);
    expect(rs).toEqual([...rs].sort((a, b) => b - a));
  });

  it('performance is % favourable over the scope, reverse-coded items flipped', async () => {
    const out = await call({ period: '2025-Q1' });
    for (const item of ['E1', 'E2', 'V1', 'L1', 'X2'] as const) {
      const expected = pctFavourable(q1, item);
      expect(out.drivers.find((d) => d.id === item)!.performance).toEqual({
        metric: 'pct_favourable',
        value: expected.value,
        n: expected.n,
        status: 'ok',
        reason: null,
      });
    }
  });

  it('an item too few answered shows no figures: no % favourable under 5, no r under 25', async () => {
    const out = await call({ period: '2025-Q1' });
    const x1 = out.drivers.find((d) => d.id === 'X1')!;
    expect(x1.performance).toEqual({
      metric: 'pct_favourable',
      value: null,
      n: null,
      status: 'suppressed',
      reason: 'Suppressed: fewer than 5 people answered this question',
    });
    const x2 = out.drivers.find((d) => d.id === 'X2')!;
    expect(x2.importance).toEqual({
      r: null,
      ciLow: null,
      ciHigh: null,
      n: null,
      status: 'suppressed',
      reason: 'Suppressed: fewer than 25 people answered both this and the outcome',
    });
    for (const d of [x1, x2]) {
      expect(d.quadrant).toBeNull();
      expect(d.relativeWeight).toBeNull();
    }
    expect(out.drivers.slice(-2).map((d) => d.id)).toEqual(['X1', 'X2']);
  });

  it('quadrants split importance and performance at their medians over the drivers with both', async () => {
    const out = await call({ period: '2025-Q1' });
    const both = out.drivers.filter((d) => d.importance.r !== null && d.performance.value !== null);
    expect(both.map((d) => d.id).sort()).toEqual(['E1', 'E2', 'L1', 'V1']);
    const mi = median(both.map((d) => d.importance.r!));
    const mp = median(both.map((d) => d.performance.value!));
    expect(out.quadrants.importanceSplit).toBeCloseTo(mi, 12);
    expect(out.quadrants.performanceSplit).toBeCloseTo(mp, 12);
    for (const d of both) {
      const important = d.importance.r! >= mi;
      const strong = d.performance.value! >= mp;
      expect(d.quadrant).toBe(
        important
          ? strong
            ? 'key_strength'
            : 'priority'
          : strong
            ? 'secondary_strength'
            : 'low_priority',
      );
    }
    const counted = Object.values(out.quadrants.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(both.length);
  });

  it('relative weights are left out with a reason when there are under 10 respondents per driver', async () => {
    const out = await call({ period: '2025-Q1' });
    expect(out.importanceMethod).toMatchObject({ correlation: 'pearson', relativeWeights: false });
    expect(out.importanceMethod.note).toMatch(
      /at least 10 observations per driver \(40 for 4 drivers/,
    );
    expect(out.drivers.every((d) => d.relativeWeight === null)).toBe(true);
  });

  it('a value is scored by the mean of its items; here Integrity is V1 alone', async () => {
    const out = await call({ period: '2025-Q1', by: 'value' });
    expect(out.drivers).toHaveLength(1);
    const integrity = out.drivers[0]!;
    expect(integrity).toMatchObject({ id: 'value:Integrity', label: 'Integrity' });
    expect(integrity.importance.r).toBeCloseTo(expectedImportance(q1, 'V1', (p) => p.ENPS).r, 10);
    expect(integrity.performance.value).toBe(pctFavourable(q1, 'V1').value);
  });

  it("engagement as the outcome leaves out its own items, and uses each person's 0-100 score", async () => {
    const out = await call({ period: '2025-Q2', outcome: 'engagement_index' });
    expect(out.status).toBe('ok');
    expect(out.n).toBe(25);
    expect(out.excludedDrivers.map((d) => d.id)).toEqual(['E1', 'E2']);
    expect(out.drivers.map((d) => d.id).sort()).toEqual(['L1', 'V1', 'X1', 'X2']);
    for (const item of ['V1', 'L1'] as const) {
      const expected = expectedImportance(q2, item, engagement);
      expect(out.drivers.find((d) => d.id === item)!.importance.r).toBeCloseTo(expected.r, 10);
    }
  });

  it('24 respondents: suppressed with the reason, and no figure at all', async () => {
    const out = await call({ period: '2025-Q2' });
    expectWithheld(
      out,
      'suppressed',
      'Suppressed: fewer than 25 people in Acme Retail answered the eNPS question in 2025-Q2; driver analysis needs at least 25.',
    );
  });

  it('a scope the workspace hides is suppressed even with 25 people in it', async () => {
    const out = await call({ period: '2025-Q2', unitId: 'R2', outcome: 'engagement_index' });
    expectWithheld(
      out,
      'suppressed',
      'Suppressed: a smaller neighbouring group (under 5) could otherwise be worked out by subtraction',
    );
  });

  it('a scope under the floor is suppressed', async () => {
    const out = await call({ period: '2025-Q1', unitId: 'R1' });
    expectWithheld(out, 'suppressed', /^Suppressed: fewer than 25 people in North answered/);
  });

  it('across units, too few units give no figures and say why', async () => {
    const out = await call({ outcome: 'nps', period: '2025-Q1' });
    expect(out).toMatchObject({
      analysis: 'units',
      level: 'team',
      lag: 0,
      customerPeriod: '2025-Q1',
    });
    expectWithheld(
      out,
      'no_data',
      /^Only \d units at the team level in Acme Retail have visible employee figures in 2025-Q1 and at least 10 customer responses in 2025-Q1; driver analysis needs at least 25\.$/,
    );
  });

  it('bad input is a typed error that says what would work', async () => {
    expect(await error({ unitId: 'NOPE' })).toEqual({
      code: 'NOT_FOUND',
      message: "Unit 'NOPE' is not in the hierarchy in force for 2025-Q2.",
    });
    expect(await error({ period: '2024-Q4' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No survey data for 2024-Q4. Survey periods: 2025-Q1, 2025-Q2.',
    });
    expect(await error({ outcome: 'nps', level: 'planet' })).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: "Unknown level 'planet'. Levels in this workspace: company, region, team.",
    });
    expect(await error({ outcome: 'nps', level: 'company' })).toEqual({
      code: 'INVALID_ARGUMENTS',
      message:
        "The level 'company' must be below Acme Retail (company): units at that level are what is correlated (levels, top first: company, region, team).",
    });
    expect(await error({ outcome: 'csat', period: '2025-Q2', lag: 2 })).toEqual({
      code: 'NOT_FOUND',
      message:
        'No customer data for 2025-Q4 (2025-Q2 with a lag of 2). Customer periods: 2025-Q1, 2025-Q2.',
    });
    expect(await error({ lag: 1 })).toEqual({
      code: 'INVALID_ARGUMENTS',
      message:
        "level and lag apply to the unit-level outcomes (nps, csat) only; enps is correlated across the scope's respondents.",
    });
    expect(await error({ outcome: 'happiness' })).toEqual({
      code: 'INVALID_ARGUMENTS',
      message:
        'Invalid arguments for drivers: outcome: Invalid option: expected one of "enps"|"engagement_index"|"nps"|"csat"',
    });
    expect(await error({ by: 'factor', sql: 'DROP TABLE meta' })).toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
  });
});
