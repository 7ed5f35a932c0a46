import type { MethodOutput, MetricValue } from '../../../../shared/contract';
import { METRICS, type MetricId } from '../../../../shared/metrics';
import { formatMetricValue } from '../../format/formatMetric';

type Trend = MethodOutput<'overview'>['trend'];

/** The quarter before: "2026-Q1" -> "2025-Q4"; null for anything that is not a quarter id. */
export function previousQuarter(period: string): string | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** How many decimals a figure shows on screen (the change is the difference of what is shown). */
function decimals(metric: MetricId): number {
  switch (METRICS[metric].family) {
    case 'index_0_100':
    case 'mean_1_7':
      return 1;
    case 'per_head':
      return 2;
    default:
      return 0;
  }
}

/** The figure as the tile shows it (Intl's rounding, half away from zero on the shortest decimal). */
function shown(v: number, places: number): number {
  return Number(
    new Intl.NumberFormat('en-US', {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: false,
    }).format(v),
  );
}

export type Change =
  | {
      status: 'ok';
      /** The shown figure minus the previous quarter's shown figure (so the arithmetic reads right). */
      delta: number;
      direction: 'up' | 'down' | 'same';
      since: string;
      /** "+3 since 2025-Q2", "-1.2 since 2025-Q2", "no change since 2025-Q2". */
      text: string;
    }
  | {
      status: 'none';
      since: string | null;
      /** Why no change is shown: "2025-Q2 suppressed", "no 2025-Q2 figure". */
      text: string;
    };

/** A signed difference in the metric's own style: "+3", "-1.2", "+0.15"; seconds as "+0:12". */
export function formatDelta(metric: MetricId, delta: number): string {
  const places = decimals(metric);
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
  const size = Math.abs(delta);
  if (METRICS[metric].family === 'seconds') return `${sign}${formatMetricValue(metric, size)}`;
  const text = size.toFixed(places);
  return Number(text) === 0 ? '0' : `${sign}${text}`;
}

/**
 * The change of a figure since the previous quarter, from the overview's trend. No change is
 * shown when either quarter's figure is suppressed or missing: a difference must never let a
 * hidden figure be worked out.
 */
export function changeSincePrevious(
  metric: MetricId,
  current: Pick<MetricValue, 'status' | 'value'>,
  period: string,
  trend: Trend,
): Change {
  const since = previousQuarter(period);
  if (!since) return { status: 'none', since: null, text: 'no earlier quarter' };
  const before = trend.find((p) => p.period === since)?.values.find((v) => v.metric === metric);
  if (current.status !== 'ok' || current.value === null) {
    // The tile already says why it shows no figure: nothing more to say.
    return { status: 'none', since, text: '' };
  }
  if (!before || before.status === 'no_data' || before.value === null) {
    return {
      status: 'none',
      since,
      text: before?.status === 'suppressed' ? `${since} suppressed` : `no ${since} figure`,
    };
  }
  if (before.status !== 'ok') return { status: 'none', since, text: `${since} suppressed` };
  const places = decimals(metric);
  const delta = Number(
    (shown(current.value, places) - shown(before.value, places)).toFixed(places),
  );
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  const text =
    direction === 'same'
      ? `no change since ${since}`
      : `${formatDelta(metric, delta)} since ${since}`;
  return { status: 'ok', delta, direction, since, text };
}
