import { EmptyIcon, LockIcon } from '../Icons';
import { scaleGradient, type ColourScale } from './colourScale';
import { formatPercent, formatPoints } from './format';

/** The colour key of the one scale on screen, plus the two "no number" looks. */
export function HeatmapLegend({
  scale,
  reference,
  minGroupSize,
}: {
  scale: ColourScale;
  reference: string | null;
  minGroupSize: number;
}) {
  const mid = scale.diverging ? 0 : (scale.min + scale.max) / 2;
  const label = (v: number) => (scale.family === 'percent' ? formatPercent(v) : formatPoints(v));
  return (
    <div className="heatmap-legend" data-testid="heatmap-legend" data-family={scale.family}>
      <div className="heatmap-legend__scale">
        <span className="heatmap-legend__title">
          {scale.diverging ? `Points vs ${reference ?? 'reference'}` : '% favourable'}
        </span>
        <span
          className="heatmap-legend__bar"
          style={{ backgroundImage: scaleGradient(scale) }}
          aria-hidden="true"
        />
        <span className="heatmap-legend__ticks">
          <span>{label(scale.min)}</span>
          <span>{label(mid)}</span>
          <span>{label(scale.max)}</span>
        </span>
        {scale.diverging && (
          <span className="heatmap-legend__ends">
            <span>below</span>
            <span>above</span>
          </span>
        )}
      </div>
      <div className="heatmap-legend__keys">
        <span className="heatmap-legend__key">
          <span className="heatmap-legend__swatch heatmap__cell--suppressed">
            <LockIcon className="heatmap__icon" />
          </span>
          Suppressed (group under {minGroupSize}; hover for why)
        </span>
        <span className="heatmap-legend__key">
          <span className="heatmap-legend__swatch heatmap__cell--no_data">
            <EmptyIcon className="heatmap__icon" />
          </span>
          No data
        </span>
      </div>
    </div>
  );
}
