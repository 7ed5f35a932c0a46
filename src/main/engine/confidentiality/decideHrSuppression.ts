import { alikeTest, hideAlikeRemainders, type Tally } from './alikeRemainders';
import { hrReasons } from './reasons';
import { ATTACHED_PREFIX, hideInShape, treeShape } from './treeSuppression';

/** HR figures decided over the tree, each on the headcount as its n (registry metric ids). */
export const HR_FIGURES = ['attrition', 'absence_days_per_head', 'recognition_per_head'] as const;
export type HrFigure = (typeof HR_FIGURES)[number];

/** A unit's HR records over its full roll-up in one period. */
export interface HrRollup {
  headcount: number;
  leavers: number;
  absenceDays: number;
  recognitionEvents: number;
}

const SUM_OF: Record<HrFigure, keyof HrRollup> = {
  attrition: 'leavers',
  absence_days_per_head: 'absenceDays',
  recognition_per_head: 'recognitionEvents',
};

/**
 * The confidentiality rules for HR figures (attrition, absence and recognition per head), over one
 * period's whole tree, the same rules as survey figures with the HR headcount as the n: a unit
 * under the minimum is hidden, the next-smallest rule among the parts of each parent, and the
 * unanimous-remainder rule on each figure (a remainder of hidden teams with no leavers would tell
 * that a 3-person team had none). Headcount itself is not hidden: it is the org chart's, which
 * the hierarchy shows for every unit. Returns figure -> unit id -> reason.
 */
export function decideHrSuppression(
  units: { id: string; parentId: string | null }[],
  rollups: Map<string, HrRollup>,
  minSize: number,
): Map<HrFigure, Map<string, string>> {
  const shape = treeShape(units);
  const zero: HrRollup = { headcount: 0, leavers: 0, absenceDays: 0, recognitionEvents: 0 };
  const rollupOf = (id: string) => rollups.get(id) ?? zero;
  const own = new Map<string, HrRollup>(units.map((u) => [u.id, { ...rollupOf(u.id) }]));
  for (const u of units) {
    const mine = u.parentId === null ? undefined : own.get(u.parentId);
    if (!mine) continue;
    const r = rollupOf(u.id);
    mine.headcount -= r.headcount;
    mine.leavers -= r.leavers;
    mine.absenceDays -= r.absenceDays;
    mine.recognitionEvents -= r.recognitionEvents;
  }
  const counted = hideInShape(
    shape,
    units.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      n: rollupOf(u.id).headcount,
      attached: own.get(u.id)!.headcount,
    })),
    minSize,
    new Map(),
    { tooFew: hrReasons.tooFew(minSize), neighbour: hrReasons.neighbour(minSize) },
  );
  const tally = (r: HrRollup, figure: HrFigure): Tally => ({
    n: r.headcount,
    answered: 0,
    favourable: 0,
    detractors: 0,
    total: r[SUM_OF[figure]],
  });
  const decided = new Map<HrFigure, Map<string, string>>();
  for (const figure of HR_FIGURES) {
    const hidden = new Map(counted);
    const nodes = units.map((u) => ({
      id: u.id,
      rollup: tally(rollupOf(u.id), figure),
      own: tally(own.get(u.id)!, figure),
    }));
    hideAlikeRemainders(
      shape,
      nodes,
      minSize,
      hidden,
      hrReasons.alike(minSize),
      alikeTest(figure)!,
    );
    for (const id of hidden.keys()) if (id.startsWith(ATTACHED_PREFIX)) hidden.delete(id);
    decided.set(figure, hidden);
  }
  return decided;
}
