import type { AnalysedColumn } from '../analyse';
import type { ColumnGuess } from '../inferenceTypes';
import { coreName } from '../normalise';
import type { RoleAssignment } from '../roles';
import type { ColumnMapping } from '../types';
import { isNaText } from '../values';

/**
 * What the mapping screen shows for a survey export that lacks columns the import can do
 * without (src/main/engine/import/surveyDefaults): the defaults the import will use, and the
 * demographic columns it keeps as respondent groups. Pure, like the rest of inference.
 */

/** Demographic column names (normal form, decorations removed) -> the dimension kept. */
const KEPT: [RegExp, string][] = [
  [/^(?:gender|sex|gender identity)$/, 'gender'],
  [
    /^(?:age|age band|age group|age range|age bracket|age years|age in years|your age)$/,
    'age_band',
  ],
  [/^(?:location|work location|work site|office|country|city|site|region)$/, 'location'],
  [/^(?:shift|shift pattern|shift type|working shift)$/, 'shift'],
  [/^(?:grade|job grade|pay grade|band|job band|level|job level)$/, 'grade'],
  [/^(?:department|dept|division|function|business area|business function)$/, 'department'],
  [
    /^(?:contract|contract type|employment type|full time part time|ft pt|working pattern|work pattern|hours)$/,
    'work_pattern',
  ],
  [/^(?:hybrid|remote|work arrangement|working arrangement)$/, 'work_arrangement'],
];

/** The dimension a survey column is kept as, or null (sensitive categories are never proposed). */
export function demographicDimension(core: string): string | null {
  for (const [re, id] of KEPT) if (re.test(core)) return id;
  return null;
}

/**
 * Proposes mapping.demographics for the survey columns no role took, and says why for each.
 * NA-like answers ("NA", "Prefer not to say") are not stated.
 */
export function proposeDemographics(
  columns: readonly AnalysedColumn[],
  assignment: RoleAssignment,
  mapping: ColumnMapping,
  guesses: Map<number, ColumnGuess>,
): void {
  const demographics: Record<string, string> = {};
  for (const c of columns) {
    if (assignment.byColumn.has(c.index) || assignment.personal.has(c.index) || c.empty) continue;
    if (guesses.has(c.index)) continue;
    const id = demographicDimension(coreName(c.norm)) ?? demographicDimension(c.norm);
    if (id === null || demographics[id] !== undefined) continue;
    demographics[id] = c.name;
    const na = [...new Set(c.profile.samples.map((s) => s.trim()).filter((s) => isNaText(s)))];
    if (na.length > 0) mapping.naCodes[id] = na.sort();
    guesses.set(c.index, {
      column: c.name,
      role: `demographic:${id}`,
      confidence: 0.8,
      why: `demographic: kept as respondent groups (${id})${id === 'age_band' ? ', exact ages only as bands (under 25, 25-34, ... 65+)' : ''}, shown only for groups of the minimum size`,
    });
  }
  if (Object.keys(demographics).length > 0) mapping.demographics = demographics;
}

/** Waves written 1, 2, 3 or T1, W2, "Wave 3": a period column that needs mapping.waves. */
export function looksLikeWaves(samples: readonly string[]): boolean {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  return (
    values.length > 0 && values.every((v) => /^(?:(?:t|w|wave|time|round)\s*)?\d{1,2}$/i.test(v))
  );
}

/**
 * What the import fills in for a survey file's missing required columns, as the mapping screen
 * says it (null: nothing; the column must be chosen).
 */
export function surveyDefaultNote(role: string, mapping: ColumnMapping): string | null {
  if (role === 'respondent_id')
    return "no respondent id: each row is one respondent, its id made from the file's fingerprint and row number";
  if (role === 'submitted_at')
    return 'no completion date: each response is dated the last day of its period';
  if (role === 'unit_id' && mapping.constants.unit_id === undefined)
    return 'no unit column: every response counts for the whole organisation (the top of the hierarchy)';
  return null;
}

/**
 * Why an unnamed first column of whole numbers is left out: R's write.csv writes row numbers
 * there (the readers call an unnamed column column_N).
 */
export function rowNumbersGuess(c: AnalysedColumn): ColumnGuess | null {
  if (c.index !== 0 || (c.name.trim() !== '' && c.name !== 'column_1')) return null;
  const samples = c.profile.samples.map((s) => s.trim()).filter((s) => s !== '');
  if (samples.length === 0 || !samples.every((s) => /^\d+$/.test(s))) return null;
  return {
    column: c.name,
    role: null,
    confidence: 0.9,
    why: 'row numbers (as R writes them): not kept; each row is one respondent',
  };
}
