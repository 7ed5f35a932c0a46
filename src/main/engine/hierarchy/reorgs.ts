import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne } from '../db/query';
import { memo } from '../workspace/cache';
import { hierarchiesFor } from './units';

/**
 * For each unit of a hierarchy snapshot, the leaf units (teams people belong to) under it, as
 * one sorted key. Cached per snapshot: every reorganisation check compares these.
 */
export function leafSets(
  conn: DuckDBConnection,
  effectiveFrom: string,
): Promise<Map<string, string>> {
  return memo(conn, `leafSets:${effectiveFrom}`, async () => {
    const row = await queryOne<{ text: string | null }>(
      conn,
      `SELECT string_agg(ancestor_id || chr(9) || leaves, chr(10)) AS text FROM (
         SELECT c.ancestor_id, string_agg(c.descendant_id, chr(31) ORDER BY c.descendant_id) AS leaves
         FROM org_closure c
         WHERE c.effective_from = CAST($eff AS DATE)
           AND NOT EXISTS (SELECT 1 FROM org_units k
                           WHERE k.effective_from = c.effective_from AND k.parent_id = c.descendant_id)
         GROUP BY c.ancestor_id)`,
      { eff: effectiveFrom },
    );
    const out = new Map<string, string>();
    for (const line of (row?.text ?? '').split('\n')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      out.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return out;
  });
}

/** The leaves of a unit in a snapshot (empty when the unit is not in it). */
export async function leavesOf(
  conn: DuckDBConnection,
  effectiveFrom: string,
  unitId: string,
): Promise<string[]> {
  const key = (await leafSets(conn, effectiveFrom)).get(unitId);
  return key ? key.split('\u001f') : [];
}

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
  const snapshots = await hierarchiesFor(conn, periods);
  const members: Set<string>[] = [];
  for (const p of periods) {
    const eff = snapshots.get(p);
    members.push(new Set(eff ? await leavesOf(conn, eff, unitId) : []));
  }
  const changes: { period: string; note: string }[] = [];
  for (let i = 1; i < periods.length; i++) {
    const before = members[i - 1]!;
    const after = members[i]!;
    const joined = [...after].filter((m) => !before.has(m)).length;
    const left = [...before].filter((m) => !after.has(m)).length;
    if (joined === 0 && left === 0) continue;
    const note =
      before.size === 0
        ? 'Unit created in a reorganisation'
        : after.size === 0
          ? 'Unit closed in a reorganisation'
          : `Reorganisation: ${joined} team${joined === 1 ? '' : 's'} moved in, ${left} moved out`;
    changes.push({ period: periods[i]!, note });
  }
  return changes;
}
