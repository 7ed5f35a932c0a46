import { useQuery } from '../hooks/useQuery';
import { hrefFor, useSelection } from '../state/useSelection';

/**
 * Under the nav bar, on every view: what the room has selected, with a way to open the unit's
 * team page and to let go of it. "North selected · Open team page · Clear" for the unit in
 * focus; "Bright spots: 12 units · Clear" for a set picked together. Nothing when neither.
 */
export function SelectionBar() {
  const [selection, select] = useSelection();
  const { unit, units, period, view } = selection;
  const hierarchy = useQuery('hierarchy', unit ? (period ? { period } : {}) : null);
  if (!unit && !units) return null;
  const name = unit
    ? (hierarchy.data?.units.find((u) => u.id === unit)?.name ?? (hierarchy.data ? unit : '…'))
    : '';
  return (
    <div className="selection-bar" data-testid="selection-bar" role="region" aria-label="Selection">
      {unit && (
        <p className="selection-bar__part">
          <span>
            <strong className="selection-bar__name" data-testid="selection-unit">
              {name}
            </strong>{' '}
            selected
          </span>
          {view !== 'teams' && (
            <>
              <span className="dot-sep" aria-hidden="true">
                ·
              </span>
              <a
                className="selection-bar__action"
                href={hrefFor(selection, { view: 'teams' })}
                data-testid="selection-open-team"
              >
                Open team page
              </a>
            </>
          )}
          <span className="dot-sep" aria-hidden="true">
            ·
          </span>
          <button
            type="button"
            className="selection-bar__action"
            data-testid="selection-clear"
            onClick={() => select({ unit: undefined })}
          >
            Clear
          </button>
        </p>
      )}
      {units && (
        <p className="selection-bar__part" data-testid="selection-set">
          <span data-testid="selection-set-label">
            <strong className="selection-bar__name">{units.label}</strong>: {units.ids.length}{' '}
            {units.ids.length === 1 ? 'unit' : 'units'}
          </span>
          <span className="dot-sep" aria-hidden="true">
            ·
          </span>
          <button
            type="button"
            className="selection-bar__action"
            data-testid="selection-set-clear"
            onClick={() => select({ units: undefined })}
          >
            Clear
          </button>
        </p>
      )}
    </div>
  );
}
