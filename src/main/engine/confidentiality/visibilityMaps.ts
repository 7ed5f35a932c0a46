import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne } from '../db/query';
import { DECIDED_MIN_KEY } from '../derived/suppressionDecisions';
import type { Visibility } from './treeVisibility';

/**
 * Reading the confidentiality decisions that imports store (derived/suppressionDecisions.ts):
 * which units' employee figures may be shown, per period and figure. The rules are decided once
 * per period over the whole tree (decideSuppression.ts); every method asks here, so they all
 * hide the same groups, and no method decides on its own.
 */

/** A unit's visibility for one figure in one period; undefined when the unit is not in the tree. */
export interface VisibilityMap {
  get(unitId: string): Visibility | undefined;
}

export interface PeriodVisibility {
  /** The unit's group as a whole (its respondent count, response rate). */
  row: VisibilityMap;
  /** One figure ('engagement_index', 'value:Care', 'item:E1', 'gap:value:Care'), on its own n. */
  figure(figure: string): VisibilityMap;
}

export interface VisibilityOptions {
  /** Only these units are asked about (the rest of the tree reads as visible-if-present). */
  units?: string[];
  /** Figure names or SQL LIKE patterns to load (default: the headline figures). */
  figures?: string[];
}

const HEADLINE = ['respondents', 'engagement_index', 'pct_favourable', 'enps'];
const NOT_IN_TREE: Visibility = {
  visible: false,
  reason: 'Not in the hierarchy in force for this period',
};
const VISIBLE: Visibility = { visible: true };

class StoredVisibility implements VisibilityMap {
  constructor(
    private readonly members: Set<string>,
    private readonly hidden: Map<string, string> | undefined,
  ) {}

  get(unitId: string): Visibility | undefined {
    if (!this.members.has(unitId)) return undefined;
    const reason = this.hidden?.get(unitId);
    return reason === undefined ? VISIBLE : { visible: false, reason };
  }
}

/**
 * The stored decisions for some periods. Two small queries: the tree membership of each period
 * and the hidden figures asked for.
 */
export async function visibilityMaps(
  conn: DuckDBConnection,
  periods: string[],
  minSize: number,
  options: VisibilityOptions = {},
): Promise<Map<string, PeriodVisibility>> {
  const figures = options.figures ?? HEADLINE;
  const params = {
    periods: JSON.stringify(periods),
    figures: JSON.stringify(figures),
    units: JSON.stringify(options.units ?? []),
    all: options.units === undefined,
    key: DECIDED_MIN_KEY,
  };
  const row = await queryOne<{
    decided: string | null;
    members: string | null;
    hidden: string | null;
  }>(
    conn,
    `WITH sp AS (SELECT p AS period, hierarchy_for(p) AS eff FROM (SELECT unnest(from_json($periods, '["VARCHAR"]')) AS p)),
     wanted AS (SELECT unnest(from_json($units, '["VARCHAR"]')) AS unit_id),
     patterns AS (SELECT unnest(from_json($figures, '["VARCHAR"]')) AS pattern)
     SELECT
       (SELECT value FROM meta WHERE key = $key) AS decided,
       (SELECT string_agg(sp.period || chr(9) || u.unit_id, chr(10))
        FROM sp JOIN org_units u ON u.effective_from = sp.eff
        WHERE $all OR u.unit_id IN (SELECT unit_id FROM wanted)) AS members,
       (SELECT string_agg(s.period || chr(9) || s.unit_id || chr(9) || s.reason || chr(9) || s.figure, chr(10))
        FROM suppressed_figures s
        WHERE s.period IN (SELECT period FROM sp)
          AND ($all OR s.unit_id IN (SELECT unit_id FROM wanted))
          AND EXISTS (SELECT 1 FROM patterns WHERE s.figure LIKE pattern)) AS hidden`,
    params,
  );
  const decided = row?.decided === null || row?.decided === undefined ? null : Number(row.decided);
  if (decided !== null && decided !== minSize) {
    throw new Error(
      `Confidentiality decisions were made for a minimum group size of ${decided}, but ${minSize} was asked for: change the minimum through the settings method, which decides again.`,
    );
  }
  const members = new Map<string, Set<string>>(periods.map((p) => [p, new Set()]));
  for (const line of (row?.members ?? '').split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    members.get(line.slice(0, tab))?.add(line.slice(tab + 1));
  }
  const hidden = new Map<string, Map<string, Map<string, string>>>();
  for (const line of (row?.hidden ?? '').split('\n')) {
    if (!line) continue;
    const [period, unit, reason, ...figure] = line.split('\t') as [
      string,
      string,
      string,
      ...string[],
    ];
    const name = figure.join('\t');
    let byFigure = hidden.get(period);
    if (!byFigure) hidden.set(period, (byFigure = new Map()));
    let units = byFigure.get(name);
    if (!units) byFigure.set(name, (units = new Map()));
    units.set(unit, reason);
  }
  return new Map(
    periods.map((p) => {
      const inTree = members.get(p)!;
      const byFigure = hidden.get(p);
      const row = new StoredVisibility(inTree, byFigure?.get('respondents'));
      return [
        p,
        {
          row,
          figure: (figure: string) => new StoredVisibility(inTree, byFigure?.get(figure)),
        },
      ];
    }),
  );
}

/** A unit's visibility for a figure (or for its group as a whole), hidden when not in the tree. */
export function visibilityOf(
  maps: Map<string, PeriodVisibility>,
  period: string,
  unitId: string,
  figure?: string,
): Visibility {
  const forPeriod = maps.get(period);
  const map = forPeriod ? (figure ? forPeriod.figure(figure) : forPeriod.row) : undefined;
  return map?.get(unitId) ?? NOT_IN_TREE;
}

/**
 * Visibility of value cells ('value:<Name>') and single items, for one period: a small value or
 * item group must not be worked out as parent minus teams, so each has its own decisions.
 */
export async function valueAndItemVisibility(
  conn: DuckDBConnection,
  period: string,
  _maps: Map<string, PeriodVisibility>,
  minSize: number,
  units?: string[],
): Promise<{ value(factor: string): VisibilityMap; item(itemId: string): VisibilityMap }> {
  const maps = await visibilityMaps(conn, [period], minSize, {
    ...(units ? { units } : {}),
    figures: ['value:%', 'item:%'],
  });
  const forPeriod = maps.get(period)!;
  return {
    value: (factor) => forPeriod.figure(factor),
    item: (itemId) => forPeriod.figure(`item:${itemId}`),
  };
}
