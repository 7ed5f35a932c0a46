import type { DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalKind } from '../import/canonicalFormats';
import { queryRows } from '../db/query';
import { invalidateCache } from '../workspace/cache';
import { minGroupSizeOf } from '../workspace/settings';
import { refreshContactQueueStats } from './contactQueueStats';
import { refreshCustomerCodeStats } from './customerCodeStats';
import { periodsUnderNewestSnapshot, rebuildDriverPairStats } from './driverPairStats';
import { rebuildOwnFigureStats, rebuildRollupFigureStats } from './employeeFigureStats';
import {
  employeePeriods,
  refreshGivenOnlyPeriods,
  refreshPreaggregatedFigures,
} from './preaggregatedRefresh';
import { EMPLOYEE_PERIODS_SQL } from './preaggregatedStats';
import { rebuildHrSuppressionDecisions } from './hrSuppressionDecisions';
import { rebuildSuppressionDecisions } from './suppressionDecisions';
import { rebuildUnitPeriodStats } from './unitPeriodStats';
import { timed } from '../stepTimes';

/**
 * Tables derived from imported data (sums per code, queue, unit and period that methods answer
 * from, and the confidentiality decisions over them) are brought up to date here, inside the
 * import's transaction, so they are never stale and opening a workspace never rebuilds them.
 * Each kind of import redoes only what depends on it.
 */
export async function refreshDerived(conn: DuckDBConnection, kind: CanonicalKind): Promise<void> {
  invalidateCache(conn);
  switch (kind) {
    case 'survey_responses':
      await refreshEmployee(conn, await latestSurveyPeriods(conn), { own: true });
      break;
    case 'survey_items':
      // A changed factor or scale changes every respondent's figures.
      await refreshEmployee(conn, await surveyPeriods(conn), { own: true });
      break;
    case 'org_units':
      // A new snapshot can change which teams every unit stands for, in any period.
      await refreshEmployee(conn, await surveyPeriods(conn), { own: false });
      await refreshGivenOnlyPeriods(conn, { own: false });
      break;
    case 'customer_feedback':
      await timed('customer code sums', () => refreshCustomerCodeStats(conn));
      break;
    case 'contact_centre':
      await refreshContactQueueStats(conn);
      break;
    case 'preaggregated':
      // Survey figures among them: their periods' statistics and decisions (the cube always).
      await refreshPreaggregatedFigures(conn);
      break;
    case 'unit_mapping':
    case 'recognition':
    case 'hr_metrics':
    case 'people':
      break;
  }
  await timed('unit_period_stats', () => rebuildUnitPeriodStats(conn));
  await timed('HR suppression decisions', async () =>
    rebuildHrSuppressionDecisions(conn, await minGroupSizeOf(conn)),
  );
}

/** Every derived table from scratch: after a migration, or data written other than by import. */
export async function rebuildDerived(conn: DuckDBConnection): Promise<void> {
  invalidateCache(conn);
  await refreshCustomerCodeStats(conn);
  await refreshContactQueueStats(conn);
  await refreshEmployee(conn, await surveyPeriods(conn), { own: true });
  await refreshGivenOnlyPeriods(conn, { own: true });
  await rebuildUnitPeriodStats(conn);
  await rebuildHrSuppressionDecisions(conn, await minGroupSizeOf(conn));
}

/** New confidentiality decisions for every period, after the minimum group size changed. */
export async function redecideSuppression(conn: DuckDBConnection): Promise<void> {
  invalidateCache(conn);
  const minSize = await minGroupSizeOf(conn);
  await rebuildSuppressionDecisions(conn, await employeePeriods(conn), minSize);
  await rebuildHrSuppressionDecisions(conn, minSize);
}

async function refreshEmployee(
  conn: DuckDBConnection,
  periods: string[],
  options: { own: boolean },
): Promise<void> {
  // Periods no survey holds any more keep no figures.
  for (const table of ['employee_figure_stats', 'suppressed_figures']) {
    await conn.run(`DELETE FROM ${table} WHERE period NOT IN (${EMPLOYEE_PERIODS_SQL})`);
  }
  if (options.own)
    await timed('employee_figure_stats (own)', () => rebuildOwnFigureStats(conn, periods));
  await timed('employee_figure_stats (roll-ups)', () => rebuildRollupFigureStats(conn, periods));
  await timed('suppression decisions', async () =>
    rebuildSuppressionDecisions(conn, periods, await minGroupSizeOf(conn)),
  );
  // Made from the answers, not from own sums: after an org import only the periods it moved.
  await timed('driver pair statistics', async () =>
    rebuildDriverPairStats(conn, options.own ? periods : await periodsUnderNewestSnapshot(conn)),
  );
}

async function surveyPeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    'SELECT DISTINCT period FROM respondent_scores ORDER BY period',
  );
  return rows.map((r) => r.period);
}

/** The periods the survey import just written holds (its rows carry the newest source id). */
async function latestSurveyPeriods(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    conn,
    `SELECT DISTINCT period FROM survey_respondents
     WHERE source_id = (SELECT max(source_id) FROM survey_respondents) ORDER BY period`,
  );
  return rows.map((r) => r.period);
}
