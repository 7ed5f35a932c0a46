import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MethodOutput, MetricValue } from '../../../shared/contract';
import { METRICS, type MetricId } from '../../../shared/metrics';
import { formatMetricValue, formatN } from '../format/formatMetric';
import { memo, useSyncExternalStore } from 'react';
import {
  CUSTOMER_COLOR,
  EMPLOYEE_COLOR,
  GRID,
  INK_1,
  INK_2,
  INK_3,
  SELECTED_BAND,
  seriesStyle as paletteStyle,
} from './palette';

/**
 * The theme's colours for the charts, read from the CSS variables of styles/app.css (light or
 * dark, on <html data-theme>) and read again when the theme changes; the palette's light values
 * when a variable is missing.
 */
const FALLBACK = {
  employee: EMPLOYEE_COLOR,
  customer: CUSTOMER_COLOR,
  ink1: INK_1,
  ink2: INK_2,
  ink3: INK_3,
  grid: GRID,
  band: SELECTED_BAND,
};
type Colours = typeof FALLBACK;
let colours: Colours = FALLBACK;
let colourKey = '';
function readColours(): Colours {
  if (typeof document === 'undefined') return FALLBACK;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const next = {
    employee: v('--employee', FALLBACK.employee),
    customer: v('--customer', FALLBACK.customer),
    ink1: v('--ink-1', FALLBACK.ink1),
    ink2: v('--ink-2', FALLBACK.ink2),
    ink3: v('--ink-3', FALLBACK.ink3),
    grid: v('--grid', FALLBACK.grid),
    band: v('--band', FALLBACK.band),
  };
  const key = Object.values(next).join('|');
  if (key !== colourKey) {
    colourKey = key;
    colours = next;
  }
  return colours;
}
function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  return () => observer.disconnect();
}
function useColours(): Colours {
  return useSyncExternalStore(subscribeTheme, readColours, () => FALLBACK);
}
function seriesStyle(metric: MetricId, c: Colours): { color: string; dash: string | undefined } {
  const base = paletteStyle(metric);
  return { color: base.color === EMPLOYEE_COLOR ? c.employee : c.customer, dash: base.dash };
}

type Overview = MethodOutput<'overview'>;

/**
 * One small chart per scale family: metrics of different scales never share an axis
 * (eNPS runs -100..+100, percentages 0..100). Employee metrics are blue and solid, customer
 * metrics orange and dashed, everywhere in the app.
 */
interface ChartSpec {
  id: string;
  title: string;
  scale: string;
  metrics: MetricId[];
}
const CHARTS: ChartSpec[] = [
  {
    id: 'index',
    title: 'Engagement index',
    scale: 'Index; possible range 0 to 100',
    metrics: ['engagement_index'],
  },
  {
    id: 'net',
    title: 'eNPS and customer NPS',
    scale: 'Net scores; possible range -100 to +100',
    metrics: ['enps', 'nps'],
  },
  {
    id: 'percent',
    title: '% favourable and CSAT',
    scale: 'Percent of responses; possible range 0 to 100%',
    metrics: ['pct_favourable', 'csat'],
  },
];

type Row = { period: string } & Partial<Record<MetricId, number | null>>;

/**
 * A y-range that fits the data with a little room, in round steps (10, 20 or 50) that also bound
 * the range, kept inside the metric's own bounds (which are multiples of every step).
 */
export function niceAxis(
  values: number[],
  min: number | null,
  max: number | null,
): { domain: [number, number]; ticks: number[] } {
  const lo = values.length ? Math.min(...values) : (min ?? 0);
  const hi = values.length ? Math.max(...values) : (max ?? 100);
  const span = Math.max(hi - lo, 10) + 10;
  const step = span > 120 ? 50 : span > 50 ? 20 : 10;
  let a = Math.floor((lo - 4) / step) * step;
  let b = Math.ceil((hi + 4) / step) * step;
  if (min !== null) a = Math.max(a, min);
  if (max !== null) b = Math.min(b, max);
  const ticks: number[] = [];
  for (let t = a; t <= b; t += step) ticks.push(t);
  return { domain: [a, b], ticks };
}

/** Axis ticks: whole numbers in the metric's own style (72, +40, 80%). */
function axisTick(metric: MetricId, v: number): string {
  return METRICS[metric].family === 'index_0_100'
    ? String(Math.round(v))
    : formatMetricValue(metric, v);
}

