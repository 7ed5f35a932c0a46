import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ColumnMapping } from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { queryOne, queryRows } from '../db/query';
import { sha256OfFile } from '../import/fileHash';
import { sizeText } from '../import/fileSize';
import { importFile, type ImportReport } from '../import/importFile';
import { readWorkshop, writeWorkshop } from '../workshop/carryOver';
import { setMeta } from './settings';
import { openWorkspace, type Workspace } from './workspace';

const PROFILE_COLUMNS = [
  'name',
  'kind',
  'signature',
  'column_names_json',
  'mapping_json',
  'created_at',
  'updated_at',
];

/** Settings a rebuilt workspace takes over, as meta keys. */
const CARRIED_META = ['min_group_size', 'purpose', 'kept_copy_limit_mb'];

interface RecordedSource extends Record<string, unknown> {
  source_id: number;
  kind: ColumnMapping['kind'];
  file_name: string;
  sha256: string;
  bytes: number;
  mapping_json: string;
  details_json: string;
  kept: boolean;
}

/** Where a source's bytes come from: the copy inside the workspace, or a file the user has. */
type Origin = { source: RecordedSource } & ({ copy: true } | { copy: false; path: string });

export interface RebuildReport {
  files: (ImportReport & { from: 'kept copy' | 'original file' })[];
}

/**
 * Makes a new workspace at `to` from what `from` recorded: every source imported again, in the
 * order it first was, with the mapping it was imported with, by this version of Upstream, and
 * the workspace's settings, mapping profiles, saved views, stories and commitments carried over. A source's bytes come from its
 * copy kept in the workspace or, for a file too large to keep, from `sourcesDir`, accepted only
 * with the recorded hash. Every source is found before anything is written; a missing one is
 * named with its size and hash, and no workspace is made.
 */
export async function rebuildWorkspace(options: {
  from: string;
  to: string;
  sourcesDir?: string;
  onImported?: (report: RebuildReport['files'][number]) => void;
}): Promise<RebuildReport> {
  if (existsSync(options.to))
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `${options.to} already exists: name a new file to rebuild into.`,
    );
  const old = await openWorkspace(options.from, { readOnly: true });
  let scratch: string | null = null;
  try {
    const origins = await locateSources(old, options.sourcesDir);
    const meta = await queryRows<{ key: string; value: string }>(
      old.conn,
      `SELECT key, value FROM meta WHERE key IN (${CARRIED_META.map((k) => `'${k}'`).join(', ')})`,
    );
    const profiles = await queryRows<Record<string, string>>(
      old.conn,
      `SELECT ${PROFILE_COLUMNS.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')}
       FROM mapping_profiles`,
    );
    const workshop = await readWorkshop(old.conn);
    scratch = mkdtempSync(join(tmpdir(), 'upstream-rebuild-'));
    const fresh = await openWorkspace(options.to, { create: true });
    let rebuilt = false;
    try {
      for (const { key, value } of meta) await setMeta(fresh.conn, key, value);
      const files: RebuildReport['files'] = [];
      for (const origin of origins) {
        const path = origin.copy ? await restoreCopy(old, origin.source, scratch) : origin.path;
        const details = JSON.parse(origin.source.details_json) as { sheet?: string | null };
        const report = await importFile(fresh, path, {
          kind: origin.source.kind,
          mapping: JSON.parse(origin.source.mapping_json) as ColumnMapping,
          // The new workspace keeps the copies the old one kept.
          keepCopy: origin.copy,
          ...(details.sheet ? { sheet: details.sheet } : {}),
        });
        const entry = { ...report, from: origin.copy ? 'kept copy' : 'original file' } as const;
        files.push(entry);
        options.onImported?.(entry);
        if (origin.copy) rmSync(path, { force: true });
      }
      for (const profile of profiles) {
        await fresh.conn.run(
          `INSERT OR REPLACE INTO mapping_profiles (${PROFILE_COLUMNS.join(', ')})
           VALUES (${PROFILE_COLUMNS.map((c) => `$${c}`).join(', ')})`,
          profile,
        );
      }
      await writeWorkshop(fresh.conn, workshop);
      rebuilt = true;
      return { files };
    } finally {
      fresh.close();
      // A rebuild that did not finish leaves nothing behind.
      if (!rebuilt) {
        rmSync(options.to, { force: true });
        rmSync(`${options.to}.wal`, { force: true });
      }
    }
  } finally {
    old.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

async function locateSources(ws: Workspace, sourcesDir?: string): Promise<Origin[]> {
  const sources = await queryRows<RecordedSource>(
    ws.conn,
    `SELECT s.source_id, s.kind, s.file_name, s.sha256, s.bytes, s.mapping_json, s.details_json,
       EXISTS (SELECT 1 FROM source_files f WHERE f.source_id = s.source_id) AS kept
     FROM sources s ORDER BY s.source_id`,
  );
  const candidates = sourcesDir ? filesBySize(sourcesDir) : new Map<number, string[]>();
  const origins: Origin[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    if (source.kept) {
      origins.push({ source, copy: true });
      continue;
    }
    let found: string | null = null;
    for (const path of candidates.get(Number(source.bytes)) ?? []) {
      if ((await sha256OfFile(path)) === source.sha256) {
        found = path;
        break;
      }
    }
    if (found) origins.push({ source, copy: false, path: found });
    else
      missing.push(
        `${source.file_name} (${sizeText(Number(source.bytes))}, sha256 ${source.sha256.slice(0, 12)}…)`,
      );
  }
  if (missing.length > 0)
    throw new UpstreamError(
      'IMPORT_ERROR',
      `no copy is kept in the workspace of ${missing.join(', ')}${
        sourcesDir
          ? `, and ${sourcesDir} holds no file with ${missing.length > 1 ? 'their contents' : 'its contents'}`
          : ': name the folder holding the original files with --sources DIR'
      }. Nothing was written.`,
    );
  return origins;
}

/**
 * The regular files in `dir` and the folders below it (exports are often kept a folder per
 * quarter), by size: only a file of the recorded size is hashed.
 */
function filesBySize(dir: string): Map<number, string[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UpstreamError('INVALID_ARGUMENTS', `${dir}: no such folder.`);
  const bySize = new Map<number, string[]>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    bySize.set(size, [...(bySize.get(size) ?? []), path]);
  }
  return bySize;
}

/** Writes a kept copy back out under the source's own file name (its extension tells the reader). */
async function restoreCopy(ws: Workspace, source: RecordedSource, dir: string): Promise<string> {
  const row = await queryOne<{ gzip: Uint8Array }>(
    ws.conn,
    'SELECT gzip FROM source_files WHERE source_id = $id',
    { id: source.source_id },
  );
  // A folder per source: two sources may share a file name.
  const folder = join(dir, String(source.source_id));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, source.file_name);
  writeFileSync(path, gunzipSync(Buffer.from(row!.gzip)));
  return path;
}
