import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

/** A fresh in-memory DuckDB for the calling test file: opened before its tests, closed after. */
export function memoryDb(): { readonly conn: DuckDBConnection } {
  let instance: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
  });
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
  });
  return {
    get conn() {
      if (!conn) throw new Error('memoryDb: the connection exists only while the tests run');
      return conn;
    },
  };
}
