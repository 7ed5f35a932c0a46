import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriverKind, DriverOutcome } from '../../../../shared/analytics/drivers';
import { queryRows } from '../../db/query';

/** One candidate driver: an item, or a value with the items it is asked by. */
export interface DriverDef {
  id: string;
  label: string;
  factor: string;
  itemIds: string[];
}

export interface DriverCatalogue {
  drivers: DriverDef[];
  excluded: { id: string; label: string; reason: string }[];
}

/**
 * Items whose factor is the outcome itself are left out: an item inside the engagement index
 * correlates with it partly because it is part of it (part-whole overlap), not because it drives it.
 */
export const OUTCOME_FACTORS: Partial<Record<DriverOutcome, string>> = {
  engagement_index: 'engagement',
};

/**
 * The drivers to analyse: every 1-5 item of the catalogue (one row per item id, the latest
 * source winning, as the drill-down reads it), or every company value ('value:<Name>' factor)
 * with its items.
 */
export async function driverCatalogue(
  conn: DuckDBConnection,
  by: DriverKind,
  outcome: DriverOutcome,
): Promise<DriverCatalogue> {
  const items = await queryRows<{ item_id: string; item_text: string; factor: string }>(
    conn,
    `SELECT item_id, item_text, factor FROM survey_items
     WHERE scale_min = 1 AND scale_max = 5
     QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1
     ORDER BY factor, item_id`,
  );
  if (by === 'value') {
    const values = new Map<string, DriverDef>();
    for (const item of items.filter((i) => i.factor.startsWith('value:'))) {
      const def = values.get(item.factor) ?? {
        id: item.factor,
        label: item.factor.slice('value:'.length).trim(),
        factor: item.factor,
        itemIds: [],
      };
      def.itemIds.push(item.item_id);
      values.set(item.factor, def);
    }
    return { drivers: [...values.values()], excluded: [] };
  }
  const own = OUTCOME_FACTORS[outcome];
  const asDriver = (i: (typeof items)[number]): DriverDef => ({
    id: i.item_id,
    label: i.item_text,
    factor: i.factor,
    itemIds: [i.item_id],
  });
  return {
    drivers: items.filter((i) => i.factor !== own).map(asDriver),
    excluded: items
      .filter((i) => i.factor === own)
      .map((i) => ({
        id: i.item_id,
        label: i.item_text,
        reason:
          'Part of the engagement index itself, so it would correlate with it by construction',
      })),
  };
}
