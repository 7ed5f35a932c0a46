import { RowSpace, rankOf } from './rowSpace';

/** A population the figures work out: its atoms, its people and the figures' combination. */
export interface Pinned {
  atoms: number[];
  n: number;
  /** figure index -> coefficient. */
  combination: Map<number, number>;
}

/** How many subsets the search may try before settling for the reduced basis's own rows. */
const SEARCH_LIMIT = 20_000;

/**
 * The people in each atom: from the published n where the figures fix it (the atom's own vector
 * is in their span), else the tree's count (null when unknown).
 */
export function atomSizes(
  vectors: number[][],
  counts: number[],
  people: (number | null)[],
): (number | null)[] {
  const space = new RowSpace();
  vectors.forEach((v, i) => space.add(v, i));
  return people.map((fallback, a) => {
    const unit = people.map((_, j) => (j === a ? 1 : 0));
    const combo = space.express(unit);
    if (!combo) return fallback;
    let n = 0;
    for (const [i, c] of combo) n += c * counts[i]!;
    return Math.round(n);
  });
}

/**
 * Every smallest set of atoms T holding 0 < n < min people such that some combination of the
 * figures is non-zero on T and zero everywhere else (atoms with nobody in them aside): that
 * combination tells the figure of T's people (or a weighted one), a group under the minimum.
 * Atoms of unknown size count as one person each (the audit then errs on the side of refusing).
 */
export function pinnedGroups(
  vectors: number[][],
  counts: number[],
  sizes: (number | null)[],
  min: number,
): Pinned[] {
  const atomCount = sizes.length;
  if (vectors.length === 0 || atomCount === 0) return [];
  const weight = sizes.map((n) => (n === null ? 1 : n));
  const big = sizes.flatMap((n, a) => (n !== null && n >= min ? [a] : []));
  const empty = sizes.flatMap((n, a) => (n === 0 ? [a] : []));
  const small = sizes.flatMap((n, a) => (n === null || (n > 0 && n < min) ? [a] : []));
  const order = [...big, ...small, ...empty];

  const space = new RowSpace();
  vectors.forEach((v, i) =>
    space.add(
      order.map((a) => v[a]!),
      i,
    ),
  );
  // Rows whose pivot lies among the small atoms are zero on every big atom: together they span
  // every combination that avoids the big atoms (seen on the small atoms).
  const lower = big.length;
  const upper = big.length + small.length;
  const rows = space
    .rows()
    .filter((r) => r.pivot >= lower && r.pivot < upper)
    .map((r) => ({ onSmall: r.row.slice(lower, upper), combo: r.combo }));
  if (rows.length === 0) return [];

  const reach = small
    .map((a, k) => ({ a, k }))
    .filter(({ k }) => rows.some((r) => Math.abs(r.onSmall[k]!) > 1e-9))
    .sort((x, y) => weight[x.a]! - weight[y.a]!);
  const dim = rows.length;
  const isolates = (ks: Set<number>) =>
    rankOf(rows.map((r) => r.onSmall.filter((_, k) => !ks.has(k)))) < dim;

  const found: Set<number>[] = [];
  let tried = 0;
  const search = (start: number, chosen: number[], total: number) => {
    for (let i = start; i < reach.length && tried < SEARCH_LIMIT; i++) {
      const { a, k } = reach[i]!;
      const n = total + weight[a]!;
      if (n >= min) break; // sorted by size: every later atom is at least as big
      const next = [...chosen, k];
      const set = new Set(next);
      if (found.some((f) => [...f].every((x) => set.has(x)))) continue;
      tried++;
      if (isolates(set)) found.push(set);
      else search(i + 1, next, n);
    }
  };
  search(0, [], 0);
  if (tried >= SEARCH_LIMIT) {
    // Too many small atoms to try every set: the reduced rows' own supports, at least.
    for (const r of rows) {
      const set = new Set(r.onSmall.flatMap((x, k) => (Math.abs(x) > 1e-9 ? [k] : [])));
      const n = [...set].reduce((s, k) => s + weight[small[k]!]!, 0);
      if (n > 0 && n < min && !found.some((f) => [...f].every((x) => set.has(x)))) found.push(set);
    }
  }

  return found.map((ks) => {
    const combination = witness(rows, ks);
    const atoms = [...ks].map((k) => small[k]!).sort((x, y) => x - y);
    return { atoms, n: sizeOf(atoms, vectors, counts, weight), combination };
  });
}

/** A combination of the rows that is zero off the chosen small atoms, as figure coefficients. */
function witness(rows: { onSmall: number[]; combo: Map<number, number> }[], ks: Set<number>) {
  const rest = new RowSpace();
  for (let i = 0; i < rows.length; i++) {
    const off = rows[i]!.onSmall.filter((_, k) => !ks.has(k));
    const dependency = rest.express(off);
    if (dependency) {
      const out = new Map(rows[i]!.combo);
      for (const [j, c] of dependency)
        for (const [f, x] of rows[j]!.combo) out.set(f, (out.get(f) ?? 0) - c * x);
      for (const [f, x] of out) if (Math.abs(x) < 1e-9) out.delete(f);
      return out;
    }
    rest.add(off, i);
  }
  throw new Error('no combination isolates the atoms');
}

/** A set of atoms' people: exact from the published n when the figures fix it, else summed. */
function sizeOf(atoms: number[], vectors: number[][], counts: number[], weight: number[]): number {
  const space = new RowSpace();
  vectors.forEach((v, i) => space.add(v, i));
  const inside = new Set(atoms);
  const combo = space.express(vectors[0]!.map((_, a) => (inside.has(a) ? 1 : 0)));
  if (!combo) return atoms.reduce((s, a) => s + weight[a]!, 0);
  let n = 0;
  for (const [i, c] of combo) n += c * counts[i]!;
  return Math.round(n);
}
