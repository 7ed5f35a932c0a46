import type { LinkageOutput } from '../../../../shared/analytics/linkage';
import { intervalText, linkSentence, rText } from '../../../../shared/linkSentence';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import type { FigureSubject, SlideTable } from '../content';
import {
  cellText,
  dedupe,
  defaultPeriod,
  isEmployeeMetric,
  keyFigure,
  publish,
  rootOf,
  type OrgUnit,
  type ViewBody,
  type ViewContext,
} from './common';

/** The tiles the Overview leads with, in the order the room reads them (OverviewView.tsx). */
const HEADLINE: MetricId[] = ['engagement_index', 'enps', 'pct_favourable', 'nps', 'csat'];
const COUNTS: MetricId[] = ['respondents', 'response_rate', 'customer_responses'];
/** The trend lines drawn: one family each side, so no two scales share an axis by accident. */
const TRENDS: MetricId[] = ['engagement_index', 'enps', 'nps'];

/** The org level the Overview tells the link at (OverviewView.tsx linkLevel). */
function linkLevel(units: OrgUnit[], unitId: string | undefined, setIds: string[] | undefined) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const mostCommon = (levels: string[]) => {
    const counts = new Map<string, number>();
    for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  if (setIds)
    return mostCommon(setIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!.level] : [])));
  if (unitId) {
    const children = units.filter((u) => u.parentId === unitId).map((u) => u.level);
    return mostCommon(children) ?? byId.get(unitId)?.level;
  }
  if (units.some((u) => u.level === 'team')) return 'team';
  return mostCommon(units.filter((u) => u.parentId !== null).map((u) => u.level));
}

/** The Overview's link headline (overview/linkHeadline.ts): the sentence, then r and its interval. */
export function linkHeadline(data: LinkageOutput): string {
  const { kind, text } = linkSentence(data);
  if (data.r === null || kind === 'few_units' || kind === 'no_line') return text;
  const stats =
    kind === 'link' ? `${rText(data.r)}, ${intervalText(data.ciLow, data.ciHigh)}` : rText(data.r);
  return `${text.replace(/\.$/, '')} (${stats}).`;
}

