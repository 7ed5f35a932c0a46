import { scanDates, type DateScan } from './dates';
import { normaliseName } from './normalise';

/** What a column's sample values look like, independent of its name. */
export interface ValueStats {
  /** Number of samples looked at. */
  n: number;
  /** Distinct integer values among the samples, ascending. */
  ints: number[];
  intShare: number;
  /** Integers or decimals (either separator). */
  numericShare: number;
  nonNegativeShare: number;
  commaDecimals: number;
  dotDecimals: number;
  boolShare: number;
  emailShare: number;
  ipShare: number;
  /** Durations written as [h:]mm:ss. */
  hmsShare: number;
  /** Values like ST-1042, BR_77, Q-SALES-01, 004512. */
  codeShare: number;
  /** Most common code shape (letters as A, digits as 9), and its share. */
  codeShape: string | null;
  codeShapeShare: number;
  /** YYYY-Qn. */
  periodShare: number;
  /** Quarter written another way: "Q3 2025", "2025 Q3", "2025Q3". */
  quarterTextShare: number;
  naTexts: string[];
  avgLength: number;
  alphaShare: number;
  /** Free text: three or more words. */
  wordyShare: number;
  dates: DateScan;
}

const NA_TEXT =
  /^(?:n ?a|not applicable|does not apply|doesnt apply|dont know|do not know|dk|dont know not sure|prefer not to say|prefer not to answer|rather not say|no opinion|unable to say|unable to answer|unable to rate|unable to comment|not sure|unsure|no answer|no response|refused|skipped|cannot say|cant say|not answered|none of the above|no basis to judge|not observed|no experience|na dont know|not relevant)$/;

/** Whether an answer text means "not applicable / don't know". */
export function isNaText(value: string): boolean {
  const t = value.trim();
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(t)) return false;
  if (/^(?:-{1,2}|\.|n\/a|#n\/a)$/i.test(t)) return true;
  return NA_TEXT.test(normaliseName(t));
}

const INT = /^[+-]?\d+$/;
const DOT_DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)\.\d+$/;
const COMMA_DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;
const AMBIGUOUS_THOUSANDS = /^\d{1,3},\d{3}$/;
const BOOL = /^(?:true|false|t|f|yes|no|y|n|0|1)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;
const HMS = /^\d{1,3}:[0-5]\d(?::[0-5]\d)?$/;
const CODE =
  /^(?:[A-Za-z]{1,8}[-_ /.]?\d{1,10}[A-Za-z]?|\d{2,12}|[A-Z0-9]{1,12}(?:[-_.][A-Z0-9]{1,12}){1,4})$/;
const PERIOD = /^\d{4}-Q[1-4]$/;
const QUARTER_TEXT =
  /^(?:(?:19|20)\d{2}[ _./-]?Q[1-4]|Q[1-4][ _./-]?(?:19|20)\d{2}|FY\d{2,4}[ _-]?Q[1-4])$/i;

/** A number written with either decimal separator, or null. */
export function parseNumber(value: string): number | null {
  const t = value.trim();
  if (INT.test(t)) return Number(t);
  if (DOT_DECIMAL.test(t)) return Number(t.replace(/,/g, ''));
  if (COMMA_DECIMAL.test(t) && !AMBIGUOUS_THOUSANDS.test(t))
    return Number(t.replace(/\./g, '').replace(',', '.'));
  return null;
}

function codeShapeOf(value: string): string {
  return value.replace(/[A-Za-z]/g, 'A').replace(/\d/g, '9');
}

export function valueStats(samples: readonly string[]): ValueStats {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  const n = values.length;
  const ints = new Set<number>();
  let intCount = 0;
  let numeric = 0;
  let nonNegative = 0;
  let commaDecimals = 0;
  let dotDecimals = 0;
  let bools = 0;
  let emails = 0;
  let ips = 0;
  let hms = 0;
  let codes = 0;
  let periods = 0;
  let quarterTexts = 0;
  let alpha = 0;
  let wordy = 0;
  let totalLength = 0;
  const naTexts: string[] = [];
  const shapes = new Map<string, number>();
  for (const v of values) {
    totalLength += v.length;
    if (INT.test(v)) {
      intCount++;
      ints.add(Number(v));
    }
    if (DOT_DECIMAL.test(v)) dotDecimals++;
    else if (COMMA_DECIMAL.test(v) && !AMBIGUOUS_THOUSANDS.test(v)) commaDecimals++;
    const number = parseNumber(v);
    if (number !== null) {
      numeric++;
      if (number >= 0) nonNegative++;
    }
    if (CODE.test(v) && (number === null || /^\d{3,}$/.test(v))) {
      codes++;
      const shape = codeShapeOf(v);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    if (BOOL.test(v)) bools++;
    if (EMAIL.test(v)) emails++;
    if (IPV4.test(v) || (v.includes(':') && IPV6.test(v) && /[a-f]/i.test(v))) ips++;
    if (HMS.test(v)) hms++;
    if (PERIOD.test(v)) periods++;
    else if (QUARTER_TEXT.test(v)) quarterTexts++;
    if (/[A-Za-z]/.test(v)) alpha++;
    if (v.split(/\s+/).length >= 3) wordy++;
    if (isNaText(v)) naTexts.push(v);
  }
  const share = (count: number) => (n === 0 ? 0 : count / n);
  const topShape = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    n,
    ints: [...ints].sort((a, b) => a - b),
    intShare: share(intCount),
    numericShare: share(numeric),
    nonNegativeShare: share(nonNegative),
    commaDecimals,
    dotDecimals,
    boolShare: share(bools),
    emailShare: share(emails),
    ipShare: share(ips),
    hmsShare: share(hms),
    codeShare: share(codes),
    codeShape: topShape ? topShape[0] : null,
    codeShapeShare: topShape ? share(topShape[1]) : 0,
    periodShare: share(periods),
    quarterTextShare: share(quarterTexts),
    naTexts,
    avgLength: n === 0 ? 0 : totalLength / n,
    alphaShare: share(alpha),
    wordyShare: share(wordy),
    dates: scanDates(values),
  };
}

/** "Q3 2025", "2025 Q3", "2025_Q3", "2025Q3" -> "2025-Q3". */
export function quarterFromText(text: string): string | null {
  const a = /(?<!\d)((?:19|20)\d{2})[ _./-]?Q([1-4])(?!\d)/i.exec(text);
  if (a) return `${a[1]}-Q${a[2]}`;
  const b = /(?<![A-Za-z0-9])Q([1-4])[ _./-]?((?:19|20)\d{2})(?!\d)/i.exec(text);
  if (b) return `${b[2]}-Q${b[1]}`;
  return null;
}
