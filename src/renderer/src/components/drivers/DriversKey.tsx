import { DRIVER_QUADRANTS, type DriversOutput } from '../../../../shared/analytics/drivers';
import { formatCount } from '../../format/formatMetric';
import { analysisNText, KIND_LABELS, levelPlural, QUADRANT_LABELS } from './format';
import { shapePath } from './layout';

/** The quadrants' shapes, names and counts, and what the analysis ran on. */
export function DriversKey({ data, unitName }: { data: DriversOutput; unitName: string }) {
  const kind = KIND_LABELS[data.by];
  const excluded = data.excludedUnits;
  return (
    <div className="drivers-key">
      <ul className="drivers-key__list" aria-label="Quadrants">
        {DRIVER_QUADRANTS.map((q) => (
          <li key={q} className="drivers-key__item" data-quadrant={q}>
            <svg width="1.1em" height="1.1em" viewBox="-10 -10 20 20" aria-hidden="true">
              <path className={`drivers-mark drivers-mark--${q}`} d={shapePath(q, 0, 0, 7)} />
            </svg>
            <span>
              <strong>
                {QUADRANT_LABELS[q].name} ({formatCount(data.quadrants.counts[q])})
              </strong>
              <span className="drivers-key__hint">{QUADRANT_LABELS[q].hint}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="drivers-key__fact" data-testid="drivers-basis">
        {data.analysis === 'respondents'
          ? `Across ${analysisNText(data)} in ${unitName}, ${data.period}.`
          : `Across ${analysisNText(data)} in ${unitName}: employees ${data.period}, customers ${data.customerPeriod ?? ''}.`}
        {excluded.total > 0 &&
          ` ${formatCount(excluded.total)} ${levelPlural(data.level, excluded.total)} left out (${excluded.reasons
            .map(
              (r) => `${formatCount(r.count)}: ${r.reason.replace(/^./, (c) => c.toLowerCase())}`,
            )
            .join('; ')}).`}
        {data.excludedDrivers.length > 0 &&
          ` Not analysed: ${data.excludedDrivers.map((d) => `${d.label} (${d.reason})`).join('; ')}.`}
      </p>
      <p className="drivers-key__fact">
        r shows which {kind.many} move together with the outcome, not what causes what.
      </p>
    </div>
  );
}
