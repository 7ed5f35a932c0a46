import type { DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalKind } from '../import/canonicalFormats';
import { refreshCustomerCodeStats } from './customerCodeStats';

/**
 * Tables derived from imported data (sums per unit and period that methods answer from) are
 * brought up to date here, inside the import's transaction, so they are never stale and opening
 * a workspace never has to rebuild them.
 */
export async function refreshDerived(conn: DuckDBConnection, kind: CanonicalKind): Promise<void> {
  if (kind === 'customer_feedback') await refreshCustomerCodeStats(conn);
}
