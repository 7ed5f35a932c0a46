import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/query';
import { memo } from '../../workspace/cache';

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
export function valueCatalogue(conn: DuckDBConnection): Promise<ValueDef[]> {
  return memo(conn, 'valueCatalogue', () => readValueCatalogue(conn));
}

async function readValueCatalogue(conn: DuckDBConnection): Promise<ValueDef[]> {
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
 * The full roll-up of some units in some periods, per value and role, read from the statistics
 * imports keep (employee_figure_stats): respondents, and per value the answered / favourable
 * counts and the respondents who answered at least one of its items.
 */
export async function groupStats(
  conn: DuckDBConnection,
  periods: string[],
  unitIds: string[],
): Promise<Map<string, Map<string, GroupStats>>> {
  const out = new Map<string, Map<string, GroupStats>>(periods.map((p) => [p, new Map()]));
  const rows = await queryRows<{
    period: string;
    unit_id: string;
    figure: string;
    role: Role | 'all';
    n: number;
    answered: number;
    favourable: number;
  }>(
    conn,
    `SELECT period, unit_id, figure, role, n, answered, favourable FROM employee_figure_stats
     WHERE scope = 'rollup' AND (figure = 'respondents' OR figure LIKE 'value:%')
       AND period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
       AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))`,
    { periods: JSON.stringify(periods), units: JSON.stringify(unitIds) },
  );
  for (const r of rows) {
    const byUnit = out.get(r.period)!;
    let group = byUnit.get(r.unit_id);
    if (!group) byUnit.set(r.unit_id, (group = emptyGroup()));
    if (r.figure === 'respondents') {
      if (r.role === 'all') group.respondents = r.n;
      else group.respondentsByRole[r.role] = r.n;
      continue;
    }
    let value = group.values.get(r.figure);
    if (!value) {
      value = {
        all: emptyTally(),
        byRole: { leader: emptyTally(), front_line: emptyTally(), other: emptyTally() },
      };
      group.values.set(r.figure, value);
    }
    const tally = r.role === 'all' ? value.all : value.byRole[r.role];
    tally.answered = r.answered;
    tally.favourable = r.favourable;
    tally.n = r.n;
  }
  return out;
}

/** Whether any respondent in the workspace has a leader / front-line role. */
export function hasRoleData(conn: DuckDBConnection): Promise<boolean> {
  return memo(conn, 'hasRoleData', async () => {
    const rows = await queryRows<{ present: number }>(
      conn,
      `SELECT count(*) AS present FROM (SELECT 1 FROM respondent_scores WHERE role IN ('leader', 'front_line') LIMIT 1)`,
    );
    return (rows[0]?.present ?? 0) > 0;
  });
}
