import { UpstreamError } from '../../../../shared/result';
import { queryRows, quoteIdent } from '../../db/query';
import type { ColumnSpec } from '../canonicalFormats';
import { rawCell, uniqueCheck } from '../columnChecks';
import { knownUnitCheck } from './commonChecks';
import type { KindImporter } from './kind';
import { recomputeRespondentScores } from './respondentScores';
import { timed } from '../../stepTimes';

interface CatalogueItem extends Record<string, unknown> {
  item_id: string;
  scale_min: number;
  scale_max: number;
}

/**
 * Wide survey responses: one row per respondent, one column per catalogued item. The periods in
 * the file replace those periods in the workspace (a corrected re-export never duplicates).
 */
export const surveyResponsesImporter: KindImporter = {
  kind: 'survey_responses',
  async extraColumns(conn, header) {
    const items = await queryRows<CatalogueItem>(
      conn,
      'SELECT item_id, scale_min, scale_max FROM survey_items ORDER BY item_id',
    );
    const inFile = items.filter((item) => header.includes(item.item_id));
    if (inFile.length === 0) {
      throw new UpstreamError(
        'IMPORT_ERROR',
        items.length === 0
          ? 'no item catalogue in the workspace: import the survey_items file before survey responses'
          : `row 1 (the header) has no column named after a catalogued item (expected some of: ${items
              .slice(0, 5)
              .map((i) => i.item_id)
              .join(', ')}...)`,
      );
    }
    const columns: ColumnSpec[] = inFile.map((item) => ({
      name: item.item_id,
      type: 'INTEGER',
      required: false,
      range: [item.scale_min, item.scale_max],
    }));
    if (header.includes('comment'))
      columns.push({ name: 'comment', type: 'VARCHAR', required: false });
    return columns;
  },
  async extraChecks(_conn, columns) {
    const itemCells = columns.filter((c) => c.type === 'INTEGER').map((c) => rawCell(c.name));
    return [
      knownUnitCheck('unit_id'),
      uniqueCheck(['period', 'respondent_id']),
      {
        column: 'respondent_id',
        rule: 'no item answered',
        failsWhen: `coalesce(${itemCells.join(', ')}) IS NULL`,
        reason: `'respondent_id: ''' || ${rawCell('respondent_id')} || ''' answered no item'`,
      },
    ];
  },
  async apply(conn, validRows, sourceId, columns) {
    const periods = '__survey_periods';
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${periods} AS SELECT DISTINCT period FROM ${validRows}`,
    );
    for (const table of ['survey_respondents', 'survey_answers', 'survey_comments']) {
      await conn.run(`DELETE FROM ${table} WHERE period IN (SELECT period FROM ${periods})`);
    }
    await conn.run(
      `INSERT INTO survey_respondents SELECT period, respondent_id, unit_id, submitted_at, tenure_band, role, ${sourceId} FROM ${validRows}`,
    );
    const itemColumns = columns.filter((c) => c.type === 'INTEGER').map((c) => quoteIdent(c.name));
    await timed('survey answers (one row per answer)', () =>
      conn.run(`
      INSERT INTO survey_answers
      SELECT u.period, u.respondent_id, u.item_id, u.score,
        CASE WHEN i.reverse_coded THEN i.scale_min + i.scale_max - u.score ELSE u.score END
      FROM (UNPIVOT (SELECT period, respondent_id, ${itemColumns.join(', ')} FROM ${validRows})
            ON ${itemColumns.join(', ')} INTO NAME item_id VALUE score) u
      JOIN survey_items i USING (item_id)`),
    );
    if (columns.some((c) => c.name === 'comment')) {
      await conn.run(
        `INSERT INTO survey_comments SELECT period, respondent_id, comment FROM ${validRows} WHERE nullif(trim(comment), '') IS NOT NULL`,
      );
    }
    await timed('respondent scores', () => recomputeRespondentScores(conn, periods));
    await conn.run(`DROP TABLE ${periods}`);
  },
};
