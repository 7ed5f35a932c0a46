import type { MethodName, MethodOutput } from '../../../../shared/contract';
import { contract } from '../../../../shared/contract';
import { formatMetricValue, formatN } from '../../../../shared/figureText';
import { METRICS, type MetricId, type MetricValue } from '../../../../shared/metrics';
import { UpstreamError } from '../../../../shared/result';
import type { Selection } from '../../../../shared/selection';
import { dispatch } from '../../dispatch';
import type { EngineContext } from '../../handlers/context';
import type { FigureSubject, KeyFigure, PublishedFigure, SlideChart, SlideTable } from '../content';

export type OrgUnit = MethodOutput<'hierarchy'>['units'][number];
export type Period = MethodOutput<'info'>['periods'][number];

/** What a view's slide needs from the engine, asked once per export. */
export interface ViewContext {
  selection: Selection;
  periods: Period[];
  minGroupSize: number;
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /** The org tree in force for a period (the latest without one), asked once per period. */
  tree(period?: string): Promise<OrgUnit[]>;
}

/** What one view contributes to its slide; the story builder adds titles, notes and the footnote. */
export interface ViewBody {
  /** "Linkage · Whole company · 2026-Q2" without the view word: the unit or set and the period. */
  scope: string;
  period: string;
  keyFigures: KeyFigure[];
  headline: string | null;
  chart: SlideChart | null;
  tables: SlideTable[];
  /** Metrics whose definitions the footnote gives. */
  metrics: MetricId[];
  /** Other definitions the footnote states ("r: Pearson correlation ..."). */
  definitions: string[];
  published: Omit<PublishedFigure, 'slide'>[];
}

export function engineCaller(ctx: EngineContext): ViewContext['call'] {
  return async (method, input) => {
    const result = await dispatch(method, input, ctx);
    if (!result.ok) throw new UpstreamError(result.error.code, result.error.message);
    return contract[method].output.parse(result.value) as MethodOutput<typeof method>;
  };
}

/** The renderer's default quarter (src/renderer/src/state/periods.ts): the latest with its data. */
export function defaultPeriod(
  periods: Period[],
  needs: 'survey' | 'any' = 'any',
): string | undefined {
  const sorted = [...periods].sort((a, b) => a.id.localeCompare(b.id));
  const has = (p: Period) =>
    needs === 'survey' ? p.surveyResponses > 0 : p.surveyResponses > 0 || p.customerResponses > 0;
  return (sorted.filter(has).at(-1) ?? sorted.at(-1))?.id;
}

export const rootOf = (units: OrgUnit[]) => units.find((u) => u.parentId === null) ?? units[0];

/** A figure as the screen prints it: the number and its n, or the word for why there is none. */
export function keyFigure(v: MetricValue, label = METRICS[v.metric].label): KeyFigure {
  if (v.status === 'ok' && v.value !== null) {
    return {
      label,
      value: formatMetricValue(v.metric, v.value),
      raw: v.value,
      n: v.n,
      status: 'shown',
      note: v.n === null ? 'n not available' : formatN(v.metric, v.n),
    };
  }
  return {
    label,
    value: '—',
    raw: null,
    n: null,
    status: v.status === 'suppressed' ? 'suppressed' : 'no_data',
    note: v.reason ?? (v.status === 'suppressed' ? 'Suppressed' : 'No data'),
  };
}

/** The text a table cell gets for a figure: the number, or why there is none. */
export function cellText(v: Pick<MetricValue, 'status' | 'value'>): number | string {
  if (v.status === 'ok' && v.value !== null) return v.value;
  return v.status === 'suppressed' ? 'Suppressed' : 'No data';
}

/** Employee figures (survey and HR) are the ones the confidentiality rules protect. */
export const isEmployeeMetric = (metric: string) =>
  (METRICS as Record<string, { side: string } | undefined>)[metric]?.side === 'employee';

/** A shown employee figure, as the disclosure audit reads it; nothing for any other figure. */
export function publish(
  period: string,
  subject: FigureSubject,
  metric: string,
  value: number | null,
  n: number | null,
  status: string,
): Omit<PublishedFigure, 'slide'>[] {
  if (status !== 'ok' || n === null) return [];
  return [{ period, subject, metric, n, value }];
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const round1 = (v: number) => Math.round(v * 10) / 10;

/** A figure printed twice (a tile and its quarter in the trend) is published once. */
export function dedupe<T>(figures: T[]): T[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
