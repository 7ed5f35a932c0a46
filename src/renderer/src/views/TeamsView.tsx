import type { DrilldownOutput, DrilldownScope } from '../../../shared/analytics/drilldown';
import type { MethodOutput } from '../../../shared/contract';
import { METRICS } from '../../../shared/metrics';
import type { Tile } from '../components/MetricTile';
import { NoData } from '../components/NoData';
import { PeriodPicker } from '../components/PeriodPicker';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { DirectReports } from '../components/teams/DirectReports';
import { FactsPanel } from '../components/teams/FactsPanel';
import {
  formatAgreement,
  formatSmallTeam,
  workspaceHas,
  type WorkspaceHas,
} from '../components/teams/format';
import { ItemsPanel } from '../components/teams/ItemsPanel';
import '../components/teams/teams.css';
import { ValuesProfile } from '../components/teams/ValuesProfile';
import { TileGroup } from '../components/TileGroup';
import { TrendCharts } from '../components/TrendCharts';
import { UnitPicker } from '../components/UnitPicker';
import { Breadcrumb } from '../components/values/Breadcrumb';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { defaultPeriod } from '../state/periods';
import { useSelection } from '../state/useSelection';

const asTile = (v: DrilldownOutput['headline'][number]): Tile => ({
  ...v,
  label: METRICS[v.metric].label,
  formula: METRICS[v.metric].formula,
});

function Headline({ data, has }: { data: DrilldownOutput; has: WorkspaceHas }) {
  const employee = data.headline.filter((v) => METRICS[v.metric].side === 'employee');
  const customer = data.headline.filter((v) => METRICS[v.metric].side === 'customer');
  const weighted = formatSmallTeam(data.smallTeam);
  const agreement = formatAgreement(data.smallTeam);
  // A side the workspace has no data for at all says what to import, once, instead of a row of
  // empty tiles.
  const missing = (side: 'employee' | 'customer') =>
    side === 'employee' ? !has.survey : !has.customer;
  return (
    <div
      className="tiles"
      style={{ gridTemplateColumns: `${employee.length}fr ${Math.max(customer.length, 1)}fr` }}
    >
      {missing('employee') ? (
        <section className="tile-group tile-group--employee" aria-label="Employees">
          <h2 className="tile-group__title">Employees</h2>
          <NoData
            size="block"
            testId="teams-no-survey"
            reason="This workspace holds no employee survey responses yet."
            action="survey responses"
          />
        </section>
      ) : (
        <TileGroup title="Employees" side="employee" tiles={employee.map(asTile)}>
          {(weighted || agreement) && (
            <p className="teams__small-team" data-testid="small-team">
              {weighted}
              {weighted && agreement ? ' · ' : ''}
              {agreement}
            </p>
          )}
        </TileGroup>
      )}
      {missing('customer') ? (
        <section className="tile-group tile-group--customer" aria-label="Customers">
          <h2 className="tile-group__title">Customers</h2>
          <NoData
            size="block"
            testId="teams-no-customer"
            reason="This workspace holds no customer feedback yet."
            action="customer feedback"
          />
        </section>
      ) : (
        <TileGroup title="Customers" side="customer" tiles={customer.map(asTile)} />
      )}
    </div>
  );
}

/** Trends need two quarters with data; with fewer, say so instead of drawing a lone dot. */
function Trends({ data }: { data: DrilldownOutput }) {
  const withData = data.trends.filter((t) => t.values.some((v) => v.status === 'ok'));
  if (withData.length < 2) {
    return (
      <NoData
        size="block"
        testId="teams-no-trend"
        reason={
          withData.length === 0
            ? 'No quarter has figures for this unit yet, so there is no trend to draw.'
            : `Only ${withData[0]!.period} has figures so far: trends appear once a second quarter is imported.`
        }
        action="another quarter's data"
      />
    );
  }
  return (
    <TrendCharts
      trend={data.trends}
      reorgs={data.trends.filter((t) => t.reorg).map((t) => ({ period: t.period, note: t.reorg! }))}
      selected={data.period}
      footnote={`Employee figures for groups under ${data.minGroupSize} people are suppressed. Hover a figure for its formula.`}
    />
  );
}

type Info = MethodOutput<'info'>;

/**
 * One unit's page, from the company down to a team: headline figures with the small-team view,
 * its values against parent and company, strongest and weakest items, HR records, why customers
 * call, its place on the linkage chart, its direct reports (ranked on the weighted figure, each
 * opening its own page) and trends. Period, unit and scope are the app-wide selection. While a
 * new period, unit or scope is on its way the page says "Updating…" and greys the figures it
 * still shows, so the previous period's numbers never pass for the new one's.
 */
