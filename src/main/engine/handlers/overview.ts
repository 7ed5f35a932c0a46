import type { MethodOutput, MetricValue } from '../../../shared/contract';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Visibility } from '../confidentiality/treeVisibility';
import { visibilityMaps, visibilityOf } from '../confidentiality/visibilityMaps';
import { listPeriods, resolvePeriod } from '../hierarchy/periods';
import { unitReorgs } from '../hierarchy/reorgs';
import { findUnit, hierarchiesFor, hierarchyFor, unitIdsOf } from '../hierarchy/units';
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

export const overview: Handler<'overview'> = async (input, { ws }) => {
  const { conn } = ws;
  const period = await resolvePeriod(conn, input.period);
  const unit = await findUnit(conn, await hierarchyFor(conn, period), input.unitId, period);
  const minSize = await ws.minGroupSize();
  const periods = await listPeriods(conn);

  const rows = await unitFigures(conn, [unit.unit_id], periods, OVERVIEW_METRICS);
  const visibility = await visibilityMaps(conn, periods, minSize, { units: [unit.unit_id] });
  const snapshots = await hierarchiesFor(conn, periods);

  const trend: MethodOutput<'overview'>['trend'] = [];
  for (const p of periods) {
    const eff = snapshots.get(p);
    const inForce = eff !== undefined && (await unitIdsOf(conn, eff)).has(unit.unit_id);
    if (!inForce) {
      const reason = `${unit.unit_name} was not part of the organisation in ${p}`;
      trend.push({ period: p, values: OVERVIEW_METRICS.map((m) => noData(m, reason)) });
      continue;
    }
    const row = rows.find((r) => r.period === p);
    const shown = (figure?: string) => visibilityOf(visibility, p, unit.unit_id, figure);
    trend.push({
      period: p,
      values: OVERVIEW_METRICS.map((m) => figureOf(m, row, shown, minSize)),
    });
  }

  const current = trend.find((t) => t.period === period)!;
  return {
    period,
    unit: { id: unit.unit_id, name: unit.unit_name, level: unit.level },
    minGroupSize: minSize,
    tiles: current.values.map((v) => ({
      ...v,
      label: METRICS[v.metric].label,
      formula: METRICS[v.metric].formula,
    })),
    trend,
    reorgs: await unitReorgs(conn, unit.unit_id, periods),
  };
};
