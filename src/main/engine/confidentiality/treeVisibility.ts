import { complementarySuppression } from './complementarySuppression';
import { suppressionReasons } from './reasons';

export type Visibility = { visible: true } | { visible: false; reason: string };

export interface GroupNode {
  id: string;
  parentId: string | null;
  /** Respondents in the unit's full roll-up. */
  n: number;
  /** Respondents attached to the unit itself, not to any unit below it. */
  attached: number;
}

const attachedId = (unitId: string) => `\u0000attached:${unitId}`;

/**
 * Which units' employee figures may be shown, for one period's whole tree at once, so every
 * method applies the same answer:
 * 1. a group below the minimum is hidden (primary suppression);
 * 2. among the groups that make up a parent (its children and the people attached to it), the
 *    next-smallest are hidden until the hidden ones together reach the minimum (Glint's rule), so
 *    parent minus the visible children never isolates a small group;
 * 3. a unit hidden by rule 2 must not be rebuilt from its own children: while a hidden unit has no
 *    hidden part below it, its smallest part is hidden too, all the way down. Otherwise the sum of
 *    its visible children would give it back, and the parent's remainder with it.
 */
export function treeVisibility(nodes: GroupNode[], minSize: number): Map<string, Visibility> {
  const byParent = new Map<string, GroupNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const siblings = byParent.get(node.parentId) ?? [];
    siblings.push(node);
    byParent.set(node.parentId, siblings);
  }
  const partsOf = (parent: GroupNode) => [
    ...(byParent.get(parent.id) ?? []).map((c) => ({ id: c.id, n: c.n })),
    { id: attachedId(parent.id), n: parent.attached },
  ];

  const hidden = new Map<string, string>();
  for (const node of nodes) {
    if (node.n > 0 && node.n < minSize) hidden.set(node.id, suppressionReasons.tooFew(minSize));
  }
  for (const parent of nodes) {
    if (!byParent.has(parent.id)) continue;
    for (const id of complementarySuppression(partsOf(parent), minSize)) {
      if (!hidden.has(id)) hidden.set(id, suppressionReasons.neighbour(minSize));
    }
  }

  // Top-down, so a part hidden here is itself checked when its turn comes.
  const queue = nodes.filter((n) => n.parentId === null);
  while (queue.length > 0) {
    const node = queue.shift()!;
    const parts = partsOf(node).filter((p) => p.n > 0);
    if (hidden.has(node.id) && parts.length > 0 && !parts.some((p) => hidden.has(p.id))) {
      const smallest = [...parts].sort((a, b) => a.n - b.n || a.id.localeCompare(b.id))[0]!;
      hidden.set(smallest.id, suppressionReasons.neighbour(minSize));
    }
    queue.push(...(byParent.get(node.id) ?? []));
  }

  const visibility = new Map<string, Visibility>();
  for (const node of nodes) {
    const reason = hidden.get(node.id);
    visibility.set(node.id, reason ? { visible: false, reason } : { visible: true });
  }
  return visibility;
}
