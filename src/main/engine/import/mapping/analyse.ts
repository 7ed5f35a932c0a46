import type { ColumnProfile } from './inferenceTypes';
import { coreName, normaliseName } from './normalise';
import { valueStats, type ValueStats } from './values';

/** A source column with everything inference derives from it once. */
export interface AnalysedColumn {
  profile: ColumnProfile;
  index: number;
  name: string;
  norm: string;
  core: string;
  labelNorm: string | null;
  labelCore: string | null;
  /** The ImportId itself, also when the reader passed Qualtrics' JSON ({"ImportId":"QID5_1"}). */
  importId: string | undefined;
  importNorm: string | null;
  stats: ValueStats;
  /** No value in the sampled rows. */
  empty: boolean;
  /** Nearly every sampled value differs from the others (ids, timestamps, comments). */
  distinct: boolean;
}

/** Qualtrics' third header row is JSON; readers may pass it whole or just the id. */
export function parseImportId(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text.length === 0) return undefined;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && 'ImportId' in parsed) {
        const id = (parsed as { ImportId: unknown }).ImportId;
        if (typeof id === 'string' && id.trim().length > 0) return id.trim();
      }
    } catch {
      const m = /"ImportId"\s*:\s*"([^"]+)"/.exec(text);
      if (m) return m[1];
    }
    return undefined;
  }
  return text;
}

/** Labels that carry no meaning of their own (SurveyMonkey's sub-header for single questions). */
export function meaningfulLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const t = label.trim();
  if (t.length === 0) return undefined;
  if (/^(?:response|open[- ]ended response|other \(please specify\)|answer|value)$/i.test(t))
    return undefined;
  return t;
}

export function analyseColumns(columns: readonly ColumnProfile[]): AnalysedColumn[] {
  return columns.map((profile, index) => {
    const samples = Array.isArray(profile.samples)
      ? profile.samples.filter((s): s is string => typeof s === 'string')
      : [];
    const safe: ColumnProfile = { ...profile, samples };
    const name = typeof profile.name === 'string' ? profile.name : String(profile.name);
    const norm = normaliseName(name);
    const label = meaningfulLabel(typeof profile.label === 'string' ? profile.label : undefined);
    const labelNorm = label !== undefined ? normaliseName(label) : null;
    const importId = parseImportId(
      typeof profile.importId === 'string' ? profile.importId : undefined,
    );
    const stats = valueStats(samples);
    const nonEmpty = Number.isFinite(profile.nonEmpty) ? profile.nonEmpty : samples.length;
    const cap = Math.min(200, Math.max(nonEmpty, samples.length));
    return {
      profile: safe,
      index,
      name,
      norm,
      core: coreName(norm),
      labelNorm: labelNorm && labelNorm !== norm ? labelNorm : null,
      labelCore: labelNorm && labelNorm !== norm ? coreName(labelNorm) : null,
      importId,
      importNorm: importId !== undefined ? normaliseName(importId) : null,
      stats,
      empty: samples.length === 0,
      distinct: samples.length >= 5 && samples.length >= 0.95 * cap,
    };
  });
}
