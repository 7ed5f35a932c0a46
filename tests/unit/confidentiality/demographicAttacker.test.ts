import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatmapOutputSchema, type HeatmapInput } from '../../../src/shared/analytics/heatmap';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { heatmap } from '../../../src/main/engine/handlers/heatmap';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import {
  rebuildOwnFigureStats,
  rebuildRollupFigureStats,
} from '../../../src/main/engine/derived/employeeFigureStats';
import { rebuildSuppressionDecisions } from '../../../src/main/engine/derived/suppressionDecisions';
import { invalidateCache } from '../../../src/main/engine/workspace/cache';
import { makeTempDir } from '../../helpers/tempDir';
import { build, orgArb } from './orgs';
import {
  attackDimension,
  collectHeatmap,
  type DemoPerson,
  type Leak,
  type Seen,
} from './demographicAttack';

/*
 * Demographic rows of the heatmap against an attacker. Organisations come from the attacker's
 * generator (orgs.ts: regions, areas, teams, people attached to managers, teams that answered
 * alike, skipped questions), each person given a role and a tenure band (some not stated). The
 * attacker asks the heatmap for every scope x dimension and the org rows, and tries differencing,
 * extreme values and the linear system (demographicAttack.ts); no group of 1..min-1 may be pinned
 * down. Hand-made shapes: one 'Not stated' person, a tenure band of 2 people in one team only, a
 * team whose members all have one role, a unanimous remainder.
 */

const TENURES = ['<1y', '1-3y', '3-5y', '5y+'];
const DIMS = ['role', 'tenure_band'] as const;

/** A small deterministic generator for the demographics (from a seed fast-check picks). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoOrg {
  min: number;
  parent: Map<string, string | null>;
  people: DemoPerson[];
  describe: string;
}

const demoOrgArb: fc.Arbitrary<DemoOrg> = fc
  .record({
    org: orgArb,
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    min: fc.constantFrom(3, 5, 5),
    notStated: fc.constantFrom(0, 0.05, 0.2),
    /** Tenure mostly one band (a realistic skew) or spread. */
    skew: fc.boolean(),
  })
  .map(({ org, seed, min, notStated, skew }) => {
    const built = build({ ...org, periods: 1, reorg: null });
    const rand = prng(seed);
    const parent = new Map<string, string | null>(
      built.snapshots[0]!.rows.map((r) => [r[0]!, r[2] === '' ? null : r[2]!]),
    );
    const people = built.respondents
      .filter((r) => r.period === '2025-Q1')
      .map((r) => ({
        unit: r.unit,
        role: rand() < notStated ? null : r.p.leader ? 'leader' : 'front_line',
        tenure:
          rand() < notStated
            ? null
            : skew && rand() < 0.7
              ? '1-3y'
              : TENURES[Math.floor(rand() * TENURES.length)]!,
        v1: r.p.v1,
      }));
    return { min, parent, people, describe: built.describe };
  });

let ws: Workspace;
let ctx: EngineContext;
let remove: () => void;

