import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';
import { queryRows } from '../db/query';
import { memo } from '../workspace/cache';
import { periodStart } from './periods';

export interface UnitRow extends Record<string, unknown> {
  unit_id: string;
  unit_name: string;
  parent_id: string | null;
  level: string;
  unit_type: string;
  leader_name: string | null;
  depth: number;
}

/** The effective_from dates of every hierarchy snapshot, oldest first. */
function snapshots(conn: DuckDBConnection): Promise<string[]> {
  return memo(conn, 'snapshots', async () =>
    (
      await queryRows<{ eff: string }>(
        conn,
        'SELECT DISTINCT CAST(effective_from AS VARCHAR) AS eff FROM org_units ORDER BY eff',
      )
    ).map((r) => r.eff),
  );
}

/**
 * The snapshot in force for a period: the latest one starting on or before the period's first
 * day, or the earliest when none does (the hierarchy_for macro in workspace/schema.ts, in JS).
 */
function snapshotFor(effs: string[], period: string): string | null {
  const start = periodStart(period);
  let found: string | null = null;
  for (const eff of effs) if (eff <= start) found = eff;
  return found ?? effs[0] ?? null;
}

/** The effective_from date of the hierarchy snapshot in force for each period. */
export async function hierarchiesFor(
  conn: DuckDBConnection,
  periods: string[],
): Promise<Map<string, string>> {
  const effs = await snapshots(conn);
  const out = new Map<string, string>();
  for (const p of periods) {
    const eff = snapshotFor(effs, p);
    if (eff) out.set(p, eff);
  }
  return out;
}

/** The effective_from date of the hierarchy snapshot in force for a period. */
export async function hierarchyFor(conn: DuckDBConnection, period: string): Promise<string> {
  const eff = snapshotFor(await snapshots(conn), period);
  if (!eff) {
    throw new UpstreamError(
      'NOT_FOUND',
      'The workspace has no org hierarchy: import an org_units file first.',
    );
  }
  return eff;
}

/** Units of the snapshot, each with its depth below the root (shared: do not mutate). */
export function unitsOf(conn: DuckDBConnection, effectiveFrom: string): Promise<UnitRow[]> {
  return memo(conn, `unitsOf:${effectiveFrom}`, () =>
    queryRows<UnitRow>(
      conn,
      `WITH depths AS (
         SELECT descendant_id AS unit_id, max(depth) AS depth FROM org_closure
         WHERE effective_from = CAST($eff AS DATE) GROUP BY descendant_id)
       SELECT u.unit_id, u.unit_name, u.parent_id, u.level, u.unit_type, u.leader_name, d.depth
       FROM org_units u JOIN depths d USING (unit_id)
       WHERE u.effective_from = CAST($eff AS DATE)
       ORDER BY d.depth, u.unit_name`,
      { eff: effectiveFrom },
    ),
  );
}

/** The ids of a snapshot's units, as a set (shared: do not mutate). */
export function unitIdsOf(conn: DuckDBConnection, effectiveFrom: string): Promise<Set<string>> {
  return memo(
    conn,
    `unitIdsOf:${effectiveFrom}`,
    async () => new Set((await unitsOf(conn, effectiveFrom)).map((u) => u.unit_id)),
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
