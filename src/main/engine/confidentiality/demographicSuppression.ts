import { alikeTest, EMPTY_TALLY, hideAlikeRemainders, type Tally } from './alikeRemainders';
import { suppressionReasons } from './reasons';
import { ATTACHED_PREFIX, hideInShape, hideUntilSafe, treeShape } from './treeSuppression';

/**
 * The confidentiality rules for demographic groups (role, tenure band, ...) inside org units,
 * decided once per period over the whole tree and every dimension, so that every scope and
 * every sequence of requests sees the same figures hidden. For one dimension and one figure
 * ('respondents' first, then each value on its own n), with the org decisions already made:
 *
 * 0. a group is never shown in a unit whose own figure is hidden (its groups would add up to it);
 * (a) a group under the minimum is hidden;
 * (b) within a unit's roll-up (a scope), the groups are the parts of the unit's total: the
 *     next-smallest shown group is hidden until the hidden groups together hold at least the
 *     minimum (so the unit's total minus the shown groups never isolates a small group); and when
 *     the unit's own figure is shown, never exactly one group is hidden (it would be the total
 *     minus the others, so hiding it would protect nothing);
 * (c) each group's people are a population of their own over the tree (group g in U, in U's
 *     children, in the people attached to U): the org tree rules (treeSuppression.ts) run on it,
 *     so U's g minus the shown g of units below never isolates a small group either;
 * (e) unanimous remainders: within a scope, the unit's figure minus the shown groups is the
 *     hidden groups' figure; when it holds a group under the minimum (a hidden group, or inside
 *     it the group's people in a unit below or attached to one) and says that everyone in it
 *     answered alike (0 or 100% favourable), one more shown group is hidden (the smallest that
 *     breaks the unanimity; all of them when none can); and the org rule for unanimous remainders
 *     (alikeRemainders.ts) runs on each group's population over the tree;
 * (f) unanimous remainders across scopes: a shown unit's figure minus a shown group of a unit
 *     below it, when everyone left answered alike and another group is under the minimum
 *     somewhere inside the unit, hides that subtracted group;
 * (d) (b), (c), (e) and (f) are repeated until nothing changes (they only ever hide, so this ends).
 */

/** The reasons shown for hidden group figures: the engine's words (reasons.ts) where they fit. */
export const demographicReasons = {
  tooFew: (figure: string, minSize: number) =>
    figure === 'respondents'
      ? suppressionReasons.tooFew(minSize)
      : suppressionReasons.metricTooFew(minSize),
  neighbour: (minSize: number) => suppressionReasons.neighbour(minSize),
  alike: (minSize: number) => suppressionReasons.alike(minSize),
  unitHidden: 'Suppressed: the figure for the whole unit is suppressed, so its groups are too',
} as const;

/** One dimension's people for one figure: every group's own tallies per unit, and the org's. */
export interface DimensionFigure {
  /** group -> unit -> the group's people attached to the unit. */
  groups: Map<string, Map<string, Tally>>;
  /** unit -> everyone attached to the unit (all groups together). */
  org: Map<string, Tally>;
}

const add = (a: Tally, b: Tally): Tally => ({
  n: a.n + b.n,
  answered: a.answered + b.answered,
  favourable: a.favourable + b.favourable,
  detractors: a.detractors + b.detractors,
  total: a.total + b.total,
});
const minus = (a: Tally, b: Tally): Tally => ({
  n: a.n - b.n,
  answered: a.answered - b.answered,
  favourable: a.favourable - b.favourable,
  detractors: a.detractors - b.detractors,
  total: a.total - b.total,
});

/** Full roll-ups of own tallies over a tree (units listed with their parents). */
export function rollUp(
  units: { id: string; parentId: string | null }[],
  own: Map<string, Tally>,
): Map<string, Tally> {
  const out = new Map<string, Tally>(units.map((u) => [u.id, own.get(u.id) ?? EMPTY_TALLY]));
  const known = new Set(units.map((u) => u.id));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  for (const u of units) {
    const mine = own.get(u.id);
    if (!mine || mine.n === 0) continue;
    const seen = new Set([u.id]);
    for (let p = parentOf.get(u.id) ?? null; p !== null && known.has(p) && !seen.has(p);) {
      seen.add(p);
      out.set(p, add(out.get(p)!, mine));
      p = parentOf.get(p) ?? null;
    }
  }
  return out;
}