beforeAll(async () => {
  const temp = makeTempDir('upstream-demographic-attacker-');
  ws = await openWorkspace(`${temp.path}/ws.duckdb`, { create: true });
  ctx = {
    ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  remove = () => {
    ws.close();
    temp.remove();
  };
  await ws.conn.run(
    `INSERT INTO survey_items VALUES ('V1', 'People here act with integrity', 'value:Integrity', 1, 5, false, 1)`,
  );
});
afterAll(() => remove?.());

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlOrNull = (s: string | null) => (s === null ? 'NULL' : q(s));

/** Writes the organisation into the workspace tables, then rebuilds what the heatmap reads. */
async function load(o: DemoOrg): Promise<void> {
  const c = ws.conn;
  for (const t of [
    'org_units',
    'org_closure',
    'survey_respondents',
    'respondent_scores',
    'survey_answers',
  ])
    await c.run(`DELETE FROM ${t}`);
  await c.run(`INSERT OR REPLACE INTO meta VALUES ('min_group_size', '${o.min}')`);
  const level = (id: string) =>
    o.parent.get(id) === null ? 'company' : /T\d+$/.test(id) ? 'team' : 'region';
  await c.run(
    `INSERT INTO org_units VALUES ${[...o.parent]
      .map(
        ([id, p]) =>
          `(DATE '2025-01-01', ${q(id)}, ${q(id)}, ${sqlOrNull(p)}, ${q(level(id))}, 'x', NULL, 1)`,
      )
      .join(',')}`,
  );
  const closure: string[] = [];
  for (const id of o.parent.keys()) {
    let depth = 0;
    for (let a: string | null = id; a !== null; a = o.parent.get(a) ?? null, depth++)
      closure.push(`(DATE '2025-01-01', ${q(a)}, ${q(id)}, ${depth})`);
  }
  await c.run(`INSERT INTO org_closure VALUES ${closure.join(',')}`);
  const respondents: string[] = [];
  const scores: string[] = [];
  const answers: string[] = [];
  o.people.forEach((p, i) => {
    const rid = `P${i}`;
    respondents.push(
      `('2025-Q1', '${rid}', ${q(p.unit)}, DATE '2025-02-10', ${sqlOrNull(p.tenure)}, ${sqlOrNull(p.role)}, 1)`,
    );
    scores.push(`('2025-Q1', '${rid}', ${q(p.unit)}, ${sqlOrNull(p.role)}, 50, 1, 1, NULL)`);
    if (p.v1 !== null) answers.push(`('2025-Q1', '${rid}', 'V1', ${p.v1}, ${p.v1})`);
  });
  if (respondents.length === 0) {
    respondents.push(`('2025-Q1', 'ghost', 'nowhere', DATE '2025-02-10', NULL, NULL, 1)`);
    scores.push(`('2025-Q1', 'ghost', 'nowhere', NULL, 50, 1, 1, NULL)`);
  }
  await c.run(`INSERT INTO survey_respondents VALUES ${respondents.join(',')}`);
  await c.run(`INSERT INTO respondent_scores VALUES ${scores.join(',')}`);
  if (answers.length > 0) await c.run(`INSERT INTO survey_answers VALUES ${answers.join(',')}`);
  // Written behind the importer's back: the statistics and decisions the heatmap reads, rebuilt
  // (only those: the whole of rebuildDerived takes seconds per organisation).
  invalidateCache(c);
  await rebuildOwnFigureStats(c, ['2025-Q1']);
  await rebuildRollupFigureStats(c, ['2025-Q1']);
  await rebuildSuppressionDecisions(c, ['2025-Q1'], o.min);
}

const timing = { load: 0, ask: 0, attack: 0 };

interface Attacked {
  leaks: Leak[];
  requests: number;
  pairs: number;
  alike: number;
  shownGroups: number;
  seen: Map<string, Seen>;
}

/** Every scope x dimension and every org drill-down; then every attack. */
async function attackOrg(o: DemoOrg): Promise<Attacked> {
  const tLoad = performance.now();
  await load(o);
  timing.load += performance.now() - tLoad;
  const tAsk = performance.now();
  const seen = new Map<string, Seen>();
  const conflicts: string[] = [];
  let requests = 0;
  let shownGroups = 0;
  const ask = async (input: HeatmapInput) => {
    requests++;
    const out = heatmapOutputSchema.parse(await heatmap(input, ctx));
    // A hidden figure carries no number anywhere.
    for (const row of out.rows) {
      if (row.status !== 'ok') expect(row.n).toBeNull();
      for (const cell of row.cells)
        if (cell.status !== 'ok')
          expect([cell.pctFavourable, cell.n, cell.delta]).toEqual([null, null, null]);
      if (out.groupBy !== 'org' && row.status === 'ok') shownGroups++;
    }
    collectHeatmap(out, seen, conflicts);
    return out;
  };
  const hasKids = new Set([...o.parent.values()].filter((p): p is string => p !== null));
  for (const unit of o.parent.keys()) {
    if (hasKids.has(unit)) await ask({ parentId: unit, mode: 'vs_parent' });
    for (const groupBy of DIMS) await ask({ parentId: unit, groupBy, mode: 'vs_company' });
  }
  expect(conflicts).toEqual([]);
  timing.ask += performance.now() - tAsk;
  const tAttack = performance.now();
  const leaks: Leak[] = [];
  let pairs = 0;
  let alike = 0;
  for (const dim of DIMS) {
    for (const family of ['respondents', 'value'] as const) {
      const r = attackDimension(dim, family, o.parent, o.people, [...seen.values()], o.min);
      leaks.push(...r.leaks.map((l) => ({ ...l, how: `${dim} ${family}: ${l.how}` })));
      pairs += r.pairs;
      alike += r.alike;
    }
  }
  timing.attack += performance.now() - tAttack;
  if (process.env.DEMOGRAPHIC_TIMING) console.log(JSON.stringify(timing));
  return { leaks, requests, pairs, alike, shownGroups, seen };
}

/** A hand-made organisation: units under one company, people listed per unit. */
function handMade(
  min: number,
  units: Record<string, string | null>,
  people: [
    unit: string,
    role: string | null,
    tenure: string | null,
    v1: number | null,
    count: number,
  ][],
): DemoOrg {
  const list: DemoPerson[] = [];
  for (const [unit, role, tenure, v1, count] of people)
    for (let i = 0; i < count; i++) list.push({ unit, role, tenure, v1 });
  return { min, parent: new Map(Object.entries(units)), people: list, describe: 'hand-made' };
}

const rowsOf = async (parentId: string, groupBy: string) =>
  heatmapOutputSchema.parse(await heatmap({ parentId, groupBy }, ctx)).rows;

describe('demographic heatmap rows against an attacker', () => {
  it('generated organisations: no group of 1..min-1 pinned down by any scope x dimension', async () => {
    const totals = { orgs: 0, requests: 0, pairs: 0, alike: 0, shownGroups: 0, ms: 0 };
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(demoOrgArb, async (o) => {
        const r = await attackOrg(o);
        totals.orgs++;
        totals.requests += r.requests;
        totals.pairs += r.pairs;
        totals.alike += r.alike;
        totals.shownGroups += r.shownGroups;
        expect(
          r.leaks.map((l) => l.how),
          o.describe,
        ).toEqual([]);
      }),
      {
        numRuns: Number(process.env.DEMOGRAPHIC_ORGS ?? 12),
        // Each organisation takes seconds: report the first failure as found, without shrinking.
        endOnFailure: true,
        ...(process.env.DEMOGRAPHIC_SEED ? { seed: Number(process.env.DEMOGRAPHIC_SEED) } : {}),
      },
    );
    totals.ms = Math.round(performance.now() - t0);
    console.log('demographic attacker', JSON.stringify(totals));
    // The rules must not hide everything: groups are shown in these organisations.
    expect(totals.shownGroups).toBeGreaterThan(0);
  }, 300_000);

  it('one person who did not state a tenure: never shown, never derivable', async () => {
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1' }, [
      ['R1T0', 'front_line', '1-3y', 4, 7],
      ['R1T0', 'front_line', null, 2, 1],
      ['R1T1', 'front_line', '1-3y', 5, 6],
      ['R1T1', 'leader', '1-3y', 2, 6],
    ]);
    const r = await attackOrg(o);
    expect(r.leaks).toEqual([]);
    const company = await rowsOf('C', 'tenure_band');
    const notStated = company.find((row) => row.unitId === 'Not stated')!;
    expect(notStated.status).toBe('suppressed');
    // Its complement is hidden too: company minus '1-3y' would be that one person.
    expect(company.find((row) => row.unitId === '1-3y')!.status).toBe('suppressed');
    expect(notStated.reason).toMatch(/fewer than 5/);
  });

  it('a tenure band of 2 people in one team only: hidden everywhere, and so is whatever would give it away', async () => {
    const o = handMade(5, { C: null, R1: 'C', R2: 'C', R1T0: 'R1', R1T1: 'R1', R2T0: 'R2' }, [
      ['R1T0', 'front_line', '1-3y', 4, 6],
      ['R1T0', 'front_line', '<1y', 5, 2],
      ['R1T0', 'front_line', '3-5y', 3, 6],
      ['R1T1', 'front_line', '1-3y', 2, 7],
      ['R1T1', 'front_line', '3-5y', 4, 5],
      ['R2T0', 'front_line', '1-3y', 5, 9],
      ['R2T0', 'front_line', '3-5y', 1, 6],
    ]);
    const r = await attackOrg(o);
    expect(r.leaks).toEqual([]);
    for (const scope of ['C', 'R1', 'R1T0']) {
      const rows = await rowsOf(scope, 'tenure_band');
      const band = rows.find((row) => row.unitId === '<1y')!;
      expect(band.status, scope).toBe('suppressed');
      // The scope's total minus the shown bands must not be those 2 people.
      const shown = rows.filter((row) => row.status === 'ok').reduce((s, row) => s + row.n!, 0);
      const total = o.people.filter((p) => scopeHas(o, scope, p.unit)).length;
      expect(total - shown === 0 || total - shown >= 5, scope).toBe(true);
    }
    // Some bands stay visible: the rule hides the next-smallest, not everything.
    expect((await rowsOf('C', 'tenure_band')).some((row) => row.status === 'ok')).toBe(true);
  });

  it('a team whose members all have one role: its role rows add nothing the team row does not show', async () => {
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1', R1T2: 'R1' }, [
      ['R1T0', 'front_line', '1-3y', 4, 8],
      ['R1T1', 'front_line', '1-3y', 2, 6],
      ['R1T1', 'leader', '3-5y', 5, 6],
      ['R1T2', 'leader', '1-3y', 3, 2],
      ['R1T2', 'front_line', '5y+', 4, 9],
    ]);
    const r = await attackOrg(o);
    expect(r.leaks).toEqual([]);
    const team = await rowsOf('R1T0', 'role');
    expect(team.map((row) => row.unitId)).toEqual(['front_line']);
    // The 2 leaders of R1T2 are hidden in R1T2, and 'leader' in R1 (6 + 2) would give them
    // away beside R1T1's 6 leaders, so the tree rule on the leaders' population hides it.
    expect((await rowsOf('R1T2', 'role')).find((row) => row.unitId === 'leader')!.status).toBe(
      'suppressed',
    );
    expect((await rowsOf('R1', 'role')).find((row) => row.unitId === 'leader')!.status).toBe(
      'suppressed',
    );
  });

  it('a unanimous remainder: the hidden groups of a scope all answered alike, so one more is hidden', async () => {
    // R1: 8 '1-3y' (mixed answers), 6 '3-5y' who all answered 5, and 3 '<1y' who answered 5:
    // R1 minus '1-3y' would leave 9 people all favourable, telling the 3 newcomers' answer.
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1', R2: 'C', R2T0: 'R2' }, [
      ['R1T0', 'front_line', '1-3y', 2, 4],
      ['R1T0', 'front_line', '1-3y', 5, 4],
      ['R1T0', 'front_line', '3-5y', 5, 6],
      ['R1T1', 'front_line', '<1y', 5, 3],
      ['R1T1', 'front_line', '1-3y', 1, 6],
      ['R2T0', 'front_line', '1-3y', 3, 12],
    ]);
    const r = await attackOrg(o);
    expect(r.leaks).toEqual([]);
  });
});

function scopeHas(o: DemoOrg, scope: string, unit: string): boolean {
  for (let u: string | null = unit; u !== null; u = o.parent.get(u) ?? null)
    if (u === scope) return true;
  return false;
}
