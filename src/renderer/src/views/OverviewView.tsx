import { useMemo } from 'react';
import type { DrilldownOutput } from '../../../shared/analytics/drilldown';
import type { LinkageInput } from '../../../shared/analytics/linkage';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { METRICS, type MetricId } from '../../../shared/metrics';
import { MetricTile, type Tile } from '../components/MetricTile';
import { NoData } from '../components/NoData';
import { changeSincePrevious, formatDelta, type Change } from '../components/overview/change';
import { linkHeadline } from '../components/overview/linkHeadline';
import { SecondaryFigures } from '../components/overview/SecondaryFigures';
import '../components/overview/overview.css';
import { PeriodPicker } from '../components/PeriodPicker';
import { Sparkline } from '../components/Sparkline';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { TileGroup } from '../components/TileGroup';
import { TrendCharts } from '../components/TrendCharts';
import { UnitPicker, type OrgUnit } from '../components/UnitPicker';
import {
  formatMetricValue,
  tileNText,
  tileReasonText,
  tileValueText,
} from '../format/formatMetric';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { defaultPeriod } from '../state/periods';
import type { Selection, UnitSet } from '../../../shared/selection';
import { hrefFor, useSelection } from '../state/useSelection';

type Overview = MethodOutput<'overview'>;
type SmallTeam = DrilldownOutput['smallTeam'];

/** The headline figures, in the order the room reads them. */
const HEADLINE_EMPLOYEE: MetricId[] = ['engagement_index', 'enps', 'pct_favourable'];
const HEADLINE_CUSTOMER: MetricId[] = ['nps', 'csat'];
/** Small print beside the group titles: how many answered. */
const PRINT_EMPLOYEE: MetricId[] = ['respondents', 'response_rate'];
const PRINT_CUSTOMER: MetricId[] = ['customer_responses'];
const PRINT_WORDS: Partial<Record<MetricId, string>> = {
  respondents: 'respondents',
  response_rate: 'response rate',
  customer_responses: 'customer responses',
};
/** Below this many respondents a unit's engagement index moves several points by chance alone. */
export const SMALL_GROUP_N = 20;

function ChangeLine({
  metric,
  change,
  short = false,
}: {
  metric: MetricId;
  change: Change;
  /** Just the arrow and the difference ("since" is for screen readers; the headline tiles say it). */
  short?: boolean;
}) {
  if (change.status === 'none') {
    if (short || !change.text) return null;
    return (
      <div className="ov-change ov-change--none" data-testid="tile-change" data-direction="none">
        No change shown: {change.text}
      </div>
    );
  }
  const better = METRICS[metric].higherIsBetter ? change.direction : flip(change.direction);
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '●';
  return (
    <div
      className={`ov-change ov-change--${better === 'up' ? 'good' : better === 'down' ? 'bad' : 'same'}`}
      data-testid="tile-change"
      data-direction={change.direction}
    >
      <span className="ov-change__arrow" aria-hidden="true">
        {arrow}
      </span>
      <span className="sr-only">
        {change.direction === 'up' ? 'Up' : change.direction === 'down' ? 'Down' : ''}
      </span>
      {short ? (
        <>
          {change.direction === 'same' ? '±0' : formatDelta(metric, change.delta)}
          <span className="sr-only"> since {change.since}</span>
        </>
      ) : (
        change.text
      )}
    </div>
  );
}

const flip = (d: 'up' | 'down' | 'same') => (d === 'up' ? 'down' : d === 'down' ? 'up' : d);

function sparkPoints(metric: MetricId, trend: Overview['trend']) {
  return [...trend]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => {
      const v = p.values.find((x) => x.metric === metric);
      return { period: p.period, value: v?.status === 'ok' ? v.value : null };
    });
}

function LeftOutNote({ data, metric }: { data: Overview; metric: MetricId }) {
  const out = data.set?.leftOut.find((l) => l.metric === metric)?.units ?? 0;
  if (!data.set || out === 0) return null;
  return (
    <div className="ov-left-out" data-testid="tile-left-out">
      {out} of {data.set.units.length} units hidden: left out
    </div>
  );
}

/** A small group: its credibility-weighted figure beside the raw one, and why. */
function smallGroup(s: SmallTeam | undefined): SmallTeam | undefined {
  return s && s.status === 'ok' && s.n !== null && s.n < SMALL_GROUP_N ? s : undefined;
}

