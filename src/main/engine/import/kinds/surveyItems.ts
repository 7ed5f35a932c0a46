import { typedCell, uniqueCheck } from '../columnChecks';
import { unknownFactorWarnings } from './factorNames';
import { noExtraColumns, type KindImporter } from './kind';
import { recomputeRespondentScores } from './respondentScores';

export const surveyItemsImporter: KindImporter = {
  kind: 'survey_items',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [
      uniqueCheck(['item_id']),
      {
        column: 'scale_max',
        rule: 'scale_max not above scale_min',
        failsWhen: `${typedCell('scale_max', 'INTEGER')} <= ${typedCell('scale_min', 'INTEGER')}`,
        reason: `'scale_max: must be greater than scale_min'`,
      },
    ];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(`DELETE FROM survey_items WHERE item_id IN (SELECT item_id FROM ${validRows})`);
    await conn.run(
      `INSERT INTO survey_items SELECT item_id, item_text, factor, scale_min, scale_max, reverse_coded, ${sourceId} FROM ${validRows}`,
    );
    // A changed factor or scale changes every respondent's figures.
    await recomputeRespondentScores(conn, null);
  },
  warnings: unknownFactorWarnings,
};
