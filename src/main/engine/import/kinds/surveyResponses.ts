import { UpstreamError } from '../../../../shared/result';
import { queryRows, quoteIdent, quoteLiteral } from '../../db/query';
import type { ColumnSpec } from '../canonicalFormats';
import { rawCell, uniqueCheck } from '../columnChecks';
import { knownUnitCheck } from './commonChecks';
import type { KindImporter } from './kind';
import { recomputeRespondentScores } from './respondentScores';
import { demographicColumns, insertAttributes } from '../surveyDefaults/demographics';
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
    columns.push(...demographicColumns(header));
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
    for (const table of [
      'survey_respondents',
      'survey_answers',
      'survey_comments',
      'respondent_attributes',
    ]) {
      await conn.run(`DELETE FROM ${table} WHERE period IN (SELECT period FROM ${periods})`);
    }
    await conn.run(
      `INSERT INTO survey_respondents SELECT period, respondent_id, unit_id, submitted_at, tenure_band, role, ${sourceId} FROM ${validRows}`,
    );
    // One row per answer, scored (reverse-coded items flipped) from the catalogue read here: a
    // list per respondent unnested, rather than an UNPIVOT joined with survey_items, whose hash
    // join over every answer (2M a quarter at the large sample) was a third of this statement.
    const items = await queryRows<{ item_id: string; flip: number | null }>(
      conn,
      `SELECT item_id, CASE WHEN reverse_coded THEN scale_min + scale_max END AS flip
       FROM survey_items WHERE item_id IN (SELECT unnest(from_json($items, '["VARCHAR"]')))`,
      { items: JSON.stringify(columns.filter((c) => c.type === 'INTEGER').map((c) => c.name)) },
    );
    const flip = new Map(items.map((i) => [i.item_id, i.flip]));
    // Items in the file's column order, as the UNPIVOT had them; each is in the catalogue.
    const inCatalogue = columns.filter((c) => c.type === 'INTEGER' && flip.has(c.name));
    const scored = (name: string) => {
      const sum = flip.get(name);
      return sum === null || sum === undefined
        ? quoteIdent(name)
        : `${Math.trunc(sum)} - ${quoteIdent(name)}`;
    };
    await timed('survey answers (one row per answer)', () =>
      conn.run(`
      INSERT INTO survey_answers
      SELECT period, respondent_id, item_id, score, scored
      FROM (
        SELECT period, respondent_id,
          unnest([${inCatalogue.map((c) => quoteLiteral(c.name)).join(', ')}]) AS item_id,
          unnest([${inCatalogue.map((c) => quoteIdent(c.name)).join(', ')}]) AS score,
          unnest([${inCatalogue.map((c) => scored(c.name)).join(', ')}]) AS scored
        FROM ${validRows})
      WHERE score IS NOT NULL`),
    );
    await insertAttributes(conn, validRows, columns, sourceId);
    if (columns.some((c) => c.name === 'comment')) {
      await conn.run(
        `INSERT INTO survey_comments SELECT period, respondent_id, comment FROM ${validRows} WHERE nullif(trim(comment), '') IS NOT NULL`,
      );
    }
    await timed('respondent scores', () => recomputeRespondentScores(conn, periods));
    await conn.run(`DROP TABLE ${periods}`);
  },
};
