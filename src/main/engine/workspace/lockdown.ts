import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../db/query';

/**
 * After the workspace opens, DuckDB may touch files only inside the workspace's own folder, may
 * not install or autoload extensions, and its configuration is locked so nothing can undo this.
 * Extension autoload/install are also refused at instance creation (see openWorkspace).
 */
export async function lockDown(conn: DuckDBConnection, allowedDirectory: string): Promise<void> {
  const dir = allowedDirectory.endsWith('/') ? allowedDirectory : `${allowedDirectory}/`;
  await conn.run(`SET allowed_directories = [${quoteLiteral(dir)}]`);
  await conn.run('SET enable_external_access = false');
  await conn.run('SET lock_configuration = true');
}
