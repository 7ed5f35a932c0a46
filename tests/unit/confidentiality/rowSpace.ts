/** Row space of rows, reduced (Gauss-Jordan); membership of a vector tested against it. */
export class RowSpace {
  private readonly basis: { pivot: number; row: number[] }[] = [];

  add(row: number[]): void {
    const r = this.reduce(row);
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) return;
    const scale = r[pivot]!;
    const norm = r.map((x) => x / scale);
    for (const b of this.basis) {
      const f = b.row[pivot]!;
      if (Math.abs(f) > 1e-9) for (let j = 0; j < norm.length; j++) b.row[j]! -= f * norm[j]!;
    }
    this.basis.push({ pivot, row: norm });
  }

  private reduce(row: number[]): number[] {
    const r = [...row];
    for (const b of this.basis) {
      const f = r[b.pivot]!;
      if (Math.abs(f) > 1e-9) for (let j = 0; j < r.length; j++) r[j]! -= f * b.row[j]!;
    }
    return r;
  }

  contains(row: number[]): boolean {
    return this.reduce(row).every((x) => Math.abs(x) < 1e-9);
  }
}
