import type { DuckDBConnection } from '@duckdb/node-api';
import { METRIC_IDS, METRICS, type MetricId } from '../../../../shared/metrics';
import { queryRows, quoteLiteral } from '../../db/query';
import { rawCell, typedCell, uniqueCheck, type RowCheck } from '../columnChecks';
import { knownUnitCheck, replaceByKeySql } from './commonChecks';
import { noExtraColumns, type KindImporter } from './kind';
import { COUNT_METRICS, DERIVED_METRICS } from './preaggregatedMetrics';

/**
 * Pre-aggregated figures: one row per (unit, period, metric) that a warehouse or vendor already
 * computed, with its value and the n behind it. Rows are checked like every other kind's (each
 * failing row goes to quarantine with its reason), stored in preaggregated_figures, and a
 * re-import replaces the (unit, period, metric) rows it holds. derived/preaggregatedStats.ts
 * turns them into the same sufficient statistics raw data gives, so every method uses them.
 */
const TABLE = 'preaggregated_figures';
const KEYS = ['unit_id', 'period', 'metric'];

const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');

function rangeText(id: MetricId): string | null {
  const { min, max } = METRICS[id];
  if (min !== null && max !== null) return `${min}..${max}`;
  if (min !== null) return `${min} or more`;
  if (max !== null) return `${max} or less`;
  return null;
}

function checks(): RowCheck[] {
  const metric = rawCell('metric');
  const value = typedCell('value', 'DOUBLE');
  const n = typedCell('n', 'INTEGER');
  const derived = Object.entries(DERIVED_METRICS);
  const bounded = METRIC_IDS.filter((id) => rangeText(id) !== null);
  const outside = bounded
    .map((id) => {
      const { min, max } = METRICS[id];
      const tests = [
        ...(min !== null ? [`${value} < ${min}`] : []),
        ...(max !== null ? [`${value} > ${max}`] : []),
      ];
      return `WHEN ${quoteLiteral(id)} THEN ${tests.join(' OR ')}`;
    })
    .join(' ');
  const ranges = bounded
    .map((id) => `WHEN ${quoteLiteral(id)} THEN ${quoteLiteral(rangeText(id)!)}`)
    .join(' ');
  return [
    knownUnitCheck('unit_id'),
    {
      column: 'metric',
      rule: 'unknown metric',
      failsWhen: `${metric} IS NOT NULL AND ${metric} NOT IN (${list(METRIC_IDS)})`,
      reason: `'metric: ''' || left(${metric}, 60) || ''' is not a metric Upstream knows (an id such as nps, enps, engagement_index, attrition or avg_handle_seconds, or a common name such as NPS, eNPS, Engagement, CSAT or AHT)'`,
    },
    {
      column: 'metric',
      rule: 'worked out by Upstream',
      failsWhen: `${metric} IN (${list(derived.map(([id]) => id))})`,
      reason: `CASE ${metric} ${derived.map(([id, why]) => `WHEN ${quoteLiteral(id)} THEN ${quoteLiteral(`metric: ${why}`)}`).join(' ')} END`,
    },
    {
      column: 'value',
      rule: 'outside the metric range',
      failsWhen: `${value} IS NOT NULL AND (NOT isfinite(${value}) OR CASE ${metric} ${outside} ELSE false END)`,
      reason: `'value: ' || ${rawCell('value')} || ' is outside the range of ' || ${metric} || coalesce(' (' || CASE ${metric} ${ranges} END || ')', '')`,
    },
    {
      column: 'n',
      rule: 'negative n',
      failsWhen: `${n} < 0`,
      reason: `'n: ' || ${rawCell('n')} || ' is negative (n is the number of people, responses, interactions or the headcount behind the figure)'`,
    },
    {
      column: 'value',
      rule: 'count differs from n',
      failsWhen: `${metric} IN (${list(COUNT_METRICS)}) AND ${value} IS DISTINCT FROM ${n}`,
      reason: `'value: ' || ${metric} || ' is a count, so its value and n are the same number (value ' || ${rawCell('value')} || ', n ' || coalesce(${rawCell('n')}, 'empty') || ')'`,
    },
    uniqueCheck(KEYS),
  ];
}

const COUNTED_BELOW = '__counted_below';

/**
 * A unit's row is counted twice when units below it (in the hierarchy in force for the period)
 * have rows for the same period and metric in the same file: Upstream rolls the units below up
 * into it. Such ancestor rows are quarantined; the rows below them stay.
 */
