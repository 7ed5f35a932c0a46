import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  treeVisibility,
  type GroupNode,
} from '../../../src/main/engine/confidentiality/treeVisibility';

/** Builds nodes from a parent map and leaf/attached counts, rolling n up the tree. */
function tree(spec: Record<string, { parent: string | null; own: number }>): GroupNode[] {
  const children = (id: string) => Object.keys(spec).filter((k) => spec[k]!.parent === id);
  const rollup = (id: string): number =>
    spec[id]!.own + children(id).reduce((s, c) => s + rollup(c), 0);
  return Object.entries(spec).map(([id, s]) => ({
    id,
    parentId: s.parent,
    n: rollup(id),
    attached: children(id).length ? s.own : 0,
  }));
}

describe('treeVisibility', () => {
  it('hides a group below the minimum and its next-smallest sibling', () => {
    const v = treeVisibility(
      tree({
        P: { parent: null, own: 0 },
        A: { parent: 'P', own: 3 },
        B: { parent: 'P', own: 20 },
        C: { parent: 'P', own: 30 },
      }),
      5,
    );
    expect(
      [...v]
        .filter(([, x]) => !x.visible)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['A', 'B']);
  });

  it('does not let a neighbour hidden to protect a small team be rebuilt from its own teams', () => {
    // P = A(3) + B(B1 10 + B2 10) + C(30). B is hidden to protect A; were B1 and B2 both shown,
    // P - C - B1 - B2 would give A.
    const v = treeVisibility(
      tree({
        P: { parent: null, own: 0 },
        A: { parent: 'P', own: 3 },
        B: { parent: 'P', own: 0 },
        B1: { parent: 'B', own: 10 },
        B2: { parent: 'B', own: 10 },
        C: { parent: 'P', own: 30 },
      }),
      5,
    );
    expect(v.get('B')!.visible).toBe(false);
    expect(v.get('B1')!.visible).toBe(false);
    expect(v.get('B2')!.visible).toBe(true);
  });

  it('never lets subtraction isolate fewer than the minimum, for any tree', () => {
    const leaf = fc.nat({ max: 14 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 3 }), leaf), { minLength: 1, maxLength: 14 }),
        fc.array(leaf, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 3, max: 7 }),
        (teams, attached, min) => {
          // A root, three areas under it, teams under the areas; people attached to root and areas.
          const spec: Record<string, { parent: string | null; own: number }> = {
            R: { parent: null, own: attached[0]! },
          };
          for (let a = 1; a <= 3; a++) spec[`A${a}`] = { parent: 'R', own: attached[a]! };
          teams.forEach(
            ([area, n], i) => (spec[`T${i}`] = { parent: area === 0 ? 'R' : `A${area}`, own: n }),
          );
          const nodes = tree(spec);
          const v = treeVisibility(nodes, min);
          const visible = (id: string) => v.get(id)!.visible;
          const n = (id: string) => nodes.find((x) => x.id === id)!.n;
          for (const node of nodes) {
            if (visible(node.id) && node.n > 0) expect(node.n).toBeGreaterThanOrEqual(min);
          }
          // Differencing: for any visible unit, its n minus every visible descendant set that
          // could be summed (visible children, or visible grandchildren standing in for a child)
          // leaves 0 or at least the minimum.
          const kids = (id: string) => nodes.filter((x) => x.parentId === id).map((x) => x.id);
          const known = (id: string): number | null => {
            if (visible(id)) return n(id);
            const parts = kids(id);
            if (parts.length === 0) return null;
            const node = nodes.find((x) => x.id === id)!;
            if (node.attached > 0) return null;
            const sums = parts.map(known);
            return sums.every((s) => s !== null) ? sums.reduce((a, b) => a! + b!, 0)! : null;
          };
          for (const node of nodes) {
            if (!visible(node.id)) continue;
            const rest = kids(node.id)
              .map(known)
              .filter((s): s is number => s !== null)
              .reduce((a, b) => a + b, 0);
            const remainder = node.n - rest;
            expect(remainder === 0 || remainder >= min).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
