import { queryRows } from '../db/query';
import { resolvePeriod } from '../hierarchy/periods';
import { hierarchyFor, unitsOf } from '../hierarchy/units';
import type { Handler } from './context';

export const hierarchy: Handler<'hierarchy'> = async (input, { ws }) => {
  const { conn } = ws;
  const period = await resolvePeriod(conn, input.period);
  const effectiveFrom = await hierarchyFor(conn, period);
  const units = await unitsOf(conn, effectiveFrom);
  // Headcount is an HR figure (not a survey answer): the sum over every unit below, for the period.
  const heads = await queryRows<{ unit_id: string; headcount: number }>(
    conn,
    `SELECT c.ancestor_id AS unit_id, sum(h.headcount) AS headcount
     FROM org_closure c JOIN hr_metrics h ON h.unit_id = c.descendant_id AND h.period = $period
     WHERE c.effective_from = CAST($eff AS DATE) GROUP BY c.ancestor_id`,
    { period, eff: effectiveFrom },
  );
  const headcountOf = new Map(heads.map((h) => [h.unit_id, h.headcount]));
  return {
    period,
    effectiveFrom,
    units: units.map((u) => ({
      id: u.unit_id,
      name: u.unit_name,
      level: u.level,
      depth: u.depth,
      parentId: u.parent_id,
      unitType: u.unit_type,
      leader: u.leader_name,
      headcount: headcountOf.get(u.unit_id) ?? null,
    })),
  };
};
