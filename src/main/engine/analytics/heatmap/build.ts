import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DELTA_SCALE_BOUND,
  ORG_GROUPING,
  type HeatmapCell,
  type HeatmapInput,
  type HeatmapMode,
  type HeatmapOutput,
  type HeatmapRow,
  type LeaderGap,
} from '../../../../shared/analytics/heatmap';
import { UpstreamError } from '../../../../shared/result';
import { queryOne, queryRows } from '../../db/query';
import { hierarchyFor, unitsOf, type UnitRow } from '../../hierarchy/units';
import { leavesOf } from '../../hierarchy/reorgs';
import { memo } from '../../workspace/cache';
import { visibilityMaps } from '../../confidentiality/visibilityMaps';
import { groupStats, hasRoleData, valueCatalogue } from './stats';
import { assessUnits, type AssessedUnit } from './visibility';
import {
  demographicGroupings,
  demographicRows,
  dimensionOf,
  type DemographicGroup,
} from './demographic';
import { ancestry, combineMembers, noShownMember, SELECTION_ID } from './selection';

export const HEATMAP_FORMULA =
  "% favourable = answers scored 4-5 / answered 1-5 responses to the value's items (reverse-coded items flipped), over the unit's full roll-up; n = respondents who answered at least one of the value's items; deltas in percentage points.";

/** Added to `formula` when rows are a set of units (unitIds). */
export const SELECTION_FORMULA =
  " Selection (the set's combined row): % favourable = sum(n_i x pct_i) / sum(n_i) over the members whose cell is shown (pct_i as shown), a member already counted through a shown listed unit above it left out; n = sum(n_i); hidden cells contribute nothing.";
/** Added to `formula` when rows are demographic groups (groupBy). */
export const GROUPS_FORMULA =
  " Groups: the same figures over the people of each group in the unit's full roll-up; 'Not stated' = the people who did not say.";

const round = (value: number): number => Math.round(value * 100) / 100;
const pct = (fav: number, answered: number) => round((fav / answered) * 100);

export interface HeatmapWorkspace {
  conn: DuckDBConnection;
  minGroupSize(): Promise<number>;
}

/** Periods with survey responses, oldest first. */
function surveyPeriods(conn: DuckDBConnection): Promise<string[]> {
  return memo(conn, 'surveyPeriods', async () => {
    const rows = await queryRows<{ period: string }>(
      conn,
      // Raw survey answers or pre-aggregated survey figures: whatever the statistics hold.
      'SELECT DISTINCT period FROM employee_figure_stats WHERE n > 0 ORDER BY period',
    );
    return rows.map((r) => r.period);
  });
}

async function purposeText(conn: DuckDBConnection): Promise<string | null> {
  const row = await queryOne<{ value: string }>(
    conn,
    "SELECT value FROM meta WHERE key = 'purpose'",
  );
  const text = row?.value?.trim();
  return text ? text : null;
}

/** The units of a hierarchy snapshot (depth is not needed here, so not computed). */
async function snapshotUnits(conn: DuckDBConnection, effectiveFrom: string): Promise<UnitRow[]> {
  return [...(await unitsOf(conn, effectiveFrom))].sort((a, b) =>
    a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0,
  );
}

function reorgNote(
  before: string[] | undefined,
  after: string[] | undefined,
  prev: string,
  cur: string,
) {
  const b = new Set(before ?? []);
  const a = new Set(after ?? []);
  const joined = [...a].filter((m) => !b.has(m)).length;
  const left = [...b].filter((m) => !a.has(m)).length;
  if (joined === 0 && left === 0) return null;
  return `Reorganisation between ${prev} and ${cur}: ${joined} team${joined === 1 ? '' : 's'} moved in, ${left} moved out, so the two periods cover different people`;
}

