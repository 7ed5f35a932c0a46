import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { threadedRowsSql } from '../../../src/main/engine/db/threadedScan';
import { memoryDb } from '../../helpers/memoryDb';

/**
 * The parts over ranges of row ids must hold each picked row exactly once, committed or not,
 * whatever the number of threads, and only the picked rows.
 */
describe('threadedRowsSql', () => {
  const db = memoryDb();
  afterEach(async () => {
    await db.conn.run('ROLLBACK').catch(() => undefined);
    await db.conn.run('DROP TABLE IF EXISTS t');
    await db.conn.run('RESET threads');
  });

  const picked = async (within: string, where?: string) => {
    const params = within.includes('$source') ? { source: 2 } : undefined;
    const sql = await threadedRowsSql(db.conn, {
      table: 't',
      select: 'k',
      within,
      ...(where ? { where } : {}),
      ...(params ? { params } : {}),
    });
    const rows = await queryRows<{ k: number }>(
      db.conn,
      `SELECT k FROM (${sql}) ORDER BY k`,
      params,
    );
    return { sql, keys: rows.map((r) => r.k) };
  };

  it('splits rows the open transaction wrote into one range per thread, holding each once', async () => {
    await db.conn.run('CREATE TABLE t (k INTEGER, source_id INTEGER)');
    await db.conn.run('INSERT INTO t SELECT range, 1 FROM range(1000)');
    await db.conn.run('DELETE FROM t WHERE k % 7 = 0');
    for (const threads of [1, 2, 3, 4]) {
      await db.conn.run(`SET threads = ${threads}`);
      await db.conn.run('BEGIN TRANSACTION');
      await db.conn.run('INSERT INTO t SELECT 1000 + range, 2 FROM range(100001)');
      await db.conn.run('INSERT INTO t SELECT 200000 + range, 1 FROM range(10)');
      const { sql, keys } = await picked('source_id = $source');
      expect(sql.split(' UNION ALL ')).toHaveLength(threads);
      expect(keys).toEqual(Array.from({ length: 100001 }, (_, i) => 1000 + i));
      await db.conn.run('ROLLBACK');
    }
  });

  it('applies the further condition, and covers committed rows as well', async () => {
    await db.conn.run('SET threads = 3');
    await db.conn.run('CREATE TABLE t (k INTEGER, source_id INTEGER)');
    await db.conn.run('INSERT INTO t SELECT range, 1 + range % 2 FROM range(5000)');
    const { keys } = await picked('source_id = $source', 'k % 10 = 1');
    expect(keys).toEqual(Array.from({ length: 500 }, (_, i) => i * 10 + 1));
    const all = await picked('true');
    expect(all.keys).toHaveLength(5000);
    expect(new Set(all.keys).size).toBe(5000);
  });

  it('gives the plain rows when none is picked', async () => {
    await db.conn.run('CREATE TABLE t (k INTEGER, source_id INTEGER)');
    const { sql, keys } = await picked('source_id = $source');
    expect(sql).not.toContain('UNION ALL');
    expect(keys).toEqual([]);
  });
});