function smallGroupLine(s: SmallTeam): string {
  const own = s.weight === null ? null : Math.round(s.weight * 100);
  const towards =
    own !== null && s.towards
      ? `weighted engagement is ${own}% its own, ${100 - own}% ${s.towards.name}'s, as small groups vary by chance`
      : 'small groups vary by chance, so read its figures with care';
  const agreement = s.agreement ? ` Agreement: ${s.agreement}.` : '';
  return `Only ${s.n} respondents: ${towards}.${agreement}`;
}

function HeadlineTile({
  tile,
  data,
  small,
}: {
  tile: Tile;
  data: Overview;
  small?: SmallTeam | undefined;
}) {
  const side = METRICS[tile.metric].side;
  const weighted =
    tile.metric === 'engagement_index' && tile.status === 'ok' && small?.shrunk != null
      ? small.shrunk
      : undefined;
  return (
    <MetricTile
      tile={tile}
      aside={
        <>
          {weighted !== undefined && (
            <span className="ov-weighted" data-testid="small-group-weighted">
              <span className="ov-weighted__word">weighted</span>
              <span className="ov-weighted__value">
                {formatMetricValue('engagement_index', weighted)}
              </span>
            </span>
          )}
          <Sparkline
            points={sparkPoints(tile.metric, data.trend)}
            selected={data.period}
            dashed={side === 'customer'}
            label={`${tile.label} by quarter; gaps where a quarter is suppressed or has no data`}
          />
        </>
      }
      note={<LeftOutNote data={data} metric={tile.metric} />}
    >
      <ChangeLine
        metric={tile.metric}
        change={changeSincePrevious(tile.metric, tile, data.period, data.trend)}
      />
    </MetricTile>
  );
}

/** "504 respondents · 71% response rate": the figures' n, with the formula on hover or focus. */
function SmallPrint({ tiles, data }: { tiles: Tile[]; data: Overview }) {
  if (tiles.length === 0) return null;
  return (
    <span className="ov-print">
      {tiles.map((t) => (
        <span
          key={t.metric}
          className={`ov-print__item ov-print__item--${t.status}`}
          data-testid={`tile-${t.metric}`}
          data-status={t.status}
          tabIndex={0}
        >
          {t.status === 'ok' ? (
            <>
              <span className="ov-print__value" data-testid="tile-value">
                {tileValueText(t)}
              </span>{' '}
              {PRINT_WORDS[t.metric] ?? t.label}
            </>
          ) : (
            <>
              {t.label}:{' '}
              <span className="ov-print__value" data-testid="tile-value">
                {tileValueText(t)}
              </span>
            </>
          )}
          <span className="tile__formula ov-print__card" role="tooltip">
            <span className="tile__formula-title">{t.label}</span>
            <span data-testid="tile-n">{tileNText(t)}</span>
            {t.status !== 'ok' && (
              <span className="ov-print__reason" data-testid="tile-reason">
                {tileReasonText(t)}
              </span>
            )}
            <LeftOutNote data={data} metric={t.metric} />
            <span className="ov-print__formula" data-testid="tile-formula">
              {t.formula}
            </span>
          </span>
        </span>
      ))}
    </span>
  );
}

function LinkSentence({
  selection,
  input,
}: {
  selection: Selection;
  input: (LinkageInput & { level: string }) | null;
}) {
  const link = useQuery('linkage', input);
  if (!input) return null;
  const href = hrefFor(selection, {
    view: 'linkage',
    level: input.level,
    employeeMetric: 'engagement_index',
    customerMetric: 'nps',
    lag: 1,
    linkPeriod: undefined,
  });
  const headline = link.data ? linkHeadline(link.data) : null;
  return (
    <section
      className={`ov-link${link.loading && link.data ? ' stale' : ''}`}
      aria-label="Employees and customers"
    >
      <p
        className={`ov-link__sentence ov-link__sentence--${headline?.kind ?? 'loading'}`}
        data-testid="overview-link-sentence"
        data-kind={headline?.kind ?? 'loading'}
        aria-live="polite"
      >
        {link.error ? (
          <NoData reason={`The link could not be worked out: ${link.error.message}`} />
        ) : headline ? (
          headline.text
        ) : (
          'Working out how engagement and customer NPS move together…'
        )}
      </p>
      <a className="ov-link__open" href={href} data-testid="overview-link-open">
        Open Linkage by {input.level} →
      </a>
    </section>
  );
}

