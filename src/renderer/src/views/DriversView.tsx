import { useEffect, useState, type ReactNode } from 'react';
import {
  UNIT_OUTCOMES,
  type DriversInput,
  type DriversOutput,
} from '../../../shared/analytics/drivers';
import type { ApiError } from '../../../shared/result';
import { DriversControls } from '../components/drivers/DriversControls';
import { DriversKey } from '../components/drivers/DriversKey';
import { DriversTable } from '../components/drivers/DriversTable';
import { driversSentence, driversTitle, OUTCOME_LABELS } from '../components/drivers/format';
import { QuadrantChart } from '../components/drivers/QuadrantChart';
import '../components/drivers/drivers.css';
import { NoData } from '../components/NoData';
import { PeriodPicker } from '../components/PeriodPicker';
import { ErrorPanel, Loading } from '../components/StatusPanel';
import { Suppressed } from '../components/Suppressed';
import { UnitPicker, type OrgUnit } from '../components/UnitPicker';
import { useQuery } from '../hooks/useQuery';
import { defaultPeriod } from '../state/periods';
import { hrefFor, useSelection } from '../state/useSelection';

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Levels top first, by their depth in the tree. */
function levelOrder(units: OrgUnit[]): string[] {
  const depth = new Map<string, number>();
  for (const u of units) depth.set(u.level, Math.min(depth.get(u.level) ?? Infinity, u.depth));
  return [...depth.entries()].sort((a, b) => a[1] - b[1]).map(([l]) => l);
}

/** What to import, when the engine's refusal says something is missing from the workspace. */
function importFor(message: string): string | undefined {
  if (/no survey data: import/i.test(message)) return 'a survey';
  if (/no customer feedback/i.test(message)) return 'customer feedback';
  return undefined;
}

/** Suppressed, or no data: the engine's reason, and what would help. */
function StatusBlock({
  status,
  reason,
  title,
  action,
  children,
}: {
  status: 'suppressed' | 'no_data';
  reason: string | null;
  title: string;
  action?: string;
  children?: ReactNode;
}) {
  return (
    <section
      className={`drivers-status drivers-status--${status}`}
      data-testid="drivers-status"
      data-status={status}
    >
      <h2 className="drivers-status__title">{title}</h2>
      {status === 'suppressed' ? (
        <Suppressed reason={reason} size="block" testId="drivers-reason" />
      ) : (
        <NoData reason={reason} action={action} size="block" testId="drivers-reason" />
      )}
      {children && <div className="drivers-status__help">{children}</div>}
    </section>
  );
}

/**
 * Which items (or values) go with an outcome, for the unit in focus: importance (r with its 95%
 * interval) against performance (% favourable) as a quadrant chart, and the table of figures.
 * Period, unit, outcome, items/values, lag and level are the shared selection (URL hash).
 */
