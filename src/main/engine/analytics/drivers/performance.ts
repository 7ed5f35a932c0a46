import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind } from '../../../../shared/analytics/drivers';
import type { MetricValue } from '../../../../shared/metrics';
import type { Visibility } from '../../confidentiality/treeVisibility';
import { valueAndItemVisibility, type VisibilityMap } from '../../confidentiality/visibilityMaps';
import { employeeValue } from '../../metrics/metricValue';
import type { DriverDef } from './catalogue';
import type { DriverTally } from './tallies';

const NOT_IN_TREE: Visibility = {
  visible: false,
  reason: 'Not in the hierarchy in force for this period',
};

/** Whether one driver's figure may be shown for a unit: its own n over the tree, as every method asks. */
export type DriverFigureVisibility = (driver: DriverDef, unitId: string) => Visibility;

/** `units`: the only units that will be asked about (default every unit). */
export async function driverFigureVisibility(
  conn: DuckDBConnection,
  period: string,
  minSize: number,
  by: DriverKind,
  units?: string[],
): Promise<DriverFigureVisibility> {
  const figures = await valueAndItemVisibility(conn, period, minSize, units);
  const byDriver = new Map<string, VisibilityMap>();
  return (driver, unitId) => {
    let map = byDriver.get(driver.id);
    if (!map) {
      map = by === 'value' ? figures.value(driver.factor) : figures.item(driver.id);
      byDriver.set(driver.id, map);
    }
    return map.get(unitId) ?? NOT_IN_TREE;
  };
}

/** A driver's % favourable for one unit, as the drill-down and heatmap would show it (or why not). */
export function driverPerformance(
  tally: DriverTally | undefined,
  visibility: Visibility,
  minSize: number,
): MetricValue {
  const answered = tally?.answered ?? 0;
  return employeeValue(
    'pct_favourable',
    answered > 0 ? (tally!.favourable * 100) / answered : null,
    tally?.n ?? 0,
    visibility,
    minSize,
  );
}
