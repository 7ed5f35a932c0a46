import type { DrilldownOutput, ValueCell } from '../../../../shared/analytics/drilldown';
import { formatMetricValue, formatN } from '../../../../shared/figureText';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import { UpstreamError } from '../../../../shared/result';
import type { FigureSubject, SlideTable } from '../content';
import {
  cellText,
  dedupe,
  defaultPeriod,
  isEmployeeMetric,
  keyFigure,
  publish,
  rootOf,
  type ViewBody,
  type ViewContext,
} from './common';

const percent = (v: number) => formatMetricValue('pct_favourable', v);
const valueCellText = (c: ValueCell) =>
  c.status === 'ok' && c.pctFavourable !== null
    ? c.pctFavourable
    : c.status === 'suppressed'
      ? 'Suppressed'
      : 'No data';

function headlineOf(data: DrilldownOutput, unitName: string): string | null {
  if (data.items.status !== 'ok') return null;
  const top = data.items.strongest[0];
  const low = data.items.weakest[0];
  if (!top || !low) return null;
  return `${unitName} is strongest on “${top.text}” (${percent(top.pctFavourable)} favourable, ${formatN('pct_favourable', top.n)}) and weakest on “${low.text}” (${percent(low.pctFavourable)}, ${formatN('pct_favourable', low.n)}).`;
}

