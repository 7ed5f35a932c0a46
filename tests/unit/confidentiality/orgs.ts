import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { importFile } from '../../../src/main/engine/import/importFile';
import type { CanonicalKind } from '../../../src/main/engine/import/canonicalFormats';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { csv } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';
import type { Truth } from './reasoning';
import { HR_METRICS, collect, directChecks, emptyKnowledge, type Tree } from './attacker';

/*
 * The attacker's organisations (attacker.test.ts says what they hold and why): a generator of
 * small random organisations with survey answers (some teams answering alike, some questions
 * skipped), HR records and recognition, written as canonical CSVs; the ground truth leaks are
 * judged against; the requests an attacker may send; and a loader for hand-made organisations.
 */

const PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3'] as const;
const PERIOD_START = ['2025-01-01', '2025-04-01', '2025-07-01'];
const SUBMITTED = ['2025-02-10', '2025-05-12', '2025-08-12'];

export interface GenPerson {
  leader: boolean;
  e1: number | null;
  v1: number | null;
  enps: number | null;
}
export interface GenHr {
  /** HR headcount beyond the team's respondents (people who did not answer, or HR-only teams). */
  extra: number;
  leavers: number;
  /** Half days. */
  absenceHalfDays: number;
  recognitionEvents: number;
}
export interface GenTeam {
  /** People per period (index = period). */
  byPeriod: GenPerson[][];
  /** HR records per period (index = period); none when absent. */
  hr?: GenHr[];
}
interface GenArea {
  /** People attached to the area itself (a manager and a few staff), per period. */
  attached: GenPerson[][];
  teams: GenTeam[];
}
interface GenRegion {
  /** People attached directly to the region, per period. */
  attached: GenPerson[][];
  /** Areas, or null: teams hang off the region itself. */
  areas: GenArea[] | null;
  teams: GenTeam[];
  /** With areas: whether the region also has teams of its own beside them. */
  mixed: boolean;
}
export interface GenOrg {
  periods: number;
  regions: GenRegion[];
  /** Move one team (by index among all teams) to another team-holding parent from a period on. */
  reorg: { fromPeriod: number; team: number; to: number } | null;
}

const person: fc.Arbitrary<GenPerson> = fc
  .record({
    leader: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
    e1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 6 }),
    v1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 6 }),
    enps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 6 }),
  })
  .map((p) => (p.e1 === null && p.v1 === null && p.enps === null ? { ...p, e1: 3 } : p));
const people = (max: number) => fc.array(person, { maxLength: max });
/**
 * A team whose people all gave the same answer to each question they answered (some skip
 * questions): with the count rules alone, a remainder made of such teams tells each one's figure.
 */
const ALIKE_ANSWERS: Omit<GenPerson, 'leader'>[] = [
  { e1: 5, v1: 5, enps: 10 },
  { e1: 1, v1: 1, enps: 0 },
  { e1: 4, v1: 2, enps: 9 },
];
const alikePeople = (max: number) =>
  fc.tuple(fc.constantFrom(...ALIKE_ANSWERS), people(max)).map(([a, list]) =>
    list.map((p) => ({
      leader: p.leader,
      e1: p.e1 === null ? null : a.e1,
      v1: p.v1 === null ? null : a.v1,
      enps: p.enps === null ? null : a.enps,
    })),
  );
