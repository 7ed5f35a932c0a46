import type { DrilldownOutput } from '../../../../shared/analytics/drilldown';
import { formatCount, formatMetricValue } from '../../format/formatMetric';
import { NoData } from '../NoData';
import { Suppressed } from '../Suppressed';

type Items = DrilldownOutput['items'];

function List({
  title,
  items,
  testId,
}: {
  title: string;
  items: Items['strongest'];
  testId: string;
}) {
  return (
    <div className="items__list" data-testid={testId}>
      <h3 className="items__heading">{title}</h3>
      <ol>
        {items.map((i) => (
          <li key={i.itemId} data-item={i.itemId}>
            <span className="items__pct">
              {formatMetricValue('pct_favourable', i.pctFavourable)}
            </span>
            <span className="items__text">{i.text}</span>
            <span className="items__n">n = {formatCount(i.n)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The unit's strongest and weakest survey items, or why they are not shown. */
export function ItemsPanel({ items, hasSurvey }: { items: Items; hasSurvey: boolean }) {
  return (
    <section
      className="panel items"
      aria-label="Strongest and weakest items"
      data-testid="items-panel"
      data-status={items.status}
    >
      <h2 className="panel__title">Strongest and weakest items</h2>
      {items.status === 'ok' ? (
        <div className="items__columns">
          <List title="Strongest" items={items.strongest} testId="items-strongest" />
          <List title="Weakest" items={items.weakest} testId="items-weakest" />
        </div>
      ) : items.status === 'suppressed' ? (
        <Suppressed size="block" reason={items.reason} />
      ) : (
        <NoData
          size="block"
          reason={
            hasSurvey ? items.reason : 'This workspace holds no employee survey responses yet.'
          }
          action={hasSurvey ? undefined : 'survey responses'}
        />
      )}
    </section>
  );
}
