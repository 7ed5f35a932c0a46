import { suppressionReasons } from '../../confidentiality/reasons';
import type { Visibility } from '../../confidentiality/treeVisibility';

export const directReasons = {
  derivable: (minSize: number) =>
    `Suppressed: the direct-reports view would leave a group under ${minSize} (the people attached to one unit, or those in deeper levels) to be worked out by subtraction from the full roll-up`,
} as const;

export interface DirectPart {
  unitId: string;
  /** 0: the unit itself; 1: a unit reporting directly to it. */
  depth: number;
  attached: number;
  rollup: number;
}

/**
 * Whether the direct scope's figures may be shown. The direct group (people attached to the unit
 * and to its direct reports) is not a node of the tree, so treeVisibility did not judge it; it is
 * shown only when
 * 1. the unit's full roll-up is itself visible (so the direct view never reopens a hidden unit);
 * 2. the direct group reaches the minimum;
 * 3. every "atom" it and the published roll-ups are made of holds nobody or at least the minimum:
 *    the people attached to each unit in the direct group, and the people below each direct
 *    report. Every set that can be worked out by adding and subtracting the direct figures and
 *    the roll-ups is a union of such atoms, so none of them can isolate a small group.
 */
export function directVisibility(
  unitVisibility: Visibility,
  parts: DirectPart[],
  minSize: number,
): { visibility: Visibility; respondents: number } {
  const respondents = parts.reduce((sum, p) => sum + p.attached, 0);
  if (!unitVisibility.visible) return { visibility: unitVisibility, respondents };
  if (respondents > 0 && respondents < minSize) {
    return {
      visibility: { visible: false, reason: suppressionReasons.tooFew(minSize) },
      respondents,
    };
  }
  const atoms = [
    ...parts.map((p) => p.attached),
    ...parts.filter((p) => p.depth === 1).map((p) => p.rollup - p.attached),
  ];
  if (atoms.some((n) => n > 0 && n < minSize)) {
    return {
      visibility: { visible: false, reason: directReasons.derivable(minSize) },
      respondents,
    };
  }
  return { visibility: { visible: true }, respondents };
}

/**
 * The same atoms rule for one figure (eNPS, a value, an item): a figure answered by fewer people
 * than the group has is made of its own atoms (the people behind it attached to each unit in the
 * direct group, and below each direct report), so each must hold nobody or at least the minimum,
 * or "roll-up minus direct" on that figure gives a small group's answers.
 */
export function directFigureVisibility(
  groupVisibility: Visibility,
  parts: { depth: number; own: number; rollup: number }[],
  minSize: number,
): Visibility {
  if (!groupVisibility.visible) return groupVisibility;
  const atoms = [
    ...parts.map((p) => p.own),
    ...parts.filter((p) => p.depth === 1).map((p) => p.rollup - p.own),
  ];
  return atoms.some((n) => n > 0 && n < minSize)
    ? { visible: false, reason: directReasons.derivable(minSize) }
    : groupVisibility;
}
