import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { formatCount, formatMetricValue } from '../../format/formatMetric';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';

type Child = DrilldownOutput['children'][number];

/** Children shown first in rank order (weighted engagement), then those without a figure. */
export function orderedChildren(children: Child[]): Child[] {
  const ranked = children.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const rest = children.filter((c) => c.rank === null).sort((a, b) => a.name.localeCompare(b.name));
  return [...ranked, ...rest];
}

/** The units reporting to this one, ranked on the credibility-weighted engagement index. */
export function DirectReports({
  children,
  ranking,
  onOpen,
}: {
  children: Child[];
  ranking: string;
  onOpen: (unitId: string) => void;
}) {
  if (children.length === 0) return null;
  return (
    <section className="panel reports" aria-label="Direct reports" data-testid="direct-reports">
      <h2 className="panel__title">Direct reports</h2>
      <table className="reports__table">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Unit</th>
            <th scope="col">Respondents</th>
            <th scope="col">Engagement</th>
            <th scope="col">Weighted</th>
          </tr>
        </thead>
        <tbody>
          {orderedChildren(children).map((c) => (
            <tr key={c.id} data-testid="report-row" data-unit={c.id} data-status={c.status}>
              <td className="reports__rank">{c.rank ?? ''}</td>
              <th scope="row">
                <button type="button" className="reports__open" onClick={() => onOpen(c.id)}>
                  {c.name}
                </button>
                <span className="reports__level">{c.level}</span>
              </th>
              {c.status === 'ok' ? (
                <>
                  <td>{formatCount(c.respondents ?? 0)}</td>
                  <td>
                    {c.engagement.status === 'ok' ? (
                      formatMetricValue('engagement_index', c.engagement.value)
                    ) : c.engagement.status === 'suppressed' ? (
                      <Suppressed reason={c.engagement.reason} />
                    ) : (
                      <NoData reason={c.engagement.reason} />
                    )}
                  </td>
                  <td className="reports__weighted">
                    {c.shrunkEngagement === null
                      ? ''
                      : formatMetricValue('engagement_index', c.shrunkEngagement)}
                  </td>
                </>
              ) : (
                <td colSpan={3} className={`reports__hidden reports__hidden--${c.status}`}>
                  {c.status === 'suppressed' ? (
                    <Suppressed reason={c.reason} />
                  ) : (
                    <NoData reason={c.reason} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel__note" data-testid="reports-ranking">
        {ranking}
      </p>
    </section>
  );
}
