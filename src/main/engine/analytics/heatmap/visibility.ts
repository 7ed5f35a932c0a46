import { suppressionReasons } from '../../confidentiality/reasons';
import {
  hideUntilSafe,
  treeShape,
  hideInShape,
  type TreeNode,
} from '../../confidentiality/treeSuppression';
import type { UnitRow } from '../../hierarchy/units';
import {
  ATTACHED_PREFIX,
  attachedId,
  emptyTally,
  type GroupStats,
  type Tally,
  type ValueDef,
} from './stats';

export type Status = 'ok' | 'suppressed' | 'no_data';

export interface Judged {
  status: Status;
  reason: string | null;
}

export interface AssessedCell extends Judged {
  tally: Tally;
}

export interface AssessedGap extends Judged {
  leader: Tally;
  frontLine: Tally;
}

/** A unit's employee figures for one period, each judged against the confidentiality rules. */
export interface AssessedUnit {
  unitId: string;
  respondents: number;
  row: Judged;
  cells: Map<string, AssessedCell>;
  gaps: Map<string, AssessedGap>;
}

export const gapReasons = {
  tooFew: (minSize: number) =>
    `Suppressed: fewer than ${minSize} leaders or fewer than ${minSize} front-line staff answered`,
  derivable: (minSize: number) =>
    `Suppressed: a group under ${minSize} (leaders, front line or others) could otherwise be worked out by subtraction`,
  noData: 'No leaders or no front-line staff answered this value here',
} as const;

export const noRespondents = 'No survey respondents in this unit for this period';
export const noAnswers = "Nobody here answered this value's items in this period";

const tallyOf = (g: GroupStats | undefined, value: string): Tally =>
  g?.values.get(value)?.all ?? emptyTally();
const sideOf = (
  g: GroupStats | undefined,
  value: string,
  side: 'leader' | 'front_line' | 'other',
) => g?.values.get(value)?.byRole[side] ?? emptyTally();

/**
 * Judges every unit of one period's tree: the row (respondents), each value cell (its own n and
 * the rules again per value, rows already hidden counting as hidden) and the leader / front-line
 * gap (each side at least the minimum, no side derivable from the row's total with the others,
 * and the rules per side across the tree until leaders and front line agree).
 */
export function assessTree(
  units: UnitRow[],
  stats: Map<string, GroupStats>,
  values: ValueDef[],
  minSize: number,
  withGaps: boolean,
): Map<string, AssessedUnit> {
  const nodesBy = (count: (g: GroupStats | undefined) => number): TreeNode[] =>
    units.map((u) => ({
      id: u.unit_id,
      parentId: u.parent_id,
      n: count(stats.get(u.unit_id)),
      attached: count(stats.get(attachedId(u.unit_id))),
    }));

  const shape = treeShape(units.map((u) => ({ id: u.unit_id, parentId: u.parent_id })));
  const hideInTree = (
    nodes: TreeNode[],
    min: number,
    pre: Map<string, string>,
    reasons: { tooFew: string; neighbour: string },
  ) => hideInShape(shape, nodes, min, pre, reasons);
  const rowHidden = hideInTree(
    nodesBy((g) => g?.respondents ?? 0),
    minSize,
    new Map(),
    {
      tooFew: suppressionReasons.tooFew(minSize),
      neighbour: suppressionReasons.neighbour(minSize),
    },
  );
  const out = new Map<string, AssessedUnit>();
  for (const u of units) {
    const respondents = stats.get(u.unit_id)?.respondents ?? 0;
    const reason = rowHidden.get(u.unit_id);
    const row: Judged =
      respondents === 0
        ? { status: 'no_data', reason: noRespondents }
        : reason
          ? { status: 'suppressed', reason }
          : { status: 'ok', reason: null };
    out.set(u.unit_id, { unitId: u.unit_id, respondents, row, cells: new Map(), gaps: new Map() });
  }

  for (const value of values) {
    const cellHidden = hideInTree(
      nodesBy((g) => tallyOf(g, value.id).n),
      minSize,
      rowHidden,
      {
        tooFew: suppressionReasons.metricTooFew(minSize),
        neighbour: suppressionReasons.neighbour(minSize),
      },
    );
    for (const u of units) {
      const unit = out.get(u.unit_id)!;
      const tally = tallyOf(stats.get(u.unit_id), value.id);
      const reason = cellHidden.get(u.unit_id);
      const judged: Judged =
        unit.row.status !== 'ok'
          ? unit.row
          : tally.n === 0 || tally.answered === 0
            ? { status: 'no_data', reason: noAnswers }
            : reason
              ? { status: 'suppressed', reason }
              : { status: 'ok', reason: null };
      unit.cells.set(value.id, { ...judged, tally });
    }
    if (!withGaps) continue;

    // Within each unit: leaders + front line + others make up the visible total.
    const gapHidden = new Map<string, string>();
    for (const [id, reason] of cellHidden)
      if (id.startsWith(ATTACHED_PREFIX)) gapHidden.set(id, reason);
    for (const u of units) {
      const unit = out.get(u.unit_id)!;
      const g = stats.get(u.unit_id);
      const leader = sideOf(g, value.id, 'leader');
      const frontLine = sideOf(g, value.id, 'front_line');
      const other = sideOf(g, value.id, 'other');
      const cell = unit.cells.get(value.id)!;
      let judged: Judged;
      if (cell.status !== 'ok') judged = { status: cell.status, reason: cell.reason };
      else if (leader.n === 0 || frontLine.n === 0)
        judged = { status: 'no_data', reason: gapReasons.noData };
      else if (leader.n < minSize || frontLine.n < minSize)
        judged = { status: 'suppressed', reason: gapReasons.tooFew(minSize) };
      else {
        const within = hideUntilSafe(
          [
            { id: 'leader', n: leader.n },
            { id: 'front_line', n: frontLine.n },
            { id: 'other', n: other.n },
          ],
          minSize,
          other.n > 0 && other.n < minSize ? ['other'] : [],
        );
        judged =
          within.has('leader') || within.has('front_line')
            ? { status: 'suppressed', reason: gapReasons.derivable(minSize) }
            : { status: 'ok', reason: null };
      }
      if (judged.status !== 'ok') gapHidden.set(u.unit_id, judged.reason ?? '');
      unit.gaps.set(value.id, { ...judged, leader, frontLine });
    }
    // Across the tree, per side, until leaders and front line agree on what is hidden.
    for (let changed = true; changed;) {
      changed = false;
      for (const side of ['leader', 'front_line'] as const) {
        const hidden = hideInTree(
          nodesBy((g) => sideOf(g, value.id, side).n),
          minSize,
          gapHidden,
          { tooFew: gapReasons.tooFew(minSize), neighbour: gapReasons.derivable(minSize) },
        );
        for (const [id, reason] of hidden) {
          if (gapHidden.has(id)) continue;
          gapHidden.set(id, reason);
          changed = true;
          const gap = out.get(id)?.gaps.get(value.id);
          if (gap && gap.status === 'ok') {
            gap.status = 'suppressed';
            gap.reason = reason;
          }
        }
      }
    }
  }
  return out;
}
