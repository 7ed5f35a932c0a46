import { rawCell, uniqueCheck } from '../columnChecks';
import { knownUnitCheck, replaceByKeySql } from './commonChecks';
import { noExtraColumns, type KindImporter } from './kind';

/** Rows identified by a key: a re-import replaces rows with the same key, never duplicates them. */
export const customerFeedbackImporter: KindImporter = {
  kind: 'customer_feedback',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [
      uniqueCheck(['response_id']),
      {
        column: 'nps',
        rule: 'no score',
        failsWhen: `coalesce(${rawCell('nps')}, ${rawCell('csat')}, ${rawCell('ces')}) IS NULL`,
        reason: `'nps: no score in nps, csat or ces'`,
      },
    ];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql('customer_feedback', validRows, ['response_id']));
    await conn.run(`
      INSERT INTO customer_feedback
      SELECT response_id, responded_at, period_of(responded_at), cx_code, channel, nps, csat, ces, comment, ${sourceId}
      FROM ${validRows}`);
  },
};

export const unitMappingImporter: KindImporter = {
  kind: 'unit_mapping',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [uniqueCheck(['cx_code']), knownUnitCheck('unit_id')];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql('unit_mapping', validRows, ['cx_code']));
    await conn.run(
      `INSERT INTO unit_mapping SELECT cx_code, unit_id, ${sourceId} FROM ${validRows}`,
    );
  },
};

export const contactCentreImporter: KindImporter = {
  kind: 'contact_centre',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [uniqueCheck(['interaction_id'])];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql('contact_interactions', validRows, ['interaction_id']));
    await conn.run(`
      INSERT INTO contact_interactions
      SELECT interaction_id, queue_code, agent_id, started_at, period_of(started_at), ivr_reason,
        talk_seconds, hold_seconds, wrap_seconds, handle_seconds, transferred, repeat_contact, ${sourceId}
      FROM ${validRows}`);
  },
};

export const recognitionImporter: KindImporter = {
  kind: 'recognition',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [uniqueCheck(['event_id']), knownUnitCheck('unit_id')];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql('recognition_events', validRows, ['event_id']));
    await conn.run(`
      INSERT INTO recognition_events
      SELECT event_id, unit_id, recognised_at, period_of(recognised_at), programme, ${sourceId} FROM ${validRows}`);
  },
};

export const hrMetricsImporter: KindImporter = {
  kind: 'hr_metrics',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return [uniqueCheck(['unit_id', 'period']), knownUnitCheck('unit_id')];
  },
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql('hr_metrics', validRows, ['unit_id', 'period']));
    await conn.run(
      `INSERT INTO hr_metrics SELECT unit_id, period, headcount, leavers, absence_days, ${sourceId} FROM ${validRows}`,
    );
  },
};
