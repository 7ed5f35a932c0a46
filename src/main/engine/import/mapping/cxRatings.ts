import { normaliseName } from './normalise';
import { guessScale, type ScaleGuess } from './scales';
import { isNaText } from './values';

/**
 * Customer ratings written as words, beyond the answer scales of scales.ts: NPS given as its
 * categories, 5-point ease scales for the 1-7 CES column, and the texts no scale explains.
 */

/**
 * NPS exports that give only the category: a promoter is scored 10, a passive 8, a detractor 0,
 * so that the NPS (% 9-10 minus % 0-6) is exact; the mean score is not known.
 */
const NPS_CATEGORY: [RegExp, number][] = [
  [/^(?:promoter|promoters|promoter 9 10|promoter 9 or 10)$/, 10],
  [/^(?:passive|passives|neutral|passive 7 8|passive 7 or 8|passively satisfied)$/, 8],
  [/^(?:detractor|detractors|detractor 0 6)$/, 0],
];

function npsCategory(value: string): number | null {
  const norm = normaliseName(value);
  for (const [re, score] of NPS_CATEGORY) if (re.test(norm)) return score;
  return null;
}

/** Share of non-N/A samples that are NPS categories. */
export function npsCategoryShare(samples: string[]): number {
  const answers = samples.filter((s) => !isNaText(s));
  if (answers.length === 0) return 0;
  return answers.filter((s) => npsCategory(s) !== null).length / answers.length;
}

/** Scores for the NPS categories among the samples, or null when there are none. */
export function npsCategoryScores(samples: string[]): Record<string, number> | null {
  const scores: Record<string, number> = {};
  for (const s of samples) {
    const score = npsCategory(s);
    if (score !== null) scores[s.trim()] = score;
  }
  return Object.keys(scores).length > 0 ? scores : null;
}

/**
 * A 5-point scale's scores (1-5) on the 1-7 CES scale: 1, 3, 4, 6, 7, so that the top two
 * answers ("Easy", "Very easy") are the 5-7 that CES % easy counts and the middle stays 4.
 */
const FIVE_ON_SEVEN: Record<number, number> = { 1: 1, 2: 3, 3: 4, 4: 6, 5: 7 };

export function fivePointOnSeven(scores: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(scores).map(([text, score]) => [text, FIVE_ON_SEVEN[score] ?? score]),
  );
}

/**
 * Answers a rating column holds that neither its scores, the N/A codes nor a number in range
 * explain: the texts Upstream cannot order. Rows with them are quarantined unless scored.
 */
export function unorderedTexts(
  samples: string[],
  scores: Record<string, number>,
  naCodes: string[],
  range: [number, number],
): string[] {
  const out: string[] = [];
  for (const sample of samples) {
    const t = sample.trim();
    if (t === '' || t in scores || naCodes.includes(t) || isNaText(t)) continue;
    if (/^-?\d+$/.test(t) && Number(t) >= range[0] && Number(t) <= range[1]) continue;
    out.push(t);
  }
  return out;
}

/**
 * The answer scale of a customer rating column (scales.ts), also when a few answers are texts no
 * scale explains ("Yum!" among "Very satisfied" .. "Very dissatisfied"): the scale of the answers
 * it explains, its fit the share of all answers they are. The others are reported, not guessed.
 */
export function ratingScale(
  samples: string[],
  valueLabels: Record<string, string> | undefined,
  label: string | undefined,
): ScaleGuess | null {
  const whole = guessScale(samples, valueLabels, label);
  if (whole) return whole;
  const known = samples.filter((s) => {
    const t = s.trim();
    if (/^[+-]?\d+(?:\.0+)?$/.test(t) || isNaText(t)) return true;
    return guessScale([t], valueLabels, undefined)?.choiceScores?.[t] !== undefined;
  });
  if (known.length === samples.length || known.length === 0) return null;
  const part = guessScale(known, valueLabels, label);
  return part ? { ...part, fit: (part.fit * known.length) / samples.length } : null;
}
