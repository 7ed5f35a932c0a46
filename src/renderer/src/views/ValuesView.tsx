import { useMemo, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { Breadcrumb, type Crumb } from '../components/values/Breadcrumb';
import { ContextBar } from '../components/values/ContextBar';
import { HeatmapLegend } from '../components/values/HeatmapLegend';
import { HeatmapTable } from '../components/values/HeatmapTable';
import { buildTableModel } from '../components/values/model';
import {
  GroupingPicker,
  HeatmapModePicker,
  HeatmapPeriodPicker,
} from '../components/values/Pickers';
import '../components/values/values.css';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';
import { defaultPeriod } from '../state/periods';
import { hrefFor, useSelection } from '../state/useSelection';

type Unit = MethodOutput<'hierarchy'>['units'][number];
type Grouping = { id: string; label: string };

const ORG: Grouping = { id: 'org', label: 'Org units' };

/** Company first, down to `id`, from the period's tree. */
function trailTo(byId: Map<string, Unit>, root: Unit | undefined, id: string | undefined): Crumb[] {
  const trail: Crumb[] = [];
  let at = id ? byId.get(id) : root;
  while (at && trail.length < 50) {
    trail.unshift({ id: at.id, name: at.name });
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return trail;
}

/**
 * Values alignment: company values (columns) by units, demographic groups or a chosen set (rows),
 * as points vs company (default), vs parent, vs the previous period, or % favourable.
 *
 * It reads and writes the shared selection. `unit` is the one unit in focus, and the rows are
 * its context: a unit with units below it shows them (it is the parent row); a team shows its
 * siblings with its own row highlighted. Clicking a row's name, or a crumb, focuses that unit
 * (a history step), so drilling and selecting are the same gesture and the view never shows one
 * level while another unit is "selected". `units` (a brushed or listed set) replaces the rows with
 * the set and its combined row; `heatmapMode`, `grouping` and `period` are the pickers.
 */
export function ValuesView() {
  const [selection, select] = useSelection();
  const mode = selection.heatmapMode;
  const [showGap, setShowGap] = useState(false);
  // Rows ticked for "select these rows", kept for the level they were ticked on.
  const [ticked, setTicked] = useState<{ level: string; ids: string[] }>({ level: '', ids: [] });

  const info = useQuery('info', {});
  const periods = useMemo(() => info.data?.periods ?? [], [info.data]);
  const surveyed = periods.filter((p) => p.surveyResponses > 0);
  const known = selection.period !== undefined && surveyed.some((p) => p.id === selection.period);
  const period = info.fresh
    ? known
      ? selection.period
      : surveyed.length > 0
        ? defaultPeriod(periods, 'survey')
        : undefined
    : undefined;

  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  const tree = useMemo(() => {
    const list = hierarchy.data?.units ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    const children = new Map<string, string[]>();
    for (const u of list) {
      if (u.parentId === null) continue;
      const c = children.get(u.parentId);
      if (c) c.push(u.id);
      else children.set(u.parentId, [u.id]);
    }
    return { byId, children, root: list.find((u) => u.parentId === null) };
  }, [hierarchy.data]);

  const wanted = selection.unit;
  const treeReady = hierarchy.fresh;
  const unitKnown = treeReady && wanted !== undefined && tree.byId.has(wanted);
  const focus = unitKnown && wanted !== tree.root?.id ? wanted : undefined;
  const grouping = selection.grouping;
  const set = selection.units;
  const showSet = set !== undefined;
  const grouped = grouping !== ORG.id && !showSet;
  const hasChildren = (id: string) => (tree.children.get(id)?.length ?? 0) > 0;
  // The parent whose rows are shown: the focus itself, or a team's own parent.
  let scope: string | undefined;
  if (focus) {
    scope = grouped || hasChildren(focus) ? focus : (tree.byId.get(focus)?.parentId ?? undefined);
    if (scope === tree.root?.id) scope = undefined;
  }

  const input: MethodInput<'heatmap'> | null =
    period && (wanted === undefined || treeReady)
      ? {
          period,
          mode,
          ...(scope ? { parentId: scope } : {}),
          ...(showSet ? { unitIds: set.ids } : {}),
          ...(grouped ? { groupBy: grouping } : {}),
        }
      : null;
  const heatmap = useQuery('heatmap', input);
  const data = heatmap.data;

  // The groupings offered (the previous answer's while a new one is on its way).
  const groupings: Grouping[] = data?.groupings?.length ? data.groupings : [ORG];
  const groupingLabel = groupings.find((g) => g.id === grouping)?.label ?? grouping;

  const companyName = tree.root?.name ?? (data?.company ? data.parent.name : '');
  const focusName = focus ? (tree.byId.get(focus)?.name ?? focus) : null;
  const titleUnit = focusName ?? tree.root?.name ?? 'Company';

  useDocumentTitle('Values', titleUnit, period);

  const hasGapData = data?.rows.some((r) => r.leaderGap !== null) ?? false;
  const model = useMemo(
    () =>
      data
        ? buildTableModel({
            data,
            companyName,
            groupingLabel: grouped ? groupingLabel : null,
            setLabel: showSet ? set.label : null,
            showGap: showGap && hasGapData,
          })
        : null,
    [data, companyName, grouped, groupingLabel, showSet, set, showGap, hasGapData],
  );

  const levelKey = `${period ?? ''}|${scope ?? ''}|${grouped ? grouping : 'org'}|${showSet ? 'set' : ''}`;
  const pickedIds = ticked.level === levelKey ? ticked.ids : [];
  const picking =
    !grouped && !showSet
      ? {
          picked: new Set(pickedIds),
          onToggle: (id: string) =>
            setTicked({
              level: levelKey,
              ids: pickedIds.includes(id) ? pickedIds.filter((x) => x !== id) : [...pickedIds, id],
            }),
        }
      : undefined;
  const usePicked = () => {
    const n = pickedIds.length;
    select(
      {
        units: {
          ids: pickedIds,
          source: 'heatmap',
          label: `${n} ${n === 1 ? 'row' : 'rows'} of ${data?.parent.name ?? companyName}`,
        },
      },
      'step',
    );
    setTicked({ level: '', ids: [] });
  };

  const focusOn = (id: string) => select({ unit: id === tree.root?.id ? undefined : id }, 'step');

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;
  if (!period) {
    return (
      <div className="view view--values">
        <EmptyPanel title="No employee survey data yet">
          <a
            className="button"
            href={hrefFor(selection, { view: 'import' })}
            data-testid="values-import-link"
          >
            Import a survey file to see values
          </a>
        </EmptyPanel>
      </div>
    );
  }

  const trail = trailTo(tree.byId, tree.root, focus ?? tree.root?.id);
  const groupingError = heatmap.error && grouped;
  const everyGroupHidden =
    grouped &&
    data?.groupBy === grouping &&
    data.rows.length > 0 &&
    data.rows.every((r) => r.status === 'suppressed');
  const scopeName = data?.parent.name ?? companyName;

  return (
    <div className="view view--values" aria-busy={heatmap.loading}>
      <div className="view-header values-header">
        <div className="view-header__titles">
          <h1 className="sr-only">Values alignment</h1>
          {trail.length > 0 && <Breadcrumb trail={trail} onGo={focusOn} />}
        </div>
        <div className="view-header__pickers">
          <HeatmapPeriodPicker
            periods={periods}
            value={period}
            onChange={(p) => select({ period: p }, 'step')}
          />
          <HeatmapModePicker value={mode} onChange={(m) => select({ heatmapMode: m }, 'step')} />
          <GroupingPicker
            groupings={groupings}
            value={showSet ? ORG.id : grouping}
            disabledReason={
              showSet ? 'A set of units is shown: clear it to group by a demographic' : null
            }
            onChange={(g) => select({ grouping: g }, 'step')}
          />
        </div>
      </div>

      <ContextBar
        teamHref={focus ? hrefFor(selection, { view: 'teams', unit: focus }) : null}
        focusName={focusName}
        set={
          showSet
            ? {
                label: set.label,
                count: set.ids.length,
                unknown: data?.unknownUnits?.length ?? 0,
                period,
              }
            : null
        }
        onClearSet={() => select({ units: undefined }, 'step')}
      >
        {hasGapData && (
          <label className="heatmap-toggle">
            <input
              type="checkbox"
              data-testid="heatmap-gap-toggle"
              checked={showGap}
              onChange={(e) => setShowGap(e.target.checked)}
            />
            Leaders vs front line
          </label>
        )}
        {pickedIds.length > 0 && (
          <span className="values-picked" data-testid="values-picked">
            {pickedIds.length} picked
            <button
              type="button"
              className="button values-picked__use"
              onClick={usePicked}
              data-testid="values-pick-apply"
            >
              Select these rows
            </button>
            <button
              type="button"
              className="values-chip__clear"
              onClick={() => setTicked({ level: '', ids: [] })}
            >
              Cancel
            </button>
          </span>
        )}
        {heatmap.loading && data && <span className="updating">Updating…</span>}
      </ContextBar>
      {selection.period !== undefined && info.fresh && !known && (
        <p className="notice" role="status" data-testid="values-period-note">
          {selection.period} has no survey responses; showing {period}.
        </p>
      )}
      {wanted !== undefined && treeReady && !unitKnown && (
        <p className="notice" role="status" data-testid="unit-missing">
          The unit in focus is not part of the {period} organisation; showing the whole company.
        </p>
      )}
      {data?.mode === 'vs_previous' && data.previousPeriod === null && (
        <p className="notice" role="status" data-testid="heatmap-no-previous">
          There is no earlier period with survey responses to compare {data.period} with.
        </p>
      )}
      {everyGroupHidden && (
        <p className="notice" role="status" data-testid="values-groups-suppressed">
          Every {groupingLabel.toLowerCase()} group in {scopeName} is suppressed: each is under{' '}
          {data.minGroupSize} people or could reveal a smaller group. Choose a larger unit or Org
          units.
        </p>
      )}

      {groupingError ? (
        <div className="status-panel" data-testid="values-grouping-error" role="alert">
          <div>
            <p className="status-panel__title">
              Rows by {groupingLabel.toLowerCase()} are not available here.
            </p>
            <p className="status-panel__message">{heatmap.error!.message}</p>
            <button
              type="button"
              className="button"
              onClick={() => select({ grouping: ORG.id }, 'step')}
            >
              Show org units
            </button>
          </div>
        </div>
      ) : heatmap.error ? (
        <ErrorPanel
          title="Could not load the values heatmap"
          error={heatmap.error}
          onRetry={heatmap.reload}
        />
      ) : data && model ? (
        <div className={`heatmap-body${heatmap.loading ? ' stale' : ''}`}>
          {data.values.length === 0 ? (
            <EmptyPanel title="No survey items are mapped to company values yet.">
              <a className="button" href={hrefFor(selection, { view: 'import' })}>
                Import a survey item catalogue
              </a>
            </EmptyPanel>
          ) : (
            <>
              <HeatmapTable
                data={data}
                model={model}
                showGap={showGap && hasGapData}
                focusUnit={focus}
                canDrill={(id) => !grouped && hasChildren(id)}
                onPick={focusOn}
                picking={picking}
              />
              {data.rows.length === 0 && (
                <p className="notice values-empty-rows" role="status" data-testid="values-no-rows">
                  {showSet
                    ? `None of the ${set.ids.length} selected units is in the ${data.period} organisation.`
                    : grouped
                      ? `No ${groupingLabel.toLowerCase()} groups in ${scopeName} for ${data.period}.`
                      : `${scopeName} has no units below it.`}
                </p>
              )}
            </>
          )}
          <HeatmapLegend
            scale={model.scale}
            reference={model.referenceLabel}
            minGroupSize={data.minGroupSize}
            smallN={model.smallN}
          />
          <p className="footnote">
            {data.formula} Faded cells: fewer than {model.smallN} respondents, or a 95% interval for
            the difference (normal approximation for two proportions, n = respondents, allowing for
            a unit being part of the group it is compared with) that includes 0. Hover or focus a
            cell for its figures.
          </p>
          {data.purpose && (
            <p className="heatmap-purpose" data-testid="heatmap-purpose">
              {data.purpose}
            </p>
          )}
        </div>
      ) : (
        <Loading label="Loading the values heatmap…" />
      )}
    </div>
  );
}
