/**
 * The attacker used by attacker.test.ts: it collects every visible count (and, where the value
 * allows, every visible sum) that a sequence of answers showed, per figure family, period and
 * unit, and then tries to pin down a hidden group by subtraction within one period's tree.
 *
 * For a unit U with a visible n (in one family) and any set of visible units strictly below U
 * that do not overlap (siblings, cousins, a parent's visible siblings with their visible
 * children...), U minus that set is a real group of people (hidden children, people attached to
 * U or to units in between). If it holds 0 < n < minimum, the attack succeeded. The achievable
 * "visible cover" sums below U are enumerated exactly by dynamic programming over the tree, so
 * this covers parent minus any subset of its visible children, grandparent minus visible parents
 * and their visible children, and every deeper combination.
 */

export interface Obs {
  n: number;
  /** Sum over the group's people of the figure (e.g. engagement index x n); null when unknown. */
  sum: number | null;
}
/** family -> period -> unit -> what was seen. */
export interface Knowledge {
  facts: Map<string, Map<string, Map<string, Obs>>>;
  /** The same figure shown with two different n: inconsistent answers. */
  conflicts: string[];
}
/** unit -> parent, for one period's tree. */
export type Tree = Map<string, string | null>;

export interface Leak {
  family: string;
  period: string;
  unit: string;
  minus: string[];
  remainder: number;
  /** The mean of the remainder group when the family carries sums. */
  revealedMean: number | null;
  explain: string;
}

export const emptyKnowledge = (): Knowledge => ({ facts: new Map(), conflicts: [] });

export function see(
  k: Knowledge,
  family: string,
  period: string,
  unit: string,
  n: number,
  sum: number | null,
): void {
  let byPeriod = k.facts.get(family);
  if (!byPeriod) k.facts.set(family, (byPeriod = new Map()));
  let byUnit = byPeriod.get(period);
  if (!byUnit) byPeriod.set(period, (byUnit = new Map()));
  const old = byUnit.get(unit);
  if (old && old.n !== n) {
    k.conflicts.push(`${family} ${period} ${unit}: n ${old.n} and ${n}`);
  }
  if (!old || (old.sum === null && sum !== null)) byUnit.set(unit, { n, sum });
}

const EMPLOYEE_METRICS = new Set([
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
  'response_rate',
]);

interface Mv {
  metric: string;
  value: number | null;
  n: number | null;
  status: string;
  reason: string | null;
}

/** HR figures and the sum each gives with its n (the headcount): leavers, absence days, events. */
export const HR_METRICS: Record<string, (value: number, n: number) => number> = {
  attrition: (value, n) => (value * n) / 100,
  absence_days_per_head: (value, n) => value * n,
  recognition_per_head: (value, n) => value * n,
};

function seeMetric(k: Knowledge, period: string, unit: string, v: Mv): void {
  if (v.status !== 'ok' || v.n === null) return;
  const hr = HR_METRICS[v.metric];
  if (hr) {
    see(k, v.metric, period, unit, v.n, v.value === null ? null : hr(v.value, v.n));
    return;
  }
  if (!EMPLOYEE_METRICS.has(v.metric)) return;
  switch (v.metric) {
    case 'respondents':
    case 'response_rate':
      see(k, 'respondents', period, unit, v.n, null);
      break;
    case 'engagement_index':
      see(k, 'engagement_index', period, unit, v.n, v.value === null ? null : v.value * v.n);
      break;
    case 'enps':
      // promoters minus detractors
      see(k, 'enps', period, unit, v.n, v.value === null ? null : (v.value * v.n) / 100);
      break;
    default:
      see(k, v.metric, period, unit, v.n, null);
  }
}

interface HeatRow {
  unitId: string;
  n: number | null;
  status: string;
  reason: string | null;
  cells: {
    value: string;
    pctFavourable: number | null;
    delta: number | null;
    n: number | null;
    status: string;
    reason: string | null;
  }[];
  leaderGap:
    | {
        value: string;
        leaders: number | null;
        frontLine: number | null;
        gap: number | null;
        leadersN: number | null;
        frontLineN: number | null;
        status: string;
        reason: string | null;
      }[]
    | null;
}

