import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, quoteLiteral } from '../db/query';
import { minGroupSizeOf } from '../workspace/settings';
import { rebuildOwnFigureStats, rebuildRollupFigureStats } from './employeeFigureStats';
import { EMPLOYEE_PERIODS_SQL, SURVEY_METRICS } from './preaggregatedStats';
import { rebuildSuppressionDecisions } from './suppressionDecisions';

const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');

/** The periods of the survey figures the newest pre-aggregated import wrote. */
async function latestSurveyPeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `SELECT DISTINCT period FROM preaggregated_figures
     WHERE source_id = (SELECT max(source_id) FROM preaggregated_figures)
       AND metric IN (${list(SURVEY_METRICS)})
     ORDER BY period`,
  );
  return rows.map((r) => r.period);
}

/**
 * After a pre-aggregated import: the employee figure statistics and the confidentiality
 * decisions of the periods its survey figures are in (the cube is rebuilt by the caller). Drivers'
 * sums come from individual answers, which these figures have none of.
 */
export async function refreshPreaggregatedFigures(conn: DuckDBConnection): Promise<void> {
  const periods = await latestSurveyPeriods(conn);
  if (periods.length === 0) return;
  await rebuildOwnFigureStats(conn, periods);
  await rebuildRollupFigureStats(conn, periods);
  await rebuildSuppressionDecisions(conn, periods, await minGroupSizeOf(conn));
}

/** Every period with employee figure statistics: survey answers or given survey figures. */
export async function employeePeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `SELECT DISTINCT period FROM (${EMPLOYEE_PERIODS_SQL}) ORDER BY period`,
  );
  return rows.map((r) => r.period);
}

/**
 * The periods whose employee figures are all given pre-aggregated (no survey answers): what
 * refreshEmployee does for survey periods, done for them (`own`: their 'own' rows too; roll-ups
 * and decisions always, since a new hierarchy or a full rebuild changes those).
 */
export async function refreshGivenOnlyPeriods(
  conn: DuckDBConnection,
  options: { own: boolean },
): Promise<void> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `SELECT DISTINCT period FROM preaggregated_figures WHERE metric IN (${list(SURVEY_METRICS)})
       AND period NOT IN (SELECT period FROM respondent_scores)
     ORDER BY period`,
  );
  const periods = rows.map((r) => r.period);
  if (periods.length === 0) return;
  if (options.own) await rebuildOwnFigureStats(conn, periods);
  await rebuildRollupFigureStats(conn, periods);
  await rebuildSuppressionDecisions(conn, periods, await minGroupSizeOf(conn));
}
