import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Rebuilds the per-respondent figures for the given periods (all when null). Engagement is the
 * respondent's mean over engagement items rescaled to 0-100 as (score - min) / (max - min) x 100;
 * % favourable counts every answered item but the eNPS question, favourable when it is in the
 * top two boxes of the item's own scale after reverse-coding (4-5 of 1-5, 3-4 of 1-4 and 0-4,
 * 5-6 of 1-6, 6-7 of 1-7, 9-10 of 0-10): the rule value figures use (employeeFigureStats.ts).
 * eNPS is its own figure. Answers outside the item's scale are not responses.
 */
/** Items that count towards % favourable (SQL over survey_items i and survey_answers a). */
export const FAVOURABLE_ITEM = `i.factor <> 'enps' AND a.scored BETWEEN i.scale_min AND i.scale_max`;

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
      count(*) FILTER (WHERE ${FAVOURABLE_ITEM}),
      count(*) FILTER (WHERE ${FAVOURABLE_ITEM} AND a.scored >= i.scale_max - 1),
      max(a.score) FILTER (WHERE i.factor = 'enps')
    FROM survey_respondents r
    JOIN survey_answers a USING (period, respondent_id)
    JOIN survey_items i USING (item_id)
    WHERE ${inPeriods('r.')}
    GROUP BY ALL`);
}
