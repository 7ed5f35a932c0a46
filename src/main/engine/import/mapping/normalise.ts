/**
 * Text helpers for matching vendor column names and question texts: a normal form that ignores
 * case, punctuation, accents and camelCase, a stable identifier made from a column name, and a
 * similarity measure for question wordings.
 */

function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * "ResponseId" -> "response id", "IPAddress" -> "ip address", "Talk Time (s)" -> "talk time s",
 * "Dept_ID" -> "dept id", "Don't know" -> "dont know".
 */
export function normaliseName(raw: string): string {
  return stripAccents(raw)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/['\u2018\u2019`\u00b4]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Unit and range decorations vendors append to a header: "(s)", "(0-10)", "(in seconds)", "hh:mm:ss". */
const TRAILING_DECORATION =
  /(?: (?:s|sec|secs|second|seconds|in seconds|in secs|ms|msec|millis|milliseconds|in milliseconds|min|mins|minutes|in minutes|hh mm ss|hh mm|mm ss|yyyy mm dd|dd mm yyyy|mm dd yyyy|utc|gmt|local|local time|0 10|1 5|1 7|1 10|0 5|pct|percent|days|hrs|hours|y n|yes no|true false|1 0|0 1|flag|value|score))+$/;

/** The normal form without trailing unit or range decorations ("aht s" -> "aht"). */
export function coreName(normalised: string): string {
  const core = normalised.replace(TRAILING_DECORATION, '').trim();
  return core.length > 0 ? core : normalised;
}

/** Key used to compare column names across files: case and whitespace do not matter. */
export function columnKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A valid item id ([A-Za-z][A-Za-z0-9_]*) derived from a column name: "Q5_1" stays, "1. Proud" -> "Q1_Proud". */
export function identifierFrom(name: string, maxLength = 48): string {
  let id = stripAccents(name)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id.length === 0) id = 'item';
  if (!/^[A-Za-z]/.test(id)) id = `Q${id}`;
  id = id.slice(0, maxLength).replace(/_+$/, '');
  return id;
}

/** Makes `id` unique against `used` (case-insensitively) by appending _2, _3, ... */
export function uniqueIdentifier(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${id}_${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

const STOPWORDS = new Set(
  'a an the to of in for and or i im me my we our us you your is are am be been at on with this that it its by as do does here there so very would will can'.split(
    ' ',
  ),
);

function contentTokens(text: string): string[] {
  return normaliseName(text)
    .split(' ')
    .filter((t) => t.length > 0 && !STOPWORDS.has(t))
    .map((t) => (t.length > 4 && t.endsWith('s') ? t.slice(0, -1) : t));
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

function trigrams(text: string): Set<string> {
  const compact = ` ${normaliseName(text)} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= compact.length; i++) grams.add(compact.slice(i, i + 3));
  return grams;
}

interface TextFeatures {
  tokens: Set<string>;
  grams: Set<string>;
}

const featureCache = new Map<string, TextFeatures>();

function features(text: string): TextFeatures {
  let f = featureCache.get(text);
  if (!f) {
    if (featureCache.size > 20_000) featureCache.clear();
    f = { tokens: new Set(contentTokens(text)), grams: trigrams(text) };
    featureCache.set(text, f);
  }
  return f;
}

/** 0..1: how alike two question wordings are (word overlap, or character trigrams for small edits). */
export function textSimilarity(a: string, b: string): number {
  const fa = features(a);
  const fb = features(b);
  return Math.max(dice(fa.tokens, fb.tokens), dice(fa.grams, fb.grams));
}

/**
 * The statement part of a vendor label: Qualtrics matrix labels read "Stem? - Statement",
 * SurveyMonkey sub-headers carry the statement alone. Returns every plausible reading.
 */
export function labelReadings(label: string): string[] {
  const readings = [label];
  const dash = label.split(/\s+[-\u2013\u2014]\s+/);
  if (dash.length > 1) readings.push(dash[dash.length - 1] as string, dash.slice(1).join(' - '));
  const colon = label.split(/:\s+/);
  if (colon.length > 1) readings.push(colon[colon.length - 1] as string);
  return [...new Set(readings.map((r) => r.trim()).filter((r) => r.length > 0))];
}
