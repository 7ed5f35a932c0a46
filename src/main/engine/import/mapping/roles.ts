import { CANONICAL_COLUMNS, type CanonicalKind, type ColumnSpec } from '../canonicalFormats';
import { metricNameShare } from '../kinds/preaggregatedMetrics';
import type { AnalysedColumn } from './analyse';
import { answeredShare } from './answered';
import { npsCategoryShare, ratingScale } from './cxRatings';
import { looksLikeExcelSerial } from './dates';
import { keyingShare } from './keying';
import { MAIN_DATE, NAME_RULES, extraRoles, metadataReason, personalReason } from './rules';
import { labelledNumber } from './scales';
import { isNaText } from './values';
import { peopleValueFit } from './peopleValues';
import { looksLikeWaves } from './defaults/surveyDefaults';

/** A column's fit for one canonical role. */
export interface RoleCandidate {
  column: AnalysedColumn;
  role: string;
  score: number;
  why: string;
}

export interface RoleAssignment {
  /** Canonical role -> its column. */
  byRole: Map<string, RoleCandidate>;
  /** Column index -> what it was given. */
  byColumn: Map<number, RoleCandidate>;
  /** Column index -> its best candidate that lost to another column. */
  runnersUp: Map<number, RoleCandidate>;
  /** Column index -> why it holds personal data. */
  personal: Map<number, string>;
}

export function rolesOf(kind: CanonicalKind): string[] {
  return [...CANONICAL_COLUMNS[kind].map((c) => c.name), ...extraRoles(kind)];
}

function specOf(kind: CanonicalKind, role: string): ColumnSpec | undefined {
  return CANONICAL_COLUMNS[kind].find((c) => c.name === role);
}

const CONVENTIONAL_NA = new Set(['99', '999', '9999', '-1', '-9', '-99', '-999', '98', '97', '88']);

/** Share of samples that are whole numbers in [lo, hi], N/A codes or numbered answer texts. */
export function rangeFit(column: AnalysedColumn, lo: number, hi: number): number {
  const values = column.profile.samples;
  if (values.length === 0) return 0;
  let ok = 0;
  for (const v of values) {
    const t = v.trim();
    if (isNaText(t) || CONVENTIONAL_NA.has(t)) {
      ok++;
      continue;
    }
    const n = /^[+-]?\d+(?:\.0+)?$/.test(t) ? Number(t) : labelledNumber(t);
    if (n !== null && Number.isInteger(n) && n >= lo && n <= hi) ok++;
  }
  return ok / values.length;
}

const ID_ROLES = new Set([
  'respondent_id',
  'response_id',
  'interaction_id',
  'event_id',
  'unit_id',
  'parent_id',
  'cx_code',
  'queue_code',
  'agent_id',
  'item_id',
  'employee_id',
]);

