import type { DuckDBConnection } from '@duckdb/node-api';
import type { MetricId } from '../../../shared/metrics';
import { figureVisibility, type FigureMap } from './figureVisibility';
import { suppressionReasons } from './reasons';
import type { Visibility } from './treeVisibility';

export type VisibilityMap = FigureMap;

/** The employee figures every method shows from respondent_scores, and who counts for each. */
const RESPONDENT_FIGURES = `
  SELECT period, unit_id, 'engagement_index' AS figure, count(engagement_0_100) AS n FROM respondent_scores GROUP BY ALL
  UNION ALL SELECT period, unit_id, 'pct_favourable', count(*) FILTER (WHERE likert_answered > 0) FROM respondent_scores GROUP BY ALL
  UNION ALL SELECT period, unit_id, 'enps', count(enps_score) FROM respondent_scores GROUP BY ALL`;

export interface PeriodVisibility {
  /** The unit's group as a whole (its respondent count, response rate). */
  row: VisibilityMap;
  /** Each figure on its own n, with every unit hidden in `row` hidden here too. */
  figure(metric: MetricId): VisibilityMap;
}

/**
 * The visibility of every unit's employee figures, per period, decided over the whole tree in
 * force for that period: first on respondent counts, then each figure (engagement, % favourable,
 * eNPS) on its own n. Two queries for all periods; every method that shows these figures asks
 * this, so they all hide the same groups.
 */
export async function visibilityMaps(
  conn: DuckDBConnection,
  periods: string[],
  minSize: number,
): Promise<Map<string, PeriodVisibility>> {
  const respondents = await figureVisibility(
    conn,
    periods,
    minSize,
    `SELECT period, unit_id, 'respondents' AS figure, count(*) AS n FROM respondent_scores GROUP BY ALL`,
    {},
    undefined,
    {
      tooFew: suppressionReasons.tooFew(minSize),
      neighbour: suppressionReasons.neighbour(minSize),
    },
  );
  const rows = new Map(
    [...respondents].map(([p, figures]) => [
      p,
      figures.get('respondents') ?? new Map<string, Visibility>(),
    ]),
  );
  const figures = await figureVisibility(conn, periods, minSize, RESPONDENT_FIGURES, {}, rows);
  return new Map(
    periods.map((p) => {
      const row = rows.get(p) ?? new Map<string, Visibility>();
      const byFigure = figures.get(p);
      return [p, { row, figure: (metric: MetricId) => byFigure?.get(metric) ?? row }];
    }),
  );
}

/** A unit's visibility for a figure (or for its group as a whole), hidden when not in the tree. */
export function visibilityOf(
  maps: Map<string, PeriodVisibility>,
  period: string,
  unitId: string,
  metric?: MetricId,
): Visibility {
  const period_ = maps.get(period);
  const map = period_ ? (metric ? period_.figure(metric) : period_.row) : undefined;
  return (
    map?.get(unitId) ?? { visible: false, reason: 'Not in the hierarchy in force for this period' }
  );
}

/** People behind each company value (answered at least one of its items), per team and period. */
const VALUE_FIGURES = `
  SELECT a.period, r.unit_id, i.factor AS figure, count(DISTINCT a.respondent_id) AS n
  FROM survey_answers a
  JOIN survey_respondents r USING (period, respondent_id)
  JOIN survey_items i USING (item_id)
  WHERE i.factor LIKE 'value:%' AND a.period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
  GROUP BY ALL`;

/** People who answered each 1-5 item, per team and period. */
const ITEM_FIGURES = `
  SELECT a.period, r.unit_id, a.item_id AS figure, count(*) AS n
  FROM survey_answers a
  JOIN survey_respondents r USING (period, respondent_id)
  JOIN survey_items i USING (item_id)
  WHERE i.scale_min = 1 AND i.scale_max = 5 AND a.period IN (SELECT unnest(from_json($periods, '["VARCHAR"]')))
  GROUP BY ALL`;

/**
 * Visibility of value cells ('value:<Name>') and single items, per period, each on its own n over
 * the tree, with every unit whose group is hidden hidden too. For methods that show a unit's
 * values or items: a small value or item group must not be worked out as parent minus teams.
 */
export async function valueAndItemVisibility(
  conn: DuckDBConnection,
  period: string,
  maps: Map<string, PeriodVisibility>,
  minSize: number,
): Promise<{ value(factor: string): VisibilityMap; item(itemId: string): VisibilityMap }> {
  const rows = new Map([[period, maps.get(period)?.row ?? new Map<string, Visibility>()]]);
  const values = (await figureVisibility(conn, [period], minSize, VALUE_FIGURES, {}, rows)).get(
    period,
  );
  const items = (await figureVisibility(conn, [period], minSize, ITEM_FIGURES, {}, rows)).get(
    period,
  );
  const fallback = rows.get(period)!;
  return {
    value: (factor) => values?.get(factor) ?? fallback,
    item: (itemId) => items?.get(itemId) ?? fallback,
  };
}
