import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';
import { hierarchiesFor, unitsOf } from '../../hierarchy/units';
import { NOT_STATED } from './atoms';
import type { AuditPopulations, AuditTree, PeopleRow } from './types';

/**
 * Each period's hierarchy (the snapshot in force, as every view reads it), with the survey
 * respondents attached to each unit by role and tenure band and the HR headcount attached to
 * each unit, and the values asked with one item (their shares add up over people): what the audit needs to know how the figures' populations nest and how many people
 * each part holds.
 */
export async function loadAuditTree(
  conn: DuckDBConnection,
  periods: string[],
): Promise<AuditPopulations> {
  const snapshots = await hierarchiesFor(conn, periods);
  const singleItem = await queryRows<{ factor: string }>(
    conn,
    `SELECT factor FROM survey_items WHERE factor LIKE 'value:%' GROUP BY factor HAVING count(*) = 1`,
  );
  const oneAnswerEach = new Set(singleItem.map((r) => r.factor));
  const out: AuditPopulations = new Map();
  for (const period of new Set(periods)) {
    const eff = snapshots.get(period);
    if (!eff) continue;
    const units = await unitsOf(conn, eff);
    const respondents = await queryRows<{
      unit_id: string;
      role: string;
      tenure_band: string;
      n: number;
    }>(
      conn,
      `SELECT unit_id,
              coalesce(nullif(trim(role), ''), $none) AS role,
              coalesce(nullif(trim(tenure_band), ''), $none) AS tenure_band,
              count(*)::INTEGER AS n
       FROM survey_respondents WHERE period = $period GROUP BY ALL`,
      { period, none: NOT_STATED },
    );
    const heads = await queryRows<{ unit_id: string; headcount: number }>(
      conn,
      `SELECT unit_id, sum(headcount)::INTEGER AS headcount FROM hr_metrics
       WHERE period = $period GROUP BY unit_id`,
      { period },
    );
    const people: PeopleRow[] = respondents.map((r) => ({
      unit: r.unit_id,
      groups: { role: r.role, tenure_band: r.tenure_band },
      n: r.n,
    }));
    // No rows at all (figures imported pre-aggregated): sizes unknown, not zero.
    const tree: AuditTree = {
      parent: new Map(units.map((u) => [u.unit_id, u.parent_id])),
      names: new Map(units.map((u) => [u.unit_id, u.unit_name])),
      people: people.length > 0 ? people : undefined,
      headcount: heads.length > 0 ? new Map(heads.map((h) => [h.unit_id, h.headcount])) : undefined,
      oneAnswerEach,
    };
    out.set(period, tree);
  }
  return out;
}
