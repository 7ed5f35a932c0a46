import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Driver, DriversOutput } from '../../../../shared/analytics/drivers';
import { formatMetricValue } from '../../format/formatMetric';
import {
  formatR,
  intervalText,
  KIND_LABELS,
  nText,
  OUTCOME_LABELS,
  performanceNText,
  performanceText,
  QUADRANT_LABELS,
  weightText,
} from './format';
import { layoutChart, plottable, shapePath, type ChartLayout } from './layout';

interface Size {
  width: number;
  height: number;
  rem: number;
  font: string;
}

/** Text widths with the page's own font (canvas measureText: no layout, no DOM nodes). */
function measurer(font: string): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 9;
  ctx.font = font;
  return (text) => ctx.measureText(text).width;
}

/** The words a screen reader hears for a point (only drawn points, which all have figures). */
function pointLabel(d: Driver): string {
  const q = d.quadrant ? `${QUADRANT_LABELS[d.quadrant].name}. ` : '';
  return `${d.label} ${q}r ${formatR(d.importance.r)}, 95% interval ${intervalText(d.importance.ciLow, d.importance.ciHigh)}; ${performanceText(d.performance)} favourable.`;
}

function Card({
  layout,
  driver,
  weights,
}: {
  layout: ChartLayout;
  driver: Driver;
  weights: boolean;
}) {
  const p = layout.points.find((pt) => pt.driver.id === driver.id);
  if (!p) return null;
  const right = p.cx > layout.width * 0.55;
  const below = p.cy < layout.height * 0.35;
  const style = {
    left: right ? undefined : p.cx + layout.radius * 2,
    right: right ? layout.width - p.cx + layout.radius * 2 : undefined,
    top: below ? p.cy + layout.radius * 1.5 : undefined,
    bottom: below ? undefined : layout.height - p.cy + layout.radius * 1.5,
  };
  const q = driver.quadrant;
  return (
    <div className="chart-tooltip drivers-card" style={style} role="tooltip">
      <div className="chart-tooltip__period">{driver.label}</div>
      {q && (
        <div className="drivers-card__quadrant">
          <svg width="1em" height="1em" viewBox="-10 -10 20 20" aria-hidden="true">
            <path className={`drivers-mark drivers-mark--${q}`} d={shapePath(q, 0, 0, 7)} />
          </svg>
          {QUADRANT_LABELS[q].name}: {QUADRANT_LABELS[q].hint}
        </div>
      )}
      <div className="drivers-card__row">
        Importance r <strong>{formatR(driver.importance.r)}</strong> (95% interval{' '}
        {intervalText(driver.importance.ciLow, driver.importance.ciHigh)}), n ={' '}
        {nText(driver.importance.n)}
      </div>
      <div className="drivers-card__row">
        Performance <strong>{performanceText(driver.performance)}</strong> favourable
        {performanceNText(driver.performance) && ` (${performanceNText(driver.performance)})`}
      </div>
      {weights && driver.relativeWeight && (
        <div className="drivers-card__row">
          Share of what the drivers explain together:{' '}
          <strong>{weightText(driver.relativeWeight)}</strong>
        </div>
      )}
    </div>
  );
}

/**
 * Importance (r with the outcome, up) against performance (% favourable, across), one mark per
 * item or value: its shape and colour say its quadrant, the quadrants are named in the plot's
 * corners, the strongest and the priorities are labelled where there is room, and every mark
 * names itself on hover and keyboard focus (with its interval drawn). A light SVG: a few
 * hundred nodes at most.
 */
