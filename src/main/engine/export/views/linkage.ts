import { formatCount } from '../../../../shared/figureText';
import { formatR, intervalText, linkSentence } from '../../../../shared/linkSentence';
import { METRICS } from '../../../../shared/metrics';
import type { KeyFigure } from '../content';
import { publish, rootOf, type ViewBody, type ViewContext } from './common';
import { LINK_DEFINITION } from './overview';

const QUADRANT_NAMES = {
  bright_spot: 'Bright spots',
  customer_only: 'Customer only',
  employee_only: 'Employee only',
  at_risk: 'At risk',
} as const;

function lagWords(lag: number): string {
  if (lag === 0) return 'same quarter';
  const k = Math.abs(lag);
  return `customer ${k} ${k === 1 ? 'quarter' : 'quarters'} ${lag > 0 ? 'later' : 'earlier'}`;
}

/** The Linkage view at the slide's lag, with the inputs the view sends (LinkageView.tsx). */
export async function linkageBody(v: ViewContext): Promise<ViewBody> {
  const s = v.selection;
  const data = await v.call('linkage', {
    employeeMetric: s.employeeMetric,
    customerMetric: s.customerMetric,
    ...(s.level ? { level: s.level } : {}),
    ...(s.linkPeriod ? { period: s.linkPeriod } : {}),
    lag: s.lag,
  });
  const e = METRICS[data.employeeMetric];
  const c = METRICS[data.customerMetric];
  const units = await v.tree();
  const root = rootOf(units);
  const focus = s.unit && s.unit !== root?.id ? units.find((u) => u.id === s.unit) : undefined;
  const quarters = data.pooled
    ? `all quarters (${data.employeePeriods.length} pairs), ${lagWords(data.lag)}`
    : `${data.employeePeriod} against ${data.customerPeriod}`;
  const scope = [
    `${e.label} against ${c.label} by ${data.level}`,
    focus ? `highlighting ${focus.name}` : s.units ? `highlighting ${s.units.label}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  const pointWord = data.pooled ? `${data.level}-quarters` : `${data.level}s`;
  const keyFigures: KeyFigure[] = [
    {
      label: 'r (Pearson)',
      value: formatR(data.r),
      raw: data.r,
      n: data.n,
      status: data.r === null ? 'no_data' : 'shown',
      note: `${intervalText(data.ciLow, data.ciHigh)}; n = ${formatCount(data.n)} ${pointWord}`,
    },
    {
      label: 'Spearman',
      value: formatR(data.spearman),
      raw: data.spearman,
      n: data.n,
      status: data.spearman === null ? 'no_data' : 'shown',
    },
    {
      label: 'Smallest detectable r',
      value: formatR(data.minDetectableR),
      raw: data.minDetectableR,
      n: data.n,
      status: data.minDetectableR === null ? 'no_data' : 'shown',
      note: `80% power, two-sided alpha .05; r = .30 needs about ${data.nNeededForR30} points`,
    },
  ];
  if (data.excluded.total > 0)
    keyFigures.push({
      label: 'Left out',
      value: formatCount(data.excluded.total),
      raw: data.excluded.total,
      n: null,
      status: 'shown',
      note: data.excluded.reasons.map((r) => `${r.count}: ${r.reason}`).join('; '),
    });

  const fit =
    data.slope !== null && data.intercept !== null && data.withinGroup === 'none'
      ? { slope: data.slope, intercept: data.intercept }
      : null;
  return {
    scope,
    period: quarters,
    keyFigures,
    headline: linkSentence(data).text,
    chart: {
      kind: 'scatter',
      xLabel: `${e.label} (employees)`,
      yLabel: `${c.label} (customers)`,
      points: data.points.map((p) => ({ label: p.name, x: p.x, y: p.y, n: p.nEmployees })),
      fit,
    },
    tables: [
      {
        name: 'Units',
        columns: [
          'Unit',
          'Employee quarter',
          'Customer quarter',
          e.label,
          'Employees n',
          c.label,
          'Customers n',
          'Quadrant',
        ],
        rows: data.points.map((p) => [
          p.name,
          p.employeePeriod,
          p.customerPeriod,
          p.x,
          p.nEmployees,
          p.y,
          p.nCustomers,
          QUADRANT_NAMES[p.quadrant],
        ]),
      },
      {
        name: 'Statistics',
        columns: ['Statistic', 'Value'],
        rows: [
          ['Pearson r', data.r],
          ['95% interval low', data.ciLow],
          ['95% interval high', data.ciHigh],
          ['Spearman', data.spearman],
          ['p', data.p],
          ['Points', data.n],
          ['Smallest detectable r', data.minDetectableR],
          ['Slope', data.slope],
          ['Intercept', data.intercept],
          ...data.excluded.reasons.map((r) => [`Left out: ${r.reason}`, r.count]),
        ],
      },
    ],
    metrics: [data.employeeMetric, data.customerMetric],
    definitions: [LINK_DEFINITION],
    published: data.points.flatMap((p) =>
      publish(
        p.employeePeriod,
        { kind: 'unit', unitId: p.unitId },
        data.employeeMetric,
        p.x,
        p.nEmployees,
        'ok',
      ),
    ),
  };
}
