import { useState } from 'react';
import type { DrilldownOutput, DrilldownScope } from '../../../shared/analytics/drilldown';
import { METRICS } from '../../../shared/metrics';
import type { Tile } from '../components/MetricTile';
import { TileGroup } from '../components/TileGroup';
import { PeriodPicker } from '../components/PeriodPicker';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { DirectReports } from '../components/teams/DirectReports';
import { FactsPanel } from '../components/teams/FactsPanel';
import { formatAgreement, formatSmallTeam } from '../components/teams/format';
import { ItemsPanel } from '../components/teams/ItemsPanel';
import '../components/teams/teams.css';
import { ValuesProfile } from '../components/teams/ValuesProfile';
import { TrendCharts } from '../components/TrendCharts';
import { UnitPicker } from '../components/UnitPicker';
import { Breadcrumb } from '../components/values/Breadcrumb';
import { useQuery } from '../hooks/useQuery';
import { useSelection } from '../state/useSelection';
import { defaultPeriod } from '../state/periods';

const asTile = (v: DrilldownOutput['headline'][number]): Tile => ({
  ...v,
  label: METRICS[v.metric].label,
  formula: METRICS[v.metric].formula,
});

function Headline({ data }: { data: DrilldownOutput }) {
  const employee = data.headline.filter((v) => METRICS[v.metric].side === 'employee');
  const customer = data.headline.filter((v) => METRICS[v.metric].side === 'customer');
  const weighted = formatSmallTeam(data.smallTeam);
  const agreement = formatAgreement(data.smallTeam);
  return (
    <div
      className="tiles"
      style={{ gridTemplateColumns: `${employee.length}fr ${Math.max(customer.length, 1)}fr` }}
    >
      <TileGroup title="Employees" side="employee" tiles={employee.map(asTile)}>
        {(weighted || agreement) && (
          <p
            className="teams__small-team"
            data-testid="small-team"
            title={data.smallTeam.note ?? ''}
          >
            {weighted}
            {weighted && agreement ? ' · ' : ''}
            {agreement}
          </p>
        )}
      </TileGroup>
      <TileGroup title="Customers" side="customer" tiles={customer.map(asTile)} />
    </div>
  );
}

/**
 * One unit's page, from the company down to a team: headline figures with the small-team view,
 * its values against parent and company, strongest and weakest items, HR records, why customers
 * call, its place on the linkage chart, its direct reports (ranked on the weighted figure, each
 * opening its own page) and trends. The period and unit are the app-wide selection.
 */
export function TeamsView() {
  const [location, onSelect] = useSelection();
  const [scope, setScope] = useState<DrilldownScope>('rollup');
  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known = location.period !== undefined && periods.some((p) => p.id === location.period);
  const period = info.fresh
    ? known
      ? location.period
      : defaultPeriod(periods, 'survey')
    : undefined;
  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  const units = hierarchy.data?.units ?? [];
  const root = units.find((u) => u.parentId === null);
  const unitKnown =
    hierarchy.fresh && location.unit !== undefined && units.some((u) => u.id === location.unit);
  const unitId = unitKnown ? location.unit : root?.id;
  const page = useQuery(
    'drilldown',
    period && unitId && hierarchy.fresh ? { unitId, period, scope } : null,
  );

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;
  if (!period) {
    return (
      <EmptyPanel title="This workspace holds no survey or customer data yet.">
        A team's page appears as soon as one period is loaded.
      </EmptyPanel>
    );
  }
  const data = page.data;
  const open = (id: string) => onSelect({ unit: id === root?.id ? undefined : id });
  const parent = data && data.breadcrumbs.length > 1 ? data.breadcrumbs.at(-2)! : null;

  return (
    <div className="view view--teams" aria-busy={page.loading}>
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company" data-testid="team-name">
            {data?.unit.name ?? '\u00a0'}
          </h1>
          {data && (
            <Breadcrumb
              trail={data.breadcrumbs.map((b) => ({ id: b.id, name: b.name }))}
              onGo={open}
            />
          )}
          {page.loading && data && <span className="updating">Updating…</span>}
        </div>
        <div className="view-header__pickers">
          <PeriodPicker
            periods={periods}
            value={period}
            onChange={(p) => onSelect({ period: p })}
          />
          <UnitPicker
            units={units}
            value={unitId ?? ''}
            disabled={units.length === 0}
            onChange={(id) => onSelect({ unit: id === root?.id ? undefined : id })}
          />
          <label className="picker">
            <span className="picker__label">People</span>
            <select
              className="picker__select"
              data-testid="scope-picker"
              value={scope}
              onChange={(e) => setScope(e.target.value as DrilldownScope)}
            >
              <option value="rollup">Everyone below (roll-up)</option>
              <option value="direct">Own people and direct reports only</option>
            </select>
          </label>
        </div>
      </div>
      {page.error && !data && (
        <ErrorPanel title="Could not load this unit" error={page.error} onRetry={page.reload} />
      )}
      {!data && !page.error && <Loading label="Loading the unit…" />}
      {data && (
        <>
          <Headline data={data} />
          <div className="teams__grid">
            <ValuesProfile
              values={data.values}
              unitName={data.unit.name}
              parentName={parent?.name ?? null}
              isCompany={data.breadcrumbs.length === 1}
            />
            <ItemsPanel items={data.items} />
          </div>
          <div className="teams__grid">
            <DirectReports children={data.children} ranking={data.childrenRanking} onOpen={open} />
            <FactsPanel data={data} />
          </div>
          <TrendCharts
            trend={data.trends}
            reorgs={data.trends
              .filter((t) => t.reorg)
              .map((t) => ({ period: t.period, note: t.reorg! }))}
            selected={data.period}
            footnote={`Employee figures for groups under ${data.minGroupSize} people are suppressed. Hover a figure for its formula.`}
          />
        </>
      )}
    </div>
  );
}