/** How well the values suit the role (0..1), with a note when something is worth saying. */
export function valueFit(
  kind: CanonicalKind,
  role: string,
  column: AnalysedColumn,
): { fit: number; note?: string } {
  if (column.empty) return { fit: 0.8, note: 'no values to check' };
  const s = column.stats;
  if (role === 'comment') {
    if (s.alphaShare >= 0.5 && (s.avgLength >= 12 || s.wordyShare >= 0.3)) return { fit: 1 };
    return { fit: s.alphaShare >= 0.5 ? 0.6 : 0.2 };
  }
  if (role === 'period') {
    if (s.periodShare >= 0.9) return { fit: 1 };
    if (s.periodShare + s.quarterTextShare >= 0.9)
      return { fit: 0.85, note: 'quarters not written YYYY-Qn' };
    if (kind === 'survey_responses' && looksLikeWaves(column.profile.samples))
      return { fit: 0.85, note: 'waves: say which quarter each one is' };
    return { fit: 0.4, note: 'values are not quarters (YYYY-Qn)' };
  }
  if (kind === 'preaggregated' && role === 'metric') {
    const share = metricNameShare(column.profile.samples);
    if (share >= 0.8) return { fit: 1 };
    if (share >= 0.5)
      return {
        fit: 0.8,
        note: `${Math.round((1 - share) * 100)}% of values are not metrics Upstream knows`,
      };
    // Still the metric column when named as one: rows naming no metric are quarantined, with why.
    return { fit: 0.5, note: 'values are not names of metrics Upstream knows' };
  }
  if (kind === 'people') {
    const people = peopleValueFit(role, column);
    if (people) return people;
  }
  if (kind === 'contact_centre' && role === 'answered') return answeredFit(column);
  const spec = specOf(kind, role);
  if (!spec) return { fit: 1 };
  switch (spec.type) {
    case 'DATE':
    case 'TIMESTAMP': {
      if (s.dates.share >= 0.9) return { fit: 1 };
      if (s.dates.share >= 0.6)
        return {
          fit: 0.7,
          note: `${Math.round((1 - s.dates.share) * 100)}% of values are not dates`,
        };
      if (looksLikeExcelSerial(column.profile.samples))
        return { fit: 0.6, note: 'Excel serial day numbers' };
      return { fit: 0.1, note: 'values are not dates' };
    }
    case 'INTEGER':
    case 'DOUBLE': {
      if (spec.range && spec.range[1] <= 10) {
        const fit = rangeFit(column, spec.range[0], spec.range[1]);
        if (fit >= 0.95) {
          if (role === 'nps' && s.ints.length > 0 && Math.max(...s.ints) <= 5)
            return { fit: 0.5, note: 'values stop at 5: not a 0-10 scale?' };
          return { fit: 1 };
        }
        const scale = ratingScale(column.profile.samples, column.profile.valueLabels, undefined);
        if (
          scale?.choiceScores &&
          scale.fit >= 0.9 &&
          scale.min >= spec.range[0] &&
          scale.max <= spec.range[1]
        )
          return { fit: 0.9, note: 'answer texts, scored' };
        if (role === 'nps' && npsCategoryShare(column.profile.samples) >= 0.9)
          return { fit: 0.9, note: 'NPS categories (promoter, passive, detractor)' };
        if (
          scale?.choiceScores &&
          scale.fit >= 0.6 &&
          scale.min >= spec.range[0] &&
          scale.max <= spec.range[1]
        )
          return { fit: 0.75, note: 'answer texts, some of which cannot be scored' };
        if (fit >= 0.8)
          return {
            fit: 0.75,
            note: `${Math.round((1 - fit) * 100)}% of values outside ${spec.range[0]}-${spec.range[1]}`,
          };
        return { fit: 0.15, note: `values are not ${spec.range[0]}-${spec.range[1]} scores` };
      }
      if (role.endsWith('_seconds')) {
        if (s.nonNegativeShare >= 0.9) return { fit: 1 };
        if (s.hmsShare >= 0.9) return { fit: 0.9, note: 'durations written as [h:]mm:ss' };
        if (s.hmsShare > 0 && s.hmsShare + s.nonNegativeShare >= 0.8)
          return { fit: 0.85, note: 'durations written as [h:]mm:ss and as seconds' };
        return { fit: 0.15, note: 'values are not durations' };
      }
      if (s.nonNegativeShare >= 0.9 || s.numericShare >= 0.9) {
        if (role === 'leavers' && s.ints.length === 0 && s.numericShare >= 0.9)
          return { fit: 0.35, note: 'decimals: a rate, not a count of leavers?' };
        return { fit: 1 };
      }
      return { fit: 0.15, note: 'values are not numbers' };
    }
    case 'BOOLEAN': {
      if (s.boolShare >= 0.9) return { fit: 1 };
      if (role === 'reverse_coded') {
        const share = keyingShare(column.profile.samples);
        if (share >= 0.9) return { fit: 1, note: 'keying codes (-1/1, R)' };
        // Named as keying: cells that say neither way are quarantined, not the column ignored.
        if (share >= 0.5) return { fit: 0.6, note: 'some keying cells read neither way' };
      }
      if (s.intShare >= 0.9) return { fit: 0.5, note: 'counts, not yes/no' };
      return { fit: 0.2, note: 'values are not yes/no' };
    }
    case 'VARCHAR': {
      if (ID_ROLES.has(role)) {
        if (s.wordyShare > 0.5) return { fit: 0.3, note: 'free text, not codes' };
        if (s.dates.share >= 0.9) return { fit: 0.25, note: 'values are dates' };
        return { fit: 1 };
      }
      if (role === 'unit_name' || role === 'leader_name' || role === 'item_text') {
        if (s.alphaShare < 0.2) return { fit: 0.5, note: 'values are numbers, not names' };
        return { fit: 1 };
      }
      if (role === 'channel' && s.alphaShare < 0.2) return { fit: 0.5 };
      return { fit: 1 };
    }
  }
  return { fit: 1 };
}

