import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './sql';

/**
 * A throwaway in-memory DuckDB for looking inside a staged Parquet or JSON file (its columns
 * and types). Locked down like the workspace: it can read the staging folder and nothing else.
 */
export async function withScratchDb<T>(
  stagingDir: string,
  work: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const conn = await instance.connect();
  try {
    const dir = stagingDir.endsWith('/') ? stagingDir : `${stagingDir}/`;
    await conn.run(`SET allowed_directories = [${sqlString(dir)}]`);
    await conn.run('SET enable_external_access = false');
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}
