import type { HeatmapOutput } from '../../../src/shared/analytics/heatmap';
import { RowSpace } from './rowSpace';

/*
 * The attacker of demographic heatmap rows (demographicAttacker.test.ts). It collects every
 * figure the heatmap showed (org rows, and each demographic group within each scope), as sets of
 * "atoms" (the people attached to one unit who belong to one group of the dimension), and tries:
 * - differencing: for every pair of shown figures over nested populations, the difference is a
 *   group of people; between 1 and min-1 of them is a leak (complementary populations, such as
 *   a scope's total minus its shown groups, are covered by the next attack);
 * - every shown figure of a dimension solved together as a linear system over the atoms: a small
 *   natural group (a unit's roll-up in one group, the people attached to a unit in one group, or
 *   a hidden unit) whose vector lies in the span is a leak;
 * - extreme values: a difference (pair, scope total minus its shown groups, a group's roll-up
 *   minus the shown roll-ups of the same group below it) whose people all answered alike (0 or
 *   100% favourable) and that holds a hidden group under the minimum is a leak.
 * Leaks are judged against the ground truth (who is in which atom), which the attacker does not need.
 */

export const ALL = '*';

/** One person of the generated organisation. */
export interface DemoPerson {
  unit: string;
  role: string | null;
  tenure: string | null;
  /** A dimension kept from the survey's mapping (respondent_attributes), when the org has one. */
  shift?: string | null;
  /** The value item's answer (1-5), or null when skipped. */
  v1: number | null;
}

export type Family = 'respondents' | 'value';

export interface Seen {
  family: Family;
  /** 'org' for an org unit's figure, else the dimension. */
  dim: string;
  unit: string;
  group: string;
  n: number;
  /** Favourable answers (value family; one item, so answers = n). */
  fav: number | null;
}

export interface Leak {
  how: string;
  n: number;
}

export const NOT_STATED = 'Not stated';
export const groupOf = (p: DemoPerson, dim: string) =>
  (dim === 'role' ? p.role : dim === 'tenure_band' ? p.tenure : (p.shift ?? null)) ?? NOT_STATED;

/** Every shown figure of a heatmap answer, keyed so repeats agree. */
export function collectHeatmap(out: HeatmapOutput, seen: Map<string, Seen>, conflicts: string[]) {
  const rows =
    out.groupBy === 'org'
      ? [...out.rows, { ...out.company }, { ...out.parentRow }]
      : [{ ...out.company }, { ...out.parentRow }];
  const put = (s: Seen) => {
    const key = `${s.family}|${s.dim}|${s.unit}|${s.group}`;
    const old = seen.get(key);
    if (old && old.n !== s.n) conflicts.push(`${key}: n ${old.n} and ${s.n}`);
    seen.set(key, s);
  };
  const take = (dim: string, unit: string, group: string, row: HeatmapOutput['rows'][number]) => {
    if (row.status === 'ok' && row.n !== null)
      put({ family: 'respondents', dim, unit, group, n: row.n, fav: null });
    for (const c of row.cells) {
      if (c.status !== 'ok' || c.n === null || c.pctFavourable === null) continue;
      put({
        family: 'value',
        dim,
        unit,
        group,
        n: c.n,
        fav: Math.round((c.pctFavourable * c.n) / 100),
      });
    }
  };
  for (const r of rows) take('org', r.unitId, ALL, r as HeatmapOutput['rows'][number]);
  if (out.groupBy !== 'org')
    for (const r of out.rows) take(out.groupBy, out.parent.id, r.unitId, r);
}

/**
 * All three attacks on one dimension and family. `parent` is the tree (unit -> parent), `people`
 * the ground truth; `seen` what the heatmap showed.
 */
