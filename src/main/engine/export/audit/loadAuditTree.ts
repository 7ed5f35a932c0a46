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
    // Dimensions the survey's mapping kept (respondent_attributes: gender, shift...), one
    // column each, as the heatmap's demographic cuts count them.
    const dimensions = (
      await queryRows<{ dimension: string }>(
        conn,
        `SELECT DISTINCT dimension FROM respondent_attributes
         WHERE period = $period AND dimension NOT IN ('role', 'tenure_band') ORDER BY 1`,
        { period },
      )
    ).map((r) => r.dimension);
    const respondents = await queryRows<{
      unit_id: string;
      role: string;
      tenure_band: string;
      n: number;
      [dimension: `d${number}`]: string;
    }>(
      conn,
      `SELECT unit_id,
              coalesce(nullif(trim(role), ''), $none) AS role,
              coalesce(nullif(trim(tenure_band), ''), $none) AS tenure_band,
              ${dimensions.map((_, i) => `coalesce(nullif(trim(a${i}.value), ''), $none) AS d${i},`).join(' ')}
              count(*)::INTEGER AS n
       FROM survey_respondents r
       ${dimensions
         .map(
           (_, i) =>
             `LEFT JOIN (SELECT respondent_id, any_value(value) AS value FROM respondent_attributes
                WHERE period = $period AND dimension = $dim${i} GROUP BY respondent_id) a${i}
              USING (respondent_id)`,
         )
         .join(' ')}
       WHERE r.period = $period GROUP BY ALL`,
      {
        period,
        none: NOT_STATED,
        ...Object.fromEntries(dimensions.map((d, i) => [`dim${i}`, d])),
      },
    );
    const heads = await queryRows<{ unit_id: string; headcount: number }>(
      conn,
      `SELECT unit_id, sum(headcount)::INTEGER AS headcount FROM hr_metrics
       WHERE period = $period GROUP BY unit_id`,
      { period },
    );
    const people: PeopleRow[] = respondents.map((r) => ({
      unit: r.unit_id,
      groups: {
        role: r.role,
        tenure_band: r.tenure_band,
        ...Object.fromEntries(dimensions.map((d, i) => [d, r[`d${i}`]])),
      },
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