export async function buildHeatmap(
  ws: HeatmapWorkspace,
  input: HeatmapInput,
): Promise<HeatmapOutput> {
  const { conn } = ws;
  const mode: HeatmapMode = input.mode ?? 'absolute';
  const periods = await surveyPeriods(conn);
  if (periods.length === 0) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no survey responses yet: import a survey file first.',
    );
  }
  const period = input.period ?? periods[periods.length - 1]!;
  if (!periods.includes(period)) {
    throw new UpstreamError(
      'NOT_FOUND',
      `No survey responses for period ${period}. Survey periods in this workspace: ${periods.join(', ')}.`,
    );
  }
  const eff = await hierarchyFor(conn, period);
  const units = await snapshotUnits(conn, eff);
  const root = units.find((u) => u.parent_id === null);
  if (!root)
    throw new UpstreamError(
      'NOT_FOUND',
      `The hierarchy in force for ${period} has no top-level unit.`,
    );
  const parent =
    input.parentId === undefined ? root : units.find((u) => u.unit_id === input.parentId);
  if (!parent) {
    throw new UpstreamError(
      'NOT_FOUND',
      `Unit '${input.parentId}' is not in the hierarchy in force for ${period}.`,
    );
  }
  const groupings = await demographicGroupings(conn);
  const groupBy = input.groupBy ?? ORG_GROUPING;
  const dimension =
    groupBy === ORG_GROUPING
      ? null
      : (dimensionOf(groupBy) ?? groupings.find((g) => g.id === groupBy && g.id !== ORG_GROUPING));
  if (groupBy !== ORG_GROUPING && !dimension) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `groupBy '${groupBy}' is not a grouping of this heatmap: use ${groupings.map((g) => `'${g.id}' (${g.label})`).join(', ')}.`,
    );
  }
  if (dimension && input.unitIds) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `unitIds and groupBy '${groupBy}' cannot be asked together: rows are either a set of units (groupBy 'org') or the ${dimension.label.toLowerCase()} groups within one unit (parentId).`,
    );
  }

  // Rows: the units asked for (in the order given, once each), or the parent's children.
  const byId = new Map(units.map((u) => [u.unit_id, u]));
  const unknownUnits: string[] = [];
  let rowUnits: UnitRow[] = [];
  if (input.unitIds) {
    const seen = new Set<string>();
    for (const id of input.unitIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const unit = byId.get(id);
      if (unit) rowUnits.push(unit);
      else unknownUnits.push(id);
    }
  } else if (!dimension) {
    rowUnits = units
      .filter((u) => u.parent_id === parent.unit_id)
      .sort((a, b) => a.unit_name.localeCompare(b.unit_name) || a.unit_id.localeCompare(b.unit_id));
    if (rowUnits.length === 0) {
      throw new UpstreamError(
        'INVALID_ARGUMENTS',
        `${parent.unit_name} (${parent.level}) has no units below it in ${period}: it is a team, so there are no rows to show. Open its page instead.`,
      );
    }
  }

  const [values, minSize, withGaps, purpose] = [
    await valueCatalogue(conn),
    await ws.minGroupSize(),
    await hasRoleData(conn),
    await purposeText(conn),
  ];
  // Each row's own parent is its reference in vs_parent (as in the parent's own heatmap).
  const parentOf = (u: UnitRow) => (u.parent_id === null ? undefined : byId.get(u.parent_id));
  const rowParents =
    mode === 'vs_parent'
      ? rowUnits.flatMap((u) => {
          const p = parentOf(u);
          return p ? [p.unit_id] : [];
        })
      : [];
  const targets = [
    ...new Set([...rowUnits.map((u) => u.unit_id), ...rowParents, parent.unit_id, root.unit_id]),
  ];
  const prevPeriod = mode === 'vs_previous' ? (periods[periods.indexOf(period) - 1] ?? null) : null;
  const prevEff = prevPeriod ? await hierarchyFor(conn, prevPeriod) : null;
  const prevUnits =
    prevEff === null ? null : prevEff === eff ? units : await snapshotUnits(conn, prevEff);

  // The stored decisions of each period (made over its whole tree at import), so a figure
  // hidden anywhere cannot be rebuilt from any view; the previous period's gaps are never shown.
  const statPeriods = prevPeriod ? [period, prevPeriod] : [period];
  const stats = await groupStats(conn, statPeriods, targets);
  const decisions = await visibilityMaps(conn, statPeriods, minSize, {
    units: targets,
    figures: ['respondents', 'value:%', 'gap:value:%'],
  });
  const assess = (p: string, gaps: boolean) =>
    assessUnits(targets, stats.get(p)!, decisions.get(p)!, values, gaps);
  const current = { assessed: assess(period, withGaps) };
  const previous = prevPeriod && prevUnits ? { assessed: assess(prevPeriod, false) } : null;

  // Demographic groups within the parent's roll-up, judged by the demographic decisions.
  const groups = dimension
    ? await demographicRows(conn, period, parent.unit_id, dimension.id, values, minSize)
    : null;
  const prevGroups =
    dimension && prevPeriod
      ? await demographicRows(conn, prevPeriod, parent.unit_id, dimension.id, values, minSize)
      : null;

  // Units standing for different teams in the two periods (a reorganisation) are marked.
  const reorgs = new Map<string, string>();
  if (prevPeriod && prevEff && prevEff !== eff) {
    for (const t of targets) {
      const note = reorgNote(
        await leavesOf(conn, prevEff, t),
        await leavesOf(conn, eff, t),
        prevPeriod,
        period,
      );
      if (note) reorgs.set(t, note);
    }
  }

  const cellPct = (unit: AssessedUnit | undefined, valueId: string): number | null => {
    const cell = unit?.cells.get(valueId);
    return cell && cell.status === 'ok' ? pct(cell.tally.favourable, cell.tally.answered) : null;
  };

  interface Reference {
    pct(valueId: string): number | null;
    status(valueId: string): string | undefined;
    present: boolean;
    label: string;
  }
  const referenceOf = (unit: AssessedUnit | undefined, label: string): Reference => ({
    pct: (v) => cellPct(unit, v),
    status: (v) => unit?.cells.get(v)?.status,
    present: unit !== undefined,
    label,
  });
  const previousLabel = prevPeriod ? `${prevPeriod}` : 'previous period';
  /** A unit row's reference: the company, its own parent, or itself in the previous period. */
  const unitReference = (unit: UnitRow): Reference | null => {
    switch (mode) {
      case 'absolute':
        return null;
      case 'vs_company':
        return referenceOf(current.assessed.get(root.unit_id), 'company');
      case 'vs_parent': {
        // The parent row itself (and the company's) is compared with the parent asked for.
        const isParent = unit.unit_id === parent.unit_id;
        const p = isParent ? parent : parentOf(unit);
        return referenceOf(p ? current.assessed.get(p.unit_id) : undefined, 'parent');
      }
      case 'vs_previous':
        return referenceOf(previous?.assessed.get(unit.unit_id), previousLabel);
    }
  };

  const cellsFor = (
    unit: AssessedUnit,
    ref: Reference | null,
    reorg: string | undefined,
  ): HeatmapCell[] =>
    values.map((value) => {
      const cell = unit.cells.get(value.id)!;
      const own = cellPct(unit, value.id);
      if (own === null) {
        return {
          value: value.id,
          pctFavourable: null,
          delta: null,
          n: null,
          status: cell.status,
          reason: cell.reason,
        };
      }
      const compared = compare(own, value.id, ref, reorg);
      return { value: value.id, pctFavourable: own, n: cell.tally.n, status: 'ok', ...compared };
    });

  /** A shown figure's delta from its reference, or why there is none. */
  const compare = (
    own: number,
    valueId: string,
    ref: Reference | null,
    reorg: string | undefined,
  ): { delta: number | null; reason: string | null } => {
    if (!ref) return { delta: null, reason: null };
    const refPct = ref.pct(valueId);
    if (refPct === null) {
      const reason = !ref.present
        ? mode === 'vs_previous'
          ? prevPeriod
            ? `Not part of the organisation in ${prevPeriod}`
            : 'No earlier survey period to compare with'
          : 'No parent to compare with'
        : ref.status(valueId) === 'suppressed'
          ? `No comparison: the ${ref.label} figure is suppressed`
          : `No comparison: no data for the ${ref.label} figure`;
      return { delta: null, reason };
    }
    return { delta: round(own - refPct), reason: reorg ?? null };
  };

  const gapsOf = (unitId: string): LeaderGap[] | null => {
    if (!withGaps) return null;
    const unit = current.assessed.get(unitId)!;
    return values.map((value) => {
      const gap = unit.gaps.get(value.id)!;
      if (gap.status !== 'ok') {
        return {
          value: value.id,
          leaders: null,
          frontLine: null,
          gap: null,
          leadersN: null,
          frontLineN: null,
          status: gap.status,
          reason: gap.reason,
        };
      }
      const leaders = pct(gap.leader.favourable, gap.leader.answered);
      const frontLine = pct(gap.frontLine.favourable, gap.frontLine.answered);
      return {
        value: value.id,
        leaders,
        frontLine,
        gap: round(leaders - frontLine),
        leadersN: gap.leader.n,
        frontLineN: gap.frontLine.n,
        status: 'ok',
        reason: null,
      };
    });
  };

  const spreadOf = (cells: HeatmapCell[]) => {
    const visible = cells.map((c) => c.pctFavourable).filter((v): v is number => v !== null);
    return visible.length >= 2 ? round(Math.max(...visible) - Math.min(...visible)) : null;
  };

  const rowOf = (unit: UnitRow): HeatmapRow => {
    const assessed = current.assessed.get(unit.unit_id)!;
    const cells = cellsFor(assessed, unitReference(unit), reorgs.get(unit.unit_id));
    return {
      unitId: unit.unit_id,
      name: unit.unit_name,
      level: unit.level,
      n: assessed.row.status === 'ok' ? assessed.respondents : null,
      status: assessed.row.status,
      reason: assessed.row.reason,
      cells,
      spread: spreadOf(cells),
      leaderGap: gapsOf(unit.unit_id),
    };
  };

  /** A demographic group's row: the same cells, compared with the company, the parent or itself before. */
  const groupRowOf = (group: DemographicGroup): HeatmapRow => {
    const assessed = groups!.assessed.get(group.id)!;
    const ref: Reference | null =
      mode === 'absolute'
        ? null
        : mode === 'vs_company'
          ? referenceOf(current.assessed.get(root.unit_id), 'company')
          : mode === 'vs_parent'
            ? referenceOf(current.assessed.get(parent.unit_id), 'parent')
            : referenceOf(prevGroups?.assessed.get(group.id), previousLabel);
    const cells = cellsFor(assessed, ref, reorgs.get(parent.unit_id));
    return {
      unitId: group.id,
      name: group.label,
      level: dimension!.id,
      n: assessed.row.status === 'ok' ? assessed.respondents : null,
      status: assessed.row.status,
      reason: assessed.row.reason,
      cells,
      spread: spreadOf(cells),
      leaderGap: null,
    };
  };

  const rows = groups ? groups.groups.map(groupRowOf) : rowUnits.map(rowOf);
  const summary = (unit: UnitRow) => {
    const { name: _n, level: _l, ...rest } = rowOf(unit);
    return rest;
  };
  const company = summary(root);
  const parentRow = summary(parent);

  // The set's combined row: shown figures only, each member counted once.
  let selection: HeatmapOutput['selection'] = null;
  if (input.unitIds) {
    const combinedNow = combineMembers(
      rowUnits.map((u) => u.unit_id),
      (id) => current.assessed.get(id),
      ancestry(units),
      values,
      cellPct,
    );
    const combinedBefore =
      previous && prevUnits
        ? combineMembers(
            rowUnits.map((u) => u.unit_id).filter((id) => prevUnits.some((u) => u.unit_id === id)),
            (id) => previous.assessed.get(id),
            ancestry(prevUnits),
            values,
            cellPct,
          )
        : null;
    const ref: Reference | null =
      mode === 'absolute'
        ? null
        : mode === 'vs_company'
          ? referenceOf(current.assessed.get(root.unit_id), 'company')
          : mode === 'vs_parent'
            ? referenceOf(current.assessed.get(parent.unit_id), 'parent')
            : {
                pct: (v) => combinedBefore?.cells.get(v)?.pct ?? null,
                status: () => 'no_data',
                present: combinedBefore !== null && combinedBefore.members > 0,
                label: `selection in ${previousLabel}`,
              };
    const cells: HeatmapCell[] = values.map((value) => {
      const c = combinedNow.cells.get(value.id)!;
      if (c.pct === null) {
        return {
          value: value.id,
          pctFavourable: null,
          delta: null,
          n: null,
          status: 'no_data',
          reason: c.reason,
        };
      }
      return {
        value: value.id,
        pctFavourable: c.pct,
        n: c.n,
        status: 'ok',
        ...compare(c.pct, value.id, ref, undefined),
      };
    });
    const shownN = combinedNow.respondents;
    selection = {
      unitId: SELECTION_ID,
      n: shownN,
      status: shownN === null ? 'no_data' : 'ok',
      reason: shownN === null ? noShownMember : null,
      cells,
      spread: spreadOf(cells),
      leaderGap: null,
    };
  }

  const scale: HeatmapOutput['scale'] =
    mode === 'absolute'
      ? { family: 'percent', min: 0, max: 100, diverging: false }
      : { family: 'delta', min: -DELTA_SCALE_BOUND, max: DELTA_SCALE_BOUND, diverging: true };

  return {
    period,
    previousPeriod: prevPeriod,
    parent: { id: parent.unit_id, name: parent.unit_name, level: parent.level },
    mode,
    minGroupSize: minSize,
    purpose,
    values: values.map((v) => ({ id: v.id, name: v.name, items: v.items })),
    rows,
    unknownUnits,
    groupBy,
    groupings,
    selection,
    company,
    parentRow,
    scale,
    formula:
      HEATMAP_FORMULA +
      (input.unitIds ? SELECTION_FORMULA : '') +
      (dimension ? GROUPS_FORMULA : ''),
  };
}
