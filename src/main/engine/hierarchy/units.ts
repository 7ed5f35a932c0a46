import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';
import { queryOne, queryRows } from '../db/query';

export interface UnitRow extends Record<string, unknown> {
  unit_id: string;
  unit_name: string;
  parent_id: string | null;
  level: string;
  unit_type: string;
  leader_name: string | null;
  depth: number;
}

/** The effective_from date of the hierarchy snapshot in force for each period. */
export async function hierarchiesFor(
  conn: DuckDBConnection,
  periods: string[],
): Promise<Map<string, string>> {
  const rows = await queryRows<{ period: string; eff: string }>(
    conn,
    `SELECT p AS period, CAST(hierarchy_for(p) AS VARCHAR) AS eff FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)`,
    { periods: JSON.stringify(periods) },
  );
  return new Map(rows.filter((r) => r.eff).map((r) => [r.period, r.eff]));
}

/** The effective_from date of the hierarchy snapshot in force for a period. */
export async function hierarchyFor(conn: DuckDBConnection, period: string): Promise<string> {
  const row = await queryOne<{ eff: string | null }>(
    conn,
    'SELECT CAST(hierarchy_for($p) AS VARCHAR) AS eff',
    { p: period },
  );
  if (!row?.eff) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no org hierarchy: import an org_units file first.',
    );
  }
  return row.eff;
}

/** Units of the snapshot, each with its depth below the root. */
export async function unitsOf(conn: DuckDBConnection, effectiveFrom: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    conn,
    `WITH depths AS (
       SELECT descendant_id AS unit_id, max(depth) AS depth FROM org_closure
       WHERE effective_from = CAST($eff AS DATE) GROUP BY descendant_id)
     SELECT u.unit_id, u.unit_name, u.parent_id, u.level, u.unit_type, u.leader_name, d.depth
     FROM org_units u JOIN depths d USING (unit_id)
     WHERE u.effective_from = CAST($eff AS DATE)
     ORDER BY d.depth, u.unit_name`,
    { eff: effectiveFrom },
  );
}

export async function findUnit(
  conn: DuckDBConnection,
  effectiveFrom: string,
  unitId: string | undefined,
  period: string,
): Promise<UnitRow> {
  const units = await unitsOf(conn, effectiveFrom);
  const unit =
    unitId === undefined
      ? units.find((u) => u.parent_id === null)
      : units.find((u) => u.unit_id === unitId);
  if (!unit) {
    throw new UpstreamError(
      'NOT_FOUND',
      unitId === undefined
        ? `The hierarchy in force for ${period} has no top-level unit.`
        : `Unit '${unitId}' is not in the hierarchy in force for ${period}.`,
    );
  }
  return unit;
}
