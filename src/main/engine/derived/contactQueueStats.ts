import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Rebuilds the per-queue, per-period, per-IVR-reason sums that contact-centre metrics are
 * computed from: one GROUP BY over the interactions, so methods never scan millions of calls.
 */
export async function refreshContactQueueStats(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM contact_queue_stats');
  await conn.run(`
    INSERT INTO contact_queue_stats
    SELECT queue_code, period, ivr_reason, count(*), sum(handle_seconds), sum(hold_seconds),
      sum(talk_seconds), sum(wrap_seconds), count(*) FILTER (WHERE transferred),
      count(*) FILTER (WHERE repeat_contact)
    FROM contact_interactions GROUP BY ALL`);
}
