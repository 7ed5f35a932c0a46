import { gapFigure } from '../../confidentiality/decideSuppression';
import { gapReasons } from '../../confidentiality/reasons';
import type { PeriodVisibility } from '../../confidentiality/visibilityMaps';
import { emptyTally, type GroupStats, type Tally, type ValueDef } from './stats';

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

export const noRespondents = 'No survey respondents in this unit for this period';
export const noAnswers = "Nobody here answered this value's items in this period";
const notDecided = 'Suppressed: not judged by the confidentiality rules for this period';

const tallyOf = (g: GroupStats | undefined, value: string): Tally =>
  g?.values.get(value)?.all ?? emptyTally();
const sideOf = (g: GroupStats | undefined, value: string, side: 'leader' | 'front_line') =>
  g?.values.get(value)?.byRole[side] ?? emptyTally();

/**
 * Judges some units of one period from the stored confidentiality decisions: the row
 * (respondents), each value cell and each value's leader / front-line gap. "No data" is told
 * apart from "suppressed"; what is suppressed was decided over the whole tree at import.
 */
export function assessUnits(
  unitIds: string[],
  stats: Map<string, GroupStats>,
  decisions: PeriodVisibility,
  values: ValueDef[],
  withGaps: boolean,
): Map<string, AssessedUnit> {
  const out = new Map<string, AssessedUnit>();
  for (const unitId of unitIds) {
    const g = stats.get(unitId);
    const respondents = g?.respondents ?? 0;
    const shown = decisions.row.get(unitId) ?? { visible: false, reason: notDecided };
    const row: Judged =
      respondents === 0
        ? { status: 'no_data', reason: noRespondents }
        : !shown.visible
          ? { status: 'suppressed', reason: shown.reason }
          : { status: 'ok', reason: null };
    const unit: AssessedUnit = { unitId, respondents, row, cells: new Map(), gaps: new Map() };
    for (const value of values) {
      const tally = tallyOf(g, value.id);
      const cellShown = decisions.figure(value.id).get(unitId) ?? shown;
      const cell: Judged =
        row.status !== 'ok'
          ? row
          : tally.n === 0 || tally.answered === 0
            ? { status: 'no_data', reason: noAnswers }
            : !cellShown.visible
              ? { status: 'suppressed', reason: cellShown.reason }
              : { status: 'ok', reason: null };
      unit.cells.set(value.id, { ...cell, tally });
      if (!withGaps) continue;
      const leader = sideOf(g, value.id, 'leader');
      const frontLine = sideOf(g, value.id, 'front_line');
      const gapShown = decisions.figure(gapFigure(value.id)).get(unitId) ?? cellShown;
      const gap: Judged =
        cell.status !== 'ok'
          ? cell
          : leader.n === 0 || frontLine.n === 0
            ? { status: 'no_data', reason: gapReasons.noData }
            : !gapShown.visible
              ? { status: 'suppressed', reason: gapShown.reason }
              : { status: 'ok', reason: null };
      unit.gaps.set(value.id, { ...gap, leader, frontLine });
    }
    out.set(unitId, unit);
  }
  return out;
}
