import { basename } from 'node:path';
import type { CanonicalKind, ColumnMapping } from '../../../shared/imports';
import type { ImportHints } from '../../../shared/importHints';
import type { Workspace } from '../workspace/workspace';
import { rmSync } from 'node:fs';
import { inferMapping } from './mapping';
import { stageSource } from './readers';
import { catalogueOf, resolveMapping } from './resolveMapping';
import { withWholeScales } from './previewChoices';
import { countColumns } from './previewCounts';
import { sampleVerdicts } from './previewPrivacy';
import { dropStage, loadStage, profileColumns, readingStage } from './stageTable';

/** profileColumns keeps up to 200 distinct values per column: fewer means all of them were seen. */
const SAMPLED_DISTINCT = 200;

/** How much the file reads as survey responses, whatever kind was asked for. */
function surveyConfidenceOf(inferred: {
  kind: CanonicalKind;
  kindConfidence: number;
  alternatives: { kind: CanonicalKind; confidence: number }[];
}): number {
  const alternative = inferred.alternatives.find((a) => a.kind === 'survey_responses');
  if (alternative) return alternative.confidence;
  return inferred.kind === 'survey_responses' ? inferred.kindConfidence : 0;
}

export interface PreviewColumn {
  name: string;
  label: string | null;
  /** What the values look like: number, date, code, free text, e-mail... */
  type: string;
  /** Non-empty cells in the whole file. */
  nonEmpty: number;
  /** Distinct non-empty values in the whole file (an estimate within a few per cent when not exact). */
  distinct: number;
  distinctExact: boolean;
  /** Up to 5 distinct values; none when `hidden` says why (see previewPrivacy.ts). */
  samples: string[];
  hidden: string | null;
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

function shortened(samples: string[]): string[] {
  return samples.slice(0, 5).map((s) => (s.length > 80 ? `${s.slice(0, 77)}...` : s));
}

/** A reason that quotes a value of a hidden column (e.g. "values look like unit codes (E7014)") loses the value. */
function withoutValues(why: string, samples: readonly string[]): string {
  let out = why;
  for (const value of samples)
    if (value.length > 1 && out.includes(value)) out = out.split(value).join('…');
  return out;
}

function roleOf(mapping: ColumnMapping, column: string): string | null {
  const canonical = Object.entries(mapping.columns).find(([, source]) => source === column)?.[0];
  if (canonical) return canonical;
  const item = mapping.items.find((i) => i.column === column);
  if (item) return `item:${item.itemId}`;
  const dimension = Object.entries(mapping.demographics ?? {}).find(([, c]) => c === column)?.[0];
  return dimension ? `demographic:${dimension}` : null;
}

/**
 * What an import of this file would do, without doing it: the detected shape, the mapping that
 * would be used (with a guess and a reason per column) and a few sample values. Reads the file
 * into a transaction that is always rolled back, so the workspace never changes.
 */
export async function previewImport(
  ws: Workspace,
  filePath: string,
  request: {
    kind?: CanonicalKind;
    sheet?: string;
    profile?: string;
    mapping?: ColumnMapping;
    hints?: ImportHints;
  },
): Promise<ImportPreview> {
  const fileName = basename(filePath);
  const staged = await stageSource(filePath, ws.stagingDir, { sheet: request.sheet });
  const { conn } = ws;
  await conn.run('BEGIN TRANSACTION');
  try {
    await loadStage(conn, staged, fileName, {});
    const profiles = await readingStage(fileName, staged, {}, () => profileColumns(conn, staged));
    const counts = await countColumns(
      conn,
      staged,
      fileName,
      profiles.map((p) => p.samples.length < SAMPLED_DISTINCT),
    );
    const inferInput = {
      fileName,
      headerShape: staged.headerShape,
      columns: profiles,
      catalogue: await catalogueOf(conn),
    };
    const inferred = inferMapping({ ...inferInput, kind: request.kind });
    const resolved = await resolveMapping(conn, fileName, staged, async () => profiles, {
      kind: request.kind ?? request.mapping?.kind ?? inferred.kind,
      profile: request.profile,
      mapping: request.mapping,
      hints: request.hints,
    });
    const mapping = resolved.mapping;
    const surveyReading =
      inferred.kind === 'survey_responses'
        ? inferred
        : inferMapping({ ...inferInput, kind: 'survey_responses' });
    const verdicts = sampleVerdicts({
      profiles,
      mapping,
      surveyReading,
      surveyConfidence: surveyConfidenceOf(inferred),
    });
    return {
      fileName,
      format: staged.format,
      encoding: staged.encoding ?? null,
      delimiter: staged.delimiter ?? null,
      headerShape: staged.headerShape,
      sheets: staged.sheets ?? [],
      sheet: staged.sheet ?? null,
      rows: counts.rows,
      kind: mapping.kind,
      kindConfidence:
        resolved.source === 'inferred' ? inferred.kindConfidence : resolved.kindConfidence,
      alternatives: inferred.alternatives,
      mappingSource: resolved.source,
      profile: resolved.profile ?? null,
      mapping: withWholeScales(mapping),
      columns: profiles.map((column, i) => {
        const guess = inferred.columns.find((g) => g.column === column.name);
        const role = roleOf(mapping, column.name);
        const { hidden, type } = verdicts[i]!;
        const hint = role !== null ? request.hints?.map?.[role] : undefined;
        const why =
          hint !== undefined
            ? `your hint --map ${role}=${hint}`
            : resolved.source === 'inferred'
              ? (guess?.why ?? '')
              : resolved.profile
                ? `from profile ${resolved.profile}`
                : resolved.source === 'given'
                  ? 'from the mapping given'
                  : 'canonical column name';
        return {
          name: column.name,
          label: column.label ?? null,
          type,
          ...counts.columns[i]!,
          samples: hidden === null ? shortened(column.samples) : [],
          hidden,
          role,
          confidence:
            hint === undefined && resolved.source === 'inferred'
              ? (guess?.confidence ?? 0)
              : role
                ? 1
                : 0,
          why: hidden === null ? why : withoutValues(why, column.samples),
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
