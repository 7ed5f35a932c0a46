import { hrefFor, useSelection } from '../state/useSelection';
import { EmptyIcon } from './Icons';

/**
 * The one way a missing figure is shown, everywhere: a dashed empty circle, "No data", why (the
 * engine's reason or the view's words) and, when an import would fill it, what to import with a
 * link to the Import screen. Looks quieter than <Suppressed/>: nothing is hidden, nothing is there.
 *
 *   <NoData reason="No HR headcount for this unit and period." action="HR records" />
 */
export function NoData({
  reason,
  action,
  size = 'inline',
  testId = 'no-data',
}: {
  reason?: string | null;
  /** What to import to fill it ("customer survey responses"); shows "Import ..." linking to Import. */
  action?: string;
  size?: 'inline' | 'block';
  testId?: string;
}) {
  const [selection] = useSelection();
  return (
    <span className={`no-data no-data--${size}`} data-testid={testId} data-status="no_data">
      <EmptyIcon className="no-data__icon" />
      <span className="no-data__word">No data</span>
      {reason && <span className="no-data__reason">{reason}</span>}
      {action && (
        <a
          className="button no-data__action"
          href={hrefFor(selection, { view: 'import' })}
          data-testid="no-data-import"
        >
          Import {action}
        </a>
      )}
    </span>
  );
}
