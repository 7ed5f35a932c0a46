import type { AnalysedColumn } from './analyse';
import { keyingReader } from './keying';
import type { RoleAssignment } from './roles';
import type { ColumnMapping } from './types';

/** Scale a codebook's items take when it gives none: Upstream's usual 5-point agreement scale. */
export const DEFAULT_CODEBOOK_SCALE: [number, number] = [1, 5];

/**
 * A codebook (a file describing items: id, text, factor or scale, keying, maybe min/max) read as
 * the survey_items catalogue. Its keying cells (-1/1, R, reverse, yes/no; empty = forward) become
 * reverse_coded through mapping.choiceScores (1 reversed, 0 forward). A codebook without keying
 * takes every item as forward-keyed; without scale bounds, 1-5 (eNPS items 0-10, see
 * applyMapping.ts): both said in the problems, since
 * a response file's answers outside 1-5 would then be quarantined.
 */
export function codebookMapping(
  mapping: ColumnMapping,
  assignment: RoleAssignment,
  problems: string[],
  columns: readonly AnalysedColumn[] = [],
): void {
  if (mapping.kind !== 'survey_items') return;
  scaleRangeColumn(mapping, assignment, problems, columns);
  const keyed = assignment.byRole.get('reverse_coded')?.column;
  if (keyed) {
    const cells = keyed.profile.samples;
    if (cells.some((c) => !/^\s*(?:true|false)\s*$/i.test(c))) {
      const read = keyingReader(cells);
      const scores: Record<string, number> = {};
      for (const cell of cells) {
        const reversed = read(cell);
        if (reversed !== null) scores[cell] = reversed ? 1 : 0;
      }
      // Codebooks often mark only the reversed items: an empty cell is forward-keyed.
      scores[''] = 0;
      mapping.choiceScores = { ...(mapping.choiceScores ?? {}), reverse_coded: scores };
    }
  } else if (mapping.constants.reverse_coded === undefined) {
    mapping.constants.reverse_coded = 'false';
    problems.push('no keying column (reverse-coded): every item is taken as forward-keyed: check');
  }
  if (
    mapping.columns.scale_min === undefined &&
    mapping.columns.scale_max === undefined &&
    mapping.constants.scale_min === undefined &&
    mapping.constants.scale_max === undefined
  ) {
    const [min, max] = DEFAULT_CODEBOOK_SCALE;
    mapping.constants.scale_min = String(min);
    mapping.constants.scale_max = String(max);
    problems.push(
      `no scale columns (min, max): every item is taken as ${min}-${max} (eNPS items 0-10); answers outside it will be quarantined: check`,
    );
  }
}

/** "1-5", "0 - 10", "1 to 7", "1–6": a scale written as its range (applyMapping.ts reads it). */
export const SCALE_RANGE = '^\\s*(-?\\d+)\\s*(?:-|to|\u2013|\\.\\.)\\s*(-?\\d+)\\s*$';

/**
 * A column of scale ranges ("1-5") gives both scale_min and scale_max. A codebook's "scale" may
 * be that or the item's construct: when the column taken for the factor holds ranges, it is the
 * scale, and the factor is left to the analyst (other, said in the problems).
 */
function scaleRangeColumn(
  mapping: ColumnMapping,
  assignment: RoleAssignment,
  problems: string[],
  columns: readonly AnalysedColumn[],
): void {
  if (mapping.columns.scale_min !== undefined || mapping.columns.scale_max !== undefined) return;
  const range = new RegExp(SCALE_RANGE, 'i');
  const taken = new Set([...assignment.byColumn.values()].map((c) => c.column.name));
  const column = columns.find(
    (c) =>
      !c.empty &&
      (!taken.has(c.name) || mapping.columns.factor === c.name) &&
      c.profile.samples.filter((v) => range.test(v)).length >= 0.9 * c.profile.samples.length,
  );
  if (!column) return;
  mapping.columns.scale_min = column.name;
  mapping.columns.scale_max = column.name;
  if (mapping.columns.factor === column.name) {
    delete mapping.columns.factor;
    mapping.constants.factor = 'other';
    problems.push(
      `"${column.name}" holds scale ranges (${column.profile.samples[0] ?? ''}), not factors: every item's factor is other: choose the factor column`,
    );
  }
}
