import { memo } from 'react';
import type { LagProfileOutput } from '../../../../shared/analytics/linkage';
import { formatCount } from '../../format/formatMetric';
import { select } from '../../state/useSelection';
import { formatR, lagLabel, lagTick, rText } from './formatLinkage';

/**
 * "Which comes first?": r at each lag -2..+2 (the engine's lag profile), each a button that
 * moves the lag. Right of 0: customers measured after employees.
 */
export const LagStrip = memo(function LagStrip({
  profile,
  selectedLag,
}: {
  profile: LagProfileOutput;
  selectedLag: number;
}) {
  const lags = [...profile.lags].sort((a, b) => a.lag - b.lag);
  return (
    <section className="linkage-lags" data-testid="lag-profile" aria-label="Which comes first">
      <p className="linkage-lags__title">
        Which comes first? <span>r by lag (+: customers later)</span>
      </p>
      <ol className="linkage-lags__list">
        {lags.map((l) => {
          const clear = l.ciLow !== null && l.ciHigh !== null && (l.ciLow > 0 || l.ciHigh < 0);
          return (
            <li key={l.lag} data-testid="lag-profile-entry" data-lag={l.lag}>
              <button
                type="button"
                className="linkage-lags__lag"
                aria-pressed={l.lag === selectedLag}
                title={`${lagLabel(l.lag)}: ${rText(l.r)}, 95% interval ${formatR(l.ciLow)} to ${formatR(l.ciHigh)}, n = ${formatCount(l.n)}`}
                onClick={() => select({ lag: l.lag })}
              >
                <span className="linkage-lags__k">{lagTick(l.lag)}</span>
                <span className={`linkage-lags__r${clear ? '' : ' linkage-lags__r--unclear'}`}>
                  {rText(l.r)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
