import { useEffect } from 'react';

/**
 * The browser tab names what is on screen: "Teams · North · 2025-Q3 · Upstream". Pass the
 * view's name, and the unit's name and period once known (left out while undefined).
 */
export function documentTitle(view: string, unit?: string | null, period?: string | null): string {
  return [view, unit, period, 'Upstream'].filter((part) => part).join(' · ');
}

export function useDocumentTitle(view: string, unit?: string | null, period?: string | null): void {
  useEffect(() => {
    document.title = documentTitle(view, unit, period);
  }, [view, unit, period]);
}
