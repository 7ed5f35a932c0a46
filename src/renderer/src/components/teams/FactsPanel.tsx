import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { METRICS } from '../../../../shared/metrics';
import { formatCount, formatMetricValue } from '../../format/formatMetric';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';
import { formatCalls, formatShare, placeWords, type WorkspaceHas } from './format';

type Page = DrilldownOutput;

/** The linkage sentence: the unit against the company, or the company's own figures. */
export function linkageSentence(data: Page, isCompany: boolean): string | null {
  const place = data.linkage.point;
  if (place.status !== 'ok' || place.x === null || place.y === null) return null;
  const lagWords =
    data.linkage.lag === 0
      ? 'the same quarter'
      : data.linkage.lag === 1
        ? `one quarter later (${data.linkage.customerPeriod})`
        : `in ${data.linkage.customerPeriod}`;
  const figures = `Engagement ${formatMetricValue('engagement_index', place.x)} in ${data.linkage.employeePeriod}, customer NPS ${formatMetricValue('nps', place.y)} ${lagWords}`;
  // The company's own page: it is where the chart is split, not a point compared with itself.
  if (isCompany) return `${figures}: the company's own figures, where the linkage chart is split.`;
  const words = placeWords(place);
  if (!words) return `${figures}.`;
  if (words.startsWith('at company level'))
    return `${figures}: at company level (the same figures as the company's).`;
  return `${figures}: ${words} (company ${formatMetricValue('engagement_index', place.companyX)}, ${formatMetricValue('nps', place.companyY)}).`;
}

/** HR figures, why customers call, and where the unit sits on the linkage chart. */
export function FactsPanel({
  data,
  isCompany,
  has,
}: {
  data: Page;
  isCompany: boolean;
  has: WorkspaceHas;
}) {
  const place = data.linkage.point;
  const sentence = linkageSentence(data, isCompany);
  return (
    <section className="panel facts" aria-label="HR, calls and customers" data-testid="facts-panel">
      <div className="facts__block" data-testid="facts-hr">
        <h2 className="panel__title">HR records</h2>
        {data.headcount === null ? (
          <NoData
            reason={
              has.hr
                ? 'No HR headcount for this unit and period.'
                : 'This workspace holds no HR records yet.'
            }
            action={has.hr ? undefined : 'HR records'}
          />
        ) : (
          <dl className="facts__list">
            {data.hr.map((v) => (
              <div key={v.metric} data-status={v.status} data-metric={v.metric}>
                <dt>{METRICS[v.metric].label}</dt>
                <dd>
                  {v.status === 'ok' ? (
                    formatMetricValue(v.metric, v.value)
                  ) : v.status === 'suppressed' ? (
                    <Suppressed reason={v.reason} />
                  ) : (
                    <NoData reason={v.reason} />
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
          <NoData
            reason={
              has.contactCentre
                ? `No contact-centre queue is mapped here, or it took no calls in ${data.period}.`
                : 'This workspace holds no contact-centre interactions yet.'
            }
            action={has.contactCentre ? undefined : 'contact-centre interactions'}
          />
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
        {sentence ? (
          <p data-testid="facts-linkage-sentence">{sentence}</p>
        ) : place.status === 'suppressed' ? (
          <Suppressed reason={place.reason} />
        ) : (
          <NoData
            reason={place.reason ?? 'Not on the chart for this quarter.'}
            action={
              !has.survey ? 'survey responses' : !has.customer ? 'customer feedback' : undefined
            }
          />
        )}
      </div>
    </section>
  );
}
