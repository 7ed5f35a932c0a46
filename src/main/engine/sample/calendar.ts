/** The sample company's fixed calendar: eight quarters, 2024-Q3 to 2026-Q2. Days count from 1970-01-01 (UTC). */

export interface Quarter {
  index: number;
  period: string;
  startDay: number;
  /** Exclusive. */
  endDay: number;
}

const MS_PER_DAY = 86_400_000;
const FIRST_YEAR = 2024;
const FIRST_QUARTER = 3;
export const QUARTER_COUNT = 8;

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export const QUARTERS: readonly Quarter[] = Array.from({ length: QUARTER_COUNT }, (_, index) => {
  const quarterOrdinal = FIRST_QUARTER - 1 + index;
  const year = FIRST_YEAR + Math.floor(quarterOrdinal / 4);
  const quarter = (quarterOrdinal % 4) + 1;
  const startDay = dayNumber(year, (quarter - 1) * 3 + 1, 1);
  const endDay = quarter === 4 ? dayNumber(year + 1, 1, 1) : dayNumber(year, quarter * 3 + 1, 1);
  return { index, period: `${year}-Q${quarter}`, startDay, endDay };
});

export const PERIODS: readonly string[] = QUARTERS.map((quarter) => quarter.period);

/** The reorganisation takes effect at the start of this quarter (2025-Q3). */
export const REORG_QUARTER_INDEX = 4;

export function quarterAt(index: number): Quarter {
  const quarter = QUARTERS[index];
  if (!quarter) throw new RangeError(`no quarter ${index}`);
  return quarter;
}

export function formatDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function formatTimestamp(dateText: string, secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  const seconds = secondOfDay % 60;
  return `${dateText} ${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function dateParts(day: number): { year: string; month: string; dayOfMonth: string } {
  const iso = formatDate(day);
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), dayOfMonth: iso.slice(8, 10) };
}

/** SurveyMonkey's US style: `08/04/2025 09:13:22 AM` is 4 August. */
export function formatUsTimestamp(day: number, secondOfDay: number): string {
  const { year, month, dayOfMonth } = dateParts(day);
  const hours = Math.floor(secondOfDay / 3600);
  const clock = formatTimestamp('', secondOfDay).slice(1);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${month}/${dayOfMonth}/${year} ${pad2(hour12)}${clock.slice(2)} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A European CX platform's day-first minutes: `04/08/2025 09:13` is 4 August. */
export function formatDayFirstMinute(day: number, secondOfDay: number): string {
  const { year, month, dayOfMonth } = dateParts(day);
  const clock = formatTimestamp('', secondOfDay).slice(1, 6);
  return `${dayOfMonth}/${month}/${year} ${clock}`;
}

/** Excel's date serial (1900 date system): days since 1899-12-30. */
export function excelSerial(day: number): number {
  return day + 25_569;
}

/** SPSS dates: seconds since 14 October 1582. */
export function spssSeconds(day: number, secondOfDay = 0): number {
  return (day + 141_428) * 86_400 + secondOfDay;
}

/** Microseconds since 1970-01-01, as DuckDB stores a TIMESTAMP. */
export function epochMicros(day: number, secondOfDay: number): bigint {
  return (BigInt(day) * 86_400n + BigInt(secondOfDay)) * 1_000_000n;
}