/** HR records: usually nobody left and little absence, as in a real quarter. */
const hrRecord: fc.Arbitrary<GenHr> = fc.record({
  extra: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })),
  leavers: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 2 })),
  absenceHalfDays: fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    fc.integer({ min: 1, max: 40 }),
  ),
  recognitionEvents: fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    fc.integer({ min: 1, max: 3 }),
  ),
});
const team: fc.Arbitrary<GenTeam> = fc.record({
  byPeriod: fc.oneof(
    { weight: 2, arbitrary: fc.tuple(people(12), people(12), people(12)).map((t) => [...t]) },
    {
      weight: 1,
      arbitrary: fc.tuple(alikePeople(8), alikePeople(8), alikePeople(8)).map((t) => [...t]),
    },
  ),
  hr: fc.tuple(hrRecord, hrRecord, hrRecord).map((t) => [...t]),
});
const teams = fc.array(team, { minLength: 2, maxLength: 5 });
const attachedPeople = fc.oneof(
  { weight: 2, arbitrary: fc.constant([[], [], []] as GenPerson[][]) },
  { weight: 1, arbitrary: fc.tuple(people(3), people(3), people(3)).map((t) => [...t]) },
);
const area: fc.Arbitrary<GenArea> = fc.record({ attached: attachedPeople, teams });
const region: fc.Arbitrary<GenRegion> = fc.record({
  attached: attachedPeople,
  areas: fc.option(fc.array(area, { minLength: 1, maxLength: 2 }), { nil: null }),
  teams,
  mixed: fc.boolean(),
});
export const orgArb: fc.Arbitrary<GenOrg> = fc.record({
  periods: fc.integer({ min: 1, max: 3 }),
  regions: fc.array(region, { minLength: 1, maxLength: 3 }),
  reorg: fc.option(
    fc.record({
      fromPeriod: fc.integer({ min: 1, max: 2 }),
      team: fc.nat(),
      to: fc.nat(),
    }),
    { nil: null, freq: 2 },
  ),
});

export interface Built {
  snapshots: { effectiveFrom: string; rows: string[][] }[];
  /** People per period, with the unit they are attached to. */
  respondents: { period: string; unit: string; p: GenPerson; id: string }[];
  teamIds: string[];
  /** HR records per team and period (key `${team}|${period}`). */
  hr: Map<string, GenHr>;
  describe: string;
}

/** Turns a generated organisation into canonical rows. */
export function build(org: GenOrg): Built {
  const base: string[][] = [['C', 'Company', '', 'company', 'company', 'Ann']];
  const teamParent = new Map<string, string>();
  const holders: string[] = [];
  const respondents: Built['respondents'] = [];
  const add = (unit: string, byPeriod: GenPerson[][]) =>
    byPeriod
      .slice(0, org.periods)
      .forEach((list, pi) =>
        list.forEach((p, i) =>
          respondents.push({ period: PERIODS[pi]!, unit, p, id: `${PERIODS[pi]}-${unit}-${i}` }),
        ),
      );
  const hr = new Map<string, GenHr>();
  const addTeams = (parent: string, ts: GenTeam[]) => {
    holders.push(parent);
    ts.forEach((t, k) => {
      const id = `${parent}T${k}`;
      teamParent.set(id, parent);
      add(id, t.byPeriod);
      (t.hr ?? []).slice(0, org.periods).forEach((h, pi) => hr.set(`${id}|${PERIODS[pi]}`, h));
    });
  };
  org.regions.forEach((r, i) => {
    const rid = `R${i}`;
    base.push([rid, `Region ${i}`, 'C', 'region', 'region', '']);
    add(rid, r.attached);
    if (r.areas) {
      r.areas.forEach((a, j) => {
        const aid = `${rid}A${j}`;
        base.push([aid, `Area ${i}.${j}`, rid, 'area', 'area', '']);
        add(aid, a.attached);
        addTeams(aid, a.teams);
      });
      if (r.mixed) addTeams(rid, r.teams);
    } else addTeams(rid, r.teams);
  });
  const teamIds = [...teamParent.keys()];
  const rowsWith = (parents: Map<string, string>) => [
    ...base,
    ...teamIds.map((t) => [t, `Team ${t}`, parents.get(t)!, 'team', 'team', '']),
  ];
  const snapshots = [{ effectiveFrom: PERIOD_START[0]!, rows: rowsWith(teamParent) }];
  let describe = `${org.periods} period(s), regions: ${org.regions
    .map((r) =>
      r.areas
        ? `${r.areas.length} areas${r.mixed ? ` + ${r.teams.length} teams` : ''}`
        : `${r.teams.length} teams`,
    )
    .join(' | ')}`;
  if (org.reorg && holders.length > 1 && org.reorg.fromPeriod < org.periods) {
    const t = teamIds[org.reorg.team % teamIds.length]!;
    const others = holders.filter((h) => h !== teamParent.get(t));
    const to = others[org.reorg.to % others.length]!;
    const moved = new Map(teamParent);
    moved.set(t, to);
    snapshots.push({ effectiveFrom: PERIOD_START[org.reorg.fromPeriod]!, rows: rowsWith(moved) });
    describe += `; reorg: ${t} ${teamParent.get(t)} -> ${to} from ${PERIODS[org.reorg.fromPeriod]}`;
  }
  return { snapshots, respondents, teamIds, hr, describe };
}

