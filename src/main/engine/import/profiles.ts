import type { DuckDBConnection } from '@duckdb/node-api';
import {
  columnMappingSchema,
  type CanonicalKind,
  type ColumnMapping,
} from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { queryOne, queryRows } from '../db/query';
import { profileSignature } from './mapping';

export interface SavedProfile {
  name: string;
  kind: CanonicalKind;
  signature: string;
  columnNames: string[];
  mapping: ColumnMapping;
  createdAt: string;
  updatedAt: string;
}

interface ProfileRow extends Record<string, unknown> {
  name: string;
  kind: CanonicalKind;
  signature: string;
  column_names_json: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (row: ProfileRow): SavedProfile => ({
  name: row.name,
  kind: row.kind,
  signature: row.signature,
  columnNames: JSON.parse(row.column_names_json) as string[],
  mapping: columnMappingSchema.parse(JSON.parse(row.mapping_json)),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const SELECT = `SELECT name, kind, signature, column_names_json, mapping_json,
  CAST(created_at AS VARCHAR) AS created_at, CAST(updated_at AS VARCHAR) AS updated_at FROM mapping_profiles`;

export async function listProfiles(conn: DuckDBConnection): Promise<SavedProfile[]> {
  return (await queryRows<ProfileRow>(conn, `${SELECT} ORDER BY name`)).map(fromRow);
}

export async function getProfile(conn: DuckDBConnection, name: string): Promise<SavedProfile> {
  const row = await queryOne<ProfileRow>(conn, `${SELECT} WHERE name = $name`, { name });
  if (!row) {
    const names = (await listProfiles(conn)).map((p) => p.name);
    throw new UpstreamError(
      'NOT_FOUND',
      `No mapping profile named '${name}'.${names.length ? ` Profiles: ${names.join(', ')}.` : ' None saved yet.'}`,
    );
  }
  return fromRow(row);
}

/** Saves (or replaces) a named profile for files with these columns. */
export async function saveProfile(
  conn: DuckDBConnection,
  name: string,
  columnNames: string[],
  mapping: ColumnMapping,
): Promise<void> {
  await conn.run(
    `INSERT INTO mapping_profiles VALUES ($name, $kind, $signature, $columns, $mapping, now()::TIMESTAMP, now()::TIMESTAMP)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, signature = excluded.signature,
       column_names_json = excluded.column_names_json, mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
    {
      name,
      kind: mapping.kind,
      signature: profileSignature(columnNames),
      columns: JSON.stringify(columnNames),
      mapping: JSON.stringify(mapping),
    },
  );
}
