import {
  alikeTest,
  directAlike,
  EMPTY_TALLY,
  hideAlikeRemainders,
  type Tally,
} from './alikeRemainders';
import { gapReasons, suppressionReasons } from './reasons';
import {
  ATTACHED_PREFIX,
  hideInShape,
  hideUntilSafe,
  treeShape,
  type TreeNode,
} from './treeSuppression';

export type Role = 'all' | 'leader' | 'front_line' | 'other';

/**
 * People behind one figure for one role: in each unit's full roll-up, and attached to it; with
 * what they answered (tallies), when known, for the unanimous-remainder rule.
 */
export interface Counts {
  rollup: Map<string, number>;
  own: Map<string, number>;
  tallies?: { rollup: Map<string, Tally>; own: Map<string, Tally> };
}

/** One period's tree and the people behind every employee figure in it. */
export interface PeriodCounts {
  units: { id: string; parentId: string | null }[];
  /** figure ('respondents', 'enps', 'value:Care', 'item:E1', ...) -> role -> counts. */
  figures: Map<string, Map<Role, Counts>>;
}

export const gapFigure = (valueFigure: string): string => `gap:${valueFigure}`;
/** A figure of the drill-down's direct scope (the unit's own people and its direct reports'). */
export const directFigure = (figure: string): string => `direct:${figure}`;

const EMPTY: Counts = { rollup: new Map(), own: new Map() };

/**
 * Every decision of the confidentiality rules for one period, over its whole tree (the rules
 * are in treeSuppression.ts): first the groups (respondents), then each figure on its own n with
 * the hidden groups hidden too, then each value's leader / front-line gap. Returns figure ->
 * unit id -> reason for everything that must not be shown; the rest of the tree is visible.
 * Methods read these decisions instead of deciding themselves, so every method, and every
 * sequence of requests, sees the same figures hidden.
 */
export function decideSuppression(
  counts: PeriodCounts,
  minSize: number,
): Map<string, Map<string, string>> {
  const shape = treeShape(counts.units);
  const nodesOf = (c: Counts): TreeNode[] =>
    counts.units.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      n: c.rollup.get(u.id) ?? 0,
      attached: c.own.get(u.id) ?? 0,
    }));
  const countsOf = (figure: string, role: Role = 'all') =>
    counts.figures.get(figure)?.get(role) ?? EMPTY;
  const groupReasons = {
    tooFew: suppressionReasons.tooFew(minSize),
    neighbour: suppressionReasons.neighbour(minSize),
  };
  const figureReasons = {
    tooFew: suppressionReasons.metricTooFew(minSize),
    neighbour: suppressionReasons.neighbour(minSize),
  };
  const talliedNodes = (c: Counts) =>
    c.tallies
      ? counts.units.map((u) => ({
          id: u.id,
          rollup: c.tallies!.rollup.get(u.id) ?? EMPTY_TALLY,
          own: c.tallies!.own.get(u.id) ?? EMPTY_TALLY,
        }))
      : null;
  /** The unanimous-remainder rule (alikeRemainders.ts) for one figure and role, after the counts'. */
  const hideAlike = (figure: string, c: Counts, hidden: Map<string, string>, reason: string) => {
    const test = alikeTest(figure);
    const nodes = talliedNodes(c);
    if (!test || !nodes) return [];
    return hideAlikeRemainders(shape, nodes, minSize, hidden, reason, test);
  };

  const rowHidden = hideInShape(
    shape,
    nodesOf(countsOf('respondents')),
    minSize,
    new Map(),
    groupReasons,
  );
  const decided = new Map<string, Map<string, string>>([['respondents', rowHidden]]);
  for (const figure of counts.figures.keys()) {
    if (figure === 'respondents') continue;
    const hidden = hideInShape(shape, nodesOf(countsOf(figure)), minSize, rowHidden, figureReasons);
    hideAlike(figure, countsOf(figure), hidden, suppressionReasons.alike(minSize));
    decided.set(figure, hidden);
    const test = alikeTest(figure);
    const nodes = talliedNodes(countsOf(figure));
    if (test && nodes) {
      const reason = suppressionReasons.directAlike(minSize);
      const direct = directAlike(shape, nodes, minSize, hidden, test);
      if (direct.size > 0)
        decided.set(directFigure(figure), new Map([...direct].map((u) => [u, reason])));
    }
    if (figure.startsWith('value:') && counts.figures.get(figure)?.has('leader')) {
      decided.set(gapFigure(figure), decideGaps(figure, hidden));
    }
  }

  /**
   * A value's leader / front-line gap for a unit is shown only when the value's cell is, each
   * side reaches the minimum, no side can be derived from the cell's total with the other roles,
   * and then the rules per side across the tree, repeated until leaders and front line agree.
   */
  function decideGaps(figure: string, cellHidden: Map<string, string>): Map<string, string> {
    const side = (role: Role, id: string) => countsOf(figure, role).rollup.get(id) ?? 0;
    const cellN = countsOf(figure).rollup;
    const respondents = countsOf('respondents').rollup;
    // Everything not shown, whatever the reason (for the rules); and what is suppressed (out).
    const notShown = new Map<string, string>();
    const suppressed = new Map<string, string>();
    for (const [id, reason] of cellHidden)
      if (id.startsWith(ATTACHED_PREFIX)) notShown.set(id, reason);
    for (const { id } of counts.units) {
      const cellShown =
        (respondents.get(id) ?? 0) > 0 && (cellN.get(id) ?? 0) > 0 && !cellHidden.has(id);
      const leader = side('leader', id);
      const frontLine = side('front_line', id);
      const other = side('other', id);
      if (!cellShown) notShown.set(id, cellHidden.get(id) ?? gapReasons.noData);
      else if (leader === 0 || frontLine === 0) notShown.set(id, gapReasons.noData);
      else if (leader < minSize || frontLine < minSize) {
        notShown.set(id, gapReasons.tooFew(minSize));
        suppressed.set(id, gapReasons.tooFew(minSize));
      } else {
        const within = hideUntilSafe(
          [
            { id: 'leader', n: leader },
            { id: 'front_line', n: frontLine },
            { id: 'other', n: other },
          ],
          minSize,
          other > 0 && other < minSize ? ['other'] : [],
        );
        if (within.has('leader') || within.has('front_line')) {
          notShown.set(id, gapReasons.derivable(minSize));
          suppressed.set(id, gapReasons.derivable(minSize));
        }
      }
    }
    const sideReasons = {
      tooFew: gapReasons.tooFew(minSize),
      neighbour: gapReasons.derivable(minSize),
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const role of ['leader', 'front_line'] as const) {
        const hidden = hideInShape(
          shape,
          nodesOf(countsOf(figure, role)),
          minSize,
          notShown,
          sideReasons,
        );
        for (const [id, reason] of hidden) {
          if (notShown.has(id)) continue;
          notShown.set(id, reason);
          if (!id.startsWith(ATTACHED_PREFIX)) suppressed.set(id, reason);
          changed = true;
        }
        for (const id of hideAlike(
          figure,
          countsOf(figure, role),
          notShown,
          gapReasons.alike(minSize),
        )) {
          suppressed.set(id, gapReasons.alike(minSize));
          changed = true;
        }
      }
    }
    return suppressed;
  }

  // The people attached to a unit are never shown as a group of their own: only units leave.
  for (const hidden of decided.values()) {
    for (const id of hidden.keys()) if (id.startsWith(ATTACHED_PREFIX)) hidden.delete(id);
  }
  return decided;
}
