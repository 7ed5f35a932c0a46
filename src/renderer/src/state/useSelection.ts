import { useCallback, useSyncExternalStore } from 'react';
import { formatSelection, parseSelection, type Selection } from '../../../shared/selection';

/**
 * How a change enters the history: a 'step' (a drill, a selection, a view change) gets its own
 * entry, so Back undoes it; a 'tweak' (a slider tick, a default filled in) replaces the current
 * entry.
 */
export type SelectionChange = 'step' | 'tweak';
export type Select = (next: Partial<Selection>, change?: SelectionChange) => void;

const listeners = new Set<() => void>();
function notify(): void {
  for (const l of listeners) l();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}
const getHash = (): string => window.location.hash;

let cachedHash: string | undefined;
let cachedSelection: Selection | undefined;
/** The same object for the same hash, so effects that depend on it do not rerun. */
function selectionOf(hash: string): Selection {
  if (hash !== cachedHash || !cachedSelection) {
    cachedHash = hash;
    cachedSelection = parseSelection(hash);
  }
  return cachedSelection;
}

/** Changes the shared selection from outside React (a canvas handler, a keyboard shortcut). */
export function select(next: Partial<Selection>, change: SelectionChange = 'step'): void {
  const target = formatSelection({ ...parseSelection(window.location.hash), ...next });
  if (target === window.location.hash) return;
  if (change === 'tweak') {
    window.history.replaceState(window.history.state, '', target);
    notify();
  } else {
    window.location.hash = target;
  }
}

/** Reads the shared selection and changes it; every view that reads it follows. */
export function useSelection(): [Selection, Select] {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  const change = useCallback<Select>((next, how) => select(next, how), []);
  return [selectionOf(hash), change];
}

/** The link to a view with the current selection (for tabs and "Open team page"). */
export function hrefFor(current: Selection, next: Partial<Selection>): string {
  return formatSelection({ ...current, ...next });
}
