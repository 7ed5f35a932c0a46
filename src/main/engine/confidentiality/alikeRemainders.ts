import type { TreeShape } from './treeSuppression';

/**
 * What a group's figure is made of: its people (n), answers (answered), answers in the top boxes
 * (favourable; eNPS promoters), eNPS detractors, and the sum of the per-person score (total: the
 * engagement index; for HR figures the leavers, absence days or recognition events).
 */
export interface Tally {
  n: number;
  answered: number;
  favourable: number;
  detractors: number;
  total: number;
}

export const EMPTY_TALLY: Tally = { n: 0, answered: 0, favourable: 0, detractors: 0, total: 0 };

const add = (a: Tally, b: Tally): Tally => ({
  n: a.n + b.n,
  answered: a.answered + b.answered,
  favourable: a.favourable + b.favourable,
  detractors: a.detractors + b.detractors,
  total: a.total + b.total,
});

/** Pre-aggregated figures give sums that need not be whole; raw ones are exact. */
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * True when a group's figure tells each member's answer: everyone a promoter, or a detractor
 * (eNPS +100 or -100, the only values that pin P - D down for every person); every answer
 * favourable or none (% favourable 100 or 0); everyone at an end of the 0-100 engagement scale;
 * nobody left, or everyone (attrition 0% or 100%); no absence; no recognition. Statistical
 * disclosure control calls this group (attribute) disclosure: Hundepool et al., Statistical
 * Disclosure Control (Wiley 2012), 4.2.2, the "(n, k) dominance" family of rules.
 */
export type AlikeTest = (t: Tally) => boolean;

const favourableAtAnEnd: AlikeTest = (t) =>
  t.answered > 0 && (same(t.favourable, 0) || same(t.favourable, t.answered));

export function alikeTest(figure: string): AlikeTest | null {
  if (figure === 'enps')
    return (t) =>
      t.answered > 0 && (same(t.favourable, t.answered) || same(t.detractors, t.answered));
  if (figure === 'engagement_index')
    return (t) => t.n > 0 && (same(t.total, 0) || same(t.total, 100 * t.n));
  if (figure === 'pct_favourable' || figure.startsWith('value:') || figure.startsWith('item:'))
    return favourableAtAnEnd;
  if (figure === 'attrition') return (t) => t.n > 0 && (same(t.total, 0) || same(t.total, t.n));
  if (figure === 'absence_days_per_head' || figure === 'recognition_per_head')
    return (t) => t.n > 0 && same(t.total, 0);
  // Counts of people ('respondents', headcount) say nothing about anyone's answer.
  return null;
}

export interface TalliedNode {
  id: string;
  /** The unit's full roll-up. */
  rollup: Tally;
  /** The people attached to the unit itself. */
  own: Tally;
}

/**
 * The unanimous-remainder rule, after the count rules (treeSuppression.ts) have run for a figure.
 * Whatever is shown, an attacker can take a shown unit minus the shown units below it: the
 * remainder is every hidden group in between, and its figure is known exactly. When that
 * remainder holds a group under the minimum and everyone in it answered alike (alikeTest), every
 * hidden group's figure is known too (a 5-person remainder of promoters makes a 3-person and a
 * 2-person team +100 each). So such a remainder is widened: the smallest shown unit below whose
 * own remainder breaks the unanimity is hidden too (hiding one more group); when no unit below
 * can (the whole unit answered alike), the unit itself is hidden and its remainder joins the one
 * above it, which is judged the same way. Returns the newly hidden ids, added to `hidden`.
 */
