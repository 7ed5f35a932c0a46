/** Splits `total` into `parts` near-equal whole numbers, larger ones first. */
export function spread(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
  );
}

/** Splits `total` in proportion to `weights` (largest remainder), with at least `minimum` each. */
export function allocate(total: number, weights: readonly number[], minimum: number): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0)
    throw new Error(`cannot give ${weights.length} parts at least ${minimum} of ${total}`);
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (spare * weight) / sum);
  const counts = exact.map((value) => minimum + Math.floor(value));
  const order = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = total - counts.reduce((acc, count) => acc + count, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
