import type { ReactNode } from 'react';

/**
 * The line under the header: "Open team page" for the unit in focus, the chip of a set of units
 * picked elsewhere (with Clear), and the view's own controls and status at the end.
 */
export function ContextBar({
  teamHref,
  focusName,
  set,
  onClearSet,
  children,
}: {
  teamHref: string | null;
  focusName: string | null;
  set: { label: string; count: number; unknown: number; period: string } | null;
  onClearSet: () => void;
  /** Controls and status at the end of the line. */
  children?: ReactNode;
}) {
  return (
    <div className="values-context">
      {teamHref && focusName && (
        <a
          className="values-context__team"
          href={teamHref}
          data-testid="values-open-team"
          title={`The team page of ${focusName}`}
        >
          Open team page ›
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