/** A contact-centre answered flag: yes/no, or words such as Answered and Abandoned. */
function answeredFit(column: AnalysedColumn): { fit: number; note?: string } {
  const share = answeredShare(column.profile.samples);
  if (share >= 0.9) return { fit: 1 };
  if (share >= 0.5)
    return {
      fit: 0.7,
      note: `${Math.round((1 - share) * 100)}% of values are not answered/abandoned`,
    };
  return { fit: 0.2, note: 'values do not say whether calls were answered' };
}

function nameScore(
  kind: CanonicalKind,
  role: string,
  column: AnalysedColumn,
): { score: number; via: string; why?: string } | null {
  let best: { score: number; via: string; why?: string } | null = null;
  for (const rule of NAME_RULES) {
    if (rule.role !== role || (rule.kinds && !rule.kinds.includes(kind))) continue;
    const tries: [string | null, number, string][] = [
      [column.core, 1, 'name'],
      [column.norm, 1, 'name'],
      [column.labelCore, 0.85, 'label'],
      [column.importNorm, 0.85, 'import id'],
    ];
    for (const [text, weight, via] of tries) {
      if (text === null || !rule.re.test(text)) continue;
      const score = rule.score * weight;
      if (!best || score > best.score) best = { score, via, why: rule.why };
    }
  }
  return best;
}

const ROLE_WORDS: Record<string, string> = {
  unit_id: 'unit id',
  cx_code: 'customer unit code',
  queue_code: 'queue',
  submitted_at: 'completion date',
  responded_at: 'response date',
  started_at: 'start time',
  recognised_at: 'recognition date',
  effective_from: 'effective date',
};

