import { basename } from 'node:path';
import type { CanonicalKind, ColumnMapping } from '../../../shared/imports';
import type { Workspace } from '../workspace/workspace';
import { rmSync } from 'node:fs';
import { inferMapping, type ColumnProfile } from './mapping';
import { stageSource } from './readers';
import { catalogueOf, resolveMapping } from './resolveMapping';
import { countStage, dropStage, loadStage, profileColumns, readingStage } from './stageTable';

export interface PreviewColumn {
  name: string;
  label: string | null;
  /** A few distinct values; for survey files, only for columns with few distinct values. */
  samples: string[];
  distinct: string | null;
  role: string | null;
  confidence: number;
  why: string;
}

export interface ImportPreview {
  fileName: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  headerShape: string;
  sheets: string[];
  sheet: string | null;
  rows: number;
  kind: CanonicalKind;
  kindConfidence: number;
  alternatives: { kind: CanonicalKind; confidence: number }[];
  mappingSource: string;
  profile: string | null;
  mapping: ColumnMapping;
  columns: PreviewColumn[];
  problems: string[];
  warnings: string[];
}

/** Up to 5 samples; a survey column with many distinct values (ids, comments) shows none: they are personal. */
function shownSamples(
  column: ColumnProfile,
  kind: CanonicalKind,
): { samples: string[]; distinct: string | null } {
  const many = column.samples.length > 20;
  if (kind === 'survey_responses' && many) {
    return {
      samples: [],
      distinct: `${column.samples.length >= 200 ? '200+' : column.samples.length} distinct values (not shown: survey answers are personal)`,
    };
  }
  return {
    samples: column.samples.slice(0, 5).map((s) => (s.length > 80 ? `${s.slice(0, 77)}...` : s)),
    distinct: null,
  };
}

function roleOf(mapping: ColumnMapping, column: string): string | null {
  const canonical = Object.entries(mapping.columns).find(([, source]) => source === column)?.[0];
  if (canonical) return canonical;
  const item = mapping.items.find((i) => i.column === column);
  return item ? `item:${item.itemId}` : null;
}

/**
 * What an import of this file would do, without doing it: the detected shape, the mapping that
 * would be used (with a guess and a reason per column) and a few sample values. Reads the file
 * into a transaction that is always rolled back, so the workspace never changes.
 */
export async function previewImport(
  ws: Workspace,
  filePath: string,
  request: { kind?: CanonicalKind; sheet?: string; profile?: string },
): Promise<ImportPreview> {
  const fileName = basename(filePath);
  const staged = await stageSource(filePath, ws.stagingDir, { sheet: request.sheet });
  const { conn } = ws;
  await conn.run('BEGIN TRANSACTION');
  try {
    await loadStage(conn, staged, fileName, {});
    const rows = await countStage(conn, staged, fileName);
    const profiles = await readingStage(fileName, staged, {}, () => profileColumns(conn, staged));
    const inferred = inferMapping({
      fileName,
      headerShape: staged.headerShape,
      columns: profiles,
      kind: request.kind,
      catalogue: await catalogueOf(conn),
    });
    const resolved = await resolveMapping(conn, fileName, staged, async () => profiles, {
      kind: request.kind ?? inferred.kind,
      profile: request.profile,
    });
    const mapping = resolved.mapping;
    return {
      fileName,
      format: staged.format,
      encoding: staged.encoding ?? null,
      delimiter: staged.delimiter ?? null,
      headerShape: staged.headerShape,
      sheets: staged.sheets ?? [],
      sheet: staged.sheet ?? null,
      rows,
      kind: mapping.kind,
      kindConfidence:
        resolved.source === 'inferred' ? inferred.kindConfidence : resolved.kindConfidence,
      alternatives: inferred.alternatives,
      mappingSource: resolved.source,
      profile: resolved.profile ?? null,
      mapping,
      columns: profiles.map((column) => {
        const guess = inferred.columns.find((g) => g.column === column.name);
        const role = roleOf(mapping, column.name);
        return {
          name: column.name,
          label: column.label ?? null,
          ...shownSamples(column, mapping.kind),
          role,
          confidence: resolved.source === 'inferred' ? (guess?.confidence ?? 0) : role ? 1 : 0,
          why:
            resolved.source === 'inferred'
              ? (guess?.why ?? '')
              : resolved.profile
                ? `from profile ${resolved.profile}`
                : 'canonical column name',
        };
      }),
      problems: resolved.problems,
      warnings: staged.warnings,
    };
  } finally {
    await conn.run('ROLLBACK');
    await dropStage(conn);
    rmSync(ws.stagingDir, { recursive: true, force: true });
  }
}
