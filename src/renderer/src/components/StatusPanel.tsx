import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { WarningIcon } from './Icons';

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

export function EmptyPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status-panel" data-testid="empty">
      <div>
        <p className="status-panel__title">{title}</p>
        {children && <p className="status-panel__message">{children}</p>}
      </div>
    </div>
  );
}
