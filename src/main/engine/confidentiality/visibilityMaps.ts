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