/** Every role the column could fill in this kind, best first. */
export function roleCandidates(kind: CanonicalKind, column: AnalysedColumn): RoleCandidate[] {
  const out: RoleCandidate[] = [];
  const metadata = metadataReason(column.norm, column.importId);
  for (const role of rolesOf(kind)) {
    const named = nameScore(kind, role, column);
    if (named) {
      const values = valueFit(kind, role, column);
      const score = named.score * values.fit;
      const label = ROLE_WORDS[role] ?? role.replace(/_/g, ' ');
      const why = `${named.via} reads as ${label}${named.why ? ` (${named.why})` : ''}${values.note ? `; ${values.note}` : ''}`;
      out.push({ column, role, score, why });
      continue;
    }
    if (metadata || column.empty) continue;
    const fallback = valueOnly(kind, role, column);
    if (fallback) out.push({ column, role, score: fallback.score, why: fallback.why });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Candidates from values alone, for columns whose names say nothing. */
function valueOnly(
  kind: CanonicalKind,
  role: string,
  column: AnalysedColumn,
): { score: number; why: string } | null {
  const s = column.stats;
  if (MAIN_DATE[kind] === role && s.dates.share >= 0.9)
    return { score: 0.4, why: 'values are dates' };
  if (kind === 'customer_feedback') {
    if (role === 'nps' && s.ints.length >= 5 && rangeFit(column, 0, 10) >= 0.95) {
      const hi = Math.max(...s.ints);
      const lo = Math.min(...s.ints);
      if (hi >= 8 && lo <= 6) return { score: 0.45, why: 'values are 0-10 scores (NPS-like)' };
    }
    if (role === 'csat' && s.ints.length >= 3 && rangeFit(column, 1, 5) >= 0.95)
      return { score: 0.3, why: 'values are 1-5 scores (CSAT-like)' };
    if (
      role === 'ces' &&
      s.ints.length >= 3 &&
      rangeFit(column, 1, 7) >= 0.95 &&
      Math.max(...s.ints) > 5
    )
      return { score: 0.3, why: 'values are 1-7 scores (CES-like)' };
    if (role === 'cx_code' && s.codeShare >= 0.8 && s.alphaShare >= 0.5 && s.dates.share < 0.5)
      return {
        score: 0.35,
        why: `values look like unit codes (${column.profile.samples[0] ?? ''})`,
      };
    if (role === 'response_id' && column.distinct && s.codeShare >= 0.8 && s.dates.share < 0.5)
      return { score: 0.3, why: 'every value differs: an id' };
    if (role === 'comment' && s.wordyShare >= 0.5 && s.avgLength >= 20)
      return { score: 0.4, why: 'free text' };
  }
  if (
    kind === 'preaggregated' &&
    role === 'metric' &&
    metricNameShare(column.profile.samples) >= 0.8
  )
    return {
      score: 0.7,
      why: `values are metric names (${column.profile.samples[0] ?? ''})`,
    };
  if (kind === 'unit_mapping' && (role === 'cx_code' || role === 'unit_id') && s.codeShare >= 0.8)
    return { score: 0.3, why: 'values look like codes' };
  if (kind === 'survey_responses') {
    if (
      role === 'respondent_id' &&
      column.distinct &&
      s.dates.share < 0.5 &&
      s.wordyShare < 0.2 &&
      s.numericShare < 0.5
    )
      return { score: 0.3, why: 'every value differs: an id' };
    if (role === 'comment' && s.wordyShare >= 0.5 && s.avgLength >= 20)
      return { score: 0.4, why: 'free text' };
  }
  return null;
}

/** Lowest score at which a column is given a role. */
export const MIN_ROLE_SCORE = 0.3;

/** Gives each role at most one column and each column at most one role, best pairs first. */
export function assignRoles(
  kind: CanonicalKind,
  columns: readonly AnalysedColumn[],
): RoleAssignment {
  const personal = new Map<number, string>();
  const all: RoleCandidate[] = [];
  for (const column of columns) {
    const reason =
      personalReason(column.norm, kind, column.stats) ??
      (column.labelNorm
        ? personalReason(column.labelNorm, kind, { emailShare: 0, ipShare: 0 })
        : null);
    if (reason) {
      personal.set(column.index, reason);
      continue;
    }
    all.push(...roleCandidates(kind, column));
  }
  all.sort((a, b) => b.score - a.score || a.column.index - b.column.index);
  const byRole = new Map<string, RoleCandidate>();
  const byColumn = new Map<number, RoleCandidate>();
  const runnersUp = new Map<number, RoleCandidate>();
  for (const candidate of all) {
    if (candidate.score < MIN_ROLE_SCORE) break;
    if (byColumn.has(candidate.column.index)) continue;
    if (byRole.has(candidate.role)) {
      if (!runnersUp.has(candidate.column.index)) runnersUp.set(candidate.column.index, candidate);
      continue;
    }
    byRole.set(candidate.role, candidate);
    byColumn.set(candidate.column.index, candidate);
  }
  return { byRole, byColumn, runnersUp, personal };
}
