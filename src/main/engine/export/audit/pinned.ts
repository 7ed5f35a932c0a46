import { RowSpace, rankOf } from './rowSpace';

/** A population the figures work out: its atoms, its people and the figures' combination. */
export interface Pinned {
  atoms: number[];
  n: number;
  /** The group itself is worked out (not only a weighing of its parts), its n from the figures. */
  whole: boolean;
  /** figure index -> coefficient. */
  combination: Map<number, number>;
}

/** How many sets of atoms the search may try in one block before settling for its basis rows. */
const SEARCH_LIMIT = 20_000;
const EPS = 1e-9;

function spanOf(vectors: number[][]): RowSpace {
  const space = new RowSpace();
  vectors.forEach((v, i) => space.add(v, i));
  return space;
}

const valueOf = (combo: Map<number, number>, counts: number[]) =>
  Math.round([...combo].reduce((s, [i, c]) => s + c * counts[i]!, 0));

/**
 * The people in each atom: from the published n where the figures fix it (the atom's own vector
 * is in their span: a reduced basis row with that one atom), else the tree's count (or null).
 */
export function atomSizes(
  vectors: number[][],
  counts: number[],
  people: (number | null)[],
): (number | null)[] {
  const sizes = [...people];
  for (const r of spanOf(vectors).rows())
    if (r.row.every((x, a) => a === r.pivot || Math.abs(x) < EPS))
      sizes[r.pivot] = valueOf(r.combo, counts);
  return sizes;
}

interface LowerRow {
  /** Position (among the small atoms) of the row's pivot. */
  pivot: number;
  onSmall: number[];
  combo: Map<number, number>;
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
  if (vectors.length === 0 || sizes.length === 0) return [];
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
  // every combination that avoids the big atoms (seen on the small atoms), in reduced form.
  const lower = big.length;
  const upper = big.length + small.length;
  const rows: LowerRow[] = space
    .rows()
    .filter((r) => r.pivot >= lower && r.pivot < upper)
    .map((r) => ({ pivot: r.pivot - lower, onSmall: r.row.slice(lower, upper), combo: r.combo }));

  const found: Pinned[] = [];
  for (const block of blocksOf(rows)) {
    for (const ks of smallestSupports(
      block,
      small.map((a) => weight[a]!),
      min,
    )) {
      const atoms = [...ks].map((k) => small[k]!).sort((x, y) => x - y);
      found.push({
        atoms,
        ...sizeOf(atoms, vectors, counts, weight),
        combination: witness(block, ks),
      });
    }
  }
  return found;
}

/**
 * The rows split into blocks that share no atom: a smallest support lies within one block
 * (restricted to a block's atoms, any combination is still one of the figures').
 */
function blocksOf(rows: LowerRow[]): LowerRow[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  rows.forEach((r, i) =>
    r.onSmall.forEach((x, k) => {
      if (Math.abs(x) < EPS) return;
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[find(i)] = find(o);
    }),
  );
  const blocks = new Map<number, LowerRow[]>();
  rows.forEach((r, i) => blocks.set(find(i), [...(blocks.get(find(i)) ?? []), r]));
  return [...blocks.values()];
}

/**
 * The smallest sets T of a block's atoms (by people, under min) that some combination of its
 * rows is non-zero on and zero off. In reduced form each row is 1 on its own pivot atom and 0 on
 * the others', so a combination zero off T uses only the rows whose pivot is in T, and exists
 * exactly when those rows, seen on the other atoms outside T, are dependent.
 */
function smallestSupports(block: LowerRow[], weight: number[], min: number): Set<number>[] {
  const byPivot = new Map(block.map((r) => [r.pivot, r]));
  const atoms = [
    ...new Set(block.flatMap((r) => r.onSmall.flatMap((x, k) => (Math.abs(x) > EPS ? [k] : [])))),
  ].sort((x, y) => weight[x]! - weight[y]!);
  const isolates = (ts: Set<number>) => {
    const pivotRows = [...ts].flatMap((k) => byPivot.get(k) ?? []);
    if (pivotRows.length === 0) return false;
    const outside = pivotRows.map((r) =>
      atoms.filter((k) => !ts.has(k) && !byPivot.has(k)).map((k) => r.onSmall[k]!),
    );
    return rankOf(outside) < pivotRows.length;
  };
  const found: Set<number>[] = [];
  let tried = 0;
  const search = (start: number, chosen: number[], total: number) => {
    for (let i = start; i < atoms.length && tried < SEARCH_LIMIT; i++) {
      const k = atoms[i]!;
      const n = total + weight[k]!;
      if (n >= min) break; // sorted by size: every later atom is at least as big
      const set = new Set([...chosen, k]);
      if (found.some((f) => [...f].every((x) => set.has(x)))) continue;
      tried++;
      if (isolates(set)) found.push(set);
      else search(i + 1, [...chosen, k], n);
    }
  };
  search(0, [], 0);
  if (tried >= SEARCH_LIMIT) {
    // Too many small atoms to try every set: each reduced row's own support, at least.
    for (const r of block) {
      const set = new Set(r.onSmall.flatMap((x, k) => (Math.abs(x) > EPS ? [k] : [])));
      const n = [...set].reduce((s, k) => s + weight[k]!, 0);
      if (n < min && !found.some((f) => [...f].every((x) => set.has(x)))) found.push(set);
    }
  }
  return found;
}

/** A combination of the rows that is zero off the chosen atoms, as figure coefficients. */
function witness(rows: LowerRow[], ks: Set<number>): Map<number, number> {
  const rest = new RowSpace();
  for (let i = 0; i < rows.length; i++) {
    const off = rows[i]!.onSmall.filter((_, k) => !ks.has(k));
    const dependency = rest.express(off);
    if (dependency) {
      const out = new Map(rows[i]!.combo);
      for (const [j, c] of dependency)
        for (const [f, x] of rows[j]!.combo) out.set(f, (out.get(f) ?? 0) - c * x);
      for (const [f, x] of out) if (Math.abs(x) < EPS) out.delete(f);
      return out;
    }
    rest.add(off, i);
  }
  throw new Error('no combination isolates the atoms');
}

/** A set of atoms' people: exact from the published n when the figures fix it, else summed. */
function sizeOf(atoms: number[], vectors: number[][], counts: number[], weight: number[]) {
  const inside = new Set(atoms);
  const combo = spanOf(vectors).express(vectors[0]!.map((_, a) => (inside.has(a) ? 1 : 0)));
  return combo
    ? { n: valueOf(combo, counts), whole: true }
    : { n: atoms.reduce((s, a) => s + weight[a]!, 0), whole: false };
}
