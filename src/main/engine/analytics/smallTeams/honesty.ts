import type { DuckDBConnection } from '@duckdb/node-api';
import type { SmallTeam } from '../../../../shared/analytics/drilldown';
import { COMMENTS_MIN_GROUP_SIZE } from '../../../../shared/settings';
import { queryOne } from '../../db/query';
import {
  agreementBand,
  credibilityWeight,
  rwg,
  shrunkMean,
  teamVariance,
  type VarianceComponents,
} from './credibility';
import { engagementOptions, givenEngagementBelow, levelComponents } from './levelComponents';

const round = (value: number, places = 2): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/** A small-team view with nothing in it (the figure is not shown, or not applicable). */
export const NOT_WEIGHED = {
  raw: null,
  shrunk: null,
  weight: null,
  towards: null,
  n: null,
  rwg: null,
  agreement: null,
  note: null,
} as const;

/** Agreement is reported for groups at least this big, and only as a band and one decimal. */
export const AGREEMENT_MIN_N = COMMENTS_MIN_GROUP_SIZE;

export interface Reference {
  id: string;
  name: string;
  /** The reference's shown engagement index, or null when it is not shown. */
  value: number | null;
}

/**
 * The small-team view of one unit's engagement index in one period: its raw figure (as shown),
 * the credibility-weighted figure shrunk toward its nearest shown ancestor, the weight, and the
 * within-team agreement r_wg. `shown` is false when the figure itself is not shown: nothing then
 * derives from it.
 */
export async function smallTeamView(
  conn: DuckDBConnection,
  unit: { unitId: string; level: string },
  period: string,
  figure: { shown: boolean; reason: string | null; value: number | null; n: number | null },
  towards: Reference | null,
): Promise<SmallTeam> {
  if (!figure.shown || figure.value === null || figure.n === null) {
    return {
      ...NOT_WEIGHED,
      status: figure.reason ? 'suppressed' : 'no_data',
      reason: figure.reason,
    };
  }
  const moments = await queryOne<{ n: number; sum: number; sq: number; given: boolean }>(
    conn,
    `SELECT engagement_n AS n, engagement_sum AS sum, engagement_sq AS sq,
       ${givenEngagementBelow('$unit', '$period')} AS given
     FROM unit_period_stats WHERE period = $period AND unit_id = $unit`,
    { period, unit: unit.unitId },
  );
  const options = await engagementOptions(conn);
  // A pre-aggregated engagement figure below the unit has no spread to agree on.
  const variance =
    moments && !moments.given
      ? teamVariance({ n: moments.n, sum: moments.sum, sumSq: moments.sq })
      : null;
  // The 0-100 index back on the answer scale: one answer step is 100 / (options - 1) points.
  const step = 100 / (options - 1);
  const agreement =
    variance !== null && figure.n >= AGREEMENT_MIN_N
      ? round(rwg(variance / step ** 2, options), 1)
      : null;
  const components = await levelComponents(conn, period, unit.level);
  const base = {
    status: 'ok' as const,
    reason: null,
    raw: figure.value,
    n: figure.n,
    rwg: agreement,
    agreement: agreement === null ? null : agreementBand(agreement),
  };
  if (!components || !towards || towards.value === null) {
    return {
      ...base,
      shrunk: null,
      weight: null,
      towards: null,
      note: !towards
        ? 'The top of the organisation: nothing to weigh it against.'
        : 'Not weighted: too few comparable units, or the figure to weigh toward is not shown.',
    };
  }
  const weight = credibilityWeight(figure.n, components);
  return {
    ...base,
    shrunk: round(shrunkMean(figure.value, figure.n, towards.value, components)),
    weight: round(weight, 3),
    towards,
    note: describe(weight, figure.n, towards.name, components),
  };
}

function describe(weight: number, n: number, towards: string, c: VarianceComponents): string {
  const own = Math.round(weight * 100);
  return `Credibility-weighted: ${own}% this group's own figure (${n} people), ${100 - own}% ${towards}'s, by how much groups of this size vary by chance (estimated across ${c.teams} comparable units).`;
}

/** Children ranked on the shrunk figure: each child's shrunk value and 1-based rank (null when not shown). */
export function rankOnShrunk(
  children: { unitId: string; value: number | null; n: number | null }[],
  parentValue: number | null,
  components: VarianceComponents | null,
): Map<string, { shrunk: number | null; rank: number | null }> {
  const out = new Map<string, { shrunk: number | null; rank: number | null }>();
  const scored = children.map((c) => ({
    unitId: c.unitId,
    shrunk:
      c.value === null || c.n === null
        ? null
        : components && parentValue !== null
          ? shrunkMean(c.value, c.n, parentValue, components)
          : c.value,
  }));
  const ranked = scored
    .filter((s): s is { unitId: string; shrunk: number } => s.shrunk !== null)
    .sort((a, b) => b.shrunk - a.shrunk || a.unitId.localeCompare(b.unitId));
  const rankOf = new Map(ranked.map((s, i) => [s.unitId, i + 1]));
  for (const s of scored) {
    out.set(s.unitId, {
      shrunk: s.shrunk === null ? null : round(s.shrunk),
      rank: rankOf.get(s.unitId) ?? null,
    });
  }
  return out;
}

export { levelComponents };