function heatRows(value: unknown): HeatRow[] {
  const v = value as { rows: HeatRow[]; company: HeatRow; parentRow: HeatRow };
  return [...v.rows, v.company, v.parentRow];
}

/** Families of the drill-down's direct scope (the unit's own people and its direct reports'). */
export const DIRECT = 'direct:';

interface DrillCell {
  pctFavourable: number | null;
  n: number | null;
  status: string;
}
interface Drill {
  unit: { id: string };
  period: string;
  scope: 'rollup' | 'direct';
  breadcrumbs: { id: string }[];
  headline: Mv[];
  trends: { period: string; values: Mv[] }[];
  values: { value: string; unit: DrillCell; parent: DrillCell; company: DrillCell }[];
  items: { strongest: DrillItem[]; weakest: DrillItem[] };
  hr: Mv[];
  children: { id: string; respondents: number | null; engagement: Mv; status: string }[];
  smallTeam: { status: string; raw: number | null; n: number | null };
}
interface DrillItem {
  itemId: string;
  pctFavourable: number;
  n: number;
}

function seeCell(k: Knowledge, family: string, period: string, unit: string, c: DrillCell) {
  if (c.status !== 'ok' || c.n === null) return;
  see(
    k,
    family,
    period,
    unit,
    c.n,
    c.pctFavourable === null ? null : (c.pctFavourable * c.n) / 100,
  );
}

function collectDrilldown(k: Knowledge, v: Drill): void {
  const own = v.scope === 'direct' ? DIRECT : '';
  // A team has no units below it: its direct scope is its roll-up, as the method says.
  const sink = (family: string) => `${own}${family}`;
  const seeOwn = (period: string, m: Mv) => {
    if (!own) return seeMetric(k, period, v.unit.id, m);
    const before = emptyKnowledge();
    seeMetric(before, period, v.unit.id, m);
    for (const [family, byPeriod] of before.facts)
      for (const [p, byUnit] of byPeriod)
        for (const [u, o] of byUnit) see(k, sink(family), p, u, o.n, o.sum);
  };
  for (const m of [...v.headline, ...v.hr]) seeOwn(v.period, m);
  for (const t of v.trends) for (const m of t.values) seeOwn(t.period, m);
  const parent = v.breadcrumbs.length >= 2 ? v.breadcrumbs[v.breadcrumbs.length - 2]!.id : null;
  const company = v.breadcrumbs[0]!.id;
  for (const row of v.values) {
    seeCell(k, sink(`heat:${row.value}`), v.period, v.unit.id, row.unit);
    if (parent) seeCell(k, `heat:${row.value}`, v.period, parent, row.parent);
    seeCell(k, `heat:${row.value}`, v.period, company, row.company);
  }
  for (const item of [...v.items.strongest, ...v.items.weakest]) {
    see(
      k,
      sink(`item:${item.itemId}`),
      v.period,
      v.unit.id,
      item.n,
      (item.pctFavourable * item.n) / 100,
    );
  }
  for (const c of v.children) {
    if (c.status === 'ok' && c.respondents !== null)
      see(k, 'respondents', v.period, c.id, c.respondents, null);
    seeMetric(k, v.period, c.id, c.engagement);
  }
}

interface DriversAnswer {
  status: string;
  unit: { id: string };
  period: string;
  by: 'item' | 'value';
  drivers: { id: string; performance: Mv }[];
}

/** Drivers' performance is % favourable of an item or value in the scope's full roll-up. */
function collectDrivers(k: Knowledge, v: DriversAnswer): void {
  if (v.status !== 'ok') return;
  for (const d of v.drivers) {
    const p = d.performance;
    if (p.status !== 'ok' || p.n === null || p.value === null) continue;
    const family = d.id.startsWith('value:') ? `heat:${d.id}` : `item:${d.id}`;
    see(k, family, v.period, v.unit.id, p.n, (p.value * p.n) / 100);
  }
}

