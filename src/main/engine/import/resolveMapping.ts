import type { DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalKind, ColumnMapping } from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { queryRows } from '../db/query';
import { canonicalMapping, isCanonical } from './applyMapping';
import {
  adaptProfile,
  type AdaptedMapping,
  type AdaptOptions,
  inferMapping,
  matchProfile,
  type CatalogueItem,
  type ColumnProfile,
} from './mapping';
import { applyHints, type ImportHints } from './hints';
import { getProfile, listProfiles } from './profiles';
import type { StagedSource } from './readers/types';

export type MappingSource = 'given' | 'profile' | 'matched profile' | 'canonical' | 'inferred';

export interface ResolvedMapping {
  mapping: ColumnMapping;
  source: MappingSource;
  profile?: string;
  kindConfidence: number;
  problems: string[];
  /** The analyst's hints changed it. */
  hinted?: boolean;
}

/** Below this, Upstream will not guess what a file is: the analyst says it with --as or the screen. */
const MIN_KIND_CONFIDENCE = 0.5;

export async function catalogueOf(conn: DuckDBConnection): Promise<CatalogueItem[]> {
  return queryRows<CatalogueItem>(
    conn,
    `SELECT item_id AS "itemId", item_text AS text, factor, scale_min AS "scaleMin", scale_max AS "scaleMax",
       reverse_coded AS "reverseCoded" FROM survey_items ORDER BY item_id`,
  );
}

interface MappingRequest {
  kind?: CanonicalKind;
  mapping?: ColumnMapping;
  profile?: string;
  hints?: ImportHints;
}

/**
 * The mapping an import uses, in order of authority: one given with the request (the mapping
 * screen, --mapping), a profile named with --profile, a saved profile whose columns match this
 * file, the identity for files already in canonical form, and last, inference; then the
 * analyst's hints (--map, --set) over it.
 */
export async function resolveMapping(
  conn: DuckDBConnection,
  fileName: string,
  staged: StagedSource,
  columns: () => Promise<ColumnProfile[]>,
  request: MappingRequest,
): Promise<ResolvedMapping> {
  if (request.mapping && request.kind && request.mapping.kind !== request.kind) {
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `--as ${request.kind} and the mapping's kind ${request.mapping.kind} contradict each other.`,
    );
  }
  const resolved = await baseMapping(conn, fileName, staged, columns, request);
  const hinted = applyHints(
    resolved.mapping,
    request.hints,
    staged.columns.map((c) => c.name),
  );
  return hinted === resolved.mapping ? resolved : { ...resolved, mapping: hinted, hinted: true };
}

async function baseMapping(
  conn: DuckDBConnection,
  fileName: string,
  staged: StagedSource,
  columns: () => Promise<ColumnProfile[]>,
  request: MappingRequest,
): Promise<ResolvedMapping> {
  const names = staged.columns.map((c) => c.name);
  const catalogue = await catalogueOf(conn);
  if (request.mapping)
    return { mapping: request.mapping, source: 'given', kindConfidence: 1, problems: [] };
  // Long-form survey exports are recognised by inference; pivoting them is not built yet.
  if (request.profile) {
    const profile = await getProfile(conn, request.profile);
    const adapted = await adaptSaved(staged, profile.mapping, columns, {
      previousColumns: profile.columnNames,
      catalogue,
      fileName,
    });
    return {
      mapping: adapted.mapping,
      source: 'profile',
      profile: profile.name,
      kindConfidence: 1,
      problems: adapted.problems,
    };
  }
  const match = matchProfile(
    (await listProfiles(conn)).filter((p) => !request.kind || p.kind === request.kind),
    names,
  );
  if (match) {
    const adapted = await adaptSaved(staged, match.profile.mapping, columns, {
      previousColumns: match.profile.columnNames,
      catalogue,
      fileName,
    });
    return {
      mapping: adapted.mapping,
      source: 'matched profile',
      profile: match.profile.name,
      kindConfidence: match.overlap,
      problems: adapted.problems,
    };
  }
  if (request.kind && isCanonical(request.kind, names)) {
    return {
      mapping: canonicalMapping(request.kind, names, catalogue),
      source: 'canonical',
      kindConfidence: 1,
      problems: [],
    };
  }
  const inferred = inferMapping({
    fileName,
    headerShape: staged.headerShape,
    columns: await columns(),
    kind: request.kind,
    catalogue,
  });
  if (!request.kind && inferred.kindConfidence < MIN_KIND_CONFIDENCE) {
    const guesses = [
      { kind: inferred.kind, confidence: inferred.kindConfidence },
      ...inferred.alternatives,
    ]
      .slice(0, 3)
      .map((a) => `${a.kind} (${Math.round(a.confidence * 100)}%)`)
      .join(', ');
    throw new UpstreamError(
      'IMPORT_ERROR',
      `${fileName}: cannot tell what kind of file this is (best guesses: ${guesses}). Say it with --as KIND.`,
      { hint: ['--as', inferred.kind] },
    );
  }
  return {
    mapping: inferred.mapping,
    source: 'inferred',
    kindConfidence: inferred.kindConfidence,
    problems: inferred.problems,
  };
}

/**
 * adaptProfile, reading the columns' sample values only when it looks at them (a survey's new
 * answer columns): a saved profile that accounts for every column of the file is carried over
 * from the header alone, without a pass over the file to sample it.
 */
async function adaptSaved(
  staged: StagedSource,
  saved: ColumnMapping,
  columns: () => Promise<ColumnProfile[]>,
  options: AdaptOptions,
): Promise<AdaptedMapping> {
  const unsampled: ColumnProfile[] = staged.columns.map((c) => ({
    name: c.name,
    label: c.label,
    importId: c.importId,
    valueLabels: c.valueLabels,
    samples: [],
    nonEmpty: 0,
    rows: 0,
  }));
  const adapted = adaptProfile(saved, unsampled, options);
  return adapted.looked === 0 ? adapted : adaptProfile(saved, await columns(), options);
}
