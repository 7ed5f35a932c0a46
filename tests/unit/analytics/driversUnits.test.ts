import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairedR } from '../../../src/main/engine/analytics/drivers/unitCorrelations';
import { pearson as linkagePearson } from '../../../src/main/engine/analytics/linkage/stats';
import { suppressionReasons } from '../../../src/main/engine/confidentiality/reasons';
import type { CanonicalKind } from '../../../src/main/engine/import/canonicalFormats';
import type { DriversInput } from '../../../src/shared/analytics/drivers';
import { csv } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';
import {
  clamp,
  driversWorkspace,
  expectWithheld,
  pearson,
  seeded,
  type DriversWorkspace,
} from './driversTestKit';

// Drivers across units, on a company made here: 3 regions x 10 teams, 7 respondents each in
// 2025-Q1, except T21 (3 people: hidden) and T22 (6: hidden beside it by the next-smallest rule);
// 12 customer answers per team and quarter, except T30 with 5 in 2025-Q1 (under the floor of 10).
// Every unit figure and r is recomputed here in plain JS from these rows.

const TEAMS = Array.from({ length: 30 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
const regionOf = (team: string) => `R${Math.floor((Number(team.slice(1)) - 1) / 10) + 1}`;
const size = (team: string) => (team === 'T21' ? 3 : team === 'T22' ? 6 : 7);

const { normal } = seeded(5);

const ITEMS = ['E1', 'V1', 'V2', 'L1'] as const;
type ItemId = (typeof ITEMS)[number];
interface Answer {
  team: string;
  /** Scored (higher is better); L1 is written to the file reverse-coded. */
  scores: Record<ItemId, number>;
}

const teamLatent = new Map(TEAMS.map((t) => [t, normal() * 0.8]));
const answers: Answer[] = TEAMS.flatMap((team) =>
  Array.from({ length: size(team) }, () => {
    const g = teamLatent.get(team)! + normal() * 0.7;
    const item = (load: number) => clamp(3 + load * g + 0.8 * normal(), 1, 5);
    return { team, scores: { E1: item(1), V1: item(0.8), V2: item(0.5), L1: item(0.6) } };
  }),
);
interface Customer {
  team: string;
  period: string;
  nps: number;
}
const customers: Customer[] = TEAMS.flatMap((team) =>
  ['2025-Q1', '2025-Q2'].flatMap((period) =>
    Array.from({ length: team === 'T30' && period === '2025-Q1' ? 5 : 12 }, () => ({
      team,
      period,
      nps: clamp(7 + 1.5 * teamLatent.get(team)! + 2 * normal(), 0, 10),
    })),
  ),
);

const round2 = (v: number) => Math.round(v * 100) / 100;
const pctFavourable = (team: string | null, score: (a: Answer) => number) => {
  const mine = answers.filter((a) => team === null || a.team === team);
  return round2((mine.filter((a) => score(a) >= 4).length * 100) / mine.length);
};
const nps = (team: string, period: string) => {
  const mine = customers.filter((c) => c.team === team && c.period === period);
  const net = mine.filter((c) => c.nps >= 9).length - mine.filter((c) => c.nps <= 6).length;
  return round2((net * 100) / mine.length);
};
/** A value's % favourable: its items' answers pooled. */
const valueScores: Record<string, ItemId[]> = { 'value:Integrity': ['V1'], 'value:Care': ['V2'] };
function valuePct(team: string, value: string): number {
  const mine = answers.filter((a) => a.team === team);
  const all = mine.flatMap((a) => valueScores[value]!.map((i) => a.scores[i]));
  return round2((all.filter((s) => s >= 4).length * 100) / all.length);
}

let t: DriversWorkspace;
let remove: () => void;

beforeAll(async () => {
  const temp = makeTempDir();
  const dir = join(temp.path, 'exports');
  mkdirSync(dir, { recursive: true });
  const files: { kind: CanonicalKind; path: string }[] = [];
  const write = (kind: CanonicalKind, name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    files.push({ kind, path: join(dir, name) });
  };
  write(
    'org_units',
    'org.csv',
    csv(
      ['unit_id', 'unit_name', 'parent_id', 'level', 'unit_type', 'leader_name', 'effective_from'],
      [
        ['C', 'Coastline', '', 'company', 'company', 'A', '2025-01-01'],
        ...['R1', 'R2', 'R3'].map((r) => [
          r,
          `Region ${r}`,
          'C',
          'region',
          'region',
          'B',
          '2025-01-01',
        ]),
        ...TEAMS.map((t) => [t, `Team ${t}`, regionOf(t), 'team', 'store', 'C', '2025-01-01']),
      ],
    ),
  );
  write(
    'survey_items',
    'items.csv',
    csv(
      ['item_id', 'item_text', 'factor', 'scale_min', 'scale_max', 'reverse_coded'],
      [
        ['E1', 'I am proud to work here', 'engagement', 1, 5, false],
        ['V1', 'People here act with integrity', 'value:Integrity', 1, 5, false],
        ['V2', 'People here look after each other', 'value:Care', 1, 5, false],
        ['L1', 'My manager rarely listens to me', 'leadership', 1, 5, true],
        ['ENPS', 'Would you recommend us as a place to work?', 'enps', 0, 10, false],
      ],
    ),
  );
  write(
    'survey_responses',
    'survey_2025-Q1.csv',
    csv(
      ['respondent_id', 'period', 'unit_id', 'submitted_at', 'role', ...ITEMS, 'ENPS'],
      answers.map((a, i) => [
        `P${i + 1}`,
        '2025-Q1',
        a.team,
        '2025-02-10',
        'front_line',
        a.scores.E1,
        a.scores.V1,
        a.scores.V2,
        6 - a.scores.L1,
        clamp(a.scores.E1 * 2, 0, 10),
      ]),
    ),
  );
  write(
    'unit_mapping',
    'mapping.csv',
    csv(
      ['cx_code', 'unit_id'],
      TEAMS.map((t) => [`S-${t}`, t]),
    ),
  );
  write(
    'customer_feedback',
    'cx.csv',
    csv(
      ['response_id', 'responded_at', 'cx_code', 'channel', 'nps', 'csat', 'ces', 'comment'],
      customers.map((c, i) => [
        `X${i + 1}`,
        `${c.period === '2025-Q1' ? '2025-02' : '2025-05'}-${String(1 + (i % 27)).padStart(2, '0')} 10:00:00`,
        `S-${c.team}`,
        'store',
        c.nps,
        3,
        4,
        '',
      ]),
    ),
  );
  t = await driversWorkspace(join(temp.path, 'ws.duckdb'), files);
  remove = () => {
    t.close();
    temp.remove();
  };
});
afterAll(() => remove?.());

const call = (input: DriversInput) => t.call(input);

/**
 * The unanimous-remainder rule: when the nine people of the two hidden teams (T21, T22, in R3)
 * all found an item favourable, or none did, R3 minus its shown teams would tell both teams' %
 * favourable; the first of R3's other teams (all of 7 people, so in id order) whose people are
 * not all that way is hidden too, for that item.
 */
function alsoHidden(item: ItemId): string[] {
  const favourable = (a: Answer) => a.scores[item] >= 4;
  const hidden = answers.filter((a) => a.team === 'T21' || a.team === 'T22');
  const all = hidden.every(favourable);
  if (!all && hidden.some(favourable)) return [];
  const breaker = TEAMS.filter((t) => regionOf(t) === 'R3' && t !== 'T21' && t !== 'T22').find(
    (t) => {
      const mine = answers.filter((a) => a.team === t);
      return all ? !mine.every(favourable) : mine.some(favourable);
    },
  );
  return breaker ? [breaker] : [];
}

/** The teams a unit-level analysis may use: employee figures shown, 10+ customer answers. */
const entering = (customerPeriod: string) =>
  TEAMS.filter((t) => t !== 'T21' && t !== 'T22' && !(t === 'T30' && customerPeriod === '2025-Q1'));

describe('drivers across units, on hand-checked data', () => {
  it.each([
    [0, '2025-Q1'],
    [1, '2025-Q2'],
  ])(
    "lag %i: each item's r is across the teams shown, their %% favourable against NPS in %s",
    async (lag, customerPeriod) => {
      const out = await call({ outcome: 'nps', lag });
      const teams = entering(customerPeriod);
      expect(out).toMatchObject({
        status: 'ok',
        analysis: 'units',
        level: 'team',
        period: '2025-Q1',
        customerPeriod,
        lag,
        n: teams.length,
        minCustomerResponses: 10,
      });
      // This company's hidden teams agree on at least one item: the rule has work here.
      expect(ITEMS.filter((item) => alsoHidden(item).length > 0)).not.toEqual([]);
      for (const item of ITEMS) {
        const shown = teams.filter((t) => !alsoHidden(item).includes(t));
        const xs = shown.map((t) => pctFavourable(t, (a) => a.scores[item]));
        const ys = shown.map((t) => nps(t, customerPeriod));
        const driver = out.drivers.find((d) => d.id === item)!;
        expect(driver.importance.n).toBe(shown.length);
        expect(driver.importance.r).toBeCloseTo(pearson(xs, ys), 10);
      }
      // Performance is the company's own % favourable, over everyone (hidden teams included).
      expect(out.drivers.find((d) => d.id === 'L1')!.performance.value).toBe(
        pctFavourable(null, (a) => a.scores.L1),
      );
    },
  );

  it('says which teams were left out and why', async () => {
    const out = await call({ outcome: 'nps' });
    expect(out.excludedUnits.total).toBe(3);
    expect(out.excludedUnits.reasons.map((r) => [r.reason, r.count]).sort()).toEqual(
      [
        [suppressionReasons.tooFew(5), 1],
        [suppressionReasons.neighbour(5), 1],
        ['Fewer than 10 customer responses', 1],
      ].sort(),
    );
  });

  it('relative weights of two values add up to the R² of NPS on both', async () => {
    const out = await call({ outcome: 'nps', by: 'value' });
    const teams = entering('2025-Q1');
    const y = teams.map((t) => nps(t, '2025-Q1'));
    const integrity = teams.map((t) => valuePct(t, 'value:Integrity'));
    const care = teams.map((t) => valuePct(t, 'value:Care'));
    const [r1, r2, r12] = [pearson(integrity, y), pearson(care, y), pearson(integrity, care)];
    const r2Both = (r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2);
    expect(out.importanceMethod.relativeWeights).toBe(true);
    expect(out.importanceMethod.rSquared).toBeCloseTo(r2Both, 10);
    const raw = out.drivers.map((d) => d.relativeWeight!.raw);
    expect(raw[0]! + raw[1]!).toBeCloseTo(r2Both, 10);
    expect(out.drivers.map((d) => d.relativeWeight!.share).reduce((a, b) => a + b, 0)).toBeCloseTo(
      100,
      1,
    );
  });

  it('a scope with fewer than 25 teams has no figures, and says so', async () => {
    const out = await call({ outcome: 'nps', unitId: 'R1' });
    expectWithheld(
      out,
      'no_data',
      'Only 10 units at the team level in Region R1 have visible employee figures in 2025-Q1 and at least 10 customer responses in 2025-Q1; driver analysis needs at least 25.',
    );
  });
});

describe('the r of two unit figures', () => {
  it('is what linkage pearson() gives on the units that show both, to the last bit', () => {
    const { normal, uniform } = seeded(17);
    for (let trial = 0; trial < 200; trial++) {
      const size = 3 + Math.floor(uniform() * 60);
      const hole = uniform() * 0.4;
      const draw = () =>
        Array.from({ length: size }, () => (uniform() < hole ? NaN : 60 + 15 * normal()));
      const a = draw();
      const b = trial % 10 === 0 ? a.map((v) => (Number.isNaN(v) ? v : 50)) : draw();
      const both = a.flatMap((x, u) => (Number.isNaN(x) || Number.isNaN(b[u]!) ? [] : [u]));
      expect(pairedR(a, b)).toEqual({
        r: linkagePearson(
          both.map((u) => a[u]!),
          both.map((u) => b[u]!),
        ),
        n: both.length,
      });
    }
  });
});
