import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';

export type Role = 'leader' | 'front_line' | 'other';
export const ROLES: Role[] = ['leader', 'front_line', 'other'];

/** Sufficient statistics for % favourable: answers, favourable answers, respondents behind them. */
export interface Tally {
  answered: number;
  favourable: number;
  n: number;
}

export interface GroupStats {
  respondents: number;
  respondentsByRole: Record<Role, number>;
  /** By value factor ('value:<Name>'): all respondents, and per role. */
  values: Map<string, { all: Tally; byRole: Record<Role, Tally> }>;
}

/** Group ids of the people attached to a unit itself (not to any unit below it). */
export { ATTACHED_PREFIX, attachedId } from '../../confidentiality/treeSuppression';
import { ATTACHED_PREFIX } from '../../confidentiality/treeSuppression';

export interface ValueDef {
  id: string;
  name: string;
  items: { itemId: string; text: string }[];
}

export const emptyTally = (): Tally => ({ answered: 0, favourable: 0, n: 0 });

function emptyGroup(): GroupStats {
  return {
    respondents: 0,
    respondentsByRole: { leader: 0, front_line: 0, other: 0 },
    values: new Map(),
  };
}

/** The company values: every item whose factor is 'value:<Name>', grouped by value. */
export async function valueCatalogue(conn: DuckDBConnection): Promise<ValueDef[]> {
  const rows = await queryRows<{ factor: string; item_id: string; item_text: string }>(
    conn,
    `SELECT factor, item_id, item_text FROM survey_items
     WHERE factor LIKE 'value:%' ORDER BY factor, item_id`,
  );
  const byFactor = new Map<string, ValueDef>();
  for (const r of rows) {
    const def = byFactor.get(r.factor) ?? {
      id: r.factor,
      name: r.factor.slice('value:'.length).trim(),
      items: [],
    };
    def.items.push({ itemId: r.item_id, text: r.item_text });
    byFactor.set(r.factor, def);
  }
  return [...byFactor.values()];
}

/**
 * Every unit x value x role of each period's tree (the hierarchy snapshot in force for it), all
 * periods in one set-based query: sufficient statistics per team first (respondents; per value
 * the answered / favourable counts and the respondents who answered at least one of the value's
 * items), then summed over the snapshot's closure into each unit's full roll-up (group id = unit
 * id) and kept as they are for the people attached to the unit itself (group id =
 * attachedId(unit id)). Answers are `scored` (reverse-coded items flipped); favourable is the top
 * two boxes of the item's scale (4-5 on 1-5); answers outside the scale are not responses.
 */
