import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Rebuilds the per-respondent figures for the given periods (all when null). Engagement is the
 * respondent's mean over engagement items rescaled to 0-100 as (score - min) / (max - min) x 100;
 * % favourable counts answered 1-5 items scored 4 or 5 after reverse-coding.
 */
export async function recomputeRespondentScores(
  conn: DuckDBConnection,
  periodsTable: string | null,
): Promise<void> {
  const inPeriods = (alias: string): string =>
    periodsTable ? `${alias}period IN (SELECT period FROM ${periodsTable})` : 'true';
  await conn.run(`DELETE FROM respondent_scores WHERE ${inPeriods('')}`);
  await conn.run(`
    INSERT INTO respondent_scores
    SELECT r.period, r.respondent_id, r.unit_id, r.role,
      avg((a.scored - i.scale_min) * 100.0 / (i.scale_max - i.scale_min)) FILTER (WHERE i.factor = 'engagement'),
      count(*) FILTER (WHERE i.scale_min = 1 AND i.scale_max = 5),
      count(*) FILTER (WHERE i.scale_min = 1 AND i.scale_max = 5 AND a.scored >= 4),
      max(a.score) FILTER (WHERE i.factor = 'enps')
    FROM survey_respondents r
    JOIN survey_answers a USING (period, respondent_id)
    JOIN survey_items i USING (item_id)
    WHERE ${inPeriods('r.')}
    GROUP BY ALL`);
}
