import type { DuckDBConnection } from '@duckdb/node-api';
import { threadedRowsSql } from '../db/threadedScan';

/**
 * Rebuilds the per-queue, per-period, per-IVR-reason sums that contact-centre metrics are
 * computed from: one GROUP BY over the interactions, so methods never scan millions of calls.
 * Read on every thread, even the rows an import has not yet committed (see threadedScan.ts).
 *
 * Each sum has its own n: the calls that carry the field, so a log without hold times gives
 * average hold time no data rather than 0. Calls not answered (answered = false: abandoned or
 * missed) are counted among the interactions and the abandoned, but stay out of the time
 * averages whatever the log wrote for them (often 0).
 */
export async function refreshContactQueueStats(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM contact_queue_stats');
  const rows = await threadedRowsSql(conn, {
    table: 'contact_interactions',
    select:
      'queue_code, period, ivr_reason, handle_seconds, hold_seconds, talk_seconds, wrap_seconds, transferred, repeat_contact, answered, csat',
    within: 'true',
  });
  const timed = (column: string, name: string) => [
    `count(${column}) FILTER (WHERE answered IS NOT FALSE) AS ${name}_n`,
    `coalesce(sum(${column}) FILTER (WHERE answered IS NOT FALSE), 0) AS ${name}_sum`,
  ];
  await conn.run(`
    INSERT INTO contact_queue_stats
    SELECT queue_code, period, ivr_reason, count(*) AS interactions,
      ${[
        ...timed('handle_seconds', 'handle'),
        ...timed('hold_seconds', 'hold'),
        ...timed('talk_seconds', 'talk'),
        ...timed('wrap_seconds', 'wrap'),
      ].join(', ')},
      count(transferred), count(*) FILTER (WHERE transferred),
      count(repeat_contact), count(*) FILTER (WHERE repeat_contact),
      count(answered), count(*) FILTER (WHERE NOT answered),
      count(csat), count(*) FILTER (WHERE csat >= 4)
    FROM (${rows}) GROUP BY ALL`);
}