export function writeCsvs(
  dir: string,
  b: Built,
  periods: number,
): { kind: CanonicalKind; path: string }[] {
  mkdirSync(dir, { recursive: true });
  const files: { kind: CanonicalKind; path: string }[] = [];
  const write = (kind: CanonicalKind, name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    files.push({ kind, path });
  };
  b.snapshots.forEach((s, i) =>
    write(
      'org_units',
      `org_units_${i}.csv`,
      csv(
        [
          'unit_id',
          'unit_name',
          'parent_id',
          'level',
          'unit_type',
          'leader_name',
          'effective_from',
        ],
        s.rows.map((r) => [...r, s.effectiveFrom]),
      ),
    ),
  );
  write(
    'survey_items',
    'survey_items.csv',
    csv(
      ['item_id', 'item_text', 'factor', 'scale_min', 'scale_max', 'reverse_coded'],
      [
        ['E1', 'I am proud to work here', 'engagement', 1, 5, false],
        ['V1', 'People here act with integrity', 'value:Integrity', 1, 5, false],
        ['ENPS', 'How likely are you to recommend us?', 'enps', 0, 10, false],
      ],
    ),
  );
  for (let pi = 0; pi < periods; pi++) {
    const period = PERIODS[pi]!;
    const rows = b.respondents.filter((r) => r.period === period);
    if (rows.length === 0) continue;
    write(
      'survey_responses',
      `survey_${period}.csv`,
      csv(
        [
          'respondent_id',
          'period',
          'unit_id',
          'submitted_at',
          'tenure_band',
          'role',
          'E1',
          'V1',
          'ENPS',
        ],
        rows.map((r) => [
          r.id,
          period,
          r.unit,
          SUBMITTED[pi],
          '1-3y',
          r.p.leader ? 'leader' : 'front_line',
          r.p.e1,
          r.p.v1,
          r.p.enps,
        ]),
      ),
    );
  }
  const hr: unknown[][] = [];
  const events: unknown[][] = [];
  for (let pi = 0; pi < periods; pi++) {
    for (const t of b.teamIds) {
      const h = b.hr.get(`${t}|${PERIODS[pi]}`)!;
      const heads = hrHeadcount(b, t, PERIODS[pi]!);
      if (heads === 0) continue;
      hr.push([t, PERIODS[pi], heads, Math.min(h.leavers, heads), h.absenceHalfDays / 2]);
      for (let e = 0; e < h.recognitionEvents; e++)
        events.push([`${t}-${PERIODS[pi]}-${e}`, t, SUBMITTED[pi], 'Peer award']);
    }
  }
  if (hr.length > 0)
    write(
      'hr_metrics',
      'hr_metrics.csv',
      csv(['unit_id', 'period', 'headcount', 'leavers', 'absence_days'], hr),
    );
  if (events.length > 0)
    write(
      'recognition',
      'recognition.csv',
      csv(['event_id', 'unit_id', 'recognised_at', 'programme'], events),
    );
  return files;
}

/** A team's HR headcount: its respondents and the people HR counts beyond them. */
export function hrHeadcount(b: Built, team: string, period: string): number {
  const h = b.hr.get(`${team}|${period}`);
  if (!h) return 0;
  return b.respondents.filter((r) => r.period === period && r.unit === team).length + h.extra;
}