/** The Teams page with the inputs the view sends (TeamsView.tsx). */
export async function teamsBody(v: ViewContext): Promise<ViewBody> {
  const s = v.selection;
  const known = s.period !== undefined && v.periods.some((p) => p.id === s.period);
  const period = known ? s.period : defaultPeriod(v.periods, 'survey');
  const units = await v.tree(period);
  const root = rootOf(units);
  const unitKnown = s.unit !== undefined && units.some((u) => u.id === s.unit);
  if (!root)
    throw new UpstreamError(
      'NOT_FOUND',
      'This workspace holds no organisation yet: import one first.',
    );
  const unitId = unitKnown ? s.unit! : root.id;
  const data = await v.call('drilldown', {
    unitId,
    ...(period ? { period } : {}),
    scope: s.scope,
  });

  const children = units.filter((u) => u.parentId === data.unit.id).map((u) => u.id);
  // 'direct' is the unit's own people and its direct reports' own people, not deeper levels.
  const own: FigureSubject =
    data.scope === 'direct' && children.length > 0
      ? { kind: 'members', unitIds: [data.unit.id, ...children] }
      : { kind: 'unit', unitId: data.unit.id };
  const parent =
    data.breadcrumbs.length >= 2 ? data.breadcrumbs[data.breadcrumbs.length - 2] : null;
  const isRoot = data.unit.id === root?.id;
  const unitName = isRoot ? 'The whole company' : data.unit.name;

  const keyFigures = [...data.headline, ...data.hr.filter((h) => h.status !== 'no_data')].map((m) =>
    keyFigure(m),
  );

  const trendMetrics = [...new Set(data.trends.flatMap((t) => t.values.map((x) => x.metric)))];
  const tables: SlideTable[] = [
    {
      name: 'Figures',
      columns: ['Figure', 'Value', 'n', 'Status', 'Note'],
      rows: [...data.headline, ...data.hr].map((m) => [
        METRICS[m.metric].label,
        cellText(m),
        m.status === 'ok' ? m.n : null,
        m.status,
        m.status === 'ok' ? null : m.reason,
      ]),
    },
    {
      name: 'Values profile',
      columns: ['Value', 'Unit', 'Unit n', 'Parent', 'Parent n', 'Company', 'Company n'],
      rows: data.values.map((x) => [
        x.name,
        valueCellText(x.unit),
        x.unit.status === 'ok' ? x.unit.n : null,
        valueCellText(x.parent),
        x.parent.status === 'ok' ? x.parent.n : null,
        valueCellText(x.company),
        x.company.status === 'ok' ? x.company.n : null,
      ]),
    },
    {
      name: 'Items',
      columns: ['Rank', 'Item', '% favourable', 'n'],
      rows: [
        ...data.items.strongest.map((i) => ['Strongest', i.text, i.pctFavourable, i.n]),
        ...data.items.weakest.map((i) => ['Weakest', i.text, i.pctFavourable, i.n]),
      ],
    },
    {
      name: 'Direct reports',
      columns: ['Unit', 'Level', 'Respondents', 'Engagement index', 'Rank', 'Status'],
      rows: data.children.map((c) => [
        c.name,
        c.level,
        c.status === 'ok' ? c.respondents : null,
        cellText(c.engagement),
        c.rank,
        c.status === 'ok' ? 'shown' : (c.reason ?? c.status),
      ]),
    },
    {
      name: 'Trend',
      columns: [
        'Quarter',
        ...trendMetrics.flatMap((m) => [METRICS[m].label, `${METRICS[m].label} n`]),
        'Reorganisation',
      ],
      rows: data.trends.map((t) => [
        t.period,
        ...trendMetrics.flatMap((m) => {
          const x = t.values.find((y) => y.metric === m);
          return x ? [cellText(x), x.status === 'ok' ? x.n : null] : ['No data', null];
        }),
        t.reorg,
      ]),
    },
  ];

  const valueSubject = (which: 'unit' | 'parent' | 'company'): FigureSubject | null =>
    which === 'unit'
      ? own
      : which === 'parent'
        ? parent
          ? { kind: 'unit', unitId: parent.id }
          : null
        : root
          ? { kind: 'unit', unitId: root.id }
          : null;
  const published = [
    ...[...data.headline, ...data.hr].flatMap((m) =>
      isEmployeeMetric(m.metric) ? publish(data.period, own, m.metric, m.value, m.n, m.status) : [],
    ),
    ...data.trends.flatMap((t) =>
      t.values.flatMap((x) =>
        isEmployeeMetric(x.metric) ? publish(t.period, own, x.metric, x.value, x.n, x.status) : [],
      ),
    ),
    ...data.values.flatMap((x) =>
      (['unit', 'parent', 'company'] as const).flatMap((which) => {
        const subject = valueSubject(which);
        const c = x[which];
        return subject
          ? publish(data.period, subject, x.value, c.pctFavourable, c.n, c.status)
          : [];
      }),
    ),
    ...[...data.items.strongest, ...data.items.weakest].flatMap((i) =>
      publish(data.period, own, i.itemId, i.pctFavourable, i.n, 'ok'),
    ),
    ...data.children.flatMap((c) => [
      ...publish(
        data.period,
        { kind: 'unit', unitId: c.id },
        'respondents',
        c.respondents,
        c.respondents,
        c.status,
      ),
      ...publish(
        data.period,
        { kind: 'unit', unitId: c.id },
        'engagement_index',
        c.engagement.value,
        c.engagement.n,
        c.engagement.status,
      ),
    ]),
  ];

  const chartValues = data.values.filter(
    (x) => x.unit.status === 'ok' || x.parent.status === 'ok' || x.company.status === 'ok',
  );
  const num = (c: ValueCell) => (c.status === 'ok' ? c.pctFavourable : null);
  return {
    scope: isRoot
      ? 'Whole company'
      : `${data.unit.name}${data.scope === 'direct' ? ' (direct reports only)' : ''}`,
    period: data.period,
    keyFigures,
    headline: headlineOf(data, unitName),
    chart:
      chartValues.length > 0
        ? {
            kind: 'bar',
            xLabel: 'Value',
            yLabel: '% favourable',
            categories: chartValues.map((x) => x.name),
            series: [
              {
                name: isRoot ? 'Company' : data.unit.name,
                values: chartValues.map((x) => num(x.unit)),
              },
              ...(parent && !isRoot
                ? [{ name: parent.name, values: chartValues.map((x) => num(x.parent)) }]
                : []),
              ...(!isRoot
                ? [{ name: 'Company', values: chartValues.map((x) => num(x.company)) }]
                : []),
            ],
          }
        : null,
    tables,
    metrics: [...new Set<MetricId>([...data.headline, ...data.hr].map((m) => m.metric))],
    definitions: [],
    published: dedupe(published),
  };
}
