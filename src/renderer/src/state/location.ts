import { useCallback, useSyncExternalStore } from 'react';

/**
 * Where the user is, kept in the URL hash so it survives a reload and works from file:// in
 * Electron: #/overview?period=2025-Q3&unit=R-NORTH. One source of truth for the view and the
 * selection every view shares (period, unit).
 */
export const VIEWS = ['overview', 'linkage', 'values', 'teams', 'import'] as const;
export type ViewId = (typeof VIEWS)[number];

export interface AppLocation {
  view: ViewId;
  period: string | undefined;
  unit: string | undefined;
}

export function parseHash(hash: string): AppLocation {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const view = (VIEWS as readonly string[]).includes(path) ? (path as ViewId) : 'overview';
  return {
    view,
    period: params.get('period') || undefined,
    unit: params.get('unit') || undefined,
  };
}

export function formatHash(loc: AppLocation): string {
  const params = new URLSearchParams();
  if (loc.period) params.set('period', loc.period);
  if (loc.unit) params.set('unit', loc.unit);
  const q = params.toString();
  return `#/${loc.view}${q ? `?${q}` : ''}`;
}

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

/** Reads and changes the app location. `replace` changes it without a new history entry. */
export function useAppLocation(): [
  AppLocation,
  (next: Partial<AppLocation>, replace?: boolean) => void,
] {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  const loc = parseHash(hash);
  const set = useCallback((next: Partial<AppLocation>, replace = false) => {
    const target = formatHash({ ...parseHash(window.location.hash), ...next });
    if (target === window.location.hash) return;
    if (replace) {
      window.history.replaceState(window.history.state, '', target);
      notify();
    } else {
      window.location.hash = target;
    }
  }, []);
  return [loc, set];
}