/** The org level the link is told at: the selected unit's children (teams for the company). */
function linkLevel(
  units: OrgUnit[],
  unitId: string | undefined,
  set: UnitSet | undefined,
): string | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  const mostCommon = (levels: string[]) => {
    const counts = new Map<string, number>();
    for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  if (set) {
    return mostCommon(set.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!.level] : [])));
  }
  if (unitId) {
    const children = units.filter((u) => u.parentId === unitId).map((u) => u.level);
    return mostCommon(children) ?? byId.get(unitId)?.level;
  }
  if (units.some((u) => u.level === 'team')) return 'team';
  return mostCommon(units.filter((u) => u.parentId !== null).map((u) => u.level));
}

function OverviewBody({
  data,
  small,
  selection,
  link,
}: {
  data: Overview;
  small: SmallTeam | undefined;
  selection: Selection;
  link: (LinkageInput & { level: string }) | null;
}) {
  const pick = (ids: MetricId[]) => ids.flatMap((id) => data.tiles.filter((t) => t.metric === id));
  const hasAnyData = (tiles: Tile[]) => tiles.some((t) => t.status !== 'no_data');
  const employee = pick(HEADLINE_EMPLOYEE);
  const customer = pick(HEADLINE_CUSTOMER);
  const hr = data.tiles.filter((t) => METRICS[t.metric].source === 'hr');
  const operations = data.tiles.filter(
    (t) => t.metric === 'ces' || METRICS[t.metric].source === 'contact_centre',
  );
  const hrShown = hasAnyData(hr) ? hr : [];
  const opsShown = hasAnyData(operations) ? operations : [];
  const headline = (t: Tile) => <HeadlineTile key={t.metric} tile={t} data={data} small={small} />;
  const shortChange = (t: Tile) => (
    <ChangeLine
      metric={t.metric}
      short
      change={changeSincePrevious(t.metric, t, data.period, data.trend)}
    />
  );
  const leftOut = (t: Tile) => <LeftOutNote data={data} metric={t.metric} />;
  return (
    <>
      <div
        className="tiles ov-headline"
        style={{
          gridTemplateColumns: `${Math.max(employee.length, 1)}fr ${Math.max(customer.length, 1)}fr`,
        }}
      >
        <TileGroup
          title="Employees"
          side="employee"
          tiles={employee}
          renderTile={headline}
          aside={
            <>
              {small && (
                <span className="ov-badge" data-testid="small-group-badge">
                  Small group
                </span>
              )}
              <SmallPrint tiles={pick(PRINT_EMPLOYEE)} data={data} />
            </>
          }
        />
        <TileGroup
          title="Customers"
          side="customer"
          tiles={customer}
          renderTile={headline}
          aside={<SmallPrint tiles={pick(PRINT_CUSTOMER)} data={data} />}
        />
      </div>
      {small && (
        <p className="ov-small-note" data-testid="small-group-note">
          <strong>Small group.</strong> {smallGroupLine(small)}
        </p>
      )}
      <LinkSentence selection={selection} input={link} />
      {hrShown.length + opsShown.length > 0 && (
        <div className="ov-secondary">
          <SecondaryFigures
            title="Operations"
            tiles={opsShown}
            change={shortChange}
            note={leftOut}
          />
          <SecondaryFigures
            title="HR records"
            tiles={hrShown}
            change={shortChange}
            note={leftOut}
          />
        </div>
      )}
      <TrendCharts trend={data.trend} reorgs={data.reorgs} selected={data.period} gapNote={false} />
    </>
  );
}