export function hideAlikeRemainders(
  shape: TreeShape,
  nodes: TalliedNode[],
  minSize: number,
  hidden: Map<string, string>,
  reason: string,
  test: AlikeTest,
): string[] {
  const kids = new Map<number, number[]>(shape.order.map((o) => [o.index, o.kids]));
  // Only units with units below them can hold a hidden group: a shown team is its own people,
  // who are at least the minimum. Bottom-up: deepest parents first (shape.order is top-down).
  const parents = shape.order.map((o) => o.index).reverse();
  const shown = (i: number) => nodes[i]!.rollup.n > 0 && !hidden.has(nodes[i]!.id);
  const small = (t: Tally) => t.n > 0 && t.n < minSize;
  const added: string[] = [];

  /** A shown unit's remainder: its own people and everything hidden down to the shown units. */
  const remainder = (i: number) => {
    let tally = nodes[i]!.own;
    let holdsSmall = small(nodes[i]!.own);
    const boundary: number[] = [];
    const stack = [...(kids.get(i) ?? [])];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (shown(k)) {
        boundary.push(k);
        continue;
      }
      tally = add(tally, nodes[k]!.own);
      holdsSmall ||= small(nodes[k]!.rollup) || small(nodes[k]!.own);
      stack.push(...(kids.get(k) ?? []));
    }
    return { tally, holdsSmall, boundary };
  };

  for (let changed = true; changed;) {
    changed = false;
    // Bottom-up: a unit hidden here moves its remainder into its shown ancestor's, judged later.
    for (const i of parents) {
      if (!shown(i)) continue;
      for (;;) {
        const r = remainder(i);
        if (!r.holdsSmall || !test(r.tally)) break;
        const options = r.boundary
          .map((k) => ({ k, own: remainder(k).tally }))
          .filter((o) => o.own.n > 0)
          .sort(
            (a, b) =>
              nodes[a.k]!.rollup.n - nodes[b.k]!.rollup.n ||
              nodes[a.k]!.id.localeCompare(nodes[b.k]!.id),
          );
        const breaks = options.find((o) => !test(add(r.tally, o.own)));
        const pick = breaks ?? (test(nodes[i]!.rollup) ? undefined : options[0]);
        const id = nodes[pick?.k ?? i]!.id;
        hidden.set(id, reason);
        added.push(id);
        changed = true;
        if (!pick) break;
      }
    }
  }
  return added;
}

/**
 * The same reasoning for the drill-down's direct scope (a unit's own people and its direct
 * reports'), decided here where the whole tree is known. Shown beside the roll-ups, it splits
 * what subtraction gives into the part inside the direct group and the part below the direct
 * reports: the people below a shown direct report that no shown unit covers, and below the
 * unit's hidden direct reports. When such a part holds a group under the minimum and its people
 * all answered alike, the direct figure would tell that group's: the unit's direct scope is then
 * not shown for this figure. Returns the unit ids whose direct scope must stay hidden.
 */
export function directAlike(
  shape: TreeShape,
  nodes: TalliedNode[],
  minSize: number,
  hidden: Map<string, string>,
  test: AlikeTest,
): Set<string> {
  const kids = new Map<number, number[]>(shape.order.map((o) => [o.index, o.kids]));
  const shown = (i: number) => nodes[i]!.rollup.n > 0 && !hidden.has(nodes[i]!.id);
  const small = (t: Tally) => t.n > 0 && t.n < minSize;
  /** Everything below `from` down to the shown units, without `from`'s own people. */
  const below = (from: number[]) => {
    let tally = EMPTY_TALLY;
    let holdsSmall = false;
    const stack = [...from];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (shown(k)) continue;
      tally = add(tally, nodes[k]!.own);
      holdsSmall ||= small(nodes[k]!.rollup) || small(nodes[k]!.own);
      stack.push(...(kids.get(k) ?? []));
    }
    return { tally, holdsSmall };
  };
  const out = new Set<string>();
  for (const { index, kids: direct } of shape.order) {
    if (!shown(index)) continue;
    const parts = [
      below(direct.filter((c) => !shown(c)).flatMap((c) => kids.get(c) ?? [])),
      ...direct.filter(shown).map((c) => below(kids.get(c) ?? [])),
    ];
    if (parts.some((p) => p.holdsSmall && test(p.tally))) out.add(nodes[index]!.id);
  }
  return out;
}
