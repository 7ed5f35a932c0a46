import { useId, type CSSProperties, type ReactNode } from 'react';
import type { MetricValue } from '../../../shared/contract';
import { METRICS } from '../../../shared/metrics';
import { tileNText, tileReasonText, tileValueText } from '../format/formatMetric';
import { EmptyIcon, LockIcon } from './Icons';

export type Tile = MetricValue & { label: string; formula: string };

/**
 * One headline figure. Three looks that never pass for one another:
 *   ok          the number, large, with its n
 *   suppressed  hatched, a lock and the word "Suppressed", the engine's reason; never a number
 *               (the same look and words as <Suppressed/>: tileReasonText = suppressedReasonText)
 *   no_data     dashed outline, an empty circle and "No data", the engine's reason
 * The formula shows in a large hover/focus card (a native title tooltip is too small to read on a
 * projector).
 *
 * Optional parts (the overview uses them; other views leave them out):
 *   aside     beside the value (a sparkline)
 *   children  under the value (the change since the previous quarter, a weighted figure)
 *   badge     beside the label ("Small group")
 *   note      under the n (a set's members left out)
 */
export function MetricTile({
  tile,
  aside,
  children,
  badge,
  note,
}: {
  tile: Tile;
  aside?: ReactNode;
  children?: ReactNode;
  badge?: ReactNode;
  note?: ReactNode;
}) {
  const formulaId = useId();
  const family = METRICS[tile.metric].family;
  const text = tileValueText(tile);
  const reason = tileReasonText(tile);
  return (
    <div
      className={`tile tile--${tile.status} tile--${family}`}
      data-testid={`tile-${tile.metric}`}
      data-status={tile.status}
      tabIndex={0}
      aria-describedby={formulaId}
    >
      <div className="tile__label">
        {tile.label}
        {badge}
      </div>
      <div className="tile__value-row">
        {tile.status === 'suppressed' && <LockIcon className="tile__icon" />}
        {tile.status === 'no_data' && <EmptyIcon className="tile__icon" />}
        <span
          className="tile__value"
          data-testid="tile-value"
          style={{ '--chars': text.length } as CSSProperties}
        >
          {text}
        </span>
        {aside}
      </div>
      {reason && (
        <div className="tile__reason" data-testid="tile-reason">
          {reason}
        </div>
      )}
      {children}
      <div className="tile__n" data-testid="tile-n">
        {tileNText(tile)}
      </div>
      {note}
      <div className="tile__formula" role="tooltip" id={formulaId} data-testid="tile-formula">
        <span className="tile__formula-title">{tile.label}</span>
        {tile.formula}
      </div>
    </div>
  );
}
