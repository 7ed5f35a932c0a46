import type { DuckDBConnection } from '@duckdb/node-api';
import type { Visibility } from '../../confidentiality/treeVisibility';
import { employeeValue } from '../../metrics/metricValue';
import { unitFigures } from '../../metrics/rollups';

/** Each unit's engagement index as shown (null when suppressed or empty), in one period. */
export async function shownEngagement(
  conn: DuckDBConnection,
  period: string,
  unitIds: string[],
  visibility: (unitId: string) => Visibility,
  minSize: number,
): Promise<Map<string, number | null>> {
  const rows = await unitFigures(conn, unitIds, [period], ['engagement_index']);
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const v = employeeValue(
      'engagement_index',
      (r.engagement_index as number | null) ?? null,
      Number(r.engagement_index_n ?? 0),
      visibility(r.unit_id),
      minSize,
    );
    out.set(r.unit_id, v.status === 'ok' ? v.value : null);
  }
  return out;
}