/** Adds everything one answer showed. */
export function collect(k: Knowledge, method: string, _input: unknown, value: unknown): void {
  if (method === 'drivers') {
    collectDrivers(k, value as DriversAnswer);
    return;
  }
  if (method === 'drilldown') {
    collectDrilldown(k, value as Drill);
    return;
  }
  if (method === 'overview') {
    const v = value as {
      period: string;
      unit: { id: string };
      tiles: Mv[];
      trend: { period: string; values: Mv[] }[];
    };
    for (const t of v.tiles) seeMetric(k, v.period, v.unit.id, t);
    for (const t of v.trend) for (const m of t.values) seeMetric(k, t.period, v.unit.id, m);
  } else if (method === 'heatmap') {
    const period = (value as { period: string }).period;
    for (const row of heatRows(value)) {
      if (row.status === 'ok' && row.n !== null)
        see(k, 'respondents', period, row.unitId, row.n, null);
      for (const c of row.cells) {
        if (c.status === 'ok' && c.n !== null) {
          const sum = c.pctFavourable === null ? null : (c.pctFavourable * c.n) / 100;
          see(k, `heat:${c.value}`, period, row.unitId, c.n, sum);
        }
      }
      for (const g of row.leaderGap ?? []) {
        if (g.leadersN !== null) {
          const sum = g.leaders === null ? null : (g.leaders * g.leadersN) / 100;
          see(k, `leaders:${g.value}`, period, row.unitId, g.leadersN, sum);
        }
        if (g.frontLineN !== null) {
          const sum = g.frontLine === null ? null : (g.frontLine * g.frontLineN) / 100;
          see(k, `front_line:${g.value}`, period, row.unitId, g.frontLineN, sum);
        }
      }
    }
  }
}

/** Every object marked suppressed in an answer carries no number. */
function suppressedCarryNoNumbers(where: string, node: unknown, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => suppressedCarryNoNumbers(where, n, out));
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.status === 'suppressed') {
    for (const [key, v] of Object.entries(record)) {
      // The rules' own settings (drivers' floor of 25, the minimum group size) are no figures.
      if (key === 'floor' || key === 'minGroupSize') continue;
      if (typeof v === 'number') out.push(`${where}: suppressed object carries ${key}=${v}`);
    }
    if (!record.reason) out.push(`${where}: suppressed without a reason`);
  }
  Object.values(record).forEach((v) => suppressedCarryNoNumbers(where, v, out));
}

