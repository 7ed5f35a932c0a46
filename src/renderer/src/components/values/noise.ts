/**
 * When is a heatmap difference within noise? A cell is faded (data-noise="true") and says why
 * when either
 *   - it rests on fewer than SMALL_N respondents (30, or twice the minimum group size if that is
 *     larger): too few people for a gap of a few points to mean much; or
 *   - the 95% interval of its difference from the reference includes 0.
 *
 * The interval (normal approximation for a difference of two proportions):
 *   p = % favourable / 100 of the cell, r = of the reference, n and m their respondents.
 *   Independent groups (vs previous period; a listed unit that need not sit inside the parent):
 *     se = sqrt(p(1-p)/n + r(1-r)/m)
 *   Nested groups (the unit or group is part of the company or parent it is compared with, so
 *   the two figures share people): with w = n/m and the rest o = (m r - n p)/(m - n),
 *     difference = (1 - w)(p - o),  se = (1 - w) sqrt(p(1-p)/n + o(1-o)/(m - n))
 *   interval = difference +- 1.96 se.
 * n is respondents (each person once) although % favourable counts answers to several items:
 * answers from one person move together, so respondents is the honest (conservative) count.
 * In vs previous period the reference's own n is not in the answer; the cell's n stands in for it.
 * In absolute mode only the small-n rule applies (there is no difference to test).
 */
export const SMALL_N = 30;

export function smallNThreshold(minGroupSize: number): number {
  return Math.max(SMALL_N, 2 * minGroupSize);
}

export interface NoiseInput {
  /** The cell's % favourable (0..100) and respondents. */
  pct: number;
  n: number;
  /** The reference's % favourable and respondents; null when there is none (absolute mode). */
  ref: { pct: number; n: number | null } | null;
  /** Whether the cell's people are part of the reference's (unit inside company or parent). */
  nested: boolean;
  minGroupSize: number;
}

export interface Noise {
  noisy: boolean;
  smallN: boolean;
  /** 95% interval of the difference, in points; null without a reference. */
  interval: [number, number] | null;
  crossesZero: boolean;
  /** Why it is faded, in words ('' when it is not). */
  note: string;
}

const Z = 1.96;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The 95% interval of (pct - ref.pct), in points, or null when it cannot be computed. */
export function differenceInterval(input: NoiseInput): [number, number] | null {
  const { ref } = input;
  if (!ref || input.n <= 0) return null;
  const p = clamp01(input.pct / 100);
  const r = clamp01(ref.pct / 100);
  const n = input.n;
  const m = ref.n !== null && ref.n > 0 ? ref.n : n;
  const diff = p - r;
  let se: number;
  if (input.nested && ref.n !== null && m > n) {
    const rest = m - n;
    const o = clamp01((m * r - n * p) / rest);
    se = (1 - n / m) * Math.sqrt((p * (1 - p)) / n + (o * (1 - o)) / rest);
  } else if (input.nested && ref.n !== null && m <= n) {
    // The same people as the reference: the difference is 0 by construction.
    se = 0;
  } else {
    se = Math.sqrt((p * (1 - p)) / n + (r * (1 - r)) / m);
  }
  return [(diff - Z * se) * 100, (diff + Z * se) * 100];
}

export function assessNoise(input: NoiseInput): Noise {
  const threshold = smallNThreshold(input.minGroupSize);
  const smallN = input.n < threshold;
  const interval = differenceInterval(input);
  const crossesZero = interval !== null && interval[0] <= 0 && interval[1] >= 0;
  const notes: string[] = [];
  if (smallN) notes.push(`fewer than ${threshold} respondents`);
  if (crossesZero) notes.push('the 95% interval of the difference includes 0');
  return {
    noisy: smallN || crossesZero,
    smallN,
    interval,
    crossesZero,
    note: notes.length ? `Within noise: ${notes.join('; ')}` : '',
  };
}
