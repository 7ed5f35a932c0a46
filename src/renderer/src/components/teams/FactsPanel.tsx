import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { METRICS } from '../../../../shared/metrics';
import { formatCount, formatMetricValue } from '../../format/formatMetric';
import { formatCalls, formatShare, QUADRANT_WORDS } from './format';

type Page = DrilldownOutput;

/** HR figures, why customers call, and where the unit sits on the linkage chart. */
export function FactsPanel({ data }: { data: Page }) {
  const place = data.linkage.point;
  const lagWords = data.linkage.lag === 1 ? 'one quarter later' : 'the same quarter';
  return (
    <section className="panel facts" aria-label="HR, calls and customers" data-testid="facts-panel">
      <div className="facts__block" data-testid="facts-hr">
        <h2 className="panel__title">HR records</h2>
        {data.headcount === null ? (
          <p className="panel__empty">No HR figures: no HR headcount for this unit and period.</p>
        ) : (
          <dl className="facts__list">
            {data.hr.map((v) => (
              <div key={v.metric} title={METRICS[v.metric].formula} data-status={v.status}>
                <dt>{METRICS[v.metric].label}</dt>
                <dd>
                  {v.status === 'ok' ? (
                    formatMetricValue(v.metric, v.value)
                  ) : (
                    <span className="facts__hidden" title={v.reason ?? undefined}>
                      {v.status === 'suppressed' ? 'Suppressed' : 'No data'}
                    </span>
                  )}
                </dd>
              </div>
            ))}
            <div>
              <dt>Headcount</dt>
              <dd>{formatCount(data.headcount)}</dd>
            </div>
          </dl>
        )}
      </div>
      <div className="facts__block" data-testid="facts-ivr">
        <h2 className="panel__title">Why customers called</h2>
        {data.ivrMix.interactions === 0 ? (
          <p className="panel__empty">No contact-centre queue is mapped here.</p>
        ) : (
          <ol className="facts__ivr">
            {data.ivrMix.reasons.slice(0, 5).map((r) => (
              <li key={r.reason}>
                <span className="facts__share">{formatShare(r.share)}</span> {r.reason}
              </li>
            ))}
            <li className="facts__total">
              {formatCalls(data.ivrMix.interactions)} in {data.period}
            </li>
          </ol>
        )}
      </div>
      <div className="facts__block" data-testid="facts-linkage">
        <h2 className="panel__title">On the linkage chart</h2>
        {place.status === 'ok' && place.quadrant ? (
          <p>
            Engagement {formatMetricValue('engagement_index', place.x)} in{' '}
            {data.linkage.employeePeriod}, customer NPS {formatMetricValue('nps', place.y)}{' '}
            {lagWords}: {QUADRANT_WORDS[place.quadrant]} (company{' '}
            {formatMetricValue('engagement_index', place.companyX)},{' '}
            {formatMetricValue('nps', place.companyY)}).
          </p>
        ) : (
          <p className="panel__empty">{place.reason ?? 'Not on the chart for this quarter.'}</p>
        )}
      </div>
    </section>
  );
}
