import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnMapping } from '../../../shared/imports';

/**
 * A vendor survey export carries its own items: the ones the workspace's catalogue does not know
 * yet join it from the mapping (text, factor, scale, reverse-coding), in the import's transaction.
 */
export async function addMappedItemsToCatalogue(
  conn: DuckDBConnection,
  mapping: ColumnMapping,
  sourceId: number,
): Promise<void> {
  for (const item of mapping.items) {
    await conn.run(
      `INSERT INTO survey_items SELECT $id, $text, $factor, $min, $max, $reverse, $source
       WHERE NOT EXISTS (SELECT 1 FROM survey_items WHERE item_id = $id)`,
      {
        id: item.itemId,
        text: item.text,
        factor: item.factor,
        min: item.scaleMin,
        max: item.scaleMax,
        reverse: item.reverseCoded,
        source: sourceId,
      },
    );
  }
}