function TrendTooltip({
  active,
  label,
  spec,
  byPeriod,
  colours,
}: {
  colours: Colours;
  active?: boolean;
  label?: unknown;
  spec: ChartSpec;
  byPeriod: Map<string, Map<MetricId, MetricValue>>;
}) {
  if (!active || typeof label !== 'string') return null;
  const values = byPeriod.get(label);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__period">{label}</div>
      {spec.metrics.map((m) => {
        const v = values?.get(m);
        const text =
          !v || v.status === 'no_data'
            ? 'No data'
            : v.status === 'suppressed'
              ? 'Suppressed'
              : formatMetricValue(m, v.value);
        return (
          <div key={m} className="chart-tooltip__row">
            <span
              className="chart-tooltip__swatch"
              style={{ background: seriesStyle(m, colours).color }}
            />
            <span className="chart-tooltip__label">{METRICS[m].label}</span>
            <span className="chart-tooltip__value">{text}</span>
            {v?.status === 'ok' && v.n !== null && (
              <span className="chart-tooltip__n">{formatN(m, v.n)}</span>
            )}
            {v && v.status !== 'ok' && v.reason && (
              <span className="chart-tooltip__n">{v.reason}</span>
            )}
            <span className="chart-tooltip__formula">{METRICS[m].formula}</span>
          </div>
        );
      })}
    </div>
  );
}

