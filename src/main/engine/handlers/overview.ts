import type { DuckDBConnection } from '@duckdb/node-api';
import type { MethodOutput, MetricValue } from '../../../shared/contract';
import { UpstreamError } from '../../../shared/result';
import { combineShownFigures, setFormula } from '../analytics/unitSet/combineShownFigures';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Visibility } from '../confidentiality/treeVisibility';
import { visibilityMaps, visibilityOf } from '../confidentiality/visibilityMaps';
import { listPeriods, resolvePeriod } from '../hierarchy/periods';
import { unitReorgs } from '../hierarchy/reorgs';
import {
  findUnit,
  hierarchiesFor,
  hierarchyFor,
  unitIdsOf,
  unitsOf,
  type UnitRow,
} from '../hierarchy/units';
import { customerValue, employeeMetricValue, noData } from '../metrics/metricValue';
import { unitFigures, type UnitFigures } from '../metrics/rollups';
import type { Handler } from './context';

/** The overview's tiles, in the order they are shown: headline figures first. */
export const OVERVIEW_METRICS: MetricId[] = [
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
  'response_rate',
  'nps',
  'csat',
  'customer_responses',
  'attrition',
  'absence_days_per_head',
  'recognition_per_head',
  'ces',
  'avg_handle_seconds',
  'repeat_contact_rate',
  'transfer_rate',
];

const NOT_FOUND_REASONS: Partial<Record<MetricId, string>> = {
  response_rate: 'No headcount for this unit and period (HR metrics)',
};

/** One figure of a unit in a period, under its own source's rule (registry: minN). */
function figureOf(
  metric: MetricId,
  row: UnitFigures | undefined,
  shown: (figure?: string) => Visibility,
  minSize: number,
): MetricValue {
  const value = (row?.[metric] as number | null | undefined) ?? null;
  const n = Number(row?.[`${metric}_n`] ?? 0);
  const def = METRICS[metric];
  if (metric === 'response_rate' && !row?.headcount)
    return noData(metric, NOT_FOUND_REASONS.response_rate!);
  if (def.source === 'customer' || def.source === 'contact_centre')
    return customerValue(metric, value, n);
  // Survey figures: their own stored decision (respondents and response rate: the group's).
  const figure = metric === 'respondents' || metric === 'response_rate' ? undefined : metric;
  return employeeMetricValue(metric, value, n, shown(figure), minSize);
}

type Trend = MethodOutput<'overview'>['trend'];

/** Each unit's figures in every period, each under its own stored decision. */
async function trendsOf(
  conn: DuckDBConnection,
  units: UnitRow[],
  periods: string[],
  minSize: number,
): Promise<Map<string, Trend>> {
  const ids = units.map((u) => u.unit_id);
  const rows = await unitFigures(conn, ids, periods, OVERVIEW_METRICS);
  const visibility = await visibilityMaps(conn, periods, minSize, { units: ids });
  const snapshots = await hierarchiesFor(conn, periods);
  const trends = new Map<string, Trend>(units.map((u) => [u.unit_id, []]));
  for (const p of periods) {
    const eff = snapshots.get(p);
    const inForce = eff === undefined ? new Set<string>() : await unitIdsOf(conn, eff);
    for (const unit of units) {
      const trend = trends.get(unit.unit_id)!;
      if (!inForce.has(unit.unit_id)) {
        const reason = `${unit.unit_name} was not part of the organisation in ${p}`;
        trend.push({ period: p, values: OVERVIEW_METRICS.map((m) => noData(m, reason)) });
        continue;
      }
      const row = rows.find((r) => r.period === p && r.unit_id === unit.unit_id);
      const shown = (figure?: string) => visibilityOf(visibility, p, unit.unit_id, figure);
      trend.push({
        period: p,
        values: OVERVIEW_METRICS.map((m) => figureOf(m, row, shown, minSize)),
      });
    }
  }
  return trends;
}

/** The members of a set in the period's organisation; a unit inside another member counts once, through it. */
async function setMembers(
  conn: DuckDBConnection,
  effectiveFrom: string,
  ids: string[],
): Promise<{ members: UnitRow[]; unknown: string[] }> {
  const units = await unitsOf(conn, effectiveFrom);
  const byId = new Map(units.map((u) => [u.unit_id, u]));
  const wanted = new Set(ids);
  const unknown = [...wanted].filter((id) => !byId.has(id));
  const insideAnother = (unit: UnitRow): boolean => {
    for (let p = unit.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null)
      if (wanted.has(p)) return true;
    return false;
  };
  const members = [...wanted]
    .map((id) => byId.get(id))
    .filter((u): u is UnitRow => u !== undefined && !insideAnother(u));
  return { members, unknown };
}

const tilesOf = (values: MetricValue[], formula: (m: MetricId) => string) =>
  values.map((v) => ({ ...v, label: METRICS[v.metric].label, formula: formula(v.metric) }));

export const overview: Handler<'overview'> = async (input, { ws }) => {
  const { conn } = ws;
  if (input.unitId !== undefined && input.unitIds !== undefined)
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      'Give either unitId (one unit) or unitIds (a set of units), not both.',
    );
  const period = await resolvePeriod(conn, input.period);
  const effectiveFrom = await hierarchyFor(conn, period);
  const minSize = await ws.minGroupSize();
  const periods = await listPeriods(conn);

  if (input.unitIds !== undefined) {
    const { members, unknown } = await setMembers(conn, effectiveFrom, input.unitIds);
    const trends = await trendsOf(conn, members, periods, minSize);
    const leftOut = new Map<MetricId, number>();
    const trend: Trend = periods.map((p, i) => ({
      period: p,
      values: OVERVIEW_METRICS.map((metric, j) => {
        const combined = combineShownFigures(
          metric,
          members.map((u) => trends.get(u.unit_id)![i]!.values[j]!),
        );
        if (p === period) leftOut.set(metric, combined.leftOut);
        return combined.value;
      }),
    }));
    return {
      period,
      unit: {
        id: 'selection',
        name: `${members.length} unit${members.length === 1 ? '' : 's'}`,
        level: 'selection',
      },
      set: {
        units: members.map((u) => ({ id: u.unit_id, name: u.unit_name, level: u.level })),
        unknown,
        leftOut: [...leftOut].map(([metric, units]) => ({ metric, units })),
      },
      minGroupSize: minSize,
      tiles: tilesOf(trend.find((t) => t.period === period)!.values, setFormula),
      trend,
      reorgs: [],
    };
  }

  const unit = await findUnit(conn, effectiveFrom, input.unitId, period);
  const trend = (await trendsOf(conn, [unit], periods, minSize)).get(unit.unit_id)!;
  return {
    period,
    unit: { id: unit.unit_id, name: unit.unit_name, level: unit.level },
    set: null,
    minGroupSize: minSize,
    tiles: tilesOf(trend.find((t) => t.period === period)!.values, (m) => METRICS[m].formula),
    trend,
    reorgs: await unitReorgs(conn, unit.unit_id, periods),
  };
};