/** What must hold in every single answer, whatever else was asked. */
export function directChecks(method: string, value: unknown, min: number): string[] {
  const out: string[] = [];
  if (method === 'drivers') {
    const v = value as DriversAnswer;
    suppressedCarryNoNumbers(`drivers ${v.unit.id}`, v, out);
    for (const d of v.drivers ?? [])
      if (d.performance.status === 'ok' && (d.performance.n === null || d.performance.n < min))
        out.push(`drivers ${v.unit.id} ${d.id} performance shown with n=${d.performance.n}`);
    return out;
  }
  if (method === 'drilldown') {
    const v = value as Drill;
    const where = `drilldown ${v.unit.id} ${v.scope}`;
    suppressedCarryNoNumbers(where, v, out);
    for (const m of [...v.headline, ...v.hr, ...v.trends.flatMap((t) => t.values)]) {
      const protectedFigure = EMPLOYEE_METRICS.has(m.metric) || m.metric in HR_METRICS;
      if (protectedFigure && m.status === 'ok' && (m.n === null || m.n < min))
        out.push(`${where} ${m.metric} shown with n=${m.n}`);
    }
    for (const row of v.values)
      for (const c of [row.unit, row.parent, row.company])
        if (c.status === 'ok' && (c.n === null || c.n < min))
          out.push(`${where} ${row.value} shown with n=${c.n}`);
    for (const item of [...v.items.strongest, ...v.items.weakest])
      if (item.n < min) out.push(`${where} item ${item.itemId} shown with n=${item.n}`);
    for (const c of v.children)
      if (c.status === 'ok' && (c.respondents === null || c.respondents < min))
        out.push(`${where} child ${c.id} shown with n=${c.respondents}`);
    if (v.smallTeam.status === 'ok' && (v.smallTeam.n === null || v.smallTeam.n < min))
      out.push(`${where} small-team view with n=${v.smallTeam.n}`);
    return out;
  }
  const checkMv = (where: string, v: Mv) => {
    if (!EMPLOYEE_METRICS.has(v.metric) && !(v.metric in HR_METRICS)) return;
    if (v.status === 'ok') {
      if (v.n === null || v.n < min) out.push(`${where} ${v.metric} shown with n=${v.n}`);
      if (v.value === null) out.push(`${where} ${v.metric} ok but null`);
    } else {
      if (v.value !== null || v.n !== null) {
        out.push(`${where} ${v.metric} ${v.status} but value=${v.value} n=${v.n}`);
      }
      if (!v.reason) out.push(`${where} ${v.metric} ${v.status} without a reason`);
    }
  };
  if (method === 'overview') {
    const v = value as {
      tiles: Mv[];
      trend: { period: string; values: Mv[] }[];
      unit: { id: string };
    };
    v.tiles.forEach((t) => checkMv(`${v.unit.id} tile`, t));
    for (const t of v.trend) {
      t.values.forEach((m) => checkMv(`${v.unit.id} ${t.period}`, m));
      const resp = t.values.find((m) => m.metric === 'respondents');
      for (const m of t.values.filter((x) => !(x.metric in HR_METRICS))) {
        if (EMPLOYEE_METRICS.has(m.metric) && m.status === 'ok' && resp?.status !== 'ok') {
          out.push(
            `${v.unit.id} ${t.period} ${m.metric} shown while respondents is ${resp?.status}`,
          );
        }
      }
    }
  } else if (method === 'heatmap') {
    const v = value as {
      mode: string;
      rows: HeatRow[];
      company: HeatRow;
      parentRow: HeatRow;
    };
    for (const row of heatRows(value)) {
      const where = `heatmap ${row.unitId}`;
      if (row.status === 'ok' && (row.n === null || row.n < min)) {
        out.push(`${where} row shown with n=${row.n}`);
      }
      if (row.status !== 'ok' && row.n !== null) out.push(`${where} row ${row.status} with n`);
      if (row.status === 'suppressed' && !row.reason)
        out.push(`${where} row suppressed, no reason`);
      for (const c of row.cells) {
        if (c.status === 'ok') {
          if (c.n === null || c.n < min) out.push(`${where} ${c.value} shown with n=${c.n}`);
          if (row.status !== 'ok') out.push(`${where} ${c.value} shown in a ${row.status} row`);
        } else {
          if (c.pctFavourable !== null || c.n !== null || c.delta !== null) {
            out.push(`${where} ${c.value} ${c.status} but carries a number`);
          }
          if (!c.reason) out.push(`${where} ${c.value} ${c.status} without a reason`);
        }
        // A delta must not reveal a hidden reference.
        const ref =
          v.mode === 'vs_parent' ? v.parentRow : v.mode === 'vs_company' ? v.company : null;
        if (ref && c.delta !== null) {
          const refCell = ref.cells.find((x) => x.value === c.value);
          if (refCell?.status !== 'ok') {
            out.push(
              `${where} ${c.value} delta shown against a ${refCell?.status} ${v.mode} reference`,
            );
          }
        }
      }
      for (const g of row.leaderGap ?? []) {
        if (g.leadersN !== null && g.leadersN < min) out.push(`${where} leaders n=${g.leadersN}`);
        if (g.frontLineN !== null && g.frontLineN < min) {
          out.push(`${where} front line n=${g.frontLineN}`);
        }
        if (g.leaders !== null && g.leadersN === null) out.push(`${where} leaders value without n`);
        if (g.frontLine !== null && g.frontLineN === null) {
          out.push(`${where} front line value without n`);
        }
        if (g.gap !== null && (g.leaders === null || g.frontLine === null)) {
          out.push(`${where} gap shown with a hidden side`);
        }
        if (g.status !== 'ok' && !g.reason) out.push(`${where} gap ${g.status} without a reason`);
      }
    }
  }
  return out;
}

