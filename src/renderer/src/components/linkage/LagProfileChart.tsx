import {
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LagProfileOutput } from '../../../../shared/analytics/linkage';
import { formatCount } from '../../format/formatMetric';
import { EMPLOYEE_COLOR, GRID, INK_1, INK_2, INK_3 } from '../palette';
import { formatR, intervalText, lagLabel, lagTick, pointNoun, rText } from './formatLinkage';

type Lag = LagProfileOutput['lags'][number];
interface Row {
  lag: number;
  r: number;
  err: [number, number];
  entry: Lag;
}

function LagTooltip({ active, row, level }: { active?: boolean; row?: Row; level: string }) {
  if (!active || !row) return null;
  const l = row.entry;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__period">{lagLabel(l.lag)}</div>
      <div>
        {rText(l.r)} ({intervalText(l.ciLow, l.ciHigh)})
      </div>
      <div className="chart-tooltip__n" style={{ display: 'block' }}>
        {formatCount(l.n)} {pointNoun(level, true, l.n)}; smallest detectable r{' '}
        {formatR(l.minDetectableR)}; {formatCount(l.excluded)} suppressed and left out
      </div>
    </div>
  );
}

/**
 * "Which comes first?": r for customer k quarters after (k > 0) or before (k < 0) the employee
 * figure, each pooled over every valid quarter pair, with its 95% interval as a whisker.
 */
export function LagProfileChart({
  data,
  selectedLag,
}: {
  data: LagProfileOutput;
  selectedLag: number;
}) {
  const lags = [...data.lags].sort((a, b) => a.lag - b.lag);
  const rows: Row[] = lags
    .filter((l) => l.r !== null)
    .map((l) => ({
      lag: l.lag,
      r: l.r!,
      err: [l.ciLow === null ? 0 : l.r! - l.ciLow, l.ciHigh === null ? 0 : l.ciHigh - l.r!],
      entry: l,
    }));
  const bounds = lags.flatMap((l) => [l.ciLow, l.ciHigh, l.r]).filter((v) => v !== null);
  const lo = Math.min(-0.2, ...bounds.map((v) => Math.floor(v * 5) / 5));
  const hi = Math.max(0.4, ...bounds.map((v) => Math.ceil(v * 5) / 5));
  const ticks: number[] = [];
  for (let t = Math.round(lo * 10); t <= Math.round(hi * 10); t += 2) ticks.push(t / 10);

  return (
    <figure className="trend linkage-lag" data-testid="lag-profile">
      <figcaption className="trend__caption">
        <span className="trend__title">Which comes first?</span>
        <span className="trend__scale">
          r for each lag, all quarters pooled; whiskers: 95% interval. Right of 0: customers
          measured after employees.
        </span>
      </figcaption>
      <div className="trend__plot linkage-lag__plot">
        <ResponsiveContainer width="100%" height="100%" minHeight={140}>
          <ScatterChart margin={{ top: 12, right: 20, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis
              type="number"
              dataKey="lag"
              domain={[-2.5, 2.5]}
              ticks={[-2, -1, 0, 1, 2]}
              tickFormatter={(v: number) => lagTick(v)}
              tick={{ fill: INK_2 }}
              tickLine={false}
              axisLine={{ stroke: INK_3 }}
            />
            <YAxis
              type="number"
              dataKey="r"
              domain={[lo, hi]}
              ticks={ticks}
              allowDataOverflow
              tickFormatter={(v: number) => formatR(v)}
              tick={{ fill: INK_2 }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <ReferenceLine y={0} stroke={INK_3} strokeWidth={1.5} />
            <ReferenceLine
              x={selectedLag}
              stroke="#E3E7EC"
              strokeWidth={34}
              ifOverflow="hidden"
              zIndex={-50}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={false}
              content={(props) => (
                <LagTooltip
                  active={props.active}
                  row={props.payload?.[0]?.payload as Row | undefined}
                  level={data.level}
                />
              )}
            />
            <Scatter data={rows} fill={EMPLOYEE_COLOR} isAnimationActive={false}>
              <ErrorBar dataKey="err" direction="y" width={10} strokeWidth={2.5} stroke={INK_1} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ol className="linkage-lag__list">
        {lags.map((l) => (
          <li
            key={l.lag}
            data-testid="lag-profile-entry"
            data-lag={l.lag}
            className={l.lag === selectedLag ? 'linkage-lag__item--selected' : undefined}
          >
            <span className="linkage-lag__r">
              <span className="linkage-lag__lag">{lagTick(l.lag)}:</span> {rText(l.r)}
            </span>
            <span className="linkage-lag__ci">
              {l.ciLow === null || l.ciHigh === null
                ? 'no interval'
                : `${formatR(l.ciLow)} to ${formatR(l.ciHigh)}`}
            </span>
            <span className="linkage-lag__n">n = {formatCount(l.n)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