/** Who stands behind each family's figure: the ground truth leaks are judged against. */
export function truthOf(b: Built, trees: Map<string, Tree>): Truth {
  const answered = (family: string): ((p: GenPerson) => boolean) => {
    if (family === 'respondents') return () => true;
    if (family === 'engagement_index' || family === 'item:E1') return (p) => p.e1 !== null;
    if (family === 'pct_favourable') return (p) => p.e1 !== null || p.v1 !== null;
    if (family === 'enps') return (p) => p.enps !== null;
    if (family === 'heat:value:Integrity' || family === 'item:V1') return (p) => p.v1 !== null;
    if (family === 'leaders:value:Integrity') return (p) => p.v1 !== null && p.leader;
    if (family === 'front_line:value:Integrity') return (p) => p.v1 !== null && !p.leader;
    throw new Error(`no ground truth for ${family}`);
  };
  const memo = new Map<string, { rollup: number; own: number }>();
  return (family, period, unit) => {
    const key = `${family}|${period}|${unit}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const tree = trees.get(period)!;
    const inside = (u: string) => {
      for (let x: string | null | undefined = u; x; x = tree.get(x)) if (x === unit) return true;
      return false;
    };
    let result: { rollup: number; own: number };
    if (family in HR_METRICS) {
      const heads = (u: string) => (b.teamIds.includes(u) ? hrHeadcount(b, u, period) : 0);
      result = {
        rollup: [...tree.keys()].filter(inside).reduce((s, u) => s + heads(u), 0),
        own: heads(unit),
      };
    } else {
      const test = answered(family);
      const mine = b.respondents.filter((r) => r.period === period && test(r.p));
      result = {
        rollup: mine.filter((r) => tree.has(r.unit) && inside(r.unit)).length,
        own: mine.filter((r) => r.unit === unit).length,
      };
    }
    memo.set(key, result);
    return result;
  };
}

export type Request = { method: string; input: Record<string, unknown> };
export const requestArb = fc.record({
  kind: fc.constantFrom(
    'overview',
    'overview',
    'overview',
    'heatmap',
    'heatmap',
    'drilldown',
    'drilldown',
    'drivers',
    'hierarchy',
  ),
  by: fc.constantFrom('item', 'value'),
  // Drivers' performance (% favourable of each item or value) is the same for every outcome.
  outcome: fc.constant('enps'),
  scope: fc.constantFrom('rollup', 'direct'),
  unit: fc.nat(),
  period: fc.nat(),
  // n is the same in every mode; vs_previous deltas are not checked here, so not asked.
  mode: fc.constantFrom('absolute', 'vs_company', 'vs_parent'),
});
export type RequestPick = {
  kind: string;
  unit: number;
  period: number;
  mode: string;
  scope: string;
  by: string;
  outcome: string;
};
export const sequenceArb = fc.array(requestArb, { minLength: 1, maxLength: 6 });

/** Methods added by others: included automatically once dispatch answers them. */
export const OPTIONAL_METHODS = ['heatmap', 'drilldown', 'drivers'] as const;

/** Figures hidden by the unanimous-remainder rule in a workspace (survey and HR). */
export async function alikeDecisions(
  ws: Awaited<ReturnType<typeof openWorkspace>>,
): Promise<number> {
  const reader = await ws.conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM suppressed_figures
     WHERE reason LIKE '%same answer%' OR reason LIKE '%known exactly%'`,
  );
  return Number(reader.getRowObjects()[0]!.n);
}

/**
 * A hand-made one-period organisation loaded through the real import path; `ask` sends a request
 * through dispatch, checks its answer and adds what it showed to `k`.
 */
export async function handMade(org: GenOrg, prefix: string) {
  const built = build(org);
  const temp = makeTempDir(prefix);
  const ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
  for (const f of writeCsvs(join(temp.path, 'in'), built, 1)) {
    await importFile(ws, f.path, { kind: f.kind });
  }
  const ctx: EngineContext = {
    ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  const h = await dispatch('hierarchy', {}, ctx);
  expect(h.ok).toBe(true);
  const hv = (
    h as { ok: true; value: { period: string; units: { id: string; parentId: string | null }[] } }
  ).value;
  const k = emptyKnowledge();
  const trees = new Map([[hv.period, new Map(hv.units.map((u) => [u.id, u.parentId]))]]);
  return {
    period: hv.period,
    trees,
    truth: truthOf(built, trees),
    k,
    minSize: await ws.minGroupSize(),
    async ask(method: string, input: Record<string, unknown>) {
      const res = await dispatch(method, input, ctx);
      expect(res.ok).toBe(true);
      if (res.ok) {
        expect(directChecks(method, res.value, 5)).toEqual([]);
        collect(k, method, input, res.value);
      }
      return res;
    },
    close() {
      ws.close();
      temp.remove();
    },
  };
}