interface Cover {
  /** Sums of disjoint visible groups, with one witness each (unit ids). */
  sums: Map<number, string[]>;
}

function combine(a: Map<number, string[]>, b: Map<number, string[]>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [sa, wa] of a) {
    for (const [sb, wb] of b) {
      const s = sa + sb;
      if (!out.has(s)) out.set(s, [...wa, ...wb]);
    }
  }
  return out;
}

/** Each unit's children in one period's tree. */
export function childrenOf(tree: Tree): Map<string, string[]> {
  const kids = new Map<string, string[]>();
  for (const [u, p] of tree) {
    if (p === null) continue;
    const list = kids.get(p) ?? [];
    list.push(u);
    kids.set(p, list);
  }
  return kids;
}

/** Tries every subtraction within one period; returns what it pinned down. */
export function attack(
  k: Knowledge,
  trees: Map<string, Tree>,
  min: number,
): { leaks: Leak[]; tried: number; maxRemainder: number } {
  const leaks: Leak[] = [];
  let tried = 0;
  let maxRemainder = 0;
  for (const [family, byPeriod] of k.facts) {
    // Direct-scope groups are not tree nodes: directScopeLeaks attacks them.
    if (family.startsWith(DIRECT)) continue;
    for (const [period, visible] of byPeriod) {
      const tree = trees.get(period);
      if (!tree) continue;
      const kids = childrenOf(tree);
      // Only subtrees holding something visible matter.
      const interesting = new Set<string>();
      for (const u of visible.keys()) {
        for (let x: string | null | undefined = u; x; x = tree.get(x)) interesting.add(x);
      }
      const memoBelow = new Map<string, Cover>();
      const below = (u: string): Cover => {
        const hit = memoBelow.get(u);
        if (hit) return hit;
        let acc = new Map<number, string[]>([[0, []]]);
        for (const c of kids.get(u) ?? []) {
          if (!interesting.has(c)) continue;
          const mine = new Map(below(c).sums);
          const seen = visible.get(c);
          if (seen && !mine.has(seen.n)) mine.set(seen.n, [c]);
          acc = combine(acc, mine);
        }
        const cover = { sums: acc };
        memoBelow.set(u, cover);
        return cover;
      };
      for (const [u, whole] of visible) {
        if (!tree.has(u)) continue;
        if (whole.n > 0 && whole.n < min) {
          leaks.push({
            family,
            period,
            unit: u,
            minus: [],
            remainder: whole.n,
            revealedMean: whole.sum === null ? null : whole.sum / whole.n,
            explain: `${family} ${period}: ${u} shown with n=${whole.n}`,
          });
        }
        for (const [s, witness] of below(u).sums) {
          if (witness.length === 0) continue;
          const rem = whole.n - s;
          tried++;
          maxRemainder = Math.max(maxRemainder, rem);
          if (rem > 0 && rem < min) {
            const sums = witness.map((w) => visible.get(w)!.sum);
            const known = whole.sum !== null && sums.every((x) => x !== null);
            const remSum = known ? whole.sum! - sums.reduce((a, b) => a! + b!, 0)! : null;
            leaks.push({
              family,
              period,
              unit: u,
              minus: witness,
              remainder: rem,
              revealedMean: remSum === null ? null : remSum / rem,
              explain: `${family} ${period}: ${u} (n=${whole.n}) minus ${witness
                .map((w) => `${w} (n=${visible.get(w)!.n})`)
                .join(' + ')} leaves ${rem} people${
                remSum === null ? '' : `, mean ${(remSum / rem).toFixed(2)}`
              }`,
            });
          }
        }
      }
    }
  }
  return { leaks, tried, maxRemainder };
}

