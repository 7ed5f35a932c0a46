import { DIRECT, childrenOf, type Knowledge, type Leak, type Tree } from './attacker';
import { RowSpace } from './rowSpace';

/*
 * The attacker's reasoning beyond plain subtraction (attacker.ts):
 * - alikeLeaks: a remainder (a shown unit minus every shown unit below it) whose figure says all
 *   its people answered alike (eNPS +/-100, 0 or 100% favourable, engagement 0 or 100, no leavers,
 *   no absence, no recognition) tells every hidden group inside it, small ones included;
 * - linearLeaks: every figure of a period solved together as a linear system (tree roll-ups and
 *   direct scopes), any small group whose n the shown figures determine.
 * Both judge leaks against the truth the test knows (who is in which group), which the attacker
 * does not need: a leak is a real group of 0 < n < minimum whose figure it works out.
 */

/** The people behind a family's figure in a unit's roll-up and attached to it (ground truth). */
export type Truth = (
  family: string,
  period: string,
  unit: string,
) => { rollup: number; own: number };

/** How far a sum worked out from rounded figures may be from the true one, per family. */
function tolerance(family: string): number {
  if (family === 'engagement_index') return 12.5; // per-person scores are multiples of 25
  if (family === 'absence_days_per_head') return 0.25; // absence comes in half days
  return 0.5; // counts of people or answers
}

/**
 * Figures are shown to two decimals, so a sum worked out from them is known only to within
 * this much per person counted: value x n for indices and per-head figures, value x n / 100 for
 * percentages and net scores. Over a region of 77 people, absence per head alone leaves +-0.4 days.
 */
function roundingPerPerson(family: string): number {
  return ['engagement_index', 'absence_days_per_head', 'recognition_per_head'].includes(family)
    ? 0.005
    : 0.00005;
}

/**
 * True when a group's n and sum say for certain that everyone in it answered alike: `counted` is
 * how many people the figures the sum was worked out from cover (their rounding adds up).
 */
export function alikeObs(family: string, n: number, sum: number, counted = n): boolean {
  const unknown = roundingPerPerson(family) * counted;
  const near = (a: number, b: number) => Math.abs(a - b) + unknown < tolerance(family);
  if (family === 'enps') return near(Math.abs(sum), n);
  if (family === 'engagement_index') return near(sum, 0) || near(sum, 100 * n);
  if (/^(heat|item|leaders|front_line):/.test(family) || family === 'attrition')
    return near(sum, 0) || near(sum, n);
  if (family === 'absence_days_per_head' || family === 'recognition_per_head') return near(sum, 0);
  return false;
}

const isSmall = (n: number, min: number) => n > 0 && n < min;

/** The people the shown figures taken off a sum cover. */
const countedIn = (units: string[], shown: Map<string, { n: number }>) =>
  units.reduce((total, u) => total + (shown.get(u)?.n ?? 0), 0);

/**
 * A group (n, sum) minus every shown unit met going down from `starts`, stopping at each: what
 * is left, the hidden units passed on the way, and the shown ones taken off. Null when a shown
 * unit on the way carries no sum.
 */
function minusShownBelow(
  n: number,
  sum: number,
  starts: string[],
  kids: Map<string, string[]>,
  shown: Map<string, { n: number; sum: number | null }>,
): { n: number; sum: number; inside: string[]; minus: string[] } | null {
  const inside: string[] = [];
  const minus: string[] = [];
  const stack = [...starts];
  while (stack.length > 0) {
    const c = stack.pop()!;
    const seen = shown.get(c);
    if (!seen) {
      inside.push(c);
      stack.push(...(kids.get(c) ?? []));
    } else if (seen.sum === null) return null;
    else {
      n -= seen.n;
      sum -= seen.sum;
      minus.push(c);
    }
  }
  return { n, sum, inside, minus };
}

/** The small groups among the hidden units of a remainder (and the people attached to them). */
function smallInside(
  units: string[],
  kids: Map<string, string[]>,
  truthOf: (unit: string) => { rollup: number; own: number },
  min: number,
): string[] {
  return [
    ...units.filter((c) => isSmall(truthOf(c).rollup, min)),
    ...units
      .filter((c) => kids.has(c) && isSmall(truthOf(c).own, min))
      .map((c) => `the people attached to ${c}`),
  ];
}

/** Extreme-value reasoning over every shown unit's remainder, per family and period. */
export function alikeLeaks(k: Knowledge, trees: Map<string, Tree>, min: number, truth: Truth) {
  const leaks: Leak[] = [];
  let tried = 0;
  for (const [family, byPeriod] of k.facts) {
    if (family.startsWith(DIRECT)) continue;
    for (const [period, visible] of byPeriod) {
      const tree = trees.get(period);
      if (!tree) continue;
      const kids = childrenOf(tree);
      for (const [u, whole] of visible) {
        if (whole.sum === null || !tree.has(u)) continue;
        const left = minusShownBelow(whole.n, whole.sum, kids.get(u) ?? [], kids, visible);
        if (!left || left.n <= 0) continue;
        const { n, sum, minus } = left;
        tried++;
        if (!alikeObs(family, n, sum, whole.n + countedIn(minus, visible))) continue;
        const own = kids.has(u) && isSmall(truth(family, period, u).own, min);
        const small = [
          ...smallInside(left.inside, kids, (c) => truth(family, period, c), min),
          ...(own ? [`the people attached to ${u}`] : []),
        ];
        if (small.length === 0) continue;
        leaks.push({
          family,
          period,
          unit: u,
          minus,
          remainder: n,
          revealedMean: sum / n,
          explain: `${family} ${period}: ${u} (n=${whole.n})${minus.length ? ` minus ${minus.join(' + ')}` : ''} leaves ${n} people who all answered alike (sum ${sum.toFixed(2)}), so ${small.join(', ')} (under ${min}) are known`,
        });
      }
    }
  }
  leaks.push(...directAlikeLeaks(k, trees, min, truth));
  return { leaks, tried };
}

