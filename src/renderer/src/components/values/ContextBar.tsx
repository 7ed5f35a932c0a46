import type { ReactNode } from 'react';
import { Breadcrumb, type Crumb } from './Breadcrumb';

/**
 * Where the rows come from, in one line: the trail to the unit in focus (each ancestor goes back
 * up), "Open team page" for it, and the chip of a set of units picked elsewhere (with Clear).
 */
export function ContextBar({
  trail,
  onGo,
  teamHref,
  focusName,
  set,
  onClearSet,
  children,
}: {
  trail: Crumb[];
  onGo: (id: string) => void;
  teamHref: string | null;
  focusName: string | null;
  set: { label: string; count: number; unknown: number; period: string } | null;
  onClearSet: () => void;
  /** Controls and status at the end of the line. */
  children?: ReactNode;
}) {
  return (
    <div className="values-context">
      {trail.length > 0 && <Breadcrumb trail={trail} onGo={onGo} />}
      {teamHref && focusName && (
        <a
          className="button values-context__team"
          href={teamHref}
          data-testid="values-open-team"
          title={`The team page of ${focusName}`}
        >
          Open team page
        </a>
      )}
      {set && (
        <span className="values-chip" data-testid="values-selection-chip">
          <span className="values-chip__text">
            Showing {set.label} ({set.count} {set.count === 1 ? 'unit' : 'units'})
            {set.unknown > 0 && ` · ${set.unknown} not in the ${set.period} organisation`}
          </span>
          <span className="values-chip__sep" aria-hidden="true">
            ·
          </span>
          <button
            type="button"
            className="values-chip__clear"
            onClick={onClearSet}
            data-testid="values-selection-clear"
          >
            Clear
          </button>
        </span>
      )}
      {children && <span className="values-context__end">{children}</span>}
    </div>
  );
}
