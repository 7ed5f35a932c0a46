import { EmptyIcon, LockIcon } from '../Icons';
import { scaleGradient, type ColourScale } from './colourScale';
import { formatPercent, formatPoints } from './format';

/**
 * The colour key of the one scale on screen, the noise rule, and the two "no number" looks.
 * The diverging range is the engine's fixed one (the same in every difference mode); the
 * sequential range is the one on screen (stated, since it is not always 0..100).
 */
export function HeatmapLegend({
  scale,
  reference,
  minGroupSize,
  smallN,
}: {
  scale: ColourScale;
  reference: string | null;
  minGroupSize: number;
  smallN: number;
}) {
  const mid = scale.diverging ? 0 : (scale.min + scale.max) / 2;
  const label = (v: number) => (scale.family === 'percent' ? formatPercent(v) : formatPoints(v));
  return (
    <div
      className="heatmap-legend"
      data-testid="heatmap-legend"
      data-family={scale.family}
      data-min={scale.min}
      data-max={scale.max}
    >
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
          <span>{scale.diverging ? `${label(scale.min)} or less` : label(scale.min)}</span>
          <span>{label(mid)}</span>
          <span>{scale.diverging ? `${label(scale.max)} or more` : label(scale.max)}</span>
        </span>
        {scale.diverging && (
          <span className="heatmap-legend__ends">
            <span>below</span>
            <span>above</span>
          </span>
        )}
      </div>
      <div className="heatmap-legend__keys">
        <span className="heatmap-legend__key" data-testid="heatmap-legend-noise">
          <span className="heatmap-legend__swatch heatmap-legend__swatch--noise" aria-hidden="true">
            ≈
          </span>
          {scale.diverging
            ? `Faded: within noise (fewer than ${smallN} respondents, or the 95% interval of the difference includes 0)`
            : `Faded: fewer than ${smallN} respondents`}
        </span>
        <span className="heatmap-legend__key">
          <span className="heatmap-legend__swatch heatmap__cell--suppressed">
            <LockIcon className="heatmap__icon" />
          </span>
          Suppressed (under {minGroupSize} people or could reveal a small group)
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