export function TeamsView() {
  const [selection, select] = useSelection();
  const scope: DrilldownScope = selection.scope;
  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known = selection.period !== undefined && periods.some((p) => p.id === selection.period);
  const period = info.data
    ? known
      ? selection.period
      : defaultPeriod(periods, 'survey')
    : undefined;
  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  const units = hierarchy.data?.period === period ? (hierarchy.data?.units ?? []) : [];
  const root = units.find((u) => u.parentId === null);
  const unitKnown = selection.unit !== undefined && units.some((u) => u.id === selection.unit);
  const unitId = unitKnown ? selection.unit : root?.id;
  const page = useQuery('drilldown', period && unitId ? { unitId, period, scope } : null);
  const data = page.data;
  // The page shows the answer for what is asked only; anything else is the previous answer,
  // kept on screen (greyed, marked) until the new one arrives.
  const current =
    data !== undefined &&
    data.period === period &&
    data.unit.id === unitId &&
    data.scope === scope &&
    page.fresh;
  const updating = data !== undefined && !current;
  useDocumentTitle('Teams', current ? data.unit.name : undefined, period);

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;
  const has = workspaceHas(info.data as Info);
  if (!period) {
    return (
      <div className="view view--teams">
        <EmptyPanel
          title="No survey or customer data yet"
          action="survey responses or customer feedback"
        >
          A team's page appears as soon as one quarter is imported.
        </EmptyPanel>
      </div>
    );
  }
  const open = (id: string) => select({ unit: id === root?.id ? undefined : id });
  const isCompany = data ? data.breadcrumbs.length === 1 : false;
  const parent = data && data.breadcrumbs.length > 1 ? data.breadcrumbs.at(-2)! : null;

  return (
    <div
      className={`view view--teams${updating ? ' view--updating' : ''}`}
      aria-busy={updating || (!data && !page.error)}
      data-testid="teams-view"
    >
      <div className="view-header teams__header">
        <div className="view-header__titles">
          <h1 className="view-header__company" data-testid="team-name">
            {data?.unit.name ?? '\u00a0'}
          </h1>
          <div className="teams__trail">
            {data && !isCompany && (
              <Breadcrumb
                trail={data.breadcrumbs.map((b) => ({ id: b.id, name: b.name }))}
                onGo={open}
              />
            )}
            {data && isCompany && <span className="teams__whole">The whole company</span>}
            {updating && (
              <span className="updating" role="status" data-testid="teams-updating">
                <span className="spinner spinner--small" aria-hidden="true" /> Updating…
              </span>
            )}
          </div>
        </div>
        <div className="view-header__pickers">
          <PeriodPicker periods={periods} value={period} onChange={(p) => select({ period: p })} />
          <UnitPicker
            units={units}
            value={unitId ?? ''}
            disabled={units.length === 0}
            onChange={(id) => select({ unit: id === root?.id ? undefined : id })}
          />
          <label className="picker">
            <span className="picker__label">People</span>
            <select
              className="picker__select teams__scope"
              data-testid="scope-picker"
              value={scope}
              onChange={(e) => select({ scope: e.target.value as DrilldownScope })}
            >
              <option value="rollup">Everyone below</option>
              <option value="direct">Own and direct reports</option>
            </select>
          </label>
        </div>
      </div>
      {page.error && !data && (
        <ErrorPanel title="Could not load this unit" error={page.error} onRetry={page.reload} />
      )}
      {!data && !page.error && <Loading label="Loading the unit’s page…" />}
      {data && (
        <div className="teams__body" data-testid="teams-body" data-stale={updating || undefined}>
          <Headline data={data} has={has} />
          <div className="teams__grid">
            <ValuesProfile
              values={data.values}
              unitName={data.unit.name}
              parentName={parent && parent.id !== root?.id ? parent.name : null}
              companyName={root?.name ?? data.breadcrumbs[0]!.name}
              isCompany={isCompany}
              hasSurvey={has.survey}
            />
            <ItemsPanel items={data.items} hasSurvey={has.survey} />
          </div>
          <div className="teams__grid">
            <DirectReports children={data.children} ranking={data.childrenRanking} onOpen={open} />
            <FactsPanel data={data} isCompany={isCompany} has={has} />
          </div>
          <Trends data={data} />
        </div>
      )}
    </div>
  );
}
