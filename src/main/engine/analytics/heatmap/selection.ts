import type { UnitRow } from '../../hierarchy/units';
import type { ValueDef } from './stats';
import type { AssessedUnit } from './visibility';

/** The combined row of a set of units (heatmap input unitIds). */
export const SELECTION_ID = 'selection';
export const noShownMember = 'No unit in the selection has figures that can be shown';
const allHidden =
  'No figure: this value is suppressed or has no answers in every unit of the selection';
const noAnswers = "Nobody in the selection answered this value's items";

const round = (value: number): number => Math.round(value * 100) / 100;

/** Each unit's ancestors (nearest first) in one hierarchy snapshot. */
export function ancestry(units: UnitRow[]): (id: string) => string[] {
  const parent = new Map(units.map((u) => [u.unit_id, u.parent_id]));
  return (id) => {
    const out: string[] = [];
    const seen = new Set([id]);
    for (let p = parent.get(id) ?? null; p !== null && !seen.has(p); p = parent.get(p) ?? null) {
      seen.add(p);
      out.push(p);
    }
    return out;
  };
}

export interface Combined {
  /** Per value: the n-weighted mean of the counted members' shown % favourable. */
  cells: Map<string, { pct: number | null; n: number | null; reason: string | null }>;
  /** Sum of the counted members' shown respondents; null when no member row is shown. */
  respondents: number | null;
  /** Members in this period's hierarchy. */
  members: number;
}

/**
 * The set's combined row, made only of shown figures: for each value, sum(n_i x pct_i) / sum(n_i)
 * over the members whose cell is shown (pct_i as shown, rounded), leaving out a member whose
 * cell is already counted through a shown listed unit above it, so nobody counts twice; n is
 * sum(n_i). A hidden cell contributes nothing. Respondents: the same rule on the rows.
 */
export function combineMembers(
  memberIds: string[],
  assessedOf: (id: string) => AssessedUnit | undefined,
  ancestorsOf: (id: string) => string[],
  values: ValueDef[],
  cellPct: (unit: AssessedUnit | undefined, valueId: string) => number | null,
): Combined {
  const listed = new Set(memberIds);
  const coveredAbove = (id: string, shown: (a: string) => boolean) =>
    ancestorsOf(id).some((a) => listed.has(a) && shown(a));
  const cells: Combined['cells'] = new Map();
  for (const value of values) {
    const shownHere = (id: string) => cellPct(assessedOf(id), value.id) !== null;
    let weight = 0;
    let sum = 0;
    let anySuppressed = false;
    for (const id of memberIds) {
      const unit = assessedOf(id);
      const p = cellPct(unit, value.id);
      if (p === null) {
        if (unit?.cells.get(value.id)?.status === 'suppressed') anySuppressed = true;
        continue;
      }
      if (coveredAbove(id, shownHere)) continue;
      const n = unit!.cells.get(value.id)!.tally.n;
      weight += n;
      sum += n * p;
    }
    cells.set(
      value.id,
      weight > 0
        ? { pct: round(sum / weight), n: weight, reason: null }
        : { pct: null, n: null, reason: anySuppressed ? allHidden : noAnswers },
    );
  }
  const rowShown = (id: string) => assessedOf(id)?.row.status === 'ok';
  let respondents: number | null = null;
  for (const id of memberIds) {
    if (!rowShown(id) || coveredAbove(id, rowShown)) continue;
    respondents = (respondents ?? 0) + assessedOf(id)!.respondents;
  }
  return { cells, respondents, members: memberIds.length };
}
