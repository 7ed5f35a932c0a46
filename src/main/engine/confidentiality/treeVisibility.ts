import { suppressionReasons } from './reasons';
import { hideInTree, type TreeNode } from './treeSuppression';

export type Visibility = { visible: true } | { visible: false; reason: string };
export type GroupNode = TreeNode;

/**
 * Which units' employee figures may be shown, for one period's whole tree at once (the rules in
 * treeSuppression.ts over respondent counts):
 * 1. a group below the minimum is hidden (primary suppression);
 * 2. among the groups that make up a parent (its children and the people attached to it), the
 *    next-smallest are hidden until the hidden ones together reach the minimum (Glint's rule), so
 *    parent minus the visible children never isolates a small group;
 * 3. a hidden unit must not be rebuilt from its own children: while a hidden unit has no hidden
 *    part below it, its smallest part is hidden too, all the way down.
 */
export function treeVisibility(nodes: GroupNode[], minSize: number): Map<string, Visibility> {
  const hidden = hideInTree(nodes, minSize, new Map(), {
    tooFew: suppressionReasons.tooFew(minSize),
    neighbour: suppressionReasons.neighbour(minSize),
  });
  const visibility = new Map<string, Visibility>();
  for (const node of nodes) {
    const reason = hidden.get(node.id);
    visibility.set(node.id, reason ? { visible: false, reason } : { visible: true });
  }
  return visibility;
}
