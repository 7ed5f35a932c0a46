import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { hrefFor, useSelection } from '../state/useSelection';
import { EmptyIcon, WarningIcon } from './Icons';

/**
 * The designed states every view shares: loading (a spinner and what is coming, in words),
 * empty (what is missing and what to import, with the button), and an engine error (its
 * message and a way to try again). A lost connection is none of these: the app-wide banner
 * says it, and the views keep their last figures (see api/transport.ts).
 */

/** Shown while the first answer for a view is on its way. */
export function Loading({ label }: { label: string }) {
  return (
    <div
      className="status-panel status-panel--loading"
      role="status"
      aria-live="polite"
      data-testid="loading"
    >
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** An API error in plain words: the engine's message as it came, and a way to try again. */
export function ErrorPanel({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}) {
  return (
    <div className="status-panel status-panel--error" role="alert" data-testid="error">
      <WarningIcon className="status-panel__icon" />
      <div>
        <p className="status-panel__title">{title}</p>
        <p className="status-panel__message" data-testid="error-message">
          {error.message}
        </p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Nothing to show yet: what is missing, and (with `action`, what to import: "customer
 * feedback") a button to the Import screen: "Import customer feedback".
 */
export function EmptyPanel({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: string;
}) {
  const [selection] = useSelection();
  return (
    <div className="status-panel status-panel--empty" data-testid="empty">
      <EmptyIcon className="status-panel__icon status-panel__icon--empty" />
      <div>
        <p className="status-panel__title">{title}</p>
        {children && <p className="status-panel__message">{children}</p>}
        {action && (
          <a
            className="button button--primary status-panel__action"
            href={hrefFor(selection, { view: 'import' })}
            data-testid="empty-import"
          >
            Import {action}
          </a>
        )}
      </div>
    </div>
  );
}