export async function overviewBody(v: ViewContext): Promise<ViewBody> {
  const s = v.selection;
  const known = s.period !== undefined && v.periods.some((p) => p.id === s.period);
  const period = known ? s.period : defaultPeriod(v.periods);
  const units = await v.tree(period);
  const root = rootOf(units);
  const unitKnown = s.unit !== undefined && units.some((u) => u.id === s.unit);
  const unitId = unitKnown && s.unit !== root?.id ? s.unit : undefined;
  const set = s.units;
  const data = await v.call(
    'overview',
    set ? { period, unitIds: set.ids } : unitId ? { period, unitId } : { period },
  );

  const subjectOf = await setSubjects(v, period, data);
  const scope = set
    ? `${set.label} (${data.set?.units.length ?? set.ids.length} units)`
    : data.unit.id === root?.id
      ? 'Whole company'
      : data.unit.name;

  const tiles = [...HEADLINE, ...COUNTS].flatMap((m) => data.tiles.filter((t) => t.metric === m));
  const keyFigures = tiles.map((t) => {
    const figure = keyFigure(t, t.label);
    const out = data.set?.leftOut.find((l) => l.metric === t.metric)?.units ?? 0;
    if (out > 0 && figure.status === 'shown')
      figure.note = `${figure.note}; ${out} of ${data.set!.units.length} units hidden: left out`;
    return figure;
  });

  const level = linkLevel(units, unitId, set?.ids);
  let headline: string | null = null;
  if (level) {
    try {
      headline = linkHeadline(
        await v.call('linkage', {
          employeeMetric: 'engagement_index',
          customerMetric: 'nps',
          lag: 1,
          level,
        }),
      );
    } catch {
      // The screen says the link could not be worked out; the slide leads with the figures alone.
      headline = null;
    }
  }

  const trend = [...data.trend].sort((a, b) => a.period.localeCompare(b.period));
  const valueOf = (p: (typeof trend)[number], m: MetricId) => p.values.find((x) => x.metric === m);
  const trendMetrics = TRENDS.filter((m) => trend.some((p) => valueOf(p, m)?.status === 'ok'));
  const chart =
    trend.length > 0 && trendMetrics.length > 0
      ? {
          kind: 'line' as const,
          xLabel: 'Quarter',
          yLabel: 'Score',
          categories: trend.map((p) => p.period),
          series: trendMetrics.map((m) => ({
            name: METRICS[m].label,
            values: trend.map((p) => {
              const x = valueOf(p, m);
              return x?.status === 'ok' ? x.value : null;
            }),
          })),
        }
      : null;

  const allMetrics = [...new Set(trend.flatMap((p) => p.values.map((x) => x.metric)))];
  const tables: SlideTable[] = [
    {
      name: 'Figures',
      columns: ['Figure', 'Value', 'n', 'Status', 'Note'],
      rows: data.tiles.map((t) => [
        t.label,
        cellText(t),
        t.status === 'ok' ? t.n : null,
        t.status,
        t.status === 'ok' ? null : t.reason,
      ]),
    },
    {
      name: 'Trend',
      columns: [
        'Quarter',
        ...allMetrics.flatMap((m) => [METRICS[m].label, `${METRICS[m].label} n`]),
      ],
      rows: trend.map((p) => [
        p.period,
        ...allMetrics.flatMap((m) => {
          const x = valueOf(p, m);
          return x ? [cellText(x), x.status === 'ok' ? x.n : null] : ['No data', null];
        }),
      ]),
    },
  ];
  if (data.reorgs.length > 0)
    tables.push({
      name: 'Reorganisations',
      columns: ['Quarter', 'Note'],
      rows: data.reorgs.map((r) => [r.period, r.note]),
    });

  const published = [
    ...data.tiles.flatMap((t) =>
      isEmployeeMetric(t.metric)
        ? publish(data.period, subjectOf(data.period, t.metric), t.metric, t.value, t.n, t.status)
        : [],
    ),
    ...trend.flatMap((p) =>
      p.values.flatMap((x) =>
        isEmployeeMetric(x.metric)
          ? publish(p.period, subjectOf(p.period, x.metric), x.metric, x.value, x.n, x.status)
          : [],
      ),
    ),
  ];

  return {
    scope,
    period: data.period,
    keyFigures,
    headline,
    chart,
    tables,
    metrics: tiles.map((t) => t.metric),
    definitions: headline ? [LINK_DEFINITION] : [],
    published: dedupe(published),
  };
}

/**
 * Who a figure is about. A set's figure is made of the members whose own figure is shown for
 * that metric and quarter (the engine leaves hidden members out and only counts them), so each
 * member's own answer says whether it is inside: the audit then reasons about the right people.
 */
async function setSubjects(
  v: ViewContext,
  period: string | undefined,
  data: { unit: { id: string }; set: { units: { id: string }[] } | null },
): Promise<(period: string, metric: string) => FigureSubject> {
  if (!data.set) {
    const unit: FigureSubject = { kind: 'unit', unitId: data.unit.id };
    return () => unit;
  }
  const shown = new Map<string, string[]>();
  for (const member of data.set.units) {
    const own = await v.call(
      'overview',
      period ? { period, unitId: member.id } : { unitId: member.id },
    );
    const figures = [
      ...own.tiles.map((t) => ({ period: own.period, metric: t.metric, status: t.status })),
      ...own.trend.flatMap((p) =>
        p.values.map((x) => ({ period: p.period, metric: x.metric, status: x.status })),
      ),
    ];
    for (const f of figures) {
      if (f.status !== 'ok') continue;
      const key = `${f.period}|${f.metric}`;
      const ids = shown.get(key) ?? [];
      if (!ids.includes(member.id)) ids.push(member.id);
      shown.set(key, ids);
    }
  }
  return (p, metric) => ({ kind: 'set', unitIds: shown.get(`${p}|${metric}`) ?? [] });
}

export const LINK_DEFINITION =
  'r: Pearson correlation across units between one quarter’s employee figure and the customer figure a given number of quarters later, with its 95% interval (Fisher z).';
