import type { MethodOutput, MetricValue } from '../../../shared/contract';
import { METRICS, type MetricId } from '../../../shared/metrics';
import { visibilityMaps, visibilityOf } from '../confidentiality/visibilityMaps';
import { listPeriods, resolvePeriod } from '../hierarchy/periods';
import { unitReorgs } from '../hierarchy/reorgs';
import { findUnit, hierarchiesFor, hierarchyFor, unitsOf } from '../hierarchy/units';
import { customerRollups, employeeRollups } from '../metrics/rollups';
import { customerValue, employeeValue, noData } from '../metrics/metricValue';
import type { Handler } from './context';

/** The overview's tiles, in the order they are shown. */
const OVERVIEW_METRICS: MetricId[] = [
  'engagement_index',
  'pct_favourable',
  'enps',
  'respondents',
  'response_rate',
  'nps',
  'csat',
  'customer_responses',
];

export const overview: Handler<'overview'> = async (input, { ws }) => {
  const { conn } = ws;
  const period = await resolvePeriod(conn, input.period);
  const unit = await findUnit(conn, await hierarchyFor(conn, period), input.unitId, period);
  const minSize = await ws.minGroupSize();
  const periods = await listPeriods(conn);

  const [employee, customer, visibility, snapshots] = [
    await employeeRollups(conn, [unit.unit_id], periods),
    await customerRollups(conn, [unit.unit_id], periods),
    await visibilityMaps(conn, periods, minSize, { units: [unit.unit_id] }),
    await hierarchiesFor(conn, periods),
  ];
  const unitsBySnapshot = new Map<string, Set<string>>();
  for (const eff of new Set(snapshots.values())) {
    unitsBySnapshot.set(eff, new Set((await unitsOf(conn, eff)).map((u) => u.unit_id)));
  }

  const trend: MethodOutput<'overview'>['trend'] = periods.map((p) => {
    const inForce = unitsBySnapshot.get(snapshots.get(p) ?? '')?.has(unit.unit_id) ?? false;
    if (!inForce) {
      const reason = `${unit.unit_name} was not part of the organisation in ${p}`;
      return { period: p, values: OVERVIEW_METRICS.map((m) => noData(m, reason)) };
    }
    const e = employee.find((r) => r.period === p);
    const c = customer.find((r) => r.period === p);
    const respondents = e?.respondents ?? 0;
    const shown = visibilityOf(visibility, p, unit.unit_id);
    const shownFor = (metric: 'engagement_index' | 'pct_favourable' | 'enps') =>
      visibilityOf(visibility, p, unit.unit_id, metric);
    const headcount = e?.headcount ?? null;
    const values: MetricValue[] = [
      employeeValue(
        'engagement_index',
        e?.engagement_index ?? null,
        e?.engagement_n ?? 0,
        shownFor('engagement_index'),
        minSize,
      ),
      employeeValue(
        'pct_favourable',
        e?.pct_favourable ?? null,
        e?.favourable_n ?? 0,
        shownFor('pct_favourable'),
        minSize,
      ),
      employeeValue('enps', e?.enps ?? null, e?.enps_n ?? 0, shownFor('enps'), minSize),
      employeeValue('respondents', respondents, respondents, shown, minSize),
      headcount
        ? employeeValue(
            'response_rate',
            (respondents / headcount) * 100,
            respondents,
            shown,
            minSize,
          )
        : noData('response_rate', 'No headcount for this unit and period (HR metrics)'),
      customerValue('nps', c?.nps ?? null, c?.nps_n ?? 0),
      customerValue('csat', c?.csat ?? null, c?.csat_n ?? 0),
      customerValue(
        'customer_responses',
        c?.customer_responses ?? null,
        c?.customer_responses ?? 0,
      ),
    ];
    return { period: p, values };
  });

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
