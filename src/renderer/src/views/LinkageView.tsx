import { memo, useEffect, useMemo } from 'react';
import type { LinkageOutput } from '../../../shared/analytics/linkage';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { ApiError } from '../../../shared/result';
import { LagStrip } from '../components/linkage/LagStrip';
import { LinkageCanvas } from '../components/linkage/LinkageCanvas';
import { useLinkageLags, type LinkageBase } from '../components/linkage/linkageCache';
import {
  CUSTOMER_GROUPS,
  distinctUnits,
  EMPLOYEE_GROUPS,
  FEW_UNITS,
  levelPlural,
  linkSentence,
  QUADRANT_STYLE,
  withDescendants,
  type MetricGroup,
} from '../components/linkage/linkageModel';
import {
  formatR,
  intervalText,
  LAGS,
  lagLabel,
  linkageNText,
  pointNoun,
  rText,
} from '../components/linkage/formatLinkage';
import { QuadrantLists } from '../components/linkage/QuadrantLists';
import { QuadrantMark } from '../components/linkage/QuadrantMark';
import '../components/linkage/linkage.css';
import { EmptyPanel, Loading } from '../components/StatusPanel';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { formatCount } from '../format/formatMetric';
import { useQuery } from '../hooks/useQuery';
import type { Selection } from '../../../shared/selection';
import { hrefFor, select, useSelection } from '../state/useSelection';

const POOLED = '';

/** The company split when there is one (one quarter pair, or every pair agrees). */
const oneSplit = (data: LinkageOutput) => {
  const s = data.quadrants.splits;
  return s.length > 0 && s.every((p) => p.x === s[0]!.x && p.y === s[0]!.y) ? s[0] : undefined;
};

function Picker({
  label,
  testId,
  value,
  onChange,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <label className="picker">
      <span className="picker__label">{label}</span>
      <select
        className="picker__select"
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </label>
  );
}

function MetricOptions<T extends MetricId>({ groups }: { groups: MetricGroup<T>[] }) {
  return groups.map((g) => (
    <optgroup key={g.label} label={g.label}>
      {g.metrics.map((m) => (
        <option key={m} value={m}>
          {METRICS[m].label}
        </option>
      ))}
    </optgroup>
  ));
}

/** r, its interval and n; r steps back when it cannot carry the story (few units, crosses 0). */
function Stats({ data, weak }: { data: LinkageOutput; weak: boolean }) {
  return (
    <section className="linkage-stats" aria-label="Strength of the link">
      <p
        className={`linkage-stats__r${weak ? ' linkage-stats__r--weak' : ''}`}
        data-testid="linkage-r"
      >
        {rText(data.r)}
      </p>
      <div className="linkage-stats__side">
        <p className="linkage-stats__interval" data-testid="linkage-interval">
          {intervalText(data.ciLow, data.ciHigh)}
        </p>
        <p className="linkage-stats__n" data-testid="linkage-n">
          {linkageNText(data)}
        </p>
      </div>
    </section>
  );
}

