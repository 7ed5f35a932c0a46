export interface GroupSize {
  id: string;
  n: number;
}

/**
 * The next-smallest rule (as Glint applies it): when any sibling group is below the minimum, keep
 * suppressing the next-smallest visible sibling until the suppressed groups together reach the
 * minimum, so that "parent minus the visible siblings" only ever reveals a group of at least the
 * minimum size. Groups with n = 0 hold nobody and reveal nothing. Returns the ids to suppress.
 */
export function complementarySuppression(groups: GroupSize[], minSize: number): Set<string> {
  const present = groups.filter((g) => g.n > 0);
  const primary = present.filter((g) => g.n < minSize);
  const suppressed = new Set(primary.map((g) => g.id));
  if (primary.length === 0) return suppressed;
  let total = primary.reduce((sum, g) => sum + g.n, 0);
  const candidates = present
    .filter((g) => !suppressed.has(g.id))
    .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
  for (const next of candidates) {
    if (total >= minSize) break;
    suppressed.add(next.id);
    total += next.n;
  }
  return suppressed;
}
