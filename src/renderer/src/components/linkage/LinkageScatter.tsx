import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LinkageOutput, LinkagePoint, Quadrant } from '../../../../shared/analytics/linkage';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import { formatCount, formatMetricValue, formatN } from '../../format/formatMetric';
import { GRID, INK_1, INK_2, INK_3 } from '../palette';
import { niceAxis } from '../TrendCharts';
import { pointNoun } from './formatLinkage';

/** Axis ticks: whole numbers in the metric's own style (72, +40, 80%), as on the trend charts. */
function axisTick(metric: MetricId, v: number): string {
  return METRICS[metric].family === 'index_0_100'
    ? String(Math.round(v))
    : formatMetricValue(metric, v);
}

/** Bright spots carry the colour (Okabe-Ito bluish green, darkened); the rest stay quiet greys. */
export const QUADRANT_STYLE: Record<Quadrant, { color: string; label: string; opacity: number }> = {
  bright_spot: {
    color: '#00795A',
    label: 'Bright spot: high employee, high customer',
    opacity: 0.9,
  },
  customer_only: { color: '#8A94A3', label: 'High customer, low employee', opacity: 0.7 },
  employee_only: { color: '#8A94A3', label: 'High employee, low customer', opacity: 0.7 },
  at_risk: { color: '#4B5563', label: 'Low on both', opacity: 0.7 },
};
const DRAW_ORDER: Quadrant[] = ['at_risk', 'customer_only', 'employee_only', 'bright_spot'];

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: LinkagePoint;
}

function makeDot(radius: number) {
  return function Dot({ cx, cy, payload }: DotProps) {
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const style = QUADRANT_STYLE[payload.quadrant];
    return (
      <g>
        <circle cx={cx} cy={cy} r={radius} fill={style.color} fillOpacity={style.opacity} />
        {payload.outlier && (
          <circle cx={cx} cy={cy} r={radius + 3.5} fill="none" stroke={INK_1} strokeWidth={2} />
        )}
      </g>
    );
  };
}

function PointTooltip({
  active,
  point,
  data,
}: {
  active?: boolean;
  point: LinkagePoint | undefined;
  data: LinkageOutput;
}) {
  if (!active || !point) return null;
  const e = data.employeeMetric;
  const c = data.customerMetric;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__period">{point.name}</div>
      <div className="chart-tooltip__row">
        <span className="chart-tooltip__swatch" style={{ background: 'var(--employee)' }} />
        <span className="chart-tooltip__label">
          {METRICS[e].label} · {point.employeePeriod}
        </span>
        <span className="chart-tooltip__value">{formatMetricValue(e, point.x)}</span>
        <span className="chart-tooltip__n">{formatN(e, point.nEmployees)}</span>
      </div>
      <div className="chart-tooltip__row">
        <span className="chart-tooltip__swatch" style={{ background: 'var(--customer)' }} />
        <span className="chart-tooltip__label">
          {METRICS[c].label} · {point.customerPeriod}
        </span>
        <span className="chart-tooltip__value">{formatMetricValue(c, point.y)}</span>
        <span className="chart-tooltip__n">{formatN(c, point.nCustomers)}</span>
      </div>
      <div className="chart-tooltip__row">
        <span
          className="chart-tooltip__swatch"
          style={{ background: QUADRANT_STYLE[point.quadrant].color }}
        />
        <span className="chart-tooltip__label">{QUADRANT_STYLE[point.quadrant].label}</span>
        {point.outlier && <span className="chart-tooltip__n">Outlier: far from the rest</span>}
      </div>
    </div>
  );
}

/**
 * One dot per unit (or unit-quarter when pooled): employee metric across, customer metric up.
 * The company split is drawn when there is one split (one quarter pair, or every pair agrees);
 * pooled points are each classified against their own quarter's split by the engine.
 */
