import { complementarySuppression, type GroupSize } from './complementarySuppression';
import { suppressionReasons } from './reasons';

export type Visibility = { visible: true } | { visible: false; reason: string };

/**
 * Whether a unit's employee figures for a period may leave the engine: its group must reach the
 * minimum, and it must not be needed to hide a smaller sibling (next-smallest rule). `siblings`
 * are the groups that make up its parent (its own included; none at the top of the tree).
 * Every employee aggregate passes through here before any transport sees it.
 */
export function employeeVisibility(
  unitId: string,
  respondents: number,
  siblings: GroupSize[] | undefined,
  minSize: number,
): Visibility {
  if (respondents < minSize) return { visible: false, reason: suppressionReasons.tooFew(minSize) };
  if (siblings && complementarySuppression(siblings, minSize).has(unitId)) {
    return { visible: false, reason: suppressionReasons.neighbour(minSize) };
  }
  return { visible: true };
}