export async function treeStats(
  conn: DuckDBConnection,
  periods: string[],
): Promise<Map<string, Map<string, GroupStats>>> {
  const out = new Map<string, Map<string, GroupStats>>(periods.map((p) => [p, new Map()]));
  // One JSON text rather than thousands of rows: converting rows to JS costs more than the query.
  const result = await queryRows<{ j: string | null }>(
    conn,
    `WITH sp AS (
       SELECT p AS period, hierarchy_for(p) AS eff
       FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
     value_items AS (
       SELECT item_id, factor, scale_min, scale_max FROM survey_items WHERE factor LIKE 'value:%'),
     per_person AS (
       SELECT a.period, a.respondent_id, vi.factor, count(*) AS answered,
         count(*) FILTER (WHERE a.scored >= vi.scale_max - 1) AS fav
       FROM survey_answers a JOIN value_items vi USING (item_id)
       WHERE a.period IN (SELECT period FROM sp) AND a.scored BETWEEN vi.scale_min AND vi.scale_max
       GROUP BY a.period, a.respondent_id, vi.factor),
     people AS (
       SELECT period, respondent_id, unit_id,
         CASE WHEN role IN ('leader', 'front_line') THEN role ELSE 'other' END AS role
       FROM respondent_scores WHERE period IN (SELECT period FROM sp)),
     base AS (
       SELECT p.period, p.unit_id, a.factor, p.role, count(*) AS n, sum(a.answered) AS answered, sum(a.fav) AS fav
       FROM people p JOIN per_person a USING (period, respondent_id)
       GROUP BY p.period, p.unit_id, a.factor, p.role
       UNION ALL
       SELECT period, unit_id, NULL, role, count(*), NULL, NULL FROM people GROUP BY period, unit_id, role),
     rolled AS (
       SELECT b.period, c.ancestor_id AS g, b.factor, b.role,
         sum(b.n) AS n, sum(b.answered) AS answered, sum(b.fav) AS fav
       FROM base b JOIN sp USING (period)
       JOIN org_closure c ON c.effective_from = sp.eff AND c.descendant_id = b.unit_id
       GROUP BY b.period, c.ancestor_id, b.factor, b.role
       UNION ALL
       SELECT b.period, '${ATTACHED_PREFIX}' || b.unit_id, b.factor, b.role, b.n, b.answered, b.fav
       FROM base b)
     SELECT CAST(to_json(list([period, g, factor, role, CAST(n AS VARCHAR),
       CAST(answered AS VARCHAR), CAST(fav AS VARCHAR)])) AS VARCHAR) AS j
     FROM rolled`,
    { periods: JSON.stringify(periods) },
  );
  const raw = JSON.parse(result[0]?.j ?? '[]') as (string | null)[][];
  for (const [period, g, factor, role, n, answered, fav] of raw) {
    const byGroup = out.get(String(period));
    if (!byGroup) continue;
    let group = byGroup.get(String(g));
    if (!group) {
      group = emptyGroup();
      byGroup.set(String(g), group);
    }
    const r = String(role) as Role;
    const count = Number(n);
    if (factor === null || factor === undefined) {
      group.respondents += count;
      group.respondentsByRole[r] += count;
      continue;
    }
    let value = group.values.get(factor);
    if (!value) {
      value = {
        all: emptyTally(),
        byRole: { leader: emptyTally(), front_line: emptyTally(), other: emptyTally() },
      };
      group.values.set(factor, value);
    }
    for (const target of [value.all, value.byRole[r]]) {
      target.answered += Number(answered ?? 0);
      target.favourable += Number(fav ?? 0);
      target.n += count;
    }
  }
  return out;
}

/** Whether any respondent in the workspace has a leader / front-line role. */
export async function hasRoleData(conn: DuckDBConnection): Promise<boolean> {
  const rows = await queryRows<{ present: number }>(
    conn,
    `SELECT count(*) AS present FROM (SELECT 1 FROM respondent_scores WHERE role IN ('leader', 'front_line') LIMIT 1)`,
  );
  return (rows[0]?.present ?? 0) > 0;
}

/**
 * For each unit, the leaf units (teams) under it in each of two snapshots, to tell whether the
 * unit stands for the same teams in both periods (a reorganisation changes that).
 */
export async function leafMembers(
  conn: DuckDBConnection,
  effectiveFroms: string[],
  unitIds: string[],
): Promise<Map<string, Map<string, string[]>>> {
  const rows = await queryRows<{ eff: string; unit_id: string; members: string[] }>(
    conn,
    `SELECT CAST(c.effective_from AS VARCHAR) AS eff, c.ancestor_id AS unit_id,
       list(c.descendant_id ORDER BY c.descendant_id) AS members
     FROM org_closure c
     WHERE c.effective_from IN (SELECT CAST(unnest(from_json($effs, '["VARCHAR"]')) AS DATE))
       AND c.ancestor_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))
       AND NOT EXISTS (SELECT 1 FROM org_units k
                       WHERE k.effective_from = c.effective_from AND k.parent_id = c.descendant_id)
     GROUP BY ALL`,
    { effs: JSON.stringify(effectiveFroms), units: JSON.stringify(unitIds) },
  );
  const out = new Map<string, Map<string, string[]>>();
  for (const r of rows) {
    const byUnit = out.get(r.eff) ?? new Map<string, string[]>();
    byUnit.set(r.unit_id, [...r.members]);
    out.set(r.eff, byUnit);
  }
  return out;
}
