import { rawCell, uniqueCheck, type RowCheck } from '../columnChecks';
import type { CanonicalKind } from '../canonicalFormats';
import { knownUnitCheck, replaceByKeySql } from './commonChecks';
import { noExtraColumns, type KindImporter } from './kind';

/**
 * Kinds whose rows go to one table and are identified by a key: a re-import replaces rows with
 * the same key, never duplicates them. Their rows can go straight from the file into the table
 * in one pass (see directImport.ts).
 */
function keyedImporter(spec: {
  kind: CanonicalKind;
  table: string;
  keys: string[];
  /** The table's columns, in order, over the validated rows; `$source` is the new source id. */
  select: string;
  checks?: RowCheck[];
}): KindImporter {
  const insertSql = (rows: string, sourceId: number) =>
    `INSERT INTO ${spec.table} SELECT ${spec.select.replace('$source', String(sourceId))} FROM ${rows}`;
  return {
    kind: spec.kind,
    extraColumns: noExtraColumns,
    async extraChecks() {
      return [uniqueCheck(spec.keys), ...(spec.checks ?? [])];
    },
    async apply(conn, validRows, sourceId) {
      await conn.run(replaceByKeySql(spec.table, validRows, spec.keys));
      await conn.run(insertSql(validRows, sourceId));
    },
    direct: { table: spec.table, keys: spec.keys, insertSql },
  };
}

export const customerFeedbackImporter = keyedImporter({
  kind: 'customer_feedback',
  table: 'customer_feedback',
  keys: ['response_id'],
  select:
    'response_id, responded_at, period_of(responded_at), cx_code, channel, nps, csat, ces, comment, $source',
  checks: [
    {
      column: 'nps',
      rule: 'no score',
      failsWhen: `${rawCell('nps')} IS NULL AND ${rawCell('csat')} IS NULL AND ${rawCell('ces')} IS NULL`,
      typedFailsWhen: 'nps IS NULL AND csat IS NULL AND ces IS NULL',
      reason: `'nps: no score in nps, csat or ces'`,
    },
  ],
});

export const unitMappingImporter = keyedImporter({
  kind: 'unit_mapping',
  table: 'unit_mapping',
  keys: ['cx_code'],
  select: 'cx_code, unit_id, $source',
  checks: [knownUnitCheck('unit_id')],
});

export const contactCentreImporter = keyedImporter({
  kind: 'contact_centre',
  table: 'contact_interactions',
  keys: ['interaction_id'],
  select: `interaction_id, queue_code, agent_id, started_at, period_of(started_at), ivr_reason,
    talk_seconds, hold_seconds, wrap_seconds, handle_seconds, transferred, repeat_contact, $source,
    answered, csat`,
});

export const recognitionImporter = keyedImporter({
  kind: 'recognition',
  table: 'recognition_events',
  keys: ['event_id'],
  select: 'event_id, unit_id, recognised_at, period_of(recognised_at), programme, $source',
  checks: [knownUnitCheck('unit_id')],
});

export const hrMetricsImporter = keyedImporter({
  kind: 'hr_metrics',
  table: 'hr_metrics',
  keys: ['unit_id', 'period'],
  select: 'unit_id, period, headcount, leavers, absence_days, $source',
  checks: [knownUnitCheck('unit_id')],
});
