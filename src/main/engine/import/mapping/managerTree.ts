import type { AnalysedColumn } from './analyse';

/**
 * An org hierarchy written as people and their managers (an HRIS "who reports to whom" export):
 * the column naming each person and the column naming their manager, by e-mail or person id.
 */
export interface ManagerTreeColumns {
  person: AnalysedColumn;
  manager: AnalysedColumn;
}

const MANAGER =
  /\b(?:manager|supervisor|reports to|line manager|leader|boss)\b.*\b(?:e ?mail|email|id|number|no)\b/;
const MANAGERISH = /manager|supervisor|leader|reports/;
const PERSON = [
  /^(?:employee|emp|person|worker|staff|user|work|colleague)? ?(?:e ?mail|email|email address|id|number|no)$/,
  /^(?:employee|emp|person|worker|staff|colleague) ?(?:e ?mail|email|id|number|no)$/,
];

export function findManagerTree(columns: AnalysedColumn[]): ManagerTreeColumns | null {
  const manager =
    columns.find((c) => MANAGER.test(c.norm)) ??
    columns.find((c) => c.stats.emailShare >= 0.5 && MANAGERISH.test(c.norm));
  if (!manager) return null;
  const person =
    columns.find((c) => c !== manager && PERSON.some((re) => re.test(c.norm))) ??
    columns.find((c) => c !== manager && c.stats.emailShare >= 0.5 && !MANAGERISH.test(c.norm));
  return person ? { person, manager } : null;
}