const Details = memo(function Details({ data }: { data: LinkageOutput }) {
  const many = pointNoun(data.level, data.pooled, 2);
  // The band's basis, as LinkageCanvas draws it (fitBand): the density grid when thinned.
  const band =
    data.slope === null
      ? null
      : { basis: data.points.length < data.pointsTotal && data.density ? 'density' : 'points' };
  return (
    <details className="linkage-details" data-testid="linkage-details">
      <summary>Details: power, rank correlation, what was left out</summary>
      <p data-testid="linkage-detectable">
        Smallest r these {formatCount(data.n)} {many} can reliably detect:{' '}
        <strong>{formatR(data.minDetectableR)}</strong> (80% power, two-sided 5%). Detecting r = .30
        needs {formatCount(data.nNeededForR30)}.
      </p>
      <p data-testid="linkage-spearman">
        Rank correlation (Spearman): <strong>{formatR(data.spearman)}</strong>
        {data.spearman !== null && data.r !== null && Math.abs(data.spearman - data.r) > 0.1
          ? ': it differs from r, so a few extreme points may be shaping r.'
          : '.'}
      </p>
      <p>
        {data.pooled
          ? `${formatCount(data.employeePeriods.length)} quarter pairs pooled (employee quarters ${data.employeePeriods[0] ?? ''} to ${data.employeePeriods.at(-1) ?? ''}); the same unit appears once per quarter, so the interval and band are on the optimistic side.`
          : `Employees ${data.employeePeriod}, customers ${data.customerPeriod}.`}{' '}
        {band?.basis === 'density'
          ? `The shaded band (95%, ordinary least squares) is approximate: worked out from the density grid of all ${formatCount(data.pointsTotal)} ${many}, as only ${formatCount(data.points.length)} are drawn.`
          : band
            ? `The shaded band is the 95% interval of the fitted line (ordinary least squares on the ${formatCount(data.points.length)} ${many} drawn).`
            : ''}
      </p>
      <p className="linkage-details__message" data-testid="linkage-message">
        {data.message}
      </p>
      <p data-testid="linkage-excluded">
        {data.excluded.total === 0
          ? `No ${many} left out.`
          : `${formatCount(data.excluded.total)} ${pointNoun(data.level, data.pooled, data.excluded.total)} left out: `}
        {data.excluded.reasons.map((r, i) => (
          <span key={r.reason}>
            {i > 0 && '; '}
            {formatCount(r.count)} {r.reason.replace(/^./, (ch) => ch.toLowerCase())}
          </span>
        ))}
        {data.excluded.total > 0 && '.'}
      </p>
      <p>{data.quadrants.basis}</p>
    </details>
  );
});

