import type { DuckDBConnection } from '@duckdb/node-api';
import { siblingGroupSizes } from '../metrics/rollups';
import { complementarySuppression } from './complementarySuppression';
import { suppressionReasons } from './reasons';

export type Visibility = { visible: true } | { visible: false; reason: string };

/**
 * Whether a unit's employee figures for a period may leave the engine: its group must reach the
 * minimum, and it must not be needed to hide a smaller sibling (next-smallest rule).
 * Every employee aggregate passes through here before any transport sees it.
 */
export async function employeeVisibility(
  conn: DuckDBConnection,
  unit: { unit_id: string; parent_id: string | null },
  period: string,
  respondents: number,
  minSize: number,
): Promise<Visibility> {
  if (respondents < minSize) return { visible: false, reason: suppressionReasons.tooFew(minSize) };
  if (unit.parent_id === null) return { visible: true };
  const siblings = await siblingGroupSizes(conn, unit.parent_id, period);
  if (complementarySuppression(siblings, minSize).has(unit.unit_id)) {
    return { visible: false, reason: suppressionReasons.neighbour(minSize) };
  }
  return { visible: true };
}