function TrendChart({
  spec,
  rows,
  byPeriod,
  reorgs,
  selected,
  colours,
}: {
  colours: Colours;
  spec: ChartSpec;
  rows: Row[];
  byPeriod: Map<string, Map<MetricId, MetricValue>>;
  reorgs: Overview['reorgs'];
  selected: string | undefined;
}) {
  const first = METRICS[spec.metrics[0]!];
  const values = rows.flatMap((r) =>
    spec.metrics.map((m) => r[m]).filter((v): v is number => typeof v === 'number'),
  );
  const { domain, ticks } = niceAxis(values, first.min, first.max);
  const tickFormat = (v: number) => axisTick(first.id, v);
  const periods = new Set(rows.map((r) => r.period));
  const hasAny = values.length > 0;
  return (
    <figure className="trend" data-testid={`trend-${spec.id}`}>
      {/* The title is the legend: each series named beside its line style. */}
      <figcaption className="trend__caption">
        <span className="sr-only">{spec.title}</span>
        <span className="trend__title" aria-hidden="true">
          {spec.metrics.map((m) => (
            <span key={m} className="trend__key">
              <svg width="30" height="12" aria-hidden="true">
                <line
                  x1="1"
                  x2="29"
                  y1="6"
                  y2="6"
                  stroke={seriesStyle(m, colours).color}
                  strokeWidth="4"
                  strokeDasharray={seriesStyle(m, colours).dash}
                />
              </svg>
              {METRICS[m].label}
            </span>
          ))}
        </span>
        <span className="trend__scale">{spec.scale}</span>
      </figcaption>
      {/* Sized by CSS (explicit height), so ResponsiveContainer always measures a real box. */}
      <div className="trend__plot">
        {hasAny ? (
          <ResponsiveContainer width="100%" height="100%" minHeight={120}>
            <LineChart data={rows} margin={{ top: 24, right: 34, bottom: 4, left: 0 }}>
              <CartesianGrid stroke={colours.grid} vertical={false} />
              <XAxis
                dataKey="period"
                tick={{ fill: colours.ink2 }}
                tickLine={false}
                axisLine={{ stroke: colours.ink3 }}
                interval="preserveStartEnd"
                minTickGap={10}
                padding={{ left: 24, right: 18 }}
              />
              <YAxis
                domain={domain}
                ticks={ticks}
                allowDataOverflow
                tickFormatter={tickFormat}
                tick={{ fill: colours.ink2 }}
                tickLine={false}
                axisLine={false}
                width={56}
              />
              {selected && periods.has(selected) && (
                <ReferenceLine
                  x={selected}
                  stroke={colours.band}
                  strokeWidth={26}
                  ifOverflow="hidden"
                  zIndex={-50}
                />
              )}
              {domain[0] < 0 && domain[1] > 0 && (
                <ReferenceLine y={0} stroke={colours.ink3} strokeWidth={1.5} />
              )}
              {reorgs
                .filter((r) => periods.has(r.period))
                .map((r) => (
                  <ReferenceLine
                    key={r.period}
                    x={r.period}
                    stroke={colours.ink1}
                    strokeDasharray="6 4"
                    strokeWidth={2}
                    label={{
                      value: 'Reorg',
                      position: 'top',
                      fill: colours.ink1,
                      fontWeight: 700,
                      className: 'trend__reorg-label',
                    }}
                  />
                ))}
              <Tooltip
                isAnimationActive={false}
                cursor={{ stroke: colours.ink3, strokeWidth: 1 }}
                content={(props) => (
                  <TrendTooltip
                    active={props.active}
                    label={props.label}
                    spec={spec}
                    byPeriod={byPeriod}
                    colours={colours}
                  />
                )}
              />
              {spec.metrics.map((m) => (
                <Line
                  key={m}
                  type="linear"
                  dataKey={m}
                  name={METRICS[m].label}
                  stroke={seriesStyle(m, colours).color}
                  strokeWidth={3.5}
                  strokeDasharray={seriesStyle(m, colours).dash}
                  dot={{ r: 5, strokeWidth: 0, fill: seriesStyle(m, colours).color }}
                  activeDot={{ r: 7 }}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        ) : (
          <div className="trend__empty">
            No values to draw: every period is suppressed or has no data.
          </div>
        )}
      </div>
    </figure>
  );
}

/** The overview's trend: one chart per scale family, gaps where a value is suppressed or missing. */
/**
 * Memoised: recharts measures every line's length (a forced layout) each time it renders, so the
 * charts redraw only when their own figures change, not when another answer reaches the view.
 */
export const TrendCharts = memo(function TrendCharts({
  trend,
  reorgs,
  selected,
  footnote,
  gapNote = true,
}: {
  trend: Overview['trend'];
  reorgs: Overview['reorgs'];
  /** The period on screen, drawn as a soft band so the room sees where "now" sits in the trend. */
  selected?: string;
  /** A line of small print for the notes row under the charts. */
  footnote?: string;
  /** False: no line saying what a gap means (the view says it elsewhere); reorgs are still noted. */
  gapNote?: boolean;
}) {
  const colours = useColours();
  const byPeriod = new Map<string, Map<MetricId, MetricValue>>();
  const rows: Row[] = [...trend]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => {
      const row: Row = { period: p.period };
      const map = new Map<MetricId, MetricValue>();
      for (const v of p.values) {
        map.set(v.metric, v);
        row[v.metric] = v.status === 'ok' ? v.value : null;
      }
      byPeriod.set(p.period, map);
      return row;
    });
  const present = new Set(trend.flatMap((p) => p.values.map((v) => v.metric)));
  const charts = CHARTS.map((c) => ({
    ...c,
    metrics: c.metrics.filter((m) => present.has(m)),
  })).filter((c) => c.metrics.length > 0);
  const gaps = gapNote && trend.some((p) => p.values.some((v) => v.status !== 'ok'));
  if (rows.length === 0 || charts.length === 0) return null;
  return (
    <section className="trends" aria-label="Trend across periods">
      <div
        className="trends__grid"
        style={{ gridTemplateColumns: `repeat(${charts.length}, minmax(0, 1fr))` }}
      >
        {charts.map((c) => (
          <TrendChart
            key={c.id}
            spec={c}
            rows={rows}
            byPeriod={byPeriod}
            reorgs={reorgs}
            selected={selected}
            colours={colours}
          />
        ))}
      </div>
      {(gaps || reorgs.length > 0 || footnote) && (
        <div className="trends__notes">
          {gaps && <span>Gaps in a line: that period is suppressed or has no data.</span>}
          {reorgs.map((r) => (
            <span key={r.period} className="trends__reorg" data-testid="reorg-note">
              <svg width="10" height="18" aria-hidden="true">
                <line
                  x1="5"
                  x2="5"
                  y1="1"
                  y2="17"
                  stroke={colours.ink1}
                  strokeWidth="2"
                  strokeDasharray="4 3"
                />
              </svg>
              <strong>Reorg in {r.period}</strong> {r.note}
            </span>
          ))}
          {footnote && <span className="trends__footnote">{footnote}</span>}
        </div>
      )}
    </section>
  );
});
