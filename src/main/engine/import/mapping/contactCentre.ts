import type { AnalysedColumn } from './analyse';
import { answeredScores } from './answered';
import type { RoleAssignment } from './roles';
import type { ColumnMapping } from './types';

/**
 * Contact-centre inference beyond column roles (infer.ts): how durations are written, handle
 * time from its parts, what the answered column's words mean, and which figures the log cannot
 * give. Logs carry only what their system records; each gap is said, with what it costs.
 */

export const DURATION_WORDS: Record<NonNullable<ColumnMapping['durations']>[string], string> = {
  hms: '[h:]mm:ss',
  milliseconds: 'milliseconds',
  minutes: 'minutes',
  days: 'Excel time (fractions of a day)',
};

/** Contact-centre fields a log may lack; each missing one is said, with what it costs. */
const CONTACT_OPTIONAL = ['hold_seconds', 'wrap_seconds', 'transferred', 'repeat_contact'];

/**
 * How a duration column without a unit in its name is written: [h:]mm:ss (some values may be
 * plain seconds: "0:05:12", "5:12" and "312" in one column), or Excel time fractions of a day
 * (0.0034722 is 5 minutes): every number below 1 and some with decimals.
 */
export function durationWriting(c: AnalysedColumn): 'hms' | 'days' | null {
  const s = c.stats;
  if (s.hmsShare >= 0.9 || (s.hmsShare > 0 && s.hmsShare + s.nonNegativeShare >= 0.8)) return 'hms';
  const numbers = c.profile.samples
    .map((v) => v.trim())
    .filter((v) => /^\d*\.\d+$|^0$/.test(v))
    .map(Number);
  if (
    numbers.length > 0 &&
    numbers.length + s.hmsShare * s.n >= 0.9 * s.n &&
    numbers.every((x) => x < 1) &&
    numbers.some((x) => x > 0)
  )
    return 'days';
  return null;
}

/**
 * What the analyst should know about a contact-centre mapping; sets the answered column's scores
 * (choiceScores.answered) when its values are words or an inverted flag.
 */
export function contactCentreProblems(
  assignment: RoleAssignment,
  mapping: ColumnMapping,
  friendly: Record<string, string>,
): string[] {
  const problems: string[] = [];
  if (!mapping.columns.handle_seconds) {
    const parts = ['talk_seconds', 'hold_seconds', 'wrap_seconds'];
    const have = parts.filter((p) => mapping.columns[p] !== undefined);
    if (have.length === parts.length)
      problems.push(
        'no handle time column: handle time is talk + hold + wrap-up time, call by call',
      );
    else
      problems.push(
        `no handle time column, and no ${parts
          .filter((p) => !have.includes(p))
          .map((p) => friendly[p])
          .join(' or ')} to add up to one: average handle time will show no data`,
      );
  }
  const answered = assignment.byRole.get('answered')?.column;
  if (answered) {
    const { scores, unknown, inverted } = answeredScores(answered.profile.samples, answered.name);
    if (scores && Object.keys(scores).length > 0) {
      mapping.choiceScores = { ...(mapping.choiceScores ?? {}), answered: scores };
      problems.push(
        `answered ("${answered.name}") is read as ${
          inverted
            ? 'yes = not answered (abandoned or missed)'
            : Object.entries(scores)
                .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
                .map(([text, score]) => `"${text}" = ${score ? 'answered' : 'not answered'}`)
                .join(', ')
        }: calls not answered are counted but kept out of time averages (mapping.choiceScores)`,
      );
    }
    if (unknown.length > 0)
      problems.push(
        `answered ("${answered.name}"): cannot tell whether ${unknown
          .slice(0, 5)
          .map((u) => `"${u}"`)
          .join(
            ', ',
          )} means answered: score it 1 or 0 in mapping.choiceScores.answered, or those rows are quarantined`,
      );
  }
  for (const role of CONTACT_OPTIONAL) {
    if (!mapping.columns[role])
      problems.push(`no ${friendly[role] ?? role} column: the figures that need it show no data`);
  }
  return problems;
}
