import { statusShare } from '../people/status';
import type { AnalysedColumn } from './analyse';

/**
 * Value fits special to people files (kinds/people.ts), or null for the common rules: the unit
 * may be written as names (matched to the hierarchy), and whether a person left as Yes/No, 1/0
 * or an employment status ("Terminated", "Active").
 */
export function peopleValueFit(
  role: string,
  column: AnalysedColumn,
): { fit: number; note?: string } | null {
  const s = column.stats;
  if (role === 'unit_id') {
    if (s.dates.share >= 0.9) return { fit: 0.25, note: 'values are dates' };
    return { fit: 1 };
  }
  if (role === 'has_left') {
    const share = statusShare(column.profile.samples);
    if (share >= 0.9) return { fit: 1 };
    if (share >= 0.6)
      return {
        fit: 0.7,
        note: `${Math.round((1 - share) * 100)}% of values are not yes/no or a status`,
      };
    return { fit: 0.15, note: 'values are not yes/no or an employment status' };
  }
  return null;
}
