/**
 * Small-team honesty. A six-person team's mean swings by chance, so ranking teams on raw means
 * rewards the small ones at both ends. Two standard remedies:
 *
 * 1. Credibility weighting (empirical Bayes / Bühlmann): shrink each team's mean toward its
 *    parent's by w = tau2 / (tau2 + sigma2 / n), where sigma2 is the pooled within-team variance
 *    of people's scores and tau2 the variance of true team means (method of moments:
 *    var(team means) - mean(sigma2 / n), floored at 0). Large teams keep their own mean; small
 *    ones borrow from the parent in proportion to how noisy they are.
 * 2. Within-team agreement r_wg (James, Demaree & Wolf 1984): 1 - s2 / sigma2_EU, with
 *    sigma2_EU = (A^2 - 1) / 12 the variance of a uniform answer over A options; bands after
 *    LeBreton & Senter (2008).
 */

export interface TeamMoments {
  n: number;
  sum: number;
  sumSq: number;
}

export interface VarianceComponents {
  /** Pooled within-team variance of people's scores. */
  sigma2: number;
  /** Variance of the true team means. */
  tau2: number;
  /** Teams the estimate rests on. */
  teams: number;
}

const meanOf = (m: TeamMoments) => m.sum / m.n;
const varianceOf = (m: TeamMoments) => Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));

/** Variance components across teams (each with at least two people); null with fewer than 3 teams. */
export function varianceComponents(teams: TeamMoments[]): VarianceComponents | null {
  const usable = teams.filter((t) => t.n >= 2);
  if (usable.length < 3) return null;
  const dfWithin = usable.reduce((s, t) => s + (t.n - 1), 0);
  const sigma2 = usable.reduce((s, t) => s + (t.n - 1) * varianceOf(t), 0) / dfWithin;
  const means = usable.map(meanOf);
  const grand = means.reduce((s, m) => s + m, 0) / means.length;
  const between = means.reduce((s, m) => s + (m - grand) ** 2, 0) / (means.length - 1);
  const noise = usable.reduce((s, t) => s + sigma2 / t.n, 0) / usable.length;
  return { sigma2, tau2: Math.max(0, between - noise), teams: usable.length };
}

/** The credibility weight of a team of n people: the share of its own mean in the shrunk score. */
export function credibilityWeight(n: number, c: VarianceComponents): number {
  if (c.tau2 === 0) return 0;
  return c.tau2 / (c.tau2 + c.sigma2 / n);
}

export function shrunkMean(raw: number, n: number, parent: number, c: VarianceComponents): number {
  const w = credibilityWeight(n, c);
  return w * raw + (1 - w) * parent;
}

export type Agreement = 'very strong' | 'strong' | 'moderate' | 'weak' | 'lack of agreement';

/**
 * r_wg for one team's scores, given the observed variance on the answer scale and the number of
 * answer options; truncated to 0..1 (a variance above the uniform one means no agreement).
 */
export function rwg(observedVariance: number, options: number): number {
  const expected = (options * options - 1) / 12;
  return Math.min(1, Math.max(0, 1 - observedVariance / expected));
}

export function agreementBand(r: number): Agreement {
  if (r > 0.9) return 'very strong';
  if (r > 0.7) return 'strong';
  if (r > 0.5) return 'moderate';
  if (r > 0.3) return 'weak';
  return 'lack of agreement';
}

/** A team's observed variance of scores, from its moments (sample variance, n - 1). */
export function teamVariance(m: TeamMoments): number | null {
  return m.n >= 2 ? varianceOf(m) : null;
}
