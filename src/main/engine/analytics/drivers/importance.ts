import { DRIVER_FLOOR, type DriverImportance } from '../../../../shared/analytics/drivers';
import { fisherInterval } from '../linkage/stats';
import type { RespondentCorrelations } from './respondentCorrelations';

/** Relative weights need this many observations per driver (a common rule of thumb for regression). */
export const OBSERVATIONS_PER_DRIVER = 10;

/**
 * A driver's importance: r with its Fisher-z interval, from at least DRIVER_FLOOR respondents
 * (suppressed below that) or units (no data below that).
 */
export const importanceOf = (
  c: { r: number | null; n: number },
  analysis: 'respondents' | 'units',
): DriverImportance => {
  if (c.n < DRIVER_FLOOR) {
    return {
      r: null,
      ciLow: null,
      ciHigh: null,
      n: null,
      ...(analysis === 'respondents'
        ? {
            status: 'suppressed',
            reason: `Suppressed: fewer than ${DRIVER_FLOOR} people answered both this and the outcome`,
          }
        : {
            status: 'no_data',
            reason: `Fewer than ${DRIVER_FLOOR} units show both this figure and the outcome`,
          }),
    };
  }
  if (c.r === null) {
    return {
      r: null,
      ciLow: null,
      ciHigh: null,
      n: c.n,
      status: 'no_data',
      reason: 'No spread in the answers, so no correlation',
    };
  }
  const ci = fisherInterval(c.r, c.n);
  return {
    r: c.r,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    n: c.n,
    status: 'ok',
    reason: null,
  };
};

/**
 * Relative weights over the drivers that have an r, when there are enough observations for them.
 * `between` gives the drivers' pairwise r; it is asked for only then.
 */
export async function weighDrivers(
  importance: DriverImportance[],
  between: () => Promise<RespondentCorrelations['between']>,
) {
  const used = importance.flatMap((imp, i) => (imp.status === 'ok' ? [i] : []));
  if (used.length < 2) {
    return { weights: null, note: 'Relative weights need at least two drivers with an r.' };
  }
  const fewest = Math.min(...used.map((i) => importance[i]!.n!));
  if (fewest < OBSERVATIONS_PER_DRIVER * used.length) {
    return {
      weights: null,
      note: `Relative weights need at least ${OBSERVATIONS_PER_DRIVER} observations per driver (${OBSERVATIONS_PER_DRIVER * used.length} for ${used.length} drivers; the fewest here is ${fewest}): correlation only.`,
    };
  }
  const pairs = await between();
  const rxx = used.map((i) => used.map((j) => pairs[i]![j]));
  const weights = rxx.some((row) => row.some((r) => r === null))
    ? null
    : (await import('./relativeWeights')).relativeWeights(
        rxx as number[][],
        used.map((i) => importance[i]!.r!),
      );
  if (!weights) {
    return {
      weights: null,
      note: 'Relative weights could not be computed: the drivers overlap too much for a stable split (their correlation matrix is singular).',
    };
  }
  const byDriver = new Map(used.map((i, k) => [i, weights.raw[k]!]));
  return {
    weights: { byDriver, rSquared: weights.rSquared },
    note: 'Relative weights (Johnson 2000) split the R² of all drivers together among them, allowing for how they overlap; share is each part in % of R².',
  };
}
