import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, queryOne } from '../../../src/main/engine/db/query';

/**
 * A COMMIT that DuckDB refuses has already ended the transaction, so the ROLLBACK after it fails
 * too ("cannot rollback - no transaction is active"): the error reported is the first one.
 * A real refusal: two connections insert the same key, the other one commits first.
 */
describe('a failed transaction reports its first error', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let other: DuckDBConnection;
  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    other = await instance.connect();
    await conn.run('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  });
  afterEach(() => {
    conn.closeSync();
    other.closeSync();
    instance.closeSync();
  });

  it('a refused COMMIT: its cause, not the ROLLBACK that follows', async () => {
    await expect(
      inTransaction(conn, async () => {
        await conn.run('INSERT INTO t VALUES (1)');
        await other.run('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow(
      /^TransactionContext Error: Failed to commit: PRIMARY KEY or UNIQUE constraint violation: duplicate key "1"$/,
    );
    // The connection is usable again, and holds the other connection's row only.
    expect((await queryOne<{ n: number }>(conn, 'SELECT count(*) AS n FROM t'))!.n).toBe(1);
    await inTransaction(conn, () => conn.run('INSERT INTO t VALUES (2)'));
  });

  it('a failure inside the work: that failure, and the work rolled back', async () => {
    await expect(
      inTransaction(conn, async () => {
        await conn.run('INSERT INTO t VALUES (5)');
        throw new Error('the mapping is wrong');
      }),
    ).rejects.toThrow(/^the mapping is wrong$/);
    expect((await queryOne<{ n: number }>(conn, 'SELECT count(*) AS n FROM t'))!.n).toBe(0);
  });
});
