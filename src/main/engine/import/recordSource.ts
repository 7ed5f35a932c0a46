import { blobValue, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnMapping } from '../../../shared/imports';
import { APP_VERSION } from '../appVersion';
import { saveProfile } from './profiles';
import type { StagedSource } from './readers/types';

export interface SourceRecord {
  sourceId: number;
  kind: ColumnMapping['kind'];
  fileName: string;
  sha256: string;
  bytes: number;
  counts: { rowsRead: number; rowsImported: number; rowsQuarantined: number };
  staged: StagedSource;
  details: Record<string, unknown>;
  /** The mapping as the analyst confirmed it (long form stays long), so a rebuild repeats it. */
  mapping: ColumnMapping;
  profile: string | null;
  /** The compressed copy of the file, when one is kept. */
  gzip: Buffer | null;
  saveProfileAs?: string;
}

/**
 * What the workspace remembers of an import, inside its transaction: the sources row (file,
 * hash, counts, what was detected, the mapping), the kept copy, a profile when one was asked
 * for, and when the workspace last changed.
 */
export async function recordSource(conn: DuckDBConnection, record: SourceRecord): Promise<void> {
  const { staged } = record;
  await conn.run(
    `INSERT INTO sources VALUES ($id, $kind, $file, $sha, $bytes, $read, $imported, $quarantined, $columns,
       $format, $details, $mapping, $profile, now()::TIMESTAMP, $version)`,
    {
      id: record.sourceId,
      kind: record.kind,
      file: record.fileName,
      sha: record.sha256,
      bytes: record.bytes,
      read: record.counts.rowsRead,
      imported: record.counts.rowsImported,
      quarantined: record.counts.rowsQuarantined,
      columns: JSON.stringify(staged.columns.map((c) => c.name)),
      format: staged.format,
      details: JSON.stringify(record.details),
      mapping: JSON.stringify(record.mapping),
      profile: record.profile,
      version: APP_VERSION,
    },
  );
  if (record.gzip) {
    await conn.run('INSERT INTO source_files VALUES ($id, $gzip)', {
      id: record.sourceId,
      gzip: blobValue(record.gzip),
    });
  }
  if (record.saveProfileAs)
    await saveProfile(
      conn,
      record.saveProfileAs,
      staged.columns.map((c) => c.name),
      record.mapping,
    );
  await conn.run("UPDATE meta SET value = $now WHERE key = 'updated_at'", {
    now: new Date().toISOString(),
  });
}
