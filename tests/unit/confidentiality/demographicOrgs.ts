import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
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
  naiveSeen,
  type DemoPerson,
  type Leak,
  type Seen,
} from './demographicAttack';

/*
 * Organisations with demographics for the demographic attacker tests: the attacker's generator
 * (orgs.ts: regions, areas, teams, people attached to managers, teams that answered alike,
 * skipped questions), each person given a role and a tenure band (some not stated); a loader that
 * writes one into a workspace's tables; and attackOrg, which asks the heatmap for every scope x
 * dimension and the org rows, then runs every attack of demographicAttack.ts.
 */

const TENURES = ['<1y', '1-3y', '3-5y', '5y+'];
export const DIMS = ['role', 'tenure_band'] as const;
const SHIFTS = ['early', 'late', 'night'];

/** The dimensions of an organisation: role, tenure band, and shift when its people have one. */
export const dimsOf = (o: DemoOrg): string[] =>
  o.people.some((p) => p.shift !== undefined) ? [...DIMS, 'shift'] : [...DIMS];

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

export interface DemoOrg {
  min: number;
  parent: Map<string, string | null>;
  people: DemoPerson[];
  describe: string;
}

export const demoOrgArb: fc.Arbitrary<DemoOrg> = fc
  .record({
    org: orgArb,
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    min: fc.constantFrom(3, 5, 5),
    notStated: fc.constantFrom(0, 0.05, 0.2),
    /** Tenure mostly one band (a realistic skew) or spread. */
    skew: fc.boolean(),
    /** A third dimension kept from the survey's mapping (respondent_attributes): shift. */
    shifts: fc.boolean(),
  })
  .map(({ org, seed, min, notStated, skew, shifts }) => {
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
        ...(shifts
          ? { shift: rand() < notStated ? null : SHIFTS[Math.floor(rand() * SHIFTS.length)]! }
          : {}),
      }));
    return { min, parent, people, describe: built.describe };
  });

export interface Attacked {
  leaks: Leak[];
  requests: number;
  pairs: number;
  alike: number;
  shownGroups: number;
  seen: Map<string, Seen>;
  /** Leaks the attacker finds when every group of at least the minimum is shown (naive rule). */
  naiveLeaks: number;
}

/**
 * A workspace for one test file (opened before its tests, removed after) and what they ask of it.
 */
export function demographicBench() {
  let ws: Workspace;
  let ctx: EngineContext;
  let remove: (() => void) | undefined;

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
      'respondent_attributes',
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
    const attributes: string[] = [];
    o.people.forEach((p, i) => {
      const rid = `P${i}`;
      if (p.shift) attributes.push(`('2025-Q1', '${rid}', 'shift', ${q(p.shift)}, 1)`);
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
    if (attributes.length > 0)
      await c.run(`INSERT INTO respondent_attributes VALUES ${attributes.join(',')}`);
    // Written behind the importer's back: the statistics and decisions the heatmap reads, rebuilt
    // (only those: the whole of rebuildDerived takes seconds per organisation).
    invalidateCache(c);
    await rebuildOwnFigureStats(c, ['2025-Q1']);
    await rebuildRollupFigureStats(c, ['2025-Q1']);
    await rebuildSuppressionDecisions(c, ['2025-Q1'], o.min);
  }

  const timing = { load: 0, ask: 0, attack: 0 };

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
      for (const groupBy of dimsOf(o)) await ask({ parentId: unit, groupBy, mode: 'vs_company' });
    }
    expect(conflicts).toEqual([]);
    timing.ask += performance.now() - tAsk;
    const tAttack = performance.now();
    const leaks: Leak[] = [];
    let pairs = 0;
    let alike = 0;
    for (const dim of dimsOf(o)) {
      for (const family of ['respondents', 'value'] as const) {
        const r = attackDimension(dim, family, o.parent, o.people, [...seen.values()], o.min);
        leaks.push(...r.leaks.map((l) => ({ ...l, how: `${dim} ${family}: ${l.how}` })));
        pairs += r.pairs;
        alike += r.alike;
      }
    }
    timing.attack += performance.now() - tAttack;
    if (process.env.DEMOGRAPHIC_TIMING) console.log(JSON.stringify(timing));
    let naiveLeaks = 0;
    for (const dim of dimsOf(o)) {
      const naive = naiveSeen([...seen.values()], dim, o.parent, o.people, o.min);
      for (const family of ['respondents', 'value'] as const)
        naiveLeaks += attackDimension(dim, family, o.parent, o.people, naive, o.min).leaks.length;
    }
    return { leaks, requests, pairs, alike, shownGroups, seen, naiveLeaks };
  }

  const rowsOf = async (parentId: string, groupBy: string) =>
    heatmapOutputSchema.parse(await heatmap({ parentId, groupBy }, ctx)).rows;
  return { attackOrg, rowsOf };
}

/** A hand-made organisation: units under one company, people listed per unit. */
export function handMade(
  min: number,
  units: Record<string, string | null>,
  people: [
    unit: string,
    role: string | null,
    tenure: string | null,
    v1: number | null,
    count: number,
    shift?: string | null,
  ][],
): DemoOrg {
  const list: DemoPerson[] = [];
  for (const [unit, role, tenure, v1, count, shift] of people)
    for (let i = 0; i < count; i++)
      list.push({ unit, role, tenure, v1, ...(shift !== undefined ? { shift } : {}) });
  return { min, parent: new Map(Object.entries(units)), people: list, describe: 'hand-made' };
}

/** Whether a unit is in a scope's roll-up. */
export function scopeHas(o: DemoOrg, scope: string, unit: string): boolean {
  for (let u: string | null = unit; u !== null; u = o.parent.get(u) ?? null)
    if (u === scope) return true;
  return false;
}