export function attackDimension(
  dim: string,
  family: Family,
  parent: Map<string, string | null>,
  people: DemoPerson[],
  seen: Seen[],
  min: number,
): { leaks: Leak[]; pairs: number; alike: number } {
  const units = [...parent.keys()];
  const kids = new Map<string, string[]>();
  for (const [u, p] of parent) if (p !== null) kids.set(p, [...(kids.get(p) ?? []), u]);
  const subtree = (u: string): Set<string> => {
    const out = new Set<string>();
    const stack = [u];
    while (stack.length > 0) {
      const x = stack.pop()!;
      out.add(x);
      stack.push(...(kids.get(x) ?? []));
    }
    return out;
  };
  const counted = people.filter((p) => family === 'respondents' || p.v1 !== null);
  const groups = [...new Set(counted.map((p) => groupOf(p, dim)))].sort();
  const atomIndex = new Map<string, number>();
  for (const u of units) for (const g of groups) atomIndex.set(`${u}|${g}`, atomIndex.size);
  const size = atomIndex.size;
  const truthN = new Array<number>(size).fill(0);
  const truthFav = new Array<number>(size).fill(0);
  for (const p of counted) {
    const i = atomIndex.get(`${p.unit}|${groupOf(p, dim)}`);
    if (i === undefined) continue;
    truthN[i]! += 1;
    if ((p.v1 ?? 0) >= 4) truthFav[i]! += 1;
  }
  const vectorOf = (unit: string, group: string): number[] => {
    const v = new Array<number>(size).fill(0);
    for (const u of subtree(unit))
      for (const g of groups) if (group === ALL || g === group) v[atomIndex.get(`${u}|${g}`)!] = 1;
    return v;
  };
  const dot = (v: number[], w: number[]) => v.reduce((s, x, i) => s + x * w[i]!, 0);
  const small = (n: number) => n > 0 && n < min;
  const alike = (n: number, fav: number) => n > 0 && (fav === 0 || fav === n);

  const figures = seen
    .filter((s) => s.family === family && (s.dim === 'org' || s.dim === dim) && parent.has(s.unit))
    .map((s) => ({ ...s, v: vectorOf(s.unit, s.group) }));
  const leaks: Leak[] = [];
  const name = (f: { unit: string; group: string }) =>
    f.group === ALL ? f.unit : `${f.unit}[${f.group}]`;

  // Natural groups that must stay unknown when small: hidden roll-ups per group, and atoms.
  const shownKey = new Set(figures.map((f) => `${f.unit}|${f.group}`));
  const natural: { what: string; v: number[] }[] = [];
  for (const u of units) {
    for (const g of [ALL, ...groups]) {
      if (shownKey.has(`${u}|${g}`)) continue;
      natural.push({ what: `${u}[${g}] roll-up`, v: vectorOf(u, g) });
    }
    for (const g of groups) {
      const v = new Array<number>(size).fill(0);
      v[atomIndex.get(`${u}|${g}`)!] = 1;
      natural.push({ what: `people attached to ${u} in ${g}`, v });
    }
  }
  const hiddenSmallInside = (rem: number[]) =>
    natural.filter((t) => small(dot(t.v, truthN)) && t.v.every((x, i) => x <= rem[i]!));

  // 1. Pairs over nested populations (and extreme values of the difference).
  let pairs = 0;
  let alikeTried = 0;
  for (const a of figures) {
    if (a.n < min) leaks.push({ how: `${name(a)} shown with n=${a.n}`, n: a.n });
    for (const b of figures) {
      if (a === b || !b.v.every((x, i) => x <= a.v[i]!)) continue;
      pairs++;
      const rem = a.v.map((x, i) => x - b.v[i]!);
      const n = a.n - b.n;
      if (small(n)) leaks.push({ how: `${name(a)} minus ${name(b)} leaves ${n}`, n });
      // Extreme values of two org figures are the org rules' (attacker.test.ts): here, pairs
      // with a demographic figure in them.
      const demographic = a.group !== ALL || b.group !== ALL;
      if (
        demographic &&
        family === 'value' &&
        a.fav !== null &&
        b.fav !== null &&
        n > 0 &&
        !alike(a.n, a.fav)
      ) {
        alikeTried++;
        if (alike(n, a.fav - b.fav)) {
          const inside = hiddenSmallInside(rem);
          if (inside.length > 0)
            leaks.push({
              how: `${name(a)} minus ${name(b)} leaves ${n} who all answered alike, holding ${inside[0]!.what}`,
              n,
            });
        }
      }
    }
  }

  // 2. Extreme values of a scope minus its shown groups, and of a group minus its shown roll-ups below.
  if (family === 'value') {
    const byKey = new Map(figures.map((f) => [`${f.unit}|${f.group}`, f]));
    for (const whole of figures) {
      if (whole.fav === null) continue;
      let parts: typeof figures = [];
      if (whole.group === ALL) {
        parts = groups.flatMap((g) => byKey.get(`${whole.unit}|${g}`) ?? []);
      } else {
        const stack = [...(kids.get(whole.unit) ?? [])];
        while (stack.length > 0) {
          const c = stack.pop()!;
          const f = byKey.get(`${c}|${whole.group}`);
          if (f) parts.push(f);
          else stack.push(...(kids.get(c) ?? []));
        }
      }
      if (parts.length === 0) continue;
      const n = whole.n - parts.reduce((s, p) => s + p.n, 0);
      const fav = whole.fav - parts.reduce((s, p) => s + p.fav!, 0);
      if (small(n)) leaks.push({ how: `${name(whole)} minus its shown parts leaves ${n}`, n });
      if (n <= 0) continue;
      alikeTried++;
      if (!alike(n, fav)) continue;
      const rem = parts.reduce((r, p) => r.map((x, i) => x - p.v[i]!), whole.v);
      const inside = hiddenSmallInside(rem);
      if (inside.length > 0)
        leaks.push({
          how: `${name(whole)} minus ${parts.map(name).join(' + ')} leaves ${n} who all answered alike, holding ${inside[0]!.what}`,
          n,
        });
    }
  }

  // 3. Every shown figure of the dimension solved together.
  const space = new RowSpace();
  for (const f of figures) space.add(f.v);
  for (const t of natural) {
    const n = dot(t.v, truthN);
    if (small(n) && space.contains(t.v))
      leaks.push({ how: `${t.what} (n=${n}) follows from the shown figures solved together`, n });
  }
  return { leaks, pairs, alike: alikeTried };
}

/**
 * What a naive rule would show (every group of at least the minimum, in every scope, beside the
 * org figures the engine shows): the attacker must find leaks in it, or it proves nothing.
 */
export function naiveSeen(
  orgSeen: Seen[],
  dim: string,
  parent: Map<string, string | null>,
  people: DemoPerson[],
  min: number,
): Seen[] {
  const out = orgSeen.filter((s) => s.dim === 'org');
  const inside = (scope: string, unit: string) => {
    for (let u: string | null = unit; u !== null; u = parent.get(u) ?? null)
      if (u === scope) return true;
    return false;
  };
  for (const scope of parent.keys()) {
    const here = people.filter((p) => inside(scope, p.unit));
    for (const g of new Set(here.map((p) => groupOf(p, dim)))) {
      const mine = here.filter((p) => groupOf(p, dim) === g);
      if (mine.length >= min)
        out.push({ family: 'respondents', dim, unit: scope, group: g, n: mine.length, fav: null });
      const answered = mine.filter((p) => p.v1 !== null);
      if (answered.length >= min)
        out.push({
          family: 'value',
          dim,
          unit: scope,
          group: g,
          n: answered.length,
          fav: answered.filter((p) => p.v1! >= 4).length,
        });
    }
  }
  return out;
}
