import { memo, useMemo } from 'react';
import type { Driver, DriversOutput } from '../../../../shared/analytics/drivers';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';
import {
  driverRanks,
  formatR,
  intervalText,
  KIND_LABELS,
  levelPlural,
  nText,
  performanceNText,
  performanceText,
  QUADRANT_LABELS,
  RANK_NOTE,
  weightText,
} from './format';
import { shapePath } from './layout';

/** "engagement" -> "Engagement", "value:Integrity" -> "Value: Integrity". */
const factorText = (factor: string) =>
  factor.replace(/^value:/, 'Value: ').replace(/^./, (c) => c.toUpperCase());

/** One scale for every row's interval bar, always including zero. */
function intervalDomain(drivers: Driver[]): [number, number] {
  const ends = drivers.flatMap((d) =>
    d.importance.status === 'ok' && d.importance.ciLow !== null && d.importance.ciHigh !== null
      ? [d.importance.ciLow, d.importance.ciHigh]
      : [],
  );
  const lo = Math.min(0, ...ends);
  const hi = Math.max(0, ...ends);
  return [
    Math.floor(lo * 10) / 10,
    Math.max(Math.ceil(hi * 10) / 10, Math.floor(lo * 10) / 10 + 0.1),
  ];
}

function IntervalBar({ driver, domain }: { driver: Driver; domain: [number, number] }) {
  const { r, ciLow, ciHigh } = driver.importance;
  if (r === null || ciLow === null || ciHigh === null) return null;
  const W = 100;
  const x = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * W;
  return (
    <svg
      className="drivers-bar"
      viewBox={`-4 0 ${W + 8} 16`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <line className="drivers-bar__track" x1={0} x2={W} y1={8} y2={8} />
      <line className="drivers-bar__zero" x1={x(0)} x2={x(0)} y1={1} y2={15} />
      <line className="drivers-bar__interval" x1={x(ciLow)} x2={x(ciHigh)} y1={8} y2={8} />
      <circle className="drivers-bar__r" cx={x(r)} cy={8} r={3.2} />
    </svg>
  );
}

function Figure({ status, reason }: { status: 'suppressed' | 'no_data'; reason: string | null }) {
  return status === 'suppressed' ? <Suppressed reason={reason} /> : <NoData reason={reason} />;
}

/** One driver's row; memoised so hovering a row redraws two rows, not the table. */
const DriverRow = memo(function DriverRow({
  d,
  rank,
  by,
  weights,
  domain,
  active,
  onActive,
}: {
  d: Driver;
  rank: string | undefined;
  by: DriversOutput['by'];
  weights: boolean;
  domain: [number, number];
  active: boolean;
  onActive: (id: string | null) => void;
}) {
  const imp = d.importance;
  return (
    <tr
      data-testid="drivers-row"
      data-driver={d.id}
      data-status={imp.status}
      data-rank={rank}
      data-quadrant={d.quadrant ?? undefined}
      className={active ? 'drivers-table__row--active' : undefined}
      onMouseEnter={() => onActive(d.id)}
      onMouseLeave={() => onActive(null)}
    >
      <td className="drivers-table__rank" data-testid="drivers-rank">
        {rank ?? ''}
      </td>
      <th scope="row" className="drivers-table__driver">
        <span className="drivers-table__label">{d.label}</span>
        <span className="drivers-table__factor">
          {d.quadrant ? (
            <span className="drivers-table__quadrant">
              <svg width="1em" height="1em" viewBox="-10 -10 20 20" aria-hidden="true">
                <path
                  className={`drivers-mark drivers-mark--${d.quadrant}`}
                  d={shapePath(d.quadrant, 0, 0, 7)}
                />
              </svg>
              {QUADRANT_LABELS[d.quadrant].name}
            </span>
          ) : (
            <span className="drivers-table__none">Not on the chart</span>
          )}
          {by === 'item' && (
            <>
              <span className="dot-sep" aria-hidden="true">
                {' · '}
              </span>
              {factorText(d.factor)}
            </>
          )}
        </span>
      </th>
      {imp.status === 'ok' ? (
        <>
          <td className="drivers-table__num drivers-table__r" data-testid="drivers-r">
            {formatR(imp.r)}
          </td>
          <td className="drivers-table__interval">
            <IntervalBar driver={d} domain={domain} />
            <span data-testid="drivers-interval">{intervalText(imp.ciLow, imp.ciHigh)}</span>
          </td>
          <td className="drivers-table__num" data-testid="drivers-n">
            {nText(imp.n)}
          </td>
        </>
      ) : (
        <td colSpan={3} className="drivers-table__withheld">
          <Figure status={imp.status} reason={imp.reason} />
        </td>
      )}
      <td className="drivers-table__num" data-testid="drivers-performance">
        {d.performance.status === 'ok' ? (
          <>
            <span className="drivers-table__perf">{performanceText(d.performance)}</span>
            <span className="drivers-table__n">{performanceNText(d.performance)}</span>
          </>
        ) : (
          <Figure status={d.performance.status} reason={d.performance.reason} />
        )}
      </td>
      {weights && (
        <td className="drivers-table__num" data-testid="drivers-weight">
          {weightText(d.relativeWeight)}
        </td>
      )}
    </tr>
  );
});

/**
 * Every driver with its importance (r, its 95% interval as a bar and in words, n), performance
 * (% favourable with its n), relative weight where computed and quadrant. Ranks are ties where
 * intervals overlap (see RANK_NOTE). Hovering or focusing a row marks its point on the chart.
 */
export function DriversTable({
  data,
  active,
  onActive,
}: {
  data: DriversOutput;
  active: string | null;
  onActive: (id: string | null) => void;
}) {
  const ranks = useMemo(() => driverRanks(data.drivers), [data.drivers]);
  const weights = data.importanceMethod.relativeWeights;
  const domain = useMemo(() => intervalDomain(data.drivers), [data.drivers]);
  const kind = KIND_LABELS[data.by];
  const across = data.analysis === 'respondents' ? 'respondents' : levelPlural(data.level);
  return (
    <section className="drivers-table-panel" aria-label={`${kind.title} and their figures`}>
      <table className="drivers-table" data-testid="drivers-table">
        <thead>
          <tr>
            <th scope="col" className="drivers-table__rank">
              Rank
            </th>
            <th scope="col" className="drivers-table__driver-col">
              {kind.title.replace(/s$/, '')}
            </th>
            <th
              scope="col"
              className="drivers-table__num drivers-table__r-col"
              title="Pearson r with the outcome"
            >
              r
            </th>
            <th
              scope="col"
              className="drivers-table__interval-col"
              title="The bar runs from its lowest to its highest end; the tick marks zero"
            >
              95% interval
            </th>
            <th scope="col" className="drivers-table__num drivers-table__n-col">
              n <span className="drivers-table__scale drivers-table__block">{across}</span>
            </th>
            <th scope="col" className="drivers-table__num drivers-table__perf-col">
              % favourable
            </th>
            {weights && (
              <th
                scope="col"
                className="drivers-table__num drivers-table__weight-col"
                title={data.importanceMethod.note}
              >
                Weight
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.drivers.map((d) => (
            <DriverRow
              key={d.id}
              d={d}
              rank={ranks.get(d.id)}
              by={data.by}
              weights={weights}
              domain={domain}
              active={d.id === active}
              onActive={onActive}
            />
          ))}
        </tbody>
      </table>
      <p className="drivers-note" data-testid="drivers-rank-note">
        {RANK_NOTE}
      </p>
      <p className="drivers-note">
        {weights
          ? `Weight: ${data.importanceMethod.note}`
          : `No weights: ${data.importanceMethod.note}`}
      </p>
    </section>
  );
}
