import type { DuckDBConnection } from '@duckdb/node-api';
import { threadedRowsSql } from '../db/threadedScan';

/**
 * Rebuilds the per-queue, per-period, per-IVR-reason sums that contact-centre metrics are
 * computed from: one GROUP BY over the interactions, so methods never scan millions of calls.
 * Read on every thread, even the rows an import has not yet committed (see threadedScan.ts).
 */
export async function refreshContactQueueStats(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM contact_queue_stats');
  const rows = await threadedRowsSql(conn, {
    table: 'contact_interactions',
    select:
      'queue_code, period, ivr_reason, handle_seconds, hold_seconds, talk_seconds, wrap_seconds, transferred, repeat_contact',
    within: 'true',
  });
  await conn.run(`
    INSERT INTO contact_queue_stats
    SELECT queue_code, period, ivr_reason, count(*), sum(handle_seconds), sum(hold_seconds),
      sum(talk_seconds), sum(wrap_seconds), count(*) FILTER (WHERE transferred),
      count(*) FILTER (WHERE repeat_contact)
    FROM (${rows}) GROUP BY ALL`);
}
