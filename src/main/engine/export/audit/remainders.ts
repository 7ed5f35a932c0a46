import type { PublishedFigure } from '../content';
import { certainExtreme, shareAtAnEnd, sumRuleOf } from './alike';
import { HR_METRICS, peopleCounter, type AtomSpace, type Cell } from './atoms';
import { nameOf } from './describe';
import type { AuditTree } from './types';

/** A figure minus the shown figures inside it, whose people all answered alike. */
export interface AlikeRemainder {
  whole: number;
  parts: number[];
  atoms: number[];
  n: number;
  /** "eNPS -100". */
  extreme: string;
  /** The groups under the minimum inside it whose answers it tells, in words with their n. */
  small: string[];
}

/**
 * For every figure with a value: the shown figures strictly inside it (the largest first, none
 * overlapping another taken) are taken off (none: the figure itself), and what is left is judged: when the worked-out
 * figure says for certain that everyone left answered alike, each of them is known, which
 * matters when a group under the minimum is among them (the engine's unanimous-remainder rule,
 * confidentiality/alikeRemainders.ts, applied to the whole export).
 */
export function alikeRemainders(
  figures: PublishedFigure[],
  space: AtomSpace,
  tree: AuditTree,
  min: number,
  decimals: number,
): AlikeRemainder[] {
  const metric = figures[0]?.metric ?? '';
  const rule = sumRuleOf(metric, tree.oneAnswerEach?.has(metric));
  const supports = space.vectors.map((v) => v.flatMap((x, a) => (x ? [a] : [])));
  const keys = new Set(supports.map((s) => s.join(',')));
  const out: AlikeRemainder[] = [];
  figures.forEach((whole, w) => {
    if (whole.value === null) return;
    const inWhole = new Set(supports[w]);
    const inside = figures
      .map((f, i) => i)
      .filter(
        (i) =>
          figures[i]!.value !== null &&
          supports[i]!.length < inWhole.size &&
          supports[i]!.every((a) => inWhole.has(a)),
      )
      .sort((a, b) => supports[b]!.length - supports[a]!.length);
    const taken = new Set<number>();
    const parts: number[] = [];
    for (const i of inside) {
      if (supports[i]!.some((a) => taken.has(a))) continue;
      parts.push(i);
      for (const a of supports[i]!) taken.add(a);
    }
    const atoms = supports[w]!.filter((a) => !taken.has(a));
    // a remainder that is itself a shown figure is judged as that figure
    if (atoms.length === 0 || (parts.length > 0 && keys.has(atoms.join(',')))) return;
    const n = whole.n - parts.reduce((s, i) => s + figures[i]!.n, 0);
    if (n < min) return; // a small remainder is the differencing check's
    let extreme: string | null;
    if (rule) {
      const sum =
        rule.sum(whole.value, whole.n) -
        parts.reduce((s, i) => s + rule.sum(figures[i]!.value!, figures[i]!.n), 0);
      const counted = whole.n + parts.reduce((s, i) => s + figures[i]!.n, 0);
      extreme = certainExtreme(rule, n, sum, counted, decimals);
    } else extreme = shareAtAnEnd(metric, whole.value, decimals);
    if (!extreme) return;
    const cells = atoms.flatMap((a) => space.atoms[a]!.cells);
    const small = smallGroupsIn(cells, space.named, tree, min, metric);
    if (small.length > 0) out.push({ whole: w, parts, atoms, n, extreme, small });
  });
  return out;
}

/**
 * The groups under the minimum among a remainder's people: a unit whose whole subtree is in it,
 * or the people attached to one unit. Without counts in the tree, every unit of a remainder that
 * spans more than one is taken as possibly small.
 */
function smallGroupsIn(
  cells: Cell[],
  named: Map<string, Set<string>>,
  tree: AuditTree,
  min: number,
  metric: string,
): string[] {
  const combos = new Map<string, Record<string, string>>();
  for (const c of cells) combos.set(JSON.stringify(c.combo), c.combo);
  const units = new Set(cells.flatMap((c) => c.units));
  const count = peopleCounter(tree, named, HR_METRICS.has(metric));
  const kids = new Map<string, string[]>();
  for (const [u, p] of tree.parent) if (p !== null) kids.set(p, [...(kids.get(p) ?? []), u]);
  const subtree = (u: string): string[] | null => {
    const all: string[] = [];
    const stack = [u];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (!units.has(x)) return null;
      all.push(x);
      stack.push(...(kids.get(x) ?? []));
    }
    return all;
  };
  const pairs = new Set(
    cells.flatMap((c) => c.units.map((u) => `${u}|${JSON.stringify(c.combo)}`)),
  );
  const people = (us: string[]): number | null => {
    let total = 0;
    for (const [key, combo] of combos) {
      const mine = us.filter((u) => pairs.has(`${u}|${key}`));
      const n = mine.length > 0 ? count(mine, combo) : 0;
      if (n === null) return null;
      total += n;
    }
    return total;
  };
  const small: string[] = [];
  for (const u of units) {
    const whole = subtree(u);
    const n = whole ? people(whole) : null;
    if (whole && n === null && units.size > 1) small.push(nameOf(tree, u));
    else if (whole && n !== null && n > 0 && n < min) small.push(`${nameOf(tree, u)} (${n})`);
    if (whole && (kids.get(u) ?? []).length === 0) continue;
    const own = people([u]);
    if (own !== null && own > 0 && own < min)
      small.push(`the people attached directly to ${nameOf(tree, u)} (${own})`);
  }
  return small;
}