export function QuadrantChart({
  data,
  active,
  onActive,
}: {
  data: DriversOutput;
  active: string | null;
  onActive: (id: string | null) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  // The plot takes the window's height left below it (between 15 and 36 rem), so the whole chart
  // is above the fold at 1280x720 whatever the header and the sentence take.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const room = window.innerHeight - top - 2.3 * rem;
      setFit(Math.round(Math.min(36 * rem, Math.max(15 * rem, room))));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [data]);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => {
      const root = getComputedStyle(document.documentElement);
      const own = getComputedStyle(el);
      const rem = parseFloat(root.fontSize) || 16;
      const width = el.clientWidth;
      const height = el.clientHeight;
      const font = `600 ${0.8 * rem}px ${own.fontFamily}`;
      setSize((old) =>
        old && old.width === width && old.height === height && old.rem === rem && old.font === font
          ? old
          : { width, height, rem, font },
      );
    };
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const outcome = OUTCOME_LABELS[data.outcome];
  const layout = useMemo(
    () =>
      size && size.width > 0 && size.height > 0
        ? layoutChart(data, outcome, size.width, size.height, size.rem, measurer(size.font))
        : null,
    [data, outcome, size],
  );
  const drawn = plottable(data.drivers).length;
  const missing = data.drivers.length - drawn;
  const kind = KIND_LABELS[data.by];
  const activeDriver = active ? data.drivers.find((d) => d.id === active) : undefined;
  const activePoint = layout?.points.find((p) => p.driver.id === active);
  const q = data.quadrants;

  return (
    <figure className="drivers-chart" data-testid="drivers-chart">
      <figcaption className="sr-only">
        Importance against performance for {drawn} {kind.many}: importance is r with {outcome} (up),
        performance is % favourable (across).
      </figcaption>
      <div
        className="drivers-chart__plot"
        ref={box}
        style={fit === null ? undefined : { height: fit }}
      >
        {layout && (
          <svg
            className="drivers-chart__svg"
            width={layout.width}
            height={layout.height}
            role="group"
            aria-label={`${kind.title}: importance against performance`}
          >
            {layout.split && (
              <rect
                className="drivers-chart__priority-zone"
                x={layout.plot.x0}
                y={layout.plot.y0}
                width={Math.max(0, layout.split.x - layout.plot.x0)}
                height={Math.max(0, layout.split.y - layout.plot.y0)}
              />
            )}
            <g className="drivers-chart__grid" aria-hidden="true">
              {layout.x.ticks.map((t) => (
                <line key={`x${t.v}`} x1={t.px} x2={t.px} y1={layout.plot.y0} y2={layout.plot.y1} />
              ))}
              {layout.y.ticks.map((t) => (
                <line key={`y${t.v}`} x1={layout.plot.x0} x2={layout.plot.x1} y1={t.px} y2={t.px} />
              ))}
            </g>
            {layout.y.zero !== null && (
              <line
                className="drivers-chart__zero"
                x1={layout.plot.x0}
                x2={layout.plot.x1}
                y1={layout.y.zero}
                y2={layout.y.zero}
              />
            )}
            <g className="drivers-chart__ticks" aria-hidden="true">
              {layout.x.ticks.map((t) => (
                <text
                  key={`x${t.v}`}
                  x={t.px}
                  y={layout.plot.y1 + layout.fontPx * 1.3}
                  textAnchor="middle"
                >
                  {formatMetricValue('pct_favourable', t.v)}
                </text>
              ))}
              {layout.y.ticks.map((t) => (
                <text
                  key={`y${t.v}`}
                  x={layout.plot.x0 - layout.fontPx * 0.4}
                  y={t.px + layout.fontPx * 0.35}
                  textAnchor="end"
                >
                  {formatR(t.v)}
                </text>
              ))}
              <text
                className="drivers-chart__axis-title"
                x={(layout.plot.x0 + layout.plot.x1) / 2}
                y={layout.height - layout.fontPx * 0.35}
                textAnchor="middle"
              >
                {layout.x.title} →
              </text>
              <text
                className="drivers-chart__axis-title"
                transform={`translate(${layout.fontPx * 1.05},${(layout.plot.y0 + layout.plot.y1) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                {layout.y.title} →
              </text>
            </g>
            {layout.split && (
              <g className="drivers-chart__split" aria-hidden="true">
                <line
                  x1={layout.split.x}
                  x2={layout.split.x}
                  y1={layout.plot.y0}
                  y2={layout.plot.y1}
                />
                <line
                  x1={layout.plot.x0}
                  x2={layout.plot.x1}
                  y1={layout.split.y}
                  y2={layout.split.y}
                />
              </g>
            )}
            <g className="drivers-chart__corners" aria-hidden="true">
              {layout.corners.map((c) => {
                const iconX =
                  c.anchor === 'start'
                    ? c.x + layout.fontPx * 0.45
                    : c.box.x + layout.fontPx * 0.45;
                const textX = c.anchor === 'start' ? c.x + layout.fontPx * 1.2 : c.x;
                return (
                  <g key={c.quadrant} data-quadrant={c.quadrant}>
                    <path
                      className={`drivers-mark drivers-mark--${c.quadrant}`}
                      d={shapePath(
                        c.quadrant,
                        iconX,
                        c.y - layout.fontPx * 0.33,
                        layout.fontPx * 0.36,
                      )}
                    />
                    <text
                      className={`drivers-chart__corner drivers-chart__corner--${c.quadrant}`}
                      x={textX}
                      y={c.y}
                      textAnchor={c.anchor}
                    >
                      {c.text}
                    </text>
                  </g>
                );
              })}
            </g>
            {activePoint && (
              <g className="drivers-chart__interval" aria-hidden="true">
                <line
                  x1={activePoint.cx}
                  x2={activePoint.cx}
                  y1={activePoint.yLow}
                  y2={activePoint.yHigh}
                />
                <line
                  x1={activePoint.cx - layout.radius}
                  x2={activePoint.cx + layout.radius}
                  y1={activePoint.yLow}
                  y2={activePoint.yLow}
                />
                <line
                  x1={activePoint.cx - layout.radius}
                  x2={activePoint.cx + layout.radius}
                  y1={activePoint.yHigh}
                  y2={activePoint.yHigh}
                />
              </g>
            )}
            <g className="drivers-chart__points">
              {layout.points.map((p) => (
                <path
                  key={p.driver.id}
                  className={`drivers-mark drivers-mark--${p.quadrant ?? 'none'}${p.driver.id === active ? ' drivers-mark--active' : ''}`}
                  d={shapePath(p.quadrant, p.cx, p.cy, layout.radius)}
                  tabIndex={0}
                  role="img"
                  aria-label={pointLabel(p.driver)}
                  data-driver={p.driver.id}
                  onMouseEnter={() => onActive(p.driver.id)}
                  onMouseLeave={() => onActive(null)}
                  onFocus={() => onActive(p.driver.id)}
                  onBlur={() => onActive(null)}
                />
              ))}
            </g>
            <g className="drivers-chart__labels" aria-hidden="true">
              {layout.labels.map((l) =>
                l.leader ? (
                  <line
                    key={`${l.id}-leader`}
                    className="drivers-chart__leader"
                    x1={l.leader.x1}
                    y1={l.leader.y1}
                    x2={l.leader.x2}
                    y2={l.leader.y2}
                  />
                ) : null,
              )}
              {layout.labels.map((l) => (
                <text
                  key={l.id}
                  className={`drivers-chart__label${l.id === active ? ' drivers-chart__label--active' : ''}`}
                  x={l.x}
                  y={l.y}
                  textAnchor={l.anchor}
                >
                  {l.lines.map((line, i) => (
                    <tspan key={i} x={l.x} dy={i === 0 ? 0 : layout.fontPx * 1.25}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ))}
            </g>
          </svg>
        )}
        {layout && activeDriver && (
          <Card
            layout={layout}
            driver={activeDriver}
            weights={data.importanceMethod.relativeWeights}
          />
        )}
      </div>
      <p className="drivers-chart__note">
        {layout?.split && q.importanceSplit !== null && q.performanceSplit !== null
          ? `Dashed lines: the medians (r ${formatR(q.importanceSplit)}, ${formatMetricValue('pct_favourable', q.performanceSplit)} favourable). `
          : ''}
        {layout && layout.labels.length < drawn
          ? `${layout.labels.length} of ${drawn} named; point at a mark for the rest. `
          : ''}
        {missing > 0
          ? `${missing} ${missing === 1 ? kind.one : kind.many} not drawn: a figure is suppressed or missing (see the table).`
          : ''}
      </p>
    </figure>
  );
}
