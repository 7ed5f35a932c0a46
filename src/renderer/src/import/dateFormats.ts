/**
 * Date formats as the mapping carries them (DuckDB strptime strings, e.g. '%d/%m/%Y') and as the
 * analyst reads them (DD/MM/YYYY). ISO dates (2025-07-31, 2025-07-31 14:05:00) always parse, so
 * "Automatic" means no format at all.
 */

export interface DateFormatChoice {
  /** strptime date part; '' = ISO only. */
  id: string;
  label: string;
}

export const DATE_FORMAT_CHOICES: DateFormatChoice[] = [
  { id: '', label: 'Automatic (ISO, 2025-07-31)' },
  { id: '%d/%m/%Y', label: 'DD/MM/YYYY (31/07/2025)' },
  { id: '%m/%d/%Y', label: 'MM/DD/YYYY (07/31/2025)' },
  { id: '%d.%m.%Y', label: 'DD.MM.YYYY (31.07.2025)' },
  { id: '%d-%m-%Y', label: 'DD-MM-YYYY (31-07-2025)' },
  { id: '%Y/%m/%d', label: 'YYYY/MM/DD (2025/07/31)' },
  { id: '%d/%m/%y', label: 'DD/MM/YY (31/07/25)' },
  { id: '%m/%d/%y', label: 'MM/DD/YY (07/31/25)' },
  { id: '%d %b %Y', label: 'DD Mon YYYY (31 Jul 2025)' },
];

const TOKENS: Record<string, string> = {
  '%d': 'DD',
  '%-d': 'D',
  '%m': 'MM',
  '%-m': 'M',
  '%Y': 'YYYY',
  '%y': 'YY',
  '%b': 'Mon',
  '%B': 'Month',
  '%H': 'hh',
  '%I': 'hh',
  '%M': 'mm',
  '%S': 'ss',
  '%f': 'fff',
  '%p': 'AM/PM',
  '%z': '±hhmm',
  '%a': 'Day',
  '%A': 'Weekday',
};

/** '%d/%m/%Y %H:%M' -> 'DD/MM/YYYY hh:mm'. */
export function describeDateFormat(format: string): string {
  if (format === '') return 'ISO (YYYY-MM-DD)';
  return format.replace(/%-?[A-Za-z]/g, (t) => TOKENS[t] ?? t);
}

/** The date part of a strptime format: '%d/%m/%Y %H:%M:%S' -> '%d/%m/%Y'. */
export function datePart(format: string): string {
  const time = format.search(/[ T]%[HI]/);
  return time >= 0 ? format.slice(0, time) : format;
}

/** The formats stored for a chosen date part: with and without a time, so both kinds of cell parse. */
export function formatsFor(date: string): string[] {
  if (date === '') return [];
  return [date, `${date} %H:%M:%S`, `${date} %H:%M`];
}

const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The date part of the format the samples are written in: '' for ISO, null when unknown (no
 * samples, or values that are not dates). Day and month order is decided by a number above 12;
 * when every value could be either way, day first (the en-GB convention) is assumed.
 */
export function guessDateFormat(samples: string[]): string | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  if (values.every((v) => /^\d{4}-\d{1,2}-\d{1,2}(?:[ T].*)?$/.test(v))) return '';
  if (values.every((v) => /^\d{4}\/\d{1,2}\/\d{1,2}(?:[ T].*)?$/.test(v))) return '%Y/%m/%d';
  if (values.every((v) => /^\d{1,2} [A-Za-z]{3} \d{4}$/.test(v))) return '%d %b %Y';
  const matches = values.map((v) => DAY_MONTH.exec(v));
  if (matches.some((m) => m === null)) return null;
  const first = matches as RegExpExecArray[];
  const sep = first[0]![2]!;
  if (first.some((m) => m[2] !== sep)) return null;
  const shortYear = first[0]![4]!.length === 2;
  const monthFirst = first.some((m) => Number(m[3]) > 12) && !first.some((m) => Number(m[1]) > 12);
  const year = shortYear ? '%y' : '%Y';
  return monthFirst ? `%m${sep}%d${sep}${year}` : `%d${sep}%m${sep}${year}`;
}
