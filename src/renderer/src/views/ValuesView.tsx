import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { EmptyPanel, ErrorPanel, Loading } from '../components/StatusPanel';
import { Breadcrumb, type Crumb } from '../components/values/Breadcrumb';
import { MODE_LABELS, type HeatmapMode, type HeatmapRow } from '../components/values/format';
import { HeatmapLegend } from '../components/values/HeatmapLegend';
import { HeatmapTable } from '../components/values/HeatmapTable';
import { HeatmapModePicker, HeatmapPeriodPicker } from '../components/values/Pickers';
import '../components/values/values.css';
import { useQuery } from '../hooks/useQuery';
import { useSelection } from '../state/useSelection';
import { defaultPeriod } from '../state/periods';

type Unit = MethodOutput<'hierarchy'>['units'][number];

/** Company first, down to `id`, from the period's tree. */
function trailTo(units: Unit[], id: string | undefined): Crumb[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const trail: Crumb[] = [];
  let at = id ? byId.get(id) : units.find((u) => u.parentId === null);
  while (at && trail.length < 50) {
    trail.unshift({ id: at.id, name: at.name });
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return trail;
}

/**
 * Values alignment: the units of one level (start: the company's children; click a row to drill)
 * by company values, as % favourable or points vs company / parent / previous period.
 * The period is the app-wide selection; the mode and the level are this view's own.
 */
export function ValuesView() {
  const [location, onSelect] = useSelection();
  const [mode, setMode] = useState<HeatmapMode>('absolute');
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  const [showGap, setShowGap] = useState(false);

  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known =
    location.period !== undefined &&
    periods.some((p) => p.id === location.period && p.surveyResponses > 0);
  const surveyed = periods.filter((p) => p.surveyResponses > 0);
  const period = info.fresh ? (known ? location.period : defaultPeriod(surveyed)) : undefined;

  const hierarchy = useQuery('hierarchy', period ? { period } : null);
  const units = hierarchy.data?.units ?? [];
  const root = units.find((u) => u.parentId === null);
  // A drilled-into unit that is not in this period's organisation falls back to the company.
  const parentKnown =
    hierarchy.fresh && parentId !== undefined && units.some((u) => u.id === parentId);
  const waitForTree = parentId !== undefined && !hierarchy.fresh;
  const effectiveParent = parentKnown && parentId !== root?.id ? parentId : undefined;
  const heatmap = useQuery(
    'heatmap',
    period && !waitForTree
      ? effectiveParent
        ? { period, mode, parentId: effectiveParent }
        : { period, mode }
      : null,
  );

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;
  if (!period) {
    return (
      <EmptyPanel title="This workspace holds no survey data yet.">
        The values heatmap appears as soon as one period of employee survey responses is loaded.
      </EmptyPanel>
    );
  }

  const data = heatmap.data;
  const companyName = root?.name ?? data?.parent.name ?? '';
  const trail: Crumb[] =
    data && hierarchy.data
      ? trailTo(units, data.parent.id)
      : data
        ? [{ id: data.parent.id, name: data.parent.name }]
        : [];
  const hasChildren = (id: string) => units.some((u) => u.parentId === id);
  const canDrill = (row: HeatmapRow) =>
    row.level !== 'team' && (hierarchy.data ? hasChildren(row.unitId) : true);
  const hasGapData = data?.rows.some((r) => r.leaderGap !== null) ?? false;
  const reference =
    data?.mode === 'vs_company'
      ? 'company'
      : data?.mode === 'vs_parent'
        ? data.parent.name
        : data?.mode === 'vs_previous'
          ? (data.previousPeriod ?? 'previous period')
          : null;

  return (
    <div className="view view--values" aria-busy={heatmap.loading}>
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company">Values alignment</h1>
          <p className="view-header__sub">
            {data ? (
              <>
                {MODE_LABELS[data.mode]}
                <span className="dot-sep" aria-hidden="true">
                  ·
                </span>
                {data.period}
                {data.mode === 'vs_previous' && data.previousPeriod && ` vs ${data.previousPeriod}`}
              </>
            ) : (
              '\u00a0'
            )}
            {heatmap.loading && data && <span className="updating">Updating…</span>}
          </p>
        </div>
        <div className="view-header__pickers">
          <HeatmapPeriodPicker
            periods={periods}
            value={period}
            onChange={(p) => onSelect({ period: p })}
          />
          <HeatmapModePicker value={mode} onChange={setMode} />
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
        </div>
      </div>

      {trail.length > 0 && (
        <Breadcrumb trail={trail} onGo={(id) => setParentId(id === root?.id ? undefined : id)} />
      )}
      {parentId !== undefined && hierarchy.fresh && !parentKnown && (
        <p className="notice" role="status" data-testid="unit-missing">
          The unit you drilled into is not part of the {period} organisation; showing the whole
          company.
        </p>
      )}
      {data?.purpose && (
        <p className="heatmap-purpose" data-testid="heatmap-purpose">
          {data.purpose}
        </p>
      )}
      {data?.mode === 'vs_previous' && data.previousPeriod === null && (
        <p className="notice" role="status" data-testid="heatmap-no-previous">
          There is no earlier period with survey responses to compare {data.period} with.
        </p>
      )}

      {heatmap.error ? (
        <ErrorPanel
          title="Could not load the values heatmap"
          error={heatmap.error}
          onRetry={heatmap.reload}
        />
      ) : data ? (
        <div className={`heatmap-body${heatmap.loading ? ' stale' : ''}`}>
          {data.values.length === 0 || data.rows.length === 0 ? (
            <EmptyPanel
              title={
                data.values.length === 0
                  ? 'No survey items are mapped to company values yet.'
                  : `${data.parent.name} has no units below it.`
              }
            />
          ) : (
            <HeatmapTable
              data={data}
              companyName={companyName}
              showGap={showGap && hasGapData}
              canDrill={canDrill}
              onDrill={(row) => setParentId(row.unitId)}
            />
          )}
          <HeatmapLegend
            scale={data.scale}
            reference={reference}
            minGroupSize={data.minGroupSize}
          />
          <p className="footnote" title={data.formula}>
            {data.formula} Employee figures for groups under {data.minGroupSize} people are
            suppressed. Hover a cell for its n.
          </p>
        </div>
      ) : (
        <Loading label="Loading the values heatmap…" />
      )}
    </div>
  );
}
