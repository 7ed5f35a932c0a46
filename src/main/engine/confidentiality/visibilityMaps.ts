import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOne } from '../db/query';
import { DECIDED_MIN_KEY } from '../derived/suppressionDecisions';
import { hierarchiesFor, unitIdsOf } from '../hierarchy/units';
import { HR_FIGURES } from './decideHrSuppression';
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
  /** Only these units are asked about: the others' decisions are not loaded (faster). */
  units?: string[];
  /** Figure names or SQL LIKE patterns to load (default: the headline figures). */
  figures?: string[];
}

const HEADLINE = ['respondents', 'engagement_index', 'pct_favourable', 'enps', ...HR_FIGURES];
const NOT_IN_TREE: Visibility = {
  visible: false,
  reason: 'Not in the hierarchy in force for this period',
};
const VISIBLE: Visibility = { visible: true };
const NOT_ASKED: Visibility = { visible: false, reason: 'Suppressed: not checked for this view' };

class StoredVisibility implements VisibilityMap {
  constructor(
    private readonly members: Set<string>,
    private readonly hidden: Map<string, string> | undefined,
    /** The units whose decisions were loaded; null when all were. */
    private readonly asked: Set<string> | null,
  ) {}

  get(unitId: string): Visibility | undefined {
    if (!this.members.has(unitId)) return undefined;
    // Never "visible" by default for a unit whose decisions were not read.
    if (this.asked && !this.asked.has(unitId)) return NOT_ASKED;
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
  const exact = figures.filter((f) => !f.includes('%'));
  const patterns = figures.filter((f) => f.includes('%'));
  const row = await queryOne<{ decided: string | null; hidden: string | null }>(
    conn,
    `SELECT
       (SELECT value FROM meta WHERE key = $key) AS decided,
       (SELECT string_agg(s.period || chr(9) || s.unit_id || chr(9) || s.reason || chr(9) || s.figure, chr(10))
        FROM suppressed_figures s
        WHERE s.period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
          AND ($all OR s.unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]'))))
          AND (s.figure IN (SELECT unnest(from_json($exact, '["VARCHAR"]')))
               OR ${patterns.length ? patterns.map((_, i) => `s.figure LIKE $p${i}`).join(' OR ') : 'false'})) AS hidden`,
    {
      key: DECIDED_MIN_KEY,
      periods: JSON.stringify(periods),
      units: JSON.stringify(options.units ?? []),
      all: options.units === undefined,
      exact: JSON.stringify(exact),
      ...Object.fromEntries(patterns.map((p, i) => [`p${i}`, p])),
    },
  );
  const decided = row?.decided === null || row?.decided === undefined ? null : Number(row.decided);
  if (decided !== null && decided !== minSize) {
    throw new Error(
      `Confidentiality decisions were made for a minimum group size of ${decided}, but ${minSize} was asked for: change the minimum through the settings method, which decides again.`,
    );
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
  const snapshots = await hierarchiesFor(conn, periods);
  const asked = options.units ? new Set(options.units) : null;
  // A figure whose decisions were not read is never shown as visible by default.
  const prefixes = patterns.map((p) => p.slice(0, p.indexOf('%')));
  const loaded = (figure: string) =>
    exact.includes(figure) || prefixes.some((prefix) => figure.startsWith(prefix));
  const out = new Map<string, PeriodVisibility>();
  for (const p of periods) {
    const eff = snapshots.get(p);
    const inTree = eff ? await unitIdsOf(conn, eff) : new Set<string>();
    const byFigure = hidden.get(p);
    const figure = (name: string) =>
      loaded(name)
        ? new StoredVisibility(inTree, byFigure?.get(name), asked)
        : new StoredVisibility(inTree, undefined, new Set());
    out.set(p, { row: figure('respondents'), figure });
  }
  return out;
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
