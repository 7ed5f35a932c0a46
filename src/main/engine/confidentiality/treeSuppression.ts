import { complementarySuppression, type GroupSize } from './complementarySuppression';

/**
 * The suppression rules over one period's whole tree, for any count (respondents; the
 * respondents behind one value; one role's). Shared by every method that shows employee
 * figures, so that they all hide the same groups. The people attached to a unit itself (not to
 * any unit below it) form a group of their own, named by attachedId.
 */
export const ATTACHED_PREFIX = '@attached:';
export const attachedId = (unitId: string): string => `${ATTACHED_PREFIX}${unitId}`;

/**
 * The next-smallest rule (complementarySuppression) extended to groups that are hidden anyway:
 * the people attached to the parent itself (never a row), rows already suppressed, or the
 * "other role" respondents beside leaders and front line. Keeps hiding the next-smallest visible
 * group until the hidden groups together hold at least the minimum (or nobody), so "whole minus
 * the visible parts" never reveals a group under the minimum.
 */
export function hideUntilSafe(
  groups: GroupSize[],
  minSize: number,
  alreadyHidden: Iterable<string> = [],
): Set<string> {
  const present = groups.filter((g) => g.n > 0);
  const hidden = new Set<string>(alreadyHidden);
  for (const g of present) if (g.n < minSize) hidden.add(g.id);
  let total = present.filter((g) => hidden.has(g.id)).reduce((s, g) => s + g.n, 0);
  if (total === 0) return hidden;
  const candidates = present
    .filter((g) => !hidden.has(g.id))
    .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
  for (const next of candidates) {
    if (total >= minSize) break;
    hidden.add(next.id);
    total += next.n;
  }
  return hidden;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  /** People in the unit's full roll-up. */
  n: number;
  /** People attached to the unit itself. */
  attached: number;
}

/**
 * The engine's rules over one period's whole tree, top-down, for any count (respondents, or the
 * respondents behind one value, or one role's): a group under the minimum is hidden; among the
 * parts of each parent (its children and the people attached to it) the next-smallest are hidden
 * until the hidden parts hold at least the minimum (complementarySuppression, extended to parts
 * already hidden for another reason); and a hidden parent keeps at least one of its parts
 * hidden, so the visible children never add up to it. Returns hidden id -> reason.
 */
export function hideInTree(
  nodes: TreeNode[],
  minSize: number,
  preHidden: Map<string, string>,
  reasons: { tooFew: string; neighbour: string },
): Map<string, string> {
  return hideInShape(treeShape(nodes), nodes, minSize, preHidden, reasons);
}

export interface TreeShape {
  /** Parents with children, top-down (breadth first). */
  order: { index: number; kids: number[] }[];
}

export function treeShape(nodes: { id: string; parentId: string | null }[]): TreeShape {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const kids = nodes.map(() => [] as number[]);
  for (let i = 0; i < nodes.length; i++) {
    const p = nodes[i]!.parentId;
    const pi = p === null ? undefined : index.get(p);
    if (pi !== undefined) kids[pi]!.push(i);
  }
  const order: TreeShape['order'] = [];
  const queue = nodes.flatMap((n, i) => (n.parentId === null || !index.has(n.parentId) ? [i] : []));
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    if (kids[i]!.length > 0) order.push({ index: i, kids: kids[i]! });
    queue.push(...kids[i]!);
  }
  return { order };
}

export function hideInShape(
  shape: TreeShape,
  nodes: TreeNode[],
  minSize: number,
  preHidden: Map<string, string>,
  reasons: { tooFew: string; neighbour: string },
): Map<string, string> {
  const hidden = new Map(preHidden);
  for (const node of nodes) {
    if (node.n > 0 && node.n < minSize && !hidden.has(node.id)) hidden.set(node.id, reasons.tooFew);
  }
  for (const { index, kids } of shape.order) {
    const parent = nodes[index]!;
    const parts: GroupSize[] = kids.map((k) => ({ id: nodes[k]!.id, n: nodes[k]!.n }));
    parts.push({ id: attachedId(parent.id), n: parent.attached });
    const primary = parts.filter((p) => hidden.has(p.id)).map((p) => p.id);
    const rule =
      primary.length === 0
        ? complementarySuppression(parts, minSize)
        : hideUntilSafe(parts, minSize, primary);
    for (const id of rule) if (!hidden.has(id)) hidden.set(id, reasons.neighbour);
    if (hidden.has(parent.id)) {
      const present = parts.filter((p) => p.n > 0);
      if (present.length > 0 && !present.some((p) => hidden.has(p.id))) {
        const smallest = [...present].sort((a, b) => a.n - b.n || a.id.localeCompare(b.id))[0]!;
        hidden.set(smallest.id, reasons.neighbour);
      }
    }
  }
  return hidden;
}