export function LinkageScatter({ data }: { data: LinkageOutput }) {
  const e = METRICS[data.employeeMetric];
  const c = METRICS[data.customerMetric];
  const density = data.density;
  // A thinned view's axes span every point, not just the sample drawn.
  const xs = [
    ...data.points.map((p) => p.x),
    ...(density?.cells.flatMap((d) => [d.x, d.x + density.xStep]) ?? []),
  ];
  const ys = [
    ...data.points.map((p) => p.y),
    ...(density?.cells.flatMap((d) => [d.y, d.y + density.yStep]) ?? []),
  ];
  const densest = Math.max(1, ...(density?.cells.map((d) => d.count) ?? [1]));
  const xAxis = niceAxis(xs, e.min, e.max);
  const yAxis = niceAxis(ys, c.min, c.max);
  const splits = data.quadrants.splits;
  const oneSplit =
    splits.length > 0 && splits.every((s) => s.x === splits[0]!.x && s.y === splits[0]!.y)
      ? splits[0]
      : undefined;
  const radius = data.points.length > 600 ? 3 : data.points.length > 200 ? 4.5 : 6;
  const Dot = makeDot(radius);
  const byQuadrant = new Map<Quadrant, LinkagePoint[]>(DRAW_ORDER.map((q) => [q, []]));
  for (const p of data.points) byQuadrant.get(p.quadrant)!.push(p);
  const outliers = data.points.filter((p) => p.outlier).length;
  const noun = pointNoun(data.level, data.pooled, 2);

  return (
    <figure className="trend linkage-scatter" data-testid="linkage-scatter">
      <figcaption className="trend__caption">
        <span className="trend__title">
          {e.label} against {c.label}
        </span>
        <span className="trend__scale">
          One dot per {pointNoun(data.level, data.pooled, 1)}: {e.label} across ({e.side}s,{' '}
          {data.pooled ? 'each quarter' : data.employeePeriod}), {c.label} up (customers,{' '}
          {data.pooled ? 'the paired quarter' : data.customerPeriod})
        </span>
      </figcaption>
      <div className="trend__plot linkage-scatter__plot">
        {data.points.length > 0 ? (
          <ResponsiveContainer width="100%" height="100%" minHeight={200}>
            <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis
                type="number"
                dataKey="x"
                name={e.label}
                domain={xAxis.domain}
                ticks={xAxis.ticks}
                allowDataOverflow
                tickFormatter={(v: number) => axisTick(e.id, v)}
                tick={{ fill: INK_2 }}
                tickLine={false}
                axisLine={{ stroke: INK_3 }}
                label={{ value: e.label, position: 'insideBottom', offset: -18, fill: INK_1 }}
              />
              <YAxis
                type="number"
                dataKey="y"
                name={c.label}
                domain={yAxis.domain}
                ticks={yAxis.ticks}
                allowDataOverflow
                tickFormatter={(v: number) => axisTick(c.id, v)}
                tick={{ fill: INK_2 }}
                tickLine={false}
                axisLine={false}
                width={64}
                label={{ value: c.label, angle: -90, position: 'insideLeft', fill: INK_1 }}
              />
              {oneSplit && (
                <ReferenceLine
                  x={oneSplit.x}
                  stroke={INK_2}
                  strokeDasharray="6 4"
                  strokeWidth={2}
                  ifOverflow="hidden"
                />
              )}
              {oneSplit && (
                <ReferenceLine
                  y={oneSplit.y}
                  stroke={INK_2}
                  strokeDasharray="6 4"
                  strokeWidth={2}
                  ifOverflow="hidden"
                />
              )}
              {density?.cells.map((d) => (
                <ReferenceArea
                  key={`${d.x}:${d.y}`}
                  x1={d.x}
                  x2={d.x + density.xStep}
                  y1={d.y}
                  y2={d.y + density.yStep}
                  fill={INK_3}
                  fillOpacity={0.08 + 0.47 * (d.count / densest)}
                  stroke="none"
                  ifOverflow="hidden"
                />
              ))}
              <Tooltip
                isAnimationActive={false}
                cursor={{ stroke: INK_3, strokeWidth: 1 }}
                content={(props) => (
                  <PointTooltip
                    active={props.active}
                    point={props.payload?.[0]?.payload as LinkagePoint | undefined}
                    data={data}
                  />
                )}
              />
              {DRAW_ORDER.map((q) => (
                <Scatter
                  key={q}
                  name={QUADRANT_STYLE[q].label}
                  data={byQuadrant.get(q)}
                  shape={Dot}
                  isAnimationActive={false}
                />
              ))}
            </ScatterChart>
          </ResponsiveContainer>
        ) : (
          <div className="trend__empty">
            No {noun} to draw: none has both figures for these quarters.
          </div>
        )}
      </div>
      <div className="trends__notes linkage-scatter__legend">
        <span className="linkage-key">
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" fill={QUADRANT_STYLE.bright_spot.color} />
          </svg>
          Bright spots ({formatCount(data.quadrants.counts.bright_spot)}): high on both
        </span>
        <span className="linkage-key">
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" fill={QUADRANT_STYLE.customer_only.color} />
          </svg>
          Others (
          {formatCount(
            data.quadrants.counts.customer_only +
              data.quadrants.counts.employee_only +
              data.quadrants.counts.at_risk,
          )}
          ), darker: low on both ({formatCount(data.quadrants.counts.at_risk)})
        </span>
        <span className="linkage-key">
          <svg width="20" height="20" aria-hidden="true">
            <circle cx="10" cy="10" r="4" fill={INK_3} />
            <circle cx="10" cy="10" r="8" fill="none" stroke={INK_1} strokeWidth="2" />
          </svg>
          Outliers ({formatCount(outliers)})
        </span>
        {density && (
          <span data-testid="linkage-thinned">
            Showing {formatCount(data.points.length)} of {formatCount(data.pointsTotal)} {noun}{' '}
            (every outlier and an even sample); the grey shading shows where all of them lie. r and
            its interval use every point.
          </span>
        )}
        <span>
          {oneSplit
            ? `Dashed lines: the company figure (${formatMetricValue(e.id, oneSplit.x)}, ${formatMetricValue(c.id, oneSplit.y)}).`
            : data.quadrants.basis}
        </span>
      </div>
    </figure>
  );
}
