import type { DuckDBConnection } from '@duckdb/node-api';
import type { LinkagePosition } from '../../../../shared/analytics/drilldown';
import type { Quadrant } from '../../../../shared/analytics/linkage';
import type { Visibility } from '../../confidentiality/treeVisibility';
import { customerValue, employeeValue } from '../../metrics/metricValue';
import { unitFigures } from '../../metrics/rollups';
import { MIN_CUSTOMER_RESPONSES, shiftPeriod } from '../linkage/data';

export function quadrantOf(x: number, y: number, split: { x: number; y: number }): Quadrant {
  const highE = x >= split.x;
  const highC = y >= split.y;
  return highE ? (highC ? 'bright_spot' : 'employee_only') : highC ? 'customer_only' : 'at_risk';
}

/**
 * Where a unit sits on the linkage chart: its engagement index in period t against its customer
 * NPS one quarter later (the same quarter when the next has no customer data yet), split at the
 * company's figures as the Linkage screen does. The employee side is shown only when the unit's
 * engagement is; the customer side needs MIN_CUSTOMER_RESPONSES answers, as on the chart.
 */
export async function linkagePosition(
  conn: DuckDBConnection,
  unitId: string,
  companyId: string,
  period: string,
  shown: (unitId: string) => Visibility,
  minSize: number,
): Promise<LinkagePosition> {
  const next = shiftPeriod(period, 1);
  const rows = await unitFigures(
    conn,
    [unitId, companyId],
    [period, next],
    ['engagement_index', 'nps'],
  );
  const at = (unit: string, p: string) => rows.find((r) => r.unit_id === unit && r.period === p);
  const npsIn = (unit: string, p: string) => {
    const r = at(unit, p);
    const v = customerValue('nps', (r?.nps as number | null) ?? null, Number(r?.nps_n ?? 0));
    return v.status === 'ok' && v.n! >= MIN_CUSTOMER_RESPONSES ? v : null;
  };
  const customerPeriod = npsIn(unitId, next) ? next : period;
  const engagement = (unit: string) => {
    const r = at(unit, period);
    return employeeValue(
      'engagement_index',
      (r?.engagement_index as number | null) ?? null,
      Number(r?.engagement_index_n ?? 0),
      shown(unit),
      minSize,
    );
  };
  const base = { employeePeriod: period, customerPeriod, lag: customerPeriod === next ? 1 : 0 };
  const x = engagement(unitId);
  const y = npsIn(unitId, customerPeriod);
  if (x.status !== 'ok' || !y) {
    return {
      ...base,
      point: {
        status: x.status === 'suppressed' ? 'suppressed' : 'no_data',
        reason:
          x.status !== 'ok'
            ? x.reason
            : `Fewer than ${MIN_CUSTOMER_RESPONSES} customer responses mapped here in ${customerPeriod}`,
        x: null,
        y: null,
        nEmployees: null,
        nCustomers: null,
        quadrant: null,
        companyX: null,
        companyY: null,
      },
    };
  }
  const cx = engagement(companyId);
  const cy = npsIn(companyId, customerPeriod);
  const split = cx.status === 'ok' && cy ? { x: cx.value!, y: cy.value! } : null;
  return {
    ...base,
    point: {
      status: 'ok',
      reason: split ? null : 'No company figure to split the chart at',
      x: x.value,
      y: y.value,
      nEmployees: x.n,
      nCustomers: y.n,
      quadrant: split ? quadrantOf(x.value!, y.value!, split) : null,
      companyX: split?.x ?? null,
      companyY: split?.y ?? null,
    },
  };
}
