import { useId, type ReactNode } from 'react';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import { tileNText, tileReasonText, tileValueText } from '../../format/formatMetric';
import { EmptyIcon, LockIcon } from '../Icons';
import type { Tile } from '../MetricTile';

/** Short labels for the secondary rows; the hover/focus card keeps the full label. */
const SHORT_LABELS: Partial<Record<MetricId, string>> = {
  ces: 'Effort (CES)',
  avg_handle_seconds: 'Handle time',
  repeat_contact_rate: 'Repeat contact',
  transfer_rate: 'Transfer rate',
  absence_days_per_head: 'Absence days / head',
  recognition_per_head: 'Recognition / head',
};

/**
 * One secondary figure in a line of them: label, value, change. The same test hooks as a tile
 * (tile-<metric>, data-status, tile-value, tile-n and tile-formula in the focus card, tile-reason)
 * and the same three looks: a number; a lock, "Suppressed" and the reason (never a number); an
 * empty circle and "No data" (the reason in the card).
 */
function SecondaryRow({
  tile,
  change,
  note,
  reasonShown,
}: {
  tile: Tile;
  change: ReactNode;
  note: ReactNode;
  /** The line already says this reason once for every figure hidden by it: keep it in the card. */
  reasonShown: boolean;
}) {
  const cardId = useId();
  const reason = tileReasonText(tile);
  return (
    <li
      className={`ov-row ov-row--${tile.status}`}
      data-testid={`tile-${tile.metric}`}
      data-status={tile.status}
      tabIndex={0}
      aria-describedby={cardId}
    >
      <span className="ov-row__label">{SHORT_LABELS[tile.metric] ?? tile.label}</span>
      <span className="ov-row__value">
        {tile.status === 'suppressed' && <LockIcon className="ov-row__icon" />}
        {tile.status === 'no_data' && <EmptyIcon className="ov-row__icon" />}
        <span data-testid="tile-value">{tileValueText(tile)}</span>
      </span>
      <span className="ov-row__change">{change}</span>
      {reason && tile.status === 'suppressed' && !reasonShown && (
        <span className="ov-row__reason" data-testid="tile-reason">
          {reason}
        </span>
      )}
      {note}
      <span
        className="tile__formula ov-row__card"
        role="tooltip"
        id={cardId}
        data-testid="tile-formula"
      >
        <span className="tile__formula-title">{tile.label}</span>
        <span className="tile__formula-n" data-testid="tile-n">
          {tileNText(tile)}
        </span>
        {reason && (tile.status === 'no_data' || reasonShown) && (
          <span className="tile__formula-n" data-testid="tile-reason">
            {reason}
          </span>
        )}
        {tile.formula}
      </span>
    </li>
  );
}

/** A titled line of secondary figures (operations, HR records), employees blue, customers orange. */
export function SecondaryFigures({
  title,
  tiles,
  change,
  note,
}: {
  title: string;
  tiles: Tile[];
  change: (tile: Tile) => ReactNode;
  note: (tile: Tile) => ReactNode;
}) {
  if (tiles.length === 0) return null;
  // Several figures hidden for the same reason (HR records of a small team): say it once.
  const hidden = tiles.filter((t) => t.status === 'suppressed');
  const reasons = new Set(hidden.map((t) => tileReasonText(t)));
  const shared = hidden.length > 1 && reasons.size === 1 ? [...reasons][0] : null;
  const side = METRICS[tiles[0]!.metric].side;
  return (
    <section className={`ov-rows tile-group--${side}`} aria-label={title}>
      <h2 className="tile-group__title ov-rows__title">{title}</h2>
      <ul className="ov-rows__list">
        {tiles.map((t) => (
          <SecondaryRow
            key={t.metric}
            tile={t}
            change={change(t)}
            note={note(t)}
            reasonShown={shared !== null && t.status === 'suppressed'}
          />
        ))}
        {shared && (
          <li className="ov-row__reason ov-rows__shared-reason" data-testid="rows-reason">
            {shared}
          </li>
        )}
      </ul>
    </section>
  );
}
