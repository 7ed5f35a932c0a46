import type { MethodOutput, MetricValue } from '../../../shared/contract';
import { METRICS } from '../../../shared/metrics';
import { employeeVisibility } from '../confidentiality/employeeVisibility';
import { listPeriods, resolvePeriod } from '../hierarchy/periods';
import { unitReorgs } from '../hierarchy/reorgs';
import { findUnit, hierarchyFor, unitsOf } from '../hierarchy/units';
import { customerRollups, employeeRollups } from '../metrics/rollups';
import { customerValue, employeeValue, noData } from '../metrics/metricValue';
import type { Handler } from './context';

export const overview: Handler<'overview'> = async (input, { ws }) => {
  const { conn } = ws;
  const period = await resolvePeriod(conn, input.period);
  const unit = await findUnit(conn, await hierarchyFor(conn, period), input.unitId, period);
  const minSize = await ws.minGroupSize();
  const periods = await listPeriods(conn);

  const employee = await employeeRollups(conn, [unit.unit_id], periods);
  const customer = await customerRollups(conn, [unit.unit_id], periods);

  const trend: MethodOutput<'overview'>['trend'] = [];
  for (const p of periods) {
    const units = await unitsOf(conn, await hierarchyFor(conn, p));
    const inForce = units.find((u) => u.unit_id === unit.unit_id);
    const e = employee.find((r) => r.period === p);
    const c = customer.find((r) => r.period === p);
    if (!inForce) {
      const reason = `${unit.unit_name} was not part of the organisation in ${p}`;
      trend.push({
        period: p,
        values: (['engagement_index', 'pct_favourable', 'enps', 'respondents', 'response_rate', 'nps', 'csat', 'customer_responses'] as const).map(
          (m) => noData(m, reason),
        ),
      });
      continue;
    }
    const respondents = e?.respondents ?? 0;
    const visibility = await employeeVisibility(conn, inForce, p, respondents, minSize);
    const headcount = e?.headcount ?? null;
    const values: MetricValue[] = [
      employeeValue('engagement_index', e?.engagement_index ?? null, e?.engagement_n ?? 0, visibility, minSize),
      employeeValue('pct_favourable', e?.pct_favourable ?? null, e?.favourable_n ?? 0, visibility, minSize),
      employeeValue('enps', e?.enps ?? null, e?.enps_n ?? 0, visibility, minSize),
      employeeValue('respondents', respondents, respondents, visibility, minSize),
      headcount
        ? employeeValue('response_rate', (respondents / headcount) * 100, respondents, visibility, minSize)
        : noData('response_rate', 'No headcount for this unit and period (HR metrics)'),
      customerValue('nps', c?.nps ?? null, c?.nps_n ?? 0),
      customerValue('csat', c?.csat ?? null, c?.csat_n ?? 0),
      customerValue('customer_responses', c?.customer_responses ?? null, c?.customer_responses ?? 0),
    ];
    trend.push({ period: p, values });
  }

  const current = trend.find((t) => t.period === period)!;
  return {
    period,
    unit: { id: unit.unit_id, name: unit.unit_name, level: unit.level },
    minGroupSize: minSize,
    tiles: current.values.map((v) => ({ ...v, label: METRICS[v.metric].label, formula: METRICS[v.metric].formula })),
    trend,
    reorgs: await unitReorgs(conn, unit.unit_id, periods),
  };
};