/**
 * The hidden group figures of one dimension and figure: group -> unit -> reason. `orgHidden`
 * holds the units whose own figure is not shown (stored org decisions); `preHidden` what an
 * earlier figure already hid (a value's groups stay hidden where the group's row is).
 */
export function decideDimensionFigure(
  units: { id: string; parentId: string | null }[],
  figure: string,
  data: DimensionFigure,
  orgHidden: (unitId: string) => boolean,
  minSize: number,
  preHidden: Map<string, Map<string, string>> = new Map(),
): Map<string, Map<string, string>> {
  const shape = treeShape(units);
  const groupIds = [...data.groups.keys()].sort();
  const rollups = new Map(groupIds.map((g) => [g, rollUp(units, data.groups.get(g)!)]));
  const orgRollup = rollUp(units, data.org);
  const ownOf = (g: string, u: string) => data.groups.get(g)!.get(u) ?? EMPTY_TALLY;
  const rollupOf = (g: string, u: string) => rollups.get(g)!.get(u) ?? EMPTY_TALLY;
  const test = alikeTest(figure);
  const reasons = {
    tooFew: demographicReasons.tooFew(figure, minSize),
    neighbour: demographicReasons.neighbour(minSize),
  };

  const hidden = new Map<string, Map<string, string>>();
  for (const g of groupIds) {
    const h = new Map(preHidden.get(g) ?? []);
    for (const u of units) {
      if (rollupOf(g, u.id).n > 0 && orgHidden(u.id) && !h.has(u.id))
        h.set(u.id, demographicReasons.unitHidden);
    }
    hidden.set(g, h);
  }
  const shown = (g: string, u: string) => rollupOf(g, u).n > 0 && !hidden.get(g)!.has(u);
  // Groups whose hidden units changed since the tree rules last ran on them (those rules read
  // only the group's own decisions, so the others need no second run).
  let touched = new Set(groupIds);
  const hide = (g: string, u: string, reason: string) => {
    if (hidden.get(g)!.has(u)) return false;
    hidden.get(g)!.set(u, reason);
    touched.add(g);
    return true;
  };

  // A group's people in a unit's roll-up hold a small group: themselves, or below the unit
  // the group's people in a unit's roll-up or attached to it (hidden, being under the minimum).
  const kids = new Map<string, string[]>();
  for (const u of units)
    if (u.parentId !== null) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u.id]);
  const descendantsMemo = new Map<string, string[]>();
  const descendantsOf = (unitId: string): string[] => {
    let known = descendantsMemo.get(unitId);
    if (known === undefined) {
      known = (kids.get(unitId) ?? []).flatMap((k) => [k, ...descendantsOf(k)]);
      descendantsMemo.set(unitId, known);
    }
    return known;
  };
  const small = (t: Tally) => t.n > 0 && t.n < minSize;
  const smallMemo = new Map<string, boolean>();
  const smallInside = (g: string, unitId: string): boolean => {
    const key = `${g}\u0000${unitId}`;
    let known = smallMemo.get(key);
    if (known === undefined) smallMemo.set(key, (known = smallBelow(g, unitId)));
    return known;
  };
  const smallBelow = (g: string, unitId: string): boolean => {
    const stack = [unitId];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (small(rollupOf(g, v)) || small(ownOf(g, v))) return true;
      stack.push(...(kids.get(v) ?? []));
    }
    return false;
  };

  const treeNodes = new Map(
    groupIds.map((g) => [
      g,
      units.map((u) => ({
        id: u.id,
        parentId: u.parentId,
        n: rollupOf(g, u.id).n,
        attached: ownOf(g, u.id).n,
      })),
    ]),
  );
  const talliedNodes = new Map(
    groupIds.map((g) => [
      g,
      units.map((u) => ({ id: u.id, rollup: rollupOf(g, u.id), own: ownOf(g, u.id) })),
    ]),
  );

  while (touched.size > 0) {
    const run = touched;
    touched = new Set();
    // (c) the tree rules on each group's own population.
    for (const g of run) {
      const after = hideInShape(shape, treeNodes.get(g)!, minSize, hidden.get(g)!, reasons);
      for (const [id, reason] of after) hide(g, id, reason);
    }
    // (b) within each scope: the next-smallest rule among the groups, never one hidden alone.
    for (const u of units) {
      const parts = groupIds.map((g) => ({ id: g, n: rollupOf(g, u.id).n })).filter((p) => p.n > 0);
      if (parts.length === 0) continue;
      const already = parts.filter((p) => !shown(p.id, u.id)).map((p) => p.id);
      const rule = hideUntilSafe(parts, minSize, already);
      const orgShown = orgRollup.get(u.id)!.n > 0 && !orgHidden(u.id);
      if (orgShown && rule.size === 1) {
        const next = parts
          .filter((p) => !rule.has(p.id))
          .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id))[0];
        if (next) rule.add(next.id);
      }
      for (const g of rule) hide(g, u.id, reasons.neighbour);
    }
    if (!test) continue;
    // (e) unanimous remainders within each scope...
    for (const u of units) {
      if (orgRollup.get(u.id)!.n === 0 || orgHidden(u.id)) continue;
      for (;;) {
        const visible = groupIds.filter((g) => shown(g, u.id));
        const hiddenParts = groupIds.filter((g) => rollupOf(g, u.id).n > 0 && !shown(g, u.id));
        if (visible.length === 0 || hiddenParts.length === 0) break;
        const rest = visible.reduce((t, g) => minus(t, rollupOf(g, u.id)), orgRollup.get(u.id)!);
        const holdsSmall = hiddenParts.some((g) => smallInside(g, u.id));
        if (rest.n <= 0 || !holdsSmall || !test(rest)) break;
        const options = [...visible].sort(
          (a, b) => rollupOf(a, u.id).n - rollupOf(b, u.id).n || a.localeCompare(b),
        );
        const breaks = options.find((g) => !test(add(rest, rollupOf(g, u.id))));
        for (const g of breaks ? [breaks] : options)
          hide(g, u.id, demographicReasons.alike(minSize));
      }
    }
    // (f) ...and across scopes: a shown unit's figure minus a shown group of a unit below it
    // leaves everyone else in the unit, every other group's people among them; when that
    // remainder answered alike and another group is small somewhere inside the unit, its figure
    // is known (the attacker's "region minus a team's 1-3y band leaves 6 alike, holding the
    // region's 5y+"): the subtracted group is hidden.
    for (const u of units) {
      if (orgRollup.get(u.id)!.n === 0 || orgHidden(u.id)) continue;
      for (const below of descendantsOf(u.id)) {
        for (const g of groupIds) {
          if (!shown(g, below)) continue;
          const rest = minus(orgRollup.get(u.id)!, rollupOf(g, below));
          if (rest.n <= 0 || !test(rest)) continue;
          if (groupIds.some((h) => h !== g && smallInside(h, u.id)))
            hide(g, below, demographicReasons.alike(minSize));
        }
      }
    }
    // ...and over each group's population in the tree.
    for (const g of new Set([...run, ...touched])) {
      const added = hideAlikeRemainders(
        shape,
        talliedNodes.get(g)!,
        minSize,
        hidden.get(g)!,
        demographicReasons.alike(minSize),
        test,
      );
      if (added.length > 0) touched.add(g);
    }
  }
  for (const h of hidden.values()) {
    for (const id of h.keys()) if (id.startsWith(ATTACHED_PREFIX)) h.delete(id);
  }
  return hidden;
}

/**
 * Every figure of one dimension: 'respondents' first; each value then keeps hidden what the
 * respondents' decision hid, and hides where the unit's value figure is hidden.
 */
export function decideDimension(
  units: { id: string; parentId: string | null }[],
  figures: Map<string, DimensionFigure>,
  orgHidden: (figure: string, unitId: string) => boolean,
  minSize: number,
): Map<string, Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, Map<string, string>>>();
  const respondents = figures.get('respondents');
  const rowHidden = respondents
    ? decideDimensionFigure(
        units,
        'respondents',
        respondents,
        (u) => orgHidden('respondents', u),
        minSize,
      )
    : new Map<string, Map<string, string>>();
  out.set('respondents', rowHidden);
  for (const [figure, data] of figures) {
    if (figure === 'respondents') continue;
    out.set(
      figure,
      decideDimensionFigure(
        units,
        figure,
        data,
        (u) => orgHidden(figure, u) || orgHidden('respondents', u),
        minSize,
        rowHidden,
      ),
    );
  }
  return out;
}