/** "2025-Q3" moved by k quarters. */
function shiftPeriod(period: string, k: number): string {
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  const i = y * 4 + (q - 1) + k;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

/**
 * Lags that cannot have an answer, worked out from the quarters the workspace has survey and
 * customer data for (the info method), with the reason in words. Only for survey figures against
 * customer feedback, whose quarters info lists; HR and contact-centre figures are asked for.
 */
function knownGaps(
  employeeMetric: MetricId,
  customerMetric: MetricId,
  linkPeriod: string | undefined,
  survey: string[],
  customer: string[],
): Map<number, string> {
  const gaps = new Map<number, string>();
  if (METRICS[employeeMetric].source !== 'survey' || METRICS[customerMetric].source !== 'customer')
    return gaps;
  const span = (list: string[]) =>
    list.length === 0 ? 'none' : `${[...list].sort()[0]} to ${[...list].sort().at(-1)}`;
  for (const lag of LAGS) {
    let reason: string | null = null;
    if (survey.length === 0) reason = 'The workspace has no survey data: import a survey first.';
    else if (customer.length === 0)
      reason =
        'The workspace has no customer feedback: import customer feedback and a unit mapping first.';
    else if (linkPeriod !== undefined && survey.includes(linkPeriod)) {
      const cp = shiftPeriod(linkPeriod, lag);
      if (!customer.includes(cp))
        reason = `No customer data for ${cp} (employees ${linkPeriod}, ${lagLabel(lag)}); customer quarters: ${span(customer)}.`;
    } else if (linkPeriod === undefined) {
      if (!survey.some((t) => customer.includes(shiftPeriod(t, lag))))
        reason = `No period has survey data in t and customer data in t${lag >= 0 ? '+' : ''}${lag}. Survey quarters: ${span(survey)}; customer quarters: ${span(customer)}.`;
    }
    if (reason) gaps.set(lag, reason);
  }
  return gaps;
}

interface Missing {
  title: string;
  advice: string;
  /** Other settings that do have an answer. */
  lags: number[];
  levels: string[];
  importData: boolean;
}

/** What is missing, in words, and what would fill it: never an empty chart or a red error. */
function missingFor(
  error: ApiError,
  info: { survey: number; customer: number } | undefined,
  level: string,
  lag: number,
  customerMetric: string,
  okLags: number[],
  levels: string[],
): Missing {
  const m = error.message;
  const base = { lags: okLags.filter((k) => k !== lag), levels: [] as string[], importData: false };
  if (/no org hierarchy/i.test(m)) {
    return {
      ...base,
      title: 'No organisation chart yet',
      advice: 'Import the org hierarchy (an org units file), then a survey and customer feedback.',
      importData: true,
    };
  }
  if (/no survey data/i.test(m) && (info?.survey ?? 0) === 0) {
    return {
      ...base,
      title: 'No employee survey data yet',
      advice:
        'Only customer figures are loaded. Import an engagement survey to see whether engaged teams have happier customers.',
      importData: true,
    };
  }
  if (
    /no customer feedback/i.test(m) ||
    (info && info.customer === 0 && METRICS[customerMetric as MetricId]?.source === 'customer')
  ) {
    return {
      ...base,
      title: 'No customer data yet',
      advice:
        'Only employee figures are loaded. Import customer feedback (NPS, CSAT) or contact-centre records and a unit mapping to link them.',
      importData: true,
    };
  }
  if (/a correlation needs at least 3/i.test(m)) {
    return {
      ...base,
      title: `Too few ${levelPlural(level).toLowerCase()} to compare`,
      advice: `${m} Compare another level, or import more data.`,
      levels: levels.filter((l) => l !== level),
      importData: true,
    };
  }
  if (/No period has survey data|No customer data for|No survey data for/i.test(m)) {
    return {
      ...base,
      title:
        lag === 0
          ? 'No quarter has both employee and customer figures'
          : `Nothing to pair ${lagLabel(lag)}`,
      advice:
        lag === 0
          ? `${m} Import survey and customer data for the same quarters.`
          : `${m} A lag needs data in two quarters; ${base.lags.length > 0 ? 'try another lag, or ' : ''}import more quarters.`,
      importData: true,
    };
  }
  return { ...base, title: 'This comparison cannot be made', advice: m, importData: true };
}

function MissingPanel({ missing }: { missing: Missing }) {
  return (
    <div className="linkage-missing" data-testid="linkage-missing">
      <EmptyPanel title={missing.title} action={missing.importData ? 'data' : undefined}>
        {missing.advice}
        {(missing.lags.length > 0 || missing.levels.length > 0) && (
          <span className="linkage-missing__actions">
            {missing.lags.map((k) => (
              <button key={k} type="button" className="button" onClick={() => select({ lag: k })}>
                Show {lagLabel(k)}
              </button>
            ))}
            {missing.levels.map((l) => (
              <button key={l} type="button" className="button" onClick={() => select({ level: l })}>
                Compare {levelPlural(l).toLowerCase()}
              </button>
            ))}
          </span>
        )}
      </EmptyPanel>
    </div>
  );
}

export function LinkageView() {
  const [selection] = useSelection();
  const { employeeMetric, customerMetric, lag, level, linkPeriod, unit, units } = selection;

  const info = useQuery('info', {});
  const hierarchy = useQuery('hierarchy', {});
  const workspace = info.data ? info.data.workspace.updatedAt : info.error ? 'unknown' : null;

  const base = useMemo<LinkageBase>(
    () => ({
      employeeMetric,
      customerMetric,
      ...(level ? { level } : {}),
      ...(linkPeriod ? { period: linkPeriod } : {}),
    }),
    [employeeMetric, customerMetric, level, linkPeriod],
  );
  const surveyPeriods = useMemo(
    () =>
      (info.data?.periods ?? [])
        .filter((p) => p.surveyResponses > 0)
        .map((p) => p.id)
        .sort((a, b) => b.localeCompare(a)),
    [info.data],
  );
  const customerPeriods = useMemo(
    () =>
      (info.data?.periods ?? [])
        .filter((p) => p.customerResponses > 0)
        .map((p) => p.id)
        .sort(),
    [info.data],
  );
  const known = useMemo(
    () =>
      info.data
        ? knownGaps(employeeMetric, customerMetric, linkPeriod, surveyPeriods, customerPeriods)
        : new Map<number, string>(),
    [info.data, employeeMetric, customerMetric, linkPeriod, surveyPeriods, customerPeriods],
  );
  const linkage = useLinkageLags(workspace, base, lag, known);
  const profile = useQuery('lagProfile', known.size === LAGS.length ? null : base);
  const data = linkage.data;

  // The org tree: levels below the root, children for highlighting, names for the title.
  const tree = useMemo(() => {
    const list = hierarchy.data?.units ?? [];
    const children = new Map<string, string[]>();
    const byId = new Map(list.map((u) => [u.id, u]));
    for (const u of list) {
      if (u.parentId === null) continue;
      const c = children.get(u.parentId);
      if (c) c.push(u.id);
      else children.set(u.parentId, [u.id]);
    }
    const depthOf = new Map<string, number>();
    for (const u of list) {
      if (u.parentId === null) continue;
      depthOf.set(u.level, Math.min(depthOf.get(u.level) ?? Infinity, u.depth));
    }
    const levels = [...depthOf].sort((a, b) => a[1] - b[1]).map(([l]) => l);
    const root = list.find((u) => u.parentId === null)?.id;
    return { children, byId, levels, root };
  }, [hierarchy.data]);

  const focused = useMemo(() => {
    if (!unit || unit === tree.root) return null;
    const set = withDescendants([unit], tree.children);
    // A unit below the plotted level: its ancestors carry it (a team's area, region).
    let up = tree.byId.get(unit)?.parentId ?? null;
    while (up && up !== tree.root) {
      set.add(up);
      up = tree.byId.get(up)?.parentId ?? null;
    }
    return set;
  }, [unit, tree]);
  const highlighted = useMemo(
    () => (units ? withDescendants(units.ids, tree.children) : null),
    [units, tree],
  );

  const unitName = unit
    ? (tree.byId.get(unit)?.name ?? data?.points.find((p) => p.unitId === unit)?.name ?? unit)
    : undefined;
  const isCompany = !unit || unit === tree.root;

  useDocumentTitle('Linkage', isCompany ? 'Company' : unitName, linkPeriod ?? 'All quarters');

  // Escape clears the picked set (not while a picker has the keyboard).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      if (units) select({ units: undefined });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [units]);

  const periodCounts = info.data
    ? { survey: surveyPeriods.length, customer: customerPeriods.length }
    : undefined;

  const shownLevel = level ?? data?.level ?? '';
  const levelOptions = tree.levels.length > 0 ? tree.levels : shownLevel ? [shownLevel] : [];
  const okLags = LAGS.filter((k) => linkage.byLag.get(k)?.ok);
  const dataError =
    linkage.error &&
    (linkage.error.code === 'NOT_FOUND' || linkage.error.code === 'INVALID_ARGUMENTS')
      ? linkage.error
      : undefined;
  const lost = linkage.error && !dataError ? linkage.error : undefined;

  const sentence = useMemo(() => (data ? linkSentence(data) : null), [data]);
  const few = data
    ? data.points.length >= data.pointsTotal && distinctUnits(data) < FEW_UNITS
    : false;
  const weak = sentence ? sentence.kind !== 'link' : false;

  const pointsOfUnit =
    focused && data ? data.points.filter((p) => focused.has(p.unitId)).length : 0;

  return (
    <div className="view view--linkage" aria-busy={linkage.loading || profile.loading}>
      <div className="view-header linkage-header">
        <h1 className="sr-only">Linkage: employees and customers</h1>
        <div className="view-header__pickers linkage-pickers">
          <Picker
            label="Employee metric"
            testId="linkage-employee-metric"
            value={employeeMetric}
            onChange={(v) => select({ employeeMetric: v as Selection['employeeMetric'] })}
          >
            <MetricOptions groups={EMPLOYEE_GROUPS} />
          </Picker>
          <Picker
            label="Customer metric"
            testId="linkage-customer-metric"
            value={customerMetric}
            onChange={(v) => select({ customerMetric: v as Selection['customerMetric'] })}
          >
            <MetricOptions groups={CUSTOMER_GROUPS} />
          </Picker>
          <Picker
            label="Level"
            testId="linkage-level"
            value={shownLevel}
            onChange={(v) => select({ level: v })}
          >
            {!shownLevel && <option value="">Default</option>}
            {levelOptions.map((l) => (
              <option key={l} value={l}>
                {levelPlural(l)}
              </option>
            ))}
          </Picker>
          <Picker
            label="Lag"
            testId="linkage-lag"
            value={String(lag)}
            onChange={(v) => select({ lag: Number(v) })}
          >
            {LAGS.map((k) => (
              <option key={k} value={k}>
                {lagLabel(k)}
              </option>
            ))}
          </Picker>
          <Picker
            label="Employee quarter"
            testId="linkage-period"
            value={linkPeriod ?? POOLED}
            onChange={(v) => select({ linkPeriod: v === POOLED ? undefined : v })}
          >
            <option value={POOLED}>All quarters pooled</option>
            {surveyPeriods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Picker>
        </div>
      </div>

      {dataError ? (
        <MissingPanel
          missing={missingFor(
            dataError,
            periodCounts,
            shownLevel,
            lag,
            customerMetric,
            okLags,
            levelOptions,
          )}
        />
      ) : data ? (
        <>
          <p
            className={`linkage-sentence linkage-sentence--${sentence!.kind}`}
            data-testid="linkage-sentence"
          >
            {sentence!.text}
            {linkage.loading && <span className="updating">Updating…</span>}
          </p>
          <div className={`linkage-body${linkage.loading || lost ? ' stale' : ''}`}>
            <figure className="linkage-chart" data-testid="linkage-scatter">
              <div className="linkage-selbar" data-testid="linkage-selection">
                {!isCompany && (
                  <span className="linkage-selbar__item">
                    <span>
                      <strong>{unitName}</strong>:{' '}
                      {pointsOfUnit === 0
                        ? `not among these ${pointNoun(data.level, data.pooled, 2)}`
                        : `${formatCount(pointsOfUnit)} ${pointNoun(data.level, data.pooled, pointsOfUnit)} highlighted`}
                    </span>
                    <a
                      className="button button--primary"
                      href={hrefFor(selection, { view: 'teams', unit })}
                      data-testid="linkage-open-team"
                    >
                      Open team page
                    </a>
                    <button
                      type="button"
                      className="button"
                      onClick={() => select({ unit: undefined })}
                      aria-label={`Stop selecting ${unitName ?? ''}`}
                    >
                      ×
                    </button>
                  </span>
                )}
                {units && (
                  <span className="linkage-selbar__item">
                    <span>
                      {units.source === 'quadrant' && (
                        <QuadrantMark
                          quadrant={
                            (Object.keys(QUADRANT_STYLE) as (keyof typeof QUADRANT_STYLE)[]).find(
                              (q) => QUADRANT_STYLE[q].name === units.label,
                            ) ?? 'bright_spot'
                          }
                        />
                      )}{' '}
                      <strong>{units.label}</strong>: {formatCount(units.ids.length)}{' '}
                      {units.ids.length === 1 ? 'unit' : 'units'}
                    </span>
                    <button
                      type="button"
                      className="button"
                      data-testid="linkage-brush-clear"
                      onClick={() => select({ units: undefined })}
                    >
                      Clear
                    </button>
                  </span>
                )}
                {isCompany && !units && (
                  <span className="linkage-selbar__hint">
                    Drag across the chart to pick {levelPlural(data.level).toLowerCase()} for every
                    view; click a dot to select one.
                  </span>
                )}
              </div>
              <LinkageCanvas data={data} highlighted={highlighted} focused={focused} />
              <figcaption className="linkage-legend">
                {(['bright_spot', 'customer_only', 'employee_only', 'at_risk'] as const).map(
                  (q) => (
                    <span key={q} className="linkage-key">
                      <QuadrantMark quadrant={q} /> {QUADRANT_STYLE[q].name}
                    </span>
                  ),
                )}
                <span className="linkage-key">
                  <span className="linkage-key__line" aria-hidden="true" /> fitted line, 95% band
                </span>
                {oneSplit(data) && (
                  <span className="linkage-key">
                    <span className="linkage-key__split" aria-hidden="true" /> company figure
                  </span>
                )}
                {data.density && (
                  <span data-testid="linkage-thinned">
                    {formatCount(data.points.length)} of {formatCount(data.pointsTotal)} drawn; grey
                    shading shows all.
                  </span>
                )}
              </figcaption>
            </figure>
            <div className="linkage-side">
              <Stats data={data} weak={weak} />
              {few && (
                <p className="linkage-caveat" data-testid="linkage-few-units">
                  Only {distinctUnits(data)} {levelPlural(data.level).toLowerCase()}: r from so few
                  units can be large by chance.
                </p>
              )}
              {profile.data && !profile.error && (
                <LagStrip profile={profile.data} selectedLag={lag} />
              )}
              <QuadrantLists
                data={data}
                activeLabel={units?.source === 'quadrant' ? units.label : undefined}
                selectedUnit={unit}
              />
              <Details data={data} />
            </div>
          </div>
        </>
      ) : (
        <Loading label="Linking employee and customer figures…" />
      )}
    </div>
  );
}
