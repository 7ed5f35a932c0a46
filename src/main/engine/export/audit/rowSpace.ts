const EPS = 1e-9;
const isZero = (x: number) => Math.abs(x) < EPS;

/**
 * Row space of rows, reduced (Gauss-Jordan); membership of a vector tested against it. Each row
 * added carries an id, so a vector in the space can be written as a combination of the rows
 * added (which figures, with which signs, work a population out).
 */
export class RowSpace {
  private readonly basis: { pivot: number; row: number[]; combo: Map<number, number> }[] = [];

  get dimension(): number {
    return this.basis.length;
  }

  /** Adds a row; false when it was already in the space. */
  add(row: number[], id = this.basis.length): boolean {
    const { rest, combo } = this.reduce(row);
    const pivot = rest.findIndex((x) => !isZero(x));
    if (pivot < 0) return false;
    const scale = rest[pivot]!;
    const norm = rest.map((x) => x / scale);
    // rest = row - sum(combo): so norm = (row - sum(combo)) / scale.
    const own = new Map<number, number>([[id, 1 / scale]]);
    for (const [k, c] of combo) own.set(k, (own.get(k) ?? 0) - c / scale);
    for (const b of this.basis) {
      const f = b.row[pivot]!;
      if (isZero(f)) continue;
      for (let j = 0; j < norm.length; j++) b.row[j]! -= f * norm[j]!;
      for (const [k, c] of own) b.combo.set(k, (b.combo.get(k) ?? 0) - f * c);
    }
    this.basis.push({ pivot, row: norm, combo: own });
    return true;
  }

  private reduce(row: number[]): { rest: number[]; combo: Map<number, number> } {
    const rest = [...row];
    const combo = new Map<number, number>();
    for (const b of this.basis) {
      const f = rest[b.pivot]!;
      if (isZero(f)) continue;
      for (let j = 0; j < rest.length; j++) rest[j]! -= f * b.row[j]!;
      for (const [k, c] of b.combo) combo.set(k, (combo.get(k) ?? 0) + f * c);
    }
    return { rest, combo };
  }

  contains(row: number[]): boolean {
    return this.reduce(row).rest.every(isZero);
  }

  /** The rows (by id) and coefficients whose sum is `row`, or null when it is not in the space. */
  express(row: number[]): Map<number, number> | null {
    const { rest, combo } = this.reduce(row);
    if (!rest.every(isZero)) return null;
    for (const [k, c] of combo) if (isZero(c)) combo.delete(k);
    return combo;
  }

  /** The reduced basis: each row with its pivot column and what it is made of. */
  rows(): { pivot: number; row: number[]; combo: Map<number, number> }[] {
    return this.basis.map((b) => ({ pivot: b.pivot, row: [...b.row], combo: new Map(b.combo) }));
  }
}

/** The dimension of the space the rows span. */
export function rankOf(rows: number[][]): number {
  const space = new RowSpace();
  for (const r of rows) space.add(r);
  return space.dimension;
}