/**
 * Attacks the drill-down's direct scope: D(U), the people attached to U and to its direct
 * reports. Against what the tree shows: R(U) - D(U) is the people below the direct reports, and
 * D(U) minus the roll-ups of any set of U's visible children that have no units below them is
 * a real group too (those children's roll-up is their own people). Either must be 0 or at least
 * the minimum. Per family ('respondents', each figure, each value and item).
 */
export function directScopeLeaks(k: Knowledge, trees: Map<string, Tree>, min: number): Leak[] {
  const leaks: Leak[] = [];
  for (const [family, byPeriod] of k.facts) {
    if (!family.startsWith(DIRECT)) continue;
    const treeFamily = family.slice(DIRECT.length);
    for (const [period, direct] of byPeriod) {
      const tree = trees.get(period);
      if (!tree) continue;
      const shown = k.facts.get(treeFamily)?.get(period) ?? new Map<string, Obs>();
      const kids = (u: string) => [...tree].filter(([, p]) => p === u).map(([c]) => c);
      for (const [u, d] of direct) {
        const report = (minus: string[], rem: number, what: string) => {
          if (rem > 0 && rem < min)
            leaks.push({
              family,
              period,
              unit: u,
              minus,
              remainder: rem,
              revealedMean: null,
              explain: `${family} ${period}: ${what} leaves ${rem} people`,
            });
        };
        if (d.n > 0 && d.n < min) report([], d.n, `${u}'s direct scope shown with n=${d.n}`);
        const whole = shown.get(u);
        if (whole)
          report(
            [`direct(${u})`],
            whole.n - d.n,
            `${u} (n=${whole.n}) minus its direct scope (n=${d.n})`,
          );
        const leafKids = kids(u).filter((c) => kids(c).length === 0 && shown.has(c));
        for (let mask = 1; mask < 1 << leafKids.length; mask++) {
          const set = leafKids.filter((_, i) => mask & (1 << i));
          const sum = set.reduce((a, c) => a + shown.get(c)!.n, 0);
          report(set, d.n - sum, `${u}'s direct scope (n=${d.n}) minus ${set.join(' + ')}`);
        }
      }
    }
  }
  return leaks;
}

export interface Person {
  e1: number | null;
  v1: number | null;
  enps: number | null;
}

/**
 * The control: a naive rule over the same raw data that only applies the minimum group size
 * (no next-smallest rule), showing respondents and engagement for every unit and period.
 */
export function naiveKnowledge(
  people: (Person & { period: string; unit: string })[],
  trees: Map<string, Tree>,
  min: number,
): Knowledge {
  const k = emptyKnowledge();
  for (const [period, tree] of trees) {
    const ancestorsOf = (u: string): string[] => {
      const out: string[] = [];
      for (let x: string | null | undefined = u; x; x = tree.get(x)) out.push(x);
      return out;
    };
    const roll = new Map<string, { n: number; en: number; esum: number }>();
    for (const u of tree.keys()) roll.set(u, { n: 0, en: 0, esum: 0 });
    for (const p of people) {
      if (p.period !== period) continue;
      for (const a of ancestorsOf(p.unit)) {
        const r = roll.get(a)!;
        r.n++;
        if (p.e1 !== null) {
          r.en++;
          r.esum += ((p.e1 - 1) / 4) * 100;
        }
      }
    }
    for (const [u, r] of roll) {
      if (r.n < min) continue;
      see(k, 'respondents', period, u, r.n, null);
      if (r.en >= min) see(k, 'engagement_index', period, u, r.en, r.esum);
    }
  }
  return k;
}
