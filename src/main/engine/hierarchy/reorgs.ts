import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/query';

/**
 * Periods where what a unit stands for changed: the set of leaf units (the teams people belong
 * to) under it differs from the previous period's hierarchy: teams moved in or out, the unit was
 * created or closed. A new level in between (a region split) changes nothing for the company as
 * a whole. Trends that cross such a period compare different groups of people; the screen says so.
 */
export async function unitReorgs(
  conn: DuckDBConnection,
  unitId: string,
  periods: string[],
): Promise<{ period: string; note: string }[]> {
  const rows = await queryRows<{ period: string; members: string[] | null }>(
    conn,
    `SELECT p.period, list(c.descendant_id ORDER BY c.descendant_id) FILTER (WHERE c.descendant_id IS NOT NULL) AS members
     FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS period) p
     LEFT JOIN org_closure c ON c.effective_from = hierarchy_for(p.period) AND c.ancestor_id = $unit
       AND NOT EXISTS (SELECT 1 FROM org_units k WHERE k.effective_from = c.effective_from AND k.parent_id = c.descendant_id)
     GROUP BY p.period ORDER BY p.period`,
    { periods: JSON.stringify(periods), unit: unitId },
  );
  const changes: { period: string; note: string }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const before = new Set(rows[i - 1]!.members ?? []);
    const after = new Set(rows[i]!.members ?? []);
    const joined = [...after].filter((m) => !before.has(m)).length;
    const left = [...before].filter((m) => !after.has(m)).length;
    if (joined === 0 && left === 0) continue;
    const note =
      before.size === 0
        ? 'Unit created in a reorganisation'
        : after.size === 0
          ? 'Unit closed in a reorganisation'
          : `Reorganisation: ${joined} team${joined === 1 ? '' : 's'} moved in, ${left} moved out`;
    changes.push({ period: rows[i]!.period, note });
  }
  return changes;
}