export function OverviewView() {
  const [selection, select] = useSelection();
  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known = selection.period !== undefined && periods.some((p) => p.id === selection.period);
  const period = info.fresh ? (known ? selection.period : defaultPeriod(periods)) : undefined;

  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  // The tree on screen may be the previous period's for a moment (no flashing while it loads);
  // decisions about the selected unit wait for this period's tree.
  const units = useMemo(() => hierarchy.data?.units ?? [], [hierarchy.data]);
  const root = units.find((u) => u.parentId === null) ?? units[0];
  const unitKnown =
    hierarchy.fresh && selection.unit !== undefined && units.some((u) => u.id === selection.unit);
  // Wait for the period's tree before asking for a unit, so a unit that does not exist in this
  // period's organisation (after a reorg) falls back to the whole company instead of failing.
  const waitForTree = selection.unit !== undefined && !hierarchy.fresh;
  const unitId = unitKnown && selection.unit !== root?.id ? selection.unit : undefined;
  const set = selection.units;
  const input: MethodInput<'overview'> | null =
    !period || (waitForTree && !set)
      ? null
      : set
        ? { period, unitIds: set.ids }
        : unitId
          ? { period, unitId }
          : { period };
  const overview = useQuery('overview', input);
  const drill = useQuery(
    'drilldown',
    period && unitId && !set ? { unitId, period, scope: 'rollup' } : null,
  );
  const level = hierarchy.fresh ? linkLevel(units, unitId, set) : undefined;
  const link = useMemo(
    () =>
      level
        ? {
            employeeMetric: 'engagement_index' as const,
            customerMetric: 'nps' as const,
            lag: 1,
            level,
          }
        : null,
    [level],
  );

  const unitName = unitId ? units.find((u) => u.id === unitId)?.name : undefined;
  const titleUnit = set ? set.label : (unitName ?? 'Company');
  useDocumentTitle('Overview', titleUnit, period);

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
    selection.unit !== undefined && hierarchy.fresh && !hierarchy.error && !unitKnown;
  const small = drill.fresh && !set ? smallGroup(drill.data?.smallTeam) : undefined;
  const setCount = data?.set && overview.fresh ? data.set.units.length : set?.ids.length;

  return (
    <div className="view view--overview" aria-busy={overview.loading}>
      <div className={`view-header ov-header${set ? ' ov-header--set' : ''}`}>
        <div className="view-header__titles">
          <h1 className="view-header__company" data-testid="company-name">
            {company ?? '\u00a0'}
          </h1>
          <p className="view-header__sub" data-testid="overview-subtitle">
            {set ? (
              <span className="ov-set" data-testid="overview-set">
                <span className="ov-set__label">
                  Selection: <strong>{set.label}</strong> ({setCount}{' '}
                  {setCount === 1 ? 'unit' : 'units'})
                </span>
                <button
                  type="button"
                  className="button ov-set__clear"
                  data-testid="overview-set-clear"
                  onClick={() => select({ units: undefined })}
                >
                  Clear
                </button>
              </span>
            ) : data ? (
              <span className="ov-sub__unit">
                {data.unit.id === root?.id
                  ? 'Whole company'
                  : `${data.unit.name} · ${data.unit.level}`}
              </span>
            ) : (
              '\u00a0'
            )}
            {unitId && !set && (
              <a
                className="ov-open-team"
                href={hrefFor(selection, { view: 'teams' })}
                data-testid="overview-open-team"
              >
                Open team page
              </a>
            )}
            {overview.loading && data && <span className="updating">Updating…</span>}
          </p>
        </div>
        <div className="view-header__pickers">
          <PeriodPicker periods={periods} value={period} onChange={(p) => select({ period: p })} />
          <UnitPicker
            units={units}
            value={
              selection.unit && units.some((u) => u.id === selection.unit)
                ? selection.unit
                : (root?.id ?? '')
            }
            disabled={units.length === 0}
            onChange={(id) =>
              // Picking one unit is a step away from a set: the unit's own figures show.
              select({ unit: id === root?.id ? undefined : id, units: undefined }, 'step')
            }
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
      {missingUnit && !set && (
        <p className="notice" role="status" data-testid="unit-missing">
          The selected unit is not part of the {period} organisation; showing the whole company.
        </p>
      )}
      {set && data?.set && overview.fresh && data.set.unknown.length > 0 && (
        <p className="notice" role="status" data-testid="overview-set-unknown">
          {data.set.unknown.length} of the selected units{' '}
          {data.set.unknown.length === 1 ? 'is' : 'are'} not part of the {period} organisation and{' '}
          {data.set.unknown.length === 1 ? 'is' : 'are'} left out.
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
          <OverviewBody data={data} small={small} selection={selection} link={link} />
        </div>
      ) : (
        <Loading label="Loading the overview…" />
      )}
    </div>
  );
}