async function quarantineCountedBelow(conn: DuckDBConnection, checked: string): Promise<void> {
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${COUNTED_BELOW} AS
    WITH sp AS (SELECT DISTINCT period, hierarchy_for(period) AS eff FROM ${checked} WHERE __reason IS NULL),
    pairs AS (
      SELECT a.__row, a.unit_id, a.metric, a.period, d.unit_id AS below
      FROM ${checked} a
      JOIN sp ON sp.period = a.period
      JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = a.unit_id AND c.depth > 0
      JOIN ${checked} d ON d.unit_id = c.descendant_id AND d.period = a.period AND d.metric = a.metric
      WHERE a.__reason IS NULL AND d.__reason IS NULL)
    SELECT __row, 'unit_id: figures are given for the units below ' || any_value(unit_id) || ' ('
        || array_to_string(list_slice(list_sort(list(DISTINCT below)), 1, 3), ', ')
        || CASE WHEN count(DISTINCT below) > 3 THEN ' and ' || (count(DISTINCT below) - 3) || ' more' ELSE '' END
        || ') for ' || any_value(metric) || ' in ' || any_value(period)
        || '; Upstream rolls them up itself, so this row would count them twice' AS reason
    FROM pairs GROUP BY __row`);
  await conn.run(`
    UPDATE ${checked} SET __column = 'unit_id', __rule = 'figures given for the units below',
      __reason = b.reason
    FROM ${COUNTED_BELOW} b WHERE ${checked}.__row = b.__row`);
  await conn.run(`DROP TABLE ${COUNTED_BELOW}`);
}

const SURVEY = METRIC_IDS.filter((id) => METRICS[id].source === 'survey');
const CONTACT = METRIC_IDS.filter((id) => METRICS[id].source === 'contact_centre');
const HR = METRIC_IDS.filter((id) => METRICS[id].source === 'hr');
const SHARES = METRIC_IDS.filter(
  (id) => METRICS[id].family === 'percent' || METRICS[id].family === 'net_score',
);

function units(ids: string[]): string {
  const shown = ids.slice(0, 3).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/**
 * What the analyst should know about the figures this import wrote: where they meet raw data
 * already loaded for the same units (the two are added together), where they meet pre-aggregated
 * figures of an earlier file above or below them, units outside the period's hierarchy, values
 * that look like fractions, and HR figures given for only some units.
 */
async function preaggregatedWarnings(conn: DuckDBConnection, sourceId: number): Promise<string[]> {
  const warnings: string[] = [];
  const mine = `mine AS (SELECT unit_id, period, metric, value, n FROM ${TABLE} WHERE source_id = ${sourceId}),
    sp AS (SELECT DISTINCT period, hierarchy_for(period) AS eff FROM mine),
    below AS (
      SELECT m.unit_id, m.period, m.metric, c.descendant_id
      FROM mine m JOIN sp USING (period)
      JOIN org_closure c ON c.effective_from = sp.eff AND c.ancestor_id = m.unit_id)`;

  const overlaps = await queryRows<{
    metric: string;
    period: string;
    what: string;
    units: string[];
  }>(
    conn,
    `WITH ${mine},
     raw AS (
       SELECT b.unit_id, b.period, b.metric, 'survey answers' AS what FROM below b
       WHERE b.metric IN (${list(SURVEY)}) AND EXISTS (
         SELECT 1 FROM respondent_scores r WHERE r.period = b.period AND r.unit_id = b.descendant_id
           AND CASE b.metric WHEN 'engagement_index' THEN r.engagement_0_100 IS NOT NULL
             WHEN 'pct_favourable' THEN r.likert_answered > 0
             WHEN 'enps' THEN r.enps_score IS NOT NULL ELSE true END)
       UNION ALL
       SELECT b.unit_id, b.period, b.metric, 'customer feedback' FROM below b
       JOIN unit_mapping um ON um.unit_id = b.descendant_id
       JOIN customer_code_stats f ON f.cx_code = um.cx_code AND f.period = b.period
       WHERE CASE b.metric WHEN 'nps' THEN f.nps_n > 0 WHEN 'csat' THEN f.csat_n > 0
         WHEN 'ces' THEN f.ces_n > 0 WHEN 'ces_agree' THEN f.ces_n > 0
         WHEN 'customer_responses' THEN f.responses > 0 ELSE false END
       UNION ALL
       SELECT b.unit_id, b.period, b.metric, 'contact-centre interactions' FROM below b
       JOIN unit_mapping um ON um.unit_id = b.descendant_id
       JOIN contact_queue_stats q ON q.queue_code = um.cx_code AND q.period = b.period
       WHERE b.metric IN (${list(CONTACT)}) AND q.interactions > 0
       UNION ALL
       SELECT b.unit_id, b.period, b.metric, 'HR records (whose headcount these figures share)' FROM below b
       JOIN hr_metrics h ON h.unit_id = b.descendant_id AND h.period = b.period
       WHERE b.metric IN (${list(HR)})
       UNION ALL
       SELECT b.unit_id, b.period, b.metric, 'recognition events' FROM below b
       WHERE b.metric = 'recognition_per_head' AND EXISTS (
         SELECT 1 FROM recognition_events e WHERE e.unit_id = b.descendant_id AND e.period = b.period))
     SELECT metric, period, what, list_sort(list(DISTINCT unit_id)) AS units
     FROM raw GROUP BY ALL ORDER BY metric, period, what`,
  );
  for (const o of overlaps) {
    warnings.push(
      `${o.metric} in ${o.period} for ${units(o.units)}: the workspace already holds ${o.what} for these units (or units below them); the pre-aggregated figures are added to them, which counts twice if the warehouse computed its figures from the same data`,
    );
  }

  const earlier = await queryRows<{ metric: string; period: string; units: string[] }>(
    conn,
    `WITH ${mine}
     SELECT m.metric, m.period, list_sort(list(DISTINCT o.unit_id)) AS units
     FROM mine m JOIN sp USING (period)
     JOIN org_closure c ON c.effective_from = sp.eff AND c.depth > 0
       AND (c.ancestor_id = m.unit_id OR c.descendant_id = m.unit_id)
     JOIN ${TABLE} o ON o.source_id <> ${sourceId} AND o.period = m.period AND o.metric = m.metric
       AND o.unit_id = CASE WHEN c.ancestor_id = m.unit_id THEN c.descendant_id ELSE c.ancestor_id END
     GROUP BY ALL ORDER BY 1, 2`,
  );
  for (const e of earlier) {
    warnings.push(
      `${e.metric} in ${e.period}: an earlier file gave figures for ${units(e.units)}, above or below units of this file; Upstream rolls both up, which counts the units below twice (import the earlier file again without those rows, or leave them out here)`,
    );
  }

  const outside = await queryRows<{ period: string; units: string[] }>(
    conn,
    `WITH ${mine}
     SELECT m.period, list_sort(list(DISTINCT m.unit_id)) AS units FROM mine m JOIN sp USING (period)
     WHERE NOT EXISTS (SELECT 1 FROM org_units o WHERE o.effective_from = sp.eff AND o.unit_id = m.unit_id)
     GROUP BY ALL ORDER BY 1`,
  );
  for (const o of outside) {
    warnings.push(
      `${units(o.units)}: not in the hierarchy in force for ${o.period}, so their figures for ${o.period} are kept but shown nowhere`,
    );
  }

  const fractions = await queryRows<{ metric: string }>(
    conn,
    `WITH ${mine}
     SELECT metric FROM mine WHERE metric IN (${list(SHARES)})
     GROUP BY metric HAVING count(*) >= 3 AND max(abs(value)) <= 1 AND max(abs(value)) > 0 ORDER BY 1`,
  );
  for (const f of fractions) {
    warnings.push(
      `${f.metric}: every value lies between -1 and 1; if they are fractions (0.83 for 83%), multiply them by 100 and import again (Upstream's percentages and net scores run to 100)`,
    );
  }

  const partialHr = await queryRows<{ period: string; metric: string; units: string[] }>(
    conn,
    `WITH ${mine},
     hr AS (SELECT * FROM mine WHERE metric IN (${list(HR)})),
     given AS (SELECT DISTINCT period, metric FROM hr),
     hr_units AS (SELECT DISTINCT period, unit_id FROM hr)
     SELECT g.period, g.metric, list_sort(list(u.unit_id)) AS units
     FROM given g JOIN hr_units u USING (period)
     WHERE NOT EXISTS (SELECT 1 FROM hr h WHERE h.period = g.period AND h.unit_id = u.unit_id AND h.metric = g.metric)
     GROUP BY ALL ORDER BY 1, 2`,
  );
  for (const p of partialHr) {
    warnings.push(
      `${p.metric} in ${p.period} is not given for ${units(p.units)}, which have other HR figures: HR figures share one headcount per unit, so in roll-ups their headcount still divides the ${p.metric} of the units that have it`,
    );
  }
  return warnings;
}

export const preaggregatedImporter: KindImporter = {
  kind: 'preaggregated',
  extraColumns: noExtraColumns,
  async extraChecks() {
    return checks();
  },
  afterChecks: quarantineCountedBelow,
  async apply(conn, validRows, sourceId) {
    await conn.run(replaceByKeySql(TABLE, validRows, KEYS));
    await conn.run(
      `INSERT INTO ${TABLE} SELECT unit_id, period, metric, value, n, ${sourceId} FROM ${validRows}`,
    );
  },
  warnings: preaggregatedWarnings,
};
