import { COMPANY_NAME } from './itemCatalogue';
import { WeightedIndex, type Random } from './random';

/** One respondent's answers in one quarter, as simulated (canonical values). */
export interface SurveyRow {
  respondentId: string;
  unitId: string;
  day: number;
  tenure: string | null;
  role: string | null;
  /** Raw answers (reverse-coded items as answered), in catalogue order; null = not answered. */
  answers: (number | null)[];
  comment: string | null;
}

export const COMMENT_QUESTION = `Is there anything else you would like to tell us about working at ${COMPANY_NAME}?`;

/** Survey completions by hour of day from 07:00: a morning peak, a lunch bump, some evenings. */
const START_HOUR = new WeightedIndex([3, 7, 9, 8, 7, 8, 9, 7, 6, 5, 4, 4, 4, 3, 2]);

/** When each respondent started and finished on their day, for vendors that record clock times. */
export interface Timed<T> {
  row: T;
  startSecond: number;
  endSecond: number;
}

/** Start and finish times within the row's day (never past 23:00), sorted by finish like a vendor's export. */
export function clockTimes<T extends { day: number }>(
  rows: readonly T[],
  random: Random,
): Timed<T>[] {
  const timed = rows.map((row) => {
    const startSecond = (7 + START_HOUR.draw(random)) * 3600 + random.int(0, 3599);
    const duration = Math.min(3600, Math.round(random.logNormal(420, 0.55)));
    return { row, startSecond, endSecond: startSecond + duration };
  });
  return timed.sort((a, b) => a.row.day - b.row.day || a.endSecond - b.endSecond);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Qualtrics-style id such as R_1OUlzoYWJ3fC7f4. */
export function qualtricsResponseId(random: Random): string {
  let id = 'R_';
  for (let i = 0; i < 15; i++) id += ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)];
  return id;
}