export function DriversView() {
  const [selection, select] = useSelection();
  const [active, setActive] = useState<string | null>(null);
  const { outcome, driverKind: by, lag } = selection;
  const unitOutcome = (UNIT_OUTCOMES as readonly string[]).includes(outcome);

  const info = useQuery('info', {});
  const periods = info.data?.periods ?? [];
  const known = selection.period !== undefined && periods.some((p) => p.id === selection.period);
  const treePeriod = info.fresh
    ? known
      ? selection.period
      : defaultPeriod(periods, 'survey')
    : undefined;
  const hierarchy = useQuery('hierarchy', treePeriod ? { period: treePeriod } : null);
  const units = hierarchy.data?.units ?? [];
  const root = units.find((u) => u.parentId === null) ?? units[0];
  const unitKnown =
    hierarchy.fresh && selection.unit !== undefined && units.some((u) => u.id === selection.unit);
  const waitForTree = selection.unit !== undefined && !hierarchy.fresh && !hierarchy.error;
  const unitId = unitKnown && selection.unit !== root?.id ? selection.unit : undefined;
  const unitRow = units.find((u) => u.id === unitId) ?? root;
  const missingUnit = selection.unit !== undefined && hierarchy.fresh && !unitKnown;

  const levels = levelOrder(units);
  const levelsBelow = unitRow
    ? levels.filter((l) => levels.indexOf(l) > levels.indexOf(unitRow.level))
    : levels;
  const level =
    selection.level && levelsBelow.includes(selection.level) ? selection.level : undefined;
  const nothingBelow =
    unitOutcome && hierarchy.fresh && unitRow !== undefined && levelsBelow.length === 0;

  let input: DriversInput | null = null;
  if (info.fresh && !waitForTree && !nothingBelow) {
    input = { outcome, by };
    if (unitId) input.unitId = unitId;
    if (known) input.period = selection.period;
    if (unitOutcome) {
      input.lag = lag;
      if (level) input.level = level;
    }
  }
  const drivers = useQuery('drivers', input);
  const data: DriversOutput | undefined = nothingBelow ? undefined : drivers.data;

  const isRoot = !unitId;
  const unitName = (drivers.fresh ? data?.unit.name : undefined) ?? unitRow?.name ?? '';
  const shownPeriod =
    (drivers.fresh ? data?.period : undefined) ?? (known ? selection.period : undefined);
  const outcomeLabel = OUTCOME_LABELS[outcome];

  useEffect(() => {
    document.title = driversTitle(unitName || undefined, shownPeriod);
  }, [unitName, shownPeriod]);

  if (info.error)
    return (
      <ErrorPanel title="Could not open the workspace" error={info.error} onRetry={info.reload} />
    );
  if (!info.data) return <Loading label="Opening the workspace…" />;

  const controls = (
    <DriversControls
      outcome={outcome}
      kind={by}
      lag={lag}
      level={data?.level ?? level}
      levels={levelsBelow}
      onOutcome={(o) => select({ outcome: o })}
      onKind={(k) => select({ driverKind: k })}
      onLag={(k) => select({ lag: k })}
      onLevel={(l) => select({ level: l })}
    />
  );

  const refusal: ApiError | undefined =
    drivers.error && ['NOT_FOUND', 'INVALID_ARGUMENTS'].includes(drivers.error.code)
      ? drivers.error
      : undefined;

  let main: ReactNode;
  if (nothingBelow && unitRow) {
    main = (
      <StatusBlock
        status="no_data"
        title={`No units to compare inside ${unitRow.name}`}
        reason={`${outcomeLabel} drivers compare the units inside a unit; ${unitRow.name} is a ${unitRow.level}, with no units below it.`}
      >
        <button
          type="button"
          className="button"
          onClick={() => select({ unit: unitRow.parentId ?? undefined })}
        >
          Show the unit above
        </button>
      </StatusBlock>
    );
  } else if (refusal) {
    main = (
      <StatusBlock
        status="no_data"
        title={`No driver analysis for ${outcomeLabel}`}
        reason={refusal.message}
        action={importFor(refusal.message)}
      >
        {known && !importFor(refusal.message) && (
          <button type="button" className="button" onClick={() => select({ period: undefined })}>
            Use the latest quarter with the data
          </button>
        )}
      </StatusBlock>
    );
  } else if (drivers.error) {
    main = (
      <ErrorPanel
        title="Could not load the drivers"
        error={drivers.error}
        onRetry={drivers.reload}
      />
    );
  } else if (!data) {
    main = <Loading label="Working out the drivers…" />;
  } else if (data.status !== 'ok') {
    main = (
      <StatusBlock
        status={data.status}
        title={
          data.status === 'suppressed'
            ? `Driver analysis suppressed for ${data.unit.name}`
            : `Not enough data for a driver analysis in ${data.unit.name}`
        }
        reason={data.reason}
      >
        {!isRoot && (
          <button type="button" className="button" onClick={() => select({ unit: undefined })}>
            Show the whole company
          </button>
        )}
      </StatusBlock>
    );
  } else {
    main = <QuadrantChart data={data} active={active} onActive={setActive} />;
  }

  const stale = drivers.loading && data !== undefined;
  const ok = data && !drivers.error && data.status === 'ok' && !nothingBelow;

  return (
    <div className="view view--drivers" data-testid="drivers-view" aria-busy={drivers.loading}>
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company drivers-title" data-testid="drivers-unit">
            {unitName || '\u00a0'}
          </h1>
          <p className="view-header__sub drivers-sub">
            {isRoot ? 'Whole company' : unitRow ? capitalise(unitRow.level) : ''}
            {shownPeriod && (
              <>
                <span className="dot-sep" aria-hidden="true">
                  ·
                </span>
                {shownPeriod}
              </>
            )}
            <span className="dot-sep" aria-hidden="true">
              ·
            </span>
            <a
              className="drivers-team-link"
              href={hrefFor(selection, { view: 'teams' })}
              data-testid="drivers-team-link"
            >
              Open team page
            </a>
            {stale && <span className="updating">Updating…</span>}
          </p>
        </div>
        <div className="view-header__pickers">
          <PeriodPicker
            periods={periods}
            value={shownPeriod ?? treePeriod ?? ''}
            onChange={(p) => select({ period: p })}
          />
          <UnitPicker
            units={units}
            value={unitRow?.id ?? ''}
            disabled={units.length === 0}
            onChange={(id) => select({ unit: id === root?.id ? undefined : id })}
          />
        </div>
      </div>

      {missingUnit && (
        <p className="notice" role="status" data-testid="unit-missing">
          The selected unit is not part of the {treePeriod} organisation; showing the whole company.
        </p>
      )}
      {selection.units && (
        <p className="notice notice--calm" role="status" data-testid="drivers-units-note">
          Drivers are worked out for one unit at a time: this shows{' '}
          {unitName || 'the unit in focus'}, not the {selection.units.label.toLowerCase()} picked on{' '}
          {selection.units.source === 'heatmap' ? 'the heatmap' : 'Linkage'}.
        </p>
      )}

      <p className={`drivers-sentence${stale ? ' stale' : ''}`} data-testid="drivers-sentence">
        {data && !drivers.error && !nothingBelow ? driversSentence(data, data.unit.name) : '\u00a0'}
      </p>

      <div className={`drivers-layout${stale ? ' stale' : ''}`}>
        <div className="drivers-main">{main}</div>
        <aside className="drivers-aside" aria-label="What the analysis is about">
          {controls}
          {ok && <DriversKey data={data} unitName={data.unit.name} />}
        </aside>
      </div>

      {ok && (
        <div className={stale ? 'stale' : undefined}>
          <DriversTable data={data} active={active} onActive={setActive} />
        </div>
      )}
    </div>
  );
}