/**
 * The drill-down's direct scope D(U) beside the roll-up R(U): R(U) - D(U) is everyone below U's
 * direct reports; minus the shown units down there, the hidden people below the direct reports.
 * If they all answered alike, every small group among them is known.
 */
function directAlikeLeaks(k: Knowledge, trees: Map<string, Tree>, min: number, truth: Truth) {
  const leaks: Leak[] = [];
  for (const [directFamily, byPeriod] of k.facts) {
    if (!directFamily.startsWith(DIRECT)) continue;
    const family = directFamily.slice(DIRECT.length);
    for (const [period, direct] of byPeriod) {
      const tree = trees.get(period);
      const shown = k.facts.get(family)?.get(period);
      if (!tree || !shown) continue;
      const kids = childrenOf(tree);
      for (const [u, d] of direct) {
        const whole = shown.get(u);
        if (!whole || whole.sum === null || d.sum === null || !kids.has(u)) continue;
        const starts = (kids.get(u) ?? []).flatMap((c) => kids.get(c) ?? []);
        const left = minusShownBelow(whole.n - d.n, whole.sum - d.sum, starts, kids, shown);
        if (!left || left.n <= 0) continue;
        const counted = whole.n + d.n + countedIn(left.minus, shown);
        if (!alikeObs(family, left.n, left.sum, counted)) continue;
        const { n, sum } = left;
        const small = smallInside(left.inside, kids, (c) => truth(family, period, c), min);
        if (small.length === 0) continue;
        leaks.push({
          family,
          period,
          unit: u,
          minus: [`direct(${u})`],
          remainder: n,
          revealedMean: sum / n,
          explain: `${family} ${period}: ${u} minus its direct scope and the shown units below its direct reports leaves ${n} people who all answered alike, so ${small.join(', ')} (under ${min}) are known`,
        });
      }
    }
  }
  return leaks;
}

/**
 * Every figure of a period solved together: unknowns are the people attached to each unit;
 * each shown roll-up is the sum over its subtree, each shown direct scope the unit's own people
 * and its direct reports'. A hidden unit, the people attached to a unit, or the hidden parts of
 * a parent taken together, holding 0 < n < minimum, leak when their vector lies in the span.
 */
export function linearLeaks(k: Knowledge, trees: Map<string, Tree>, min: number, truth: Truth) {
  const leaks: Leak[] = [];
  let systems = 0;
  const families = new Set(
    [...k.facts.keys()].map((f) => (f.startsWith(DIRECT) ? f.slice(DIRECT.length) : f)),
  );
  for (const family of families) {
    const periods = new Set([
      ...(k.facts.get(family)?.keys() ?? []),
      ...(k.facts.get(`${DIRECT}${family}`)?.keys() ?? []),
    ]);
    for (const period of periods) {
      const tree = trees.get(period);
      if (!tree) continue;
      const units = [...tree.keys()];
      const index = new Map(units.map((u, i) => [u, i]));
      const kids = childrenOf(tree);
      const subtree = (u: string): number[] => {
        const v = units.map(() => 0);
        const stack = [u];
        while (stack.length > 0) {
          const x = stack.pop()!;
          v[index.get(x)!] = 1;
          stack.push(...(kids.get(x) ?? []));
        }
        return v;
      };
      const own = (...us: string[]): number[] => {
        const v = units.map(() => 0);
        for (const x of us) v[index.get(x)!] = 1;
        return v;
      };
      const space = new RowSpace();
      const shown = k.facts.get(family)?.get(period) ?? new Map();
      for (const u of shown.keys()) if (index.has(u)) space.add(subtree(u));
      for (const u of k.facts.get(`${DIRECT}${family}`)?.get(period)?.keys() ?? [])
        if (index.has(u)) space.add(own(u, ...(kids.get(u) ?? [])));
      systems++;
      const targets: { what: string; vector: number[]; n: number }[] = [];
      for (const u of units) {
        const t = truth(family, period, u);
        if (!shown.has(u)) targets.push({ what: u, vector: subtree(u), n: t.rollup });
        targets.push({ what: `the people attached to ${u}`, vector: own(u), n: t.own });
        const hiddenKids = (kids.get(u) ?? []).filter((c) => !shown.has(c));
        if (hiddenKids.length > 1) {
          const v = own(u);
          for (const c of hiddenKids) subtree(c).forEach((x, i) => (v[i]! += x));
          const n = t.own + hiddenKids.reduce((s, c) => s + truth(family, period, c).rollup, 0);
          targets.push({ what: `${u}'s hidden parts (${hiddenKids.join(', ')})`, vector: v, n });
        }
      }
      for (const t of targets) {
        if (!isSmall(t.n, min) || !space.contains(t.vector)) continue;
        leaks.push({
          family,
          period,
          unit: t.what,
          minus: [],
          remainder: t.n,
          revealedMean: null,
          explain: `${family} ${period}: ${t.what} (n=${t.n}) is determined by the shown figures solved together`,
        });
      }
    }
  }
  return { leaks, systems };
}
