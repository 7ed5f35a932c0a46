import type { MethodOutput } from '../../../shared/contract';
import { METRICS } from '../../../shared/metrics';
import type { Tile } from '../components/MetricTile';
import { TileGroup } from '../components/TileGroup';
import { defaultPeriod } from '../state/periods';
import { PeriodPicker } from '../components/PeriodPicker';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { TrendCharts } from '../components/TrendCharts';
import { UnitPicker } from '../components/UnitPicker';
import { useQuery } from '../hooks/useQuery';
import { useSelection } from '../state/useSelection';

type Overview = MethodOutput<'overview'>;

/** A second row's tiles are shown only when the workspace holds that kind of data at all. */
const hasAnyData = (tiles: Tile[]) => tiles.some((t) => t.status !== 'no_data');

function TileRow({
  titles,
  employee,
  customer,
}: {
  titles: [string, string];
  employee: Tile[];
  customer: Tile[];
}) {
  if (employee.length + customer.length === 0) return null;
  return (
    <div
      className="tiles"
      style={{
        gridTemplateColumns: `${Math.max(employee.length, 1)}fr ${Math.max(customer.length, 1)}fr`,
      }}
    >
      <TileGroup title={titles[0]} side="employee" tiles={employee} />
      <TileGroup title={titles[1]} side="customer" tiles={customer} />
    </div>
  );
}

function OverviewBody({ data }: { data: Overview }) {
  const headline = (t: Tile) =>
    ['survey', 'customer'].includes(METRICS[t.metric].source) && t.metric !== 'ces';
  const employee = data.tiles.filter((t) => headline(t) && METRICS[t.metric].side === 'employee');
  const customer = data.tiles.filter((t) => headline(t) && METRICS[t.metric].side === 'customer');
  const hr = data.tiles.filter((t) => METRICS[t.metric].source === 'hr');
  const operations = data.tiles.filter(
    (t) => t.metric === 'ces' || METRICS[t.metric].source === 'contact_centre',
  );
  return (
    <>
      <TileRow titles={['Employees', 'Customers']} employee={employee} customer={customer} />
      <TileRow
        titles={['HR records', 'Customer effort and contact centre']}
        employee={hasAnyData(hr) ? hr : []}
        customer={hasAnyData(operations) ? operations : []}
      />
      <TrendCharts
        trend={data.trend}
        reorgs={data.reorgs}
        selected={data.period}
        footnote={`Employee figures for groups under ${data.minGroupSize} people are suppressed. Hover a figure for its formula.`}
      />
    </>
  );
}

export function OverviewView() {
  const [location, onSelect] = useSelection();
  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known = location.period !== undefined && periods.some((p) => p.id === location.period);
  const period = info.fresh ? (known ? location.period : defaultPeriod(periods)) : undefined;

  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  // The tree on screen may be the previous period's for a moment (no flashing while it loads);
  // decisions about the selected unit wait for this period's tree.
  const units = hierarchy.data?.units ?? [];
  const root = units.find((u) => u.parentId === null) ?? units[0];
  const unitKnown =
    hierarchy.fresh && location.unit !== undefined && units.some((u) => u.id === location.unit);
  // Wait for the period's tree before asking for a unit, so a unit that does not exist in this
  // period's organisation (after a reorg) falls back to the whole company instead of failing.
  const waitForTree = location.unit !== undefined && !hierarchy.fresh;
  const unitId = unitKnown && location.unit !== root?.id ? location.unit : undefined;
  const overview = useQuery(
    'overview',
    period && !waitForTree ? (unitId ? { period, unitId } : { period }) : null,
  );

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;
  if (!period) {
    return (
      <EmptyPanel title="This workspace holds no survey or customer data yet.">
        An analyst loads the quarterly exports first; the overview appears as soon as one period is
        loaded.
      </EmptyPanel>
    );
  }

  const data = overview.data;
  const company = root?.name;
  const missingUnit =
    location.unit !== undefined && hierarchy.fresh && !hierarchy.error && !unitKnown;

  return (
    <div className="view view--overview" aria-busy={overview.loading}>
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company" data-testid="company-name">
            {company ?? '\u00a0'}
          </h1>
          <p className="view-header__sub" data-testid="overview-subtitle">
            {data ? (
              <>
                {data.unit.id === root?.id
                  ? 'Whole company'
                  : `${data.unit.name} · ${data.unit.level}`}
                <span className="dot-sep" aria-hidden="true">
                  ·
                </span>
                {data.period}
              </>
            ) : (
              '\u00a0'
            )}
            {overview.loading && data && <span className="updating">Updating…</span>}
          </p>
        </div>
        <div className="view-header__pickers">
          <PeriodPicker
            periods={periods}
            value={period}
            onChange={(p) => onSelect({ period: p })}
          />
          <UnitPicker
            units={units}
            value={
              location.unit && units.some((u) => u.id === location.unit)
                ? location.unit
                : (root?.id ?? '')
            }
            disabled={units.length === 0}
            onChange={(id) => onSelect({ unit: id === root?.id ? undefined : id })}
          />
        </div>
      </div>

      {hierarchy.error && (
        <ErrorPanel
          title="Could not load the organisation"
          error={hierarchy.error}
          onRetry={hierarchy.reload}
        />
      )}
      {missingUnit && (
        <p className="notice" role="status" data-testid="unit-missing">
          The selected unit is not part of the {period} organisation; showing the whole company.
        </p>
      )}

      {overview.error ? (
        <ErrorPanel
          title="Could not load the overview"
          error={overview.error}
          onRetry={overview.reload}
        />
      ) : data ? (
        <div className={`overview-body${overview.loading ? ' stale' : ''}`}>
          <OverviewBody data={data} />
        </div>
      ) : (
        <Loading label="Loading the overview…" />
      )}
    </div>
  );
}
