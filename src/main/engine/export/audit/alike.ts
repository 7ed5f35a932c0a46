/**
 * When the figures say for certain that everyone in a derived group answered alike. Moved here
 * from the attackers' reasoning (tests/unit/confidentiality/reasoning.ts, alikeObs) and made
 * exact about rounding: a group's sum is worked out from rounded figures, so it is known only
 * within an interval, and the group counts as alike only when every sum in that interval that
 * its people could give is an extreme (all promoters, nobody left, no absence...).
 */

export interface SumRule {
  /** The sum over the group's people that the figure stands for, from its value and n. */
  sum: (value: number, n: number) => number;
  /** The sum's unknown part per person from a figure rounded to `decimals`. */
  perPerson: (decimals: number) => number;
  /** The smallest step between two sums people can give. */
  step: number;
  /** The extreme sums of n people that tell each person's answer. */
  extremes: (n: number) => number[];
  /** In words, e.g. "eNPS -100". */
  words: (extreme: number, n: number) => string;
}

const half = (decimals: number) => 0.5 * 10 ** -decimals;

/** Per-person scores of the engagement index step by 25 / items on a 5-point scale: 10 items assumed. */
const ENGAGEMENT_STEP = 2.5;

const RULES: Record<string, SumRule> = {
  enps: {
    sum: (v, n) => (v * n) / 100,
    perPerson: (d) => half(d) / 100,
    step: 1,
    extremes: (n) => [n, -n],
    words: (e) => (e > 0 ? 'eNPS +100' : 'eNPS -100'),
  },
  engagement_index: {
    sum: (v, n) => v * n,
    perPerson: half,
    step: ENGAGEMENT_STEP,
    extremes: (n) => [0, 100 * n],
    words: (e) => (e > 0 ? 'an engagement index of 100' : 'an engagement index of 0'),
  },
  attrition: {
    sum: (v, n) => (v * n) / 100,
    perPerson: (d) => half(d) / 100,
    step: 1,
    extremes: (n) => [0, n],
    words: (e) => (e > 0 ? 'everyone left' : 'nobody left'),
  },
  absence_days_per_head: {
    sum: (v, n) => v * n,
    perPerson: half,
    step: 0.5,
    extremes: () => [0],
    words: () => 'nobody absent',
  },
  recognition_per_head: {
    sum: (v, n) => v * n,
    perPerson: half,
    step: 1,
    extremes: () => [0],
    words: () => 'nobody recognised',
  },
};

/** A share of answers where each person gives one answer (a single item): favourable people. */
const ONE_ANSWER_SHARE: SumRule = {
  sum: (v, n) => (v * n) / 100,
  perPerson: (d) => half(d) / 100,
  step: 1,
  extremes: (n) => [0, n],
  words: (e) => (e > 0 ? '100% favourable' : '0% favourable'),
};

/**
 * Whether a metric's figures add up over people (value x n is a sum of per-person parts):
 * `oneAnswerEach` says the metric is a share over a single item (an item's, or a value with one).
 */
export function sumRuleOf(metric: string, oneAnswerEach = false): SumRule | null {
  if (metric.startsWith('item:') || (oneAnswerEach && /^value:/.test(metric)))
    return ONE_ANSWER_SHARE;
  return RULES[metric] ?? null;
}

/**
 * Share-of-answers figures (% favourable, a value's or an item's cells) do not add up over
 * people (a person gives several answers), but a figure at 0 or 100 tells every answer inside it.
 */
export function shareAtAnEnd(metric: string, value: number, decimals: number): string | null {
  if (metric !== 'pct_favourable' && !/^(value|item):/.test(metric)) return null;
  if (value <= half(decimals)) return '0% favourable';
  if (value >= 100 - half(decimals)) return '100% favourable';
  return null;
}

/**
 * The extreme a group of n people with this worked-out sum must be at, or null when the
 * figures leave room for another answer. `counted` is how many people the figures the sum came
 * from cover (each carries its own rounding).
 */
export function certainExtreme(
  rule: SumRule,
  n: number,
  sum: number,
  counted: number,
  decimals: number,
): string | null {
  if (n <= 0) return null;
  const unknown = rule.perPerson(decimals) * counted;
  for (const e of rule.extremes(n)) {
    // every sum within the rounding is nearer this extreme than the next sum people could give
    if (Math.abs(sum - e) + unknown < rule.step) return rule.words(e, n);
  }
  return null;
}
