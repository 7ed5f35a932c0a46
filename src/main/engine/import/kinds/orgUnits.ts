import { rawCell } from '../columnChecks';
import { uniqueCheck } from '../columnChecks';
import { noExtraColumns, type KindImporter } from './kind';

/** A hierarchy snapshot: it replaces any snapshot with the same effective_from. */
export const orgUnitsImporter: KindImporter = {
  kind: 'org_units',
  extraColumns: noExtraColumns,
  async extraChecks() {
    const parent = rawCell('parent_id');
    return [
      uniqueCheck(['effective_from', 'unit_id']),
      {
        column: 'parent_id',
        rule: 'unknown parent',
        failsWhen: `${parent} IS NOT NULL AND ${parent} NOT IN (SELECT ${rawCell('unit_id')} FROM __mapped)`,
        reason: `'parent_id: ''' || ${parent} || ''' is not a unit_id in this file'`,
      },
    ];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(
      `DELETE FROM org_units WHERE effective_from IN (SELECT DISTINCT effective_from FROM ${validRows})`,
    );
    await conn.run(
      `INSERT INTO org_units SELECT effective_from, unit_id, unit_name, parent_id, level, unit_type, leader_name, ${sourceId}
       FROM ${validRows}`,
    );
    await conn.run(
      `DELETE FROM org_closure WHERE effective_from IN (SELECT DISTINCT effective_from FROM ${validRows})`,
    );
    // Depth is capped so that a cycle in a malformed export cannot recurse forever.
    await conn.run(`
      INSERT INTO org_closure
      WITH RECURSIVE walk(effective_from, ancestor_id, descendant_id, depth) AS (
        SELECT effective_from, unit_id, unit_id, 0 FROM ${validRows}
        UNION ALL
        SELECT w.effective_from, w.ancestor_id, c.unit_id, w.depth + 1
        FROM walk w JOIN ${validRows} c ON c.parent_id = w.descendant_id AND c.effective_from = w.effective_from
        WHERE w.depth < 50
      )
      SELECT DISTINCT effective_from, ancestor_id, descendant_id, depth FROM walk`);
  },
};
