import type { DuckDBConnection } from '@duckdb/node-api';
import {
  decideHrSuppression,
  HR_FIGURES,
  type HrRollup,
} from '../confidentiality/decideHrSuppression';
import { queryRows } from '../db/query';

const FIGURES = `(SELECT unnest(from_json($figures, '["VARCHAR"]')))`;

/** One period's tree and each unit's HR records over its roll-up. */
export interface HrPeriod {
  units: { id: string; parentId: string | null }[];
  rollups: Map<string, HrRollup>;
}

/** Every period with an HR headcount, read from unit_period_stats (one row per unit). */
export async function hrPeriods(conn: DuckDBConnection): Promise<Map<string, HrPeriod>> {
  const rows = await queryRows<{
    period: string;
    unit_id: string;
    parent_id: string | null;
    headcount: number;
    leavers: number;
    absence_days: number;
    recognition_events: number;
  }>(
    conn,
    `WITH hr_periods AS (
       SELECT period, hierarchy_for(period) AS eff FROM unit_period_stats
       GROUP BY period HAVING max(headcount) > 0)
     SELECT p.period, o.unit_id, o.parent_id, coalesce(u.headcount, 0) AS headcount,
       coalesce(u.leavers, 0) AS leavers, coalesce(u.absence_days, 0) AS absence_days,
       coalesce(u.recognition_events, 0) AS recognition_events
     FROM hr_periods p
     JOIN org_units o ON o.effective_from = p.eff
     LEFT JOIN unit_period_stats u ON u.period = p.period AND u.unit_id = o.unit_id
     ORDER BY p.period, o.unit_id`,
  );
  const out = new Map<string, HrPeriod>();
  for (const r of rows) {
    let period = out.get(r.period);
    if (!period) out.set(r.period, (period = { units: [], rollups: new Map() }));
    period.units.push({ id: r.unit_id, parentId: r.parent_id });
    period.rollups.set(r.unit_id, {
      headcount: Number(r.headcount),
      leavers: Number(r.leavers),
      absenceDays: Number(r.absence_days),
      recognitionEvents: Number(r.recognition_events),
    });
  }
  return out;
}

/**
 * Makes and stores the HR figures' confidentiality decisions (decideHrSuppression) for every
 * period with an HR headcount, from unit_period_stats: call it after that table is rebuilt.
 * Units and periods are few (one row each), so all periods are decided again every time.
 */
export async function rebuildHrSuppressionDecisions(
  conn: DuckDBConnection,
  minSize: number,
): Promise<void> {
  const figures = JSON.stringify(HR_FIGURES);
  await conn.run(`DELETE FROM suppressed_figures WHERE figure IN ${FIGURES}`, { figures });
  const figure: string[] = [];
  const period: string[] = [];
  const unit: string[] = [];
  const reason: string[] = [];
  for (const [p, { units, rollups }] of await hrPeriods(conn)) {
    for (const [f, hidden] of decideHrSuppression(units, rollups, minSize)) {
      for (const [u, why] of hidden) {
        figure.push(f);
        period.push(p);
        unit.push(u);
        reason.push(why);
      }
    }
  }
  if (figure.length === 0) return;
  await conn.run(
    `INSERT INTO suppressed_figures
     SELECT unnest(j.p), unnest(j.f), unnest(j.u), unnest(j.r)
     FROM (SELECT from_json($rows, '{"p":["VARCHAR"],"f":["VARCHAR"],"u":["VARCHAR"],"r":["VARCHAR"]}') AS j)`,
    { rows: JSON.stringify({ p: period, f: figure, u: unit, r: reason }) },
  );
}
