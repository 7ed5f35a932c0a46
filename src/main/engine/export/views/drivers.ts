import {
  UNIT_OUTCOMES,
  type DriverQuadrant,
  type DriversInput,
  type DriversOutput,
} from '../../../../shared/analytics/drivers';
import { formatCount } from '../../../../shared/figureText';
import { formatR, intervalText } from '../../../../shared/linkSentence';
import type { MetricId } from '../../../../shared/metrics';
import type { KeyFigure } from '../content';
import {
  defaultPeriod,
  publish,
  rootOf,
  type OrgUnit,
  type ViewBody,
  type ViewContext,
} from './common';

const OUTCOME_LABELS: Record<DriversOutput['outcome'], string> = {
  enps: 'eNPS',
  engagement_index: 'Engagement index',
  nps: 'Customer NPS',
  csat: 'CSAT',
};
const QUADRANT_NAMES: Record<DriverQuadrant, string> = {
  key_strength: 'Key strength',
  priority: 'Priority',
  secondary_strength: 'Secondary strength',
  low_priority: 'Low priority',
};

function levelOrder(units: OrgUnit[]): string[] {
  const depth = new Map<string, number>();
  for (const u of units) depth.set(u.level, Math.min(depth.get(u.level) ?? Infinity, u.depth));
  return [...depth.entries()].sort((a, b) => a[1] - b[1]).map(([l]) => l);
}

function analysisN(data: DriversOutput): string {
  if (data.n === null) return '';
  if (data.analysis === 'respondents')
    return `${formatCount(data.n)} ${data.n === 1 ? 'respondent' : 'respondents'}`;
  const level = data.level ?? 'unit';
  return `${formatCount(data.n)} ${data.n === 1 ? level : `${level}s`}`;
}

function sentence(data: DriversOutput, unitName: string): string {
  const outcome = OUTCOME_LABELS[data.outcome];
  if (data.status === 'suppressed')
    return `For ${outcome} in ${unitName}, the driver analysis is suppressed to protect a small group.`;
  if (data.status === 'no_data')
    return `For ${outcome} in ${unitName}, there is not enough data for a driver analysis.`;
  const top = data.drivers.find((d) => d.importance.status === 'ok' && d.importance.r !== null);
  if (!top)
    return `For ${outcome} in ${unitName} (${data.period}, ${analysisN(data)}), no ${data.by} has enough answers to show how it goes with it.`;
  const priorities = data.drivers.filter((d) => d.quadrant === 'priority').length;
  return `For ${outcome} in ${unitName} (${data.period}, ${analysisN(data)}), the strongest ${data.by} is “${top.label}” (r = ${formatR(top.importance.r)}, ${intervalText(top.importance.ciLow, top.importance.ciHigh)})${priorities > 0 ? `; ${priorities} ${priorities === 1 ? data.by : `${data.by}s`} are important but weak: act there first` : ''}.`;
}

/** The Drivers view with the inputs the view sends (DriversView.tsx). */
export async function driversBody(v: ViewContext): Promise<ViewBody> {
  const s = v.selection;
  const unitOutcome = (UNIT_OUTCOMES as readonly string[]).includes(s.outcome);
  const known = s.period !== undefined && v.periods.some((p) => p.id === s.period);
  const treePeriod = known ? s.period : defaultPeriod(v.periods, 'survey');
  const units = await v.tree(treePeriod);
  const root = rootOf(units);
  const unitKnown = s.unit !== undefined && units.some((u) => u.id === s.unit);
  const unitId = unitKnown && s.unit !== root?.id ? s.unit : undefined;
  const unitRow = units.find((u) => u.id === unitId) ?? root;
  const levels = levelOrder(units);
  const below = unitRow
    ? levels.filter((l) => levels.indexOf(l) > levels.indexOf(unitRow.level))
    : levels;
  const level = s.level && below.includes(s.level) ? s.level : undefined;

  const input: DriversInput = { outcome: s.outcome, by: s.driverKind };
  if (unitId) input.unitId = unitId;
  if (known) input.period = s.period;
  if (unitOutcome) {
    input.lag = s.lag;
    if (level) input.level = level;
  }
  const data = await v.call('drivers', input);
  const scopeId = data.unit.id;
  const isRoot = scopeId === root?.id;

  const keyFigures: KeyFigure[] = [
    {
      label:
        data.analysis === 'respondents' ? 'Respondents in the analysis' : 'Units in the analysis',
      value: data.n === null ? '—' : formatCount(data.n),
      raw: data.n,
      n: data.n,
      status: data.status === 'ok' ? 'shown' : data.status,
      ...(data.reason ? { note: data.reason } : {}),
    },
  ];
  if (data.status === 'ok') {
    for (const d of data.drivers.filter((x) => x.importance.status === 'ok').slice(0, 3))
      keyFigures.push({
        label: d.label,
        value: formatR(d.importance.r),
        raw: d.importance.r,
        n: d.importance.n,
        status: 'shown',
        note: `r with ${OUTCOME_LABELS[data.outcome]}, ${intervalText(d.importance.ciLow, d.importance.ciHigh)}`,
      });
  }

  const chartPoints = data.drivers.flatMap((d) =>
    d.importance.status === 'ok' &&
    d.importance.r !== null &&
    d.performance.status === 'ok' &&
    d.performance.value !== null
      ? [{ label: d.label, x: d.importance.r, y: d.performance.value, n: d.performance.n }]
      : [],
  );
  const outcomeMetric = data.outcome as MetricId;
  return {
    scope: isRoot ? 'Whole company' : data.unit.name,
    period: data.customerPeriod
      ? `employees ${data.period}, customers ${data.customerPeriod}`
      : data.period,
    keyFigures,
    headline: sentence(data, isRoot ? 'the whole company' : data.unit.name),
    chart:
      chartPoints.length > 0
        ? {
            kind: 'scatter',
            xLabel: `Importance (r with ${OUTCOME_LABELS[data.outcome]})`,
            yLabel: 'Performance (% favourable)',
            points: chartPoints,
            fit: null,
          }
        : null,
    tables: [
      {
        name: 'Drivers',
        columns: [
          data.by === 'item' ? 'Item' : 'Value',
          'r',
          '95% low',
          '95% high',
          'r n',
          'Relative weight (% of R²)',
          '% favourable',
          '% favourable n',
          'Quadrant',
          'Status',
        ],
        rows: data.drivers.map((d) => {
          const ok = d.importance.status === 'ok';
          const perf = d.performance.status === 'ok';
          return [
            d.label,
            ok ? d.importance.r : null,
            ok ? d.importance.ciLow : null,
            ok ? d.importance.ciHigh : null,
            ok ? d.importance.n : null,
            d.relativeWeight?.share ?? null,
            perf
              ? d.performance.value
              : d.performance.status === 'suppressed'
                ? 'Suppressed'
                : 'No data',
            perf ? d.performance.n : null,
            d.quadrant ? QUADRANT_NAMES[d.quadrant] : null,
            ok && perf ? 'shown' : (d.importance.reason ?? d.performance.reason ?? 'not shown'),
          ];
        }),
      },
    ],
    metrics: ['pct_favourable', outcomeMetric],
    definitions: [`Drivers: ${data.importanceMethod.correlation} ${data.formula}`],
    published: data.drivers.flatMap((d) =>
      publish(
        data.period,
        { kind: 'unit', unitId: scopeId },
        d.id,
        d.performance.value,
        d.performance.n,
        d.performance.status,
      ),
    ),
  };
}
