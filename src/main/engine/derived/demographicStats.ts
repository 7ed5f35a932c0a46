import type { DuckDBConnection } from '@duckdb/node-api';
import { NOT_STATED } from '../../../shared/analytics/heatmap';
import type { Tally } from '../confidentiality/alikeRemainders';
import { queryRows } from '../db/query';
import { memo } from '../workspace/cache';

/**
 * The demographic dimensions a survey import stores per respondent: role and tenure band
 * (columns of survey_respondents), and whatever the mapping kept as a demographic (gender,
 * age band, location, shift, grade, department...: rows of respondent_attributes).
 */
export const DEMOGRAPHIC_DIMENSIONS = [
  { id: 'role', label: 'Role', column: 'role' },
  { id: 'tenure_band', label: 'Tenure', column: 'tenure_band' },
] as const;
/** A dimension id: 'role', 'tenure_band', or a respondent_attributes dimension. */
export type DimensionId = string;
export interface Dimension {
  id: DimensionId;
  label: string;
}

const ATTRIBUTE_LABELS: Record<string, string> = {
  gender: 'Gender',
  age_band: 'Age band',
  location: 'Location',
  shift: 'Shift',
  grade: 'Grade',
  department: 'Department',
};

/** 'work_pattern' -> 'Work pattern'. */
export function dimensionLabel(id: string): string {
  const known =
    ATTRIBUTE_LABELS[id] ?? DEMOGRAPHIC_DIMENSIONS.find((d) => d.id === id)?.label ?? undefined;
  if (known) return known;
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A built-in dimension (role, tenure band), whether or not anyone stated it. */
export const dimensionOf = (id: string): Dimension | undefined =>
  DEMOGRAPHIC_DIMENSIONS.find((d) => d.id === id);

/** The dimensions some respondent answered: role, tenure band, then the others by id. */
export function statedDimensions(conn: DuckDBConnection): Promise<Dimension[]> {
  return memo(conn, 'demographicDimensions', async () => {
    const rows = await queryRows<{ role: number; tenure_band: number }>(
      conn,
      `SELECT count(nullif(trim(role), ''))::INTEGER AS role,
         count(nullif(trim(tenure_band), ''))::INTEGER AS tenure_band
       FROM survey_respondents`,
    );
    const r = rows[0];
    const others = await queryRows<{ dimension: string }>(
      conn,
      'SELECT DISTINCT dimension FROM respondent_attributes ORDER BY dimension',
    );
    return [
      ...DEMOGRAPHIC_DIMENSIONS.filter((d) => (r?.[d.id] ?? 0) > 0).map((d) => ({
        id: d.id,
        label: d.label,
      })),
      ...others
        .filter((o) => !dimensionOf(o.dimension))
        .map((o) => ({ id: o.dimension, label: dimensionLabel(o.dimension) })),
    ];
  });
}

/** Figures kept per group: 'respondents' and each value ('value:<Name>'). */
export interface DemographicPeriodStats {
  units: { id: string; parentId: string | null }[];
  /** Figure -> the people attached to each unit (all of them, every group together). */
  orgOwn: Map<string, Map<string, Tally>>;
  /** Dimension -> group -> figure -> unit -> the group's people attached to the unit. */
  groupOwn: Map<DimensionId, Map<string, Map<string, Map<string, Tally>>>>;
}

const tally = (n: number, answered = 0, favourable = 0): Tally => ({
  n,
  answered,
  favourable,
  detractors: 0,
  total: 0,
});

/**
 * One period's people by unit and demographic group, for 'respondents' and every value: each
 * stated group from the respondents' answers (the same counting as employee_figure_stats), and
 * 'Not stated' as everyone else attached to the unit (the unit's own figure minus the stated
 * groups: people who did not say, and survey figures given pre-aggregated), so the groups of a
 * dimension always add up to the unit's own figure.
 */
export async function demographicPeriodStats(
  conn: DuckDBConnection,
  period: string,
): Promise<DemographicPeriodStats> {
  const units = await queryRows<{ id: string; parent_id: string | null }>(
    conn,
    `SELECT unit_id AS id, parent_id FROM org_units WHERE effective_from = hierarchy_for($p)
     ORDER BY unit_id`,
    { p: period },
  );
  const own = await queryRows<{
    unit_id: string;
    figure: string;
    n: number;
    answered: number;
    favourable: number;
  }>(
    conn,
    `SELECT unit_id, figure, n::INTEGER AS n, answered::DOUBLE AS answered, favourable::DOUBLE AS favourable
     FROM employee_figure_stats
     WHERE period = $p AND scope = 'own' AND role = 'all'
       AND (figure = 'respondents' OR figure LIKE 'value:%')`,
    { p: period },
  );
  const stated = await queryRows<{
    dim: DimensionId;
    grp: string;
    unit_id: string;
    figure: string;
    n: number;
    answered: number;
    favourable: number;
  }>(
    conn,
    `WITH items AS (
       SELECT item_id, factor, scale_min, scale_max FROM survey_items
       QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY source_id DESC) = 1),
     people AS MATERIALIZED (
       SELECT r.respondent_id, r.unit_id, nullif(trim(s.role), '') AS role,
         nullif(trim(s.tenure_band), '') AS tenure_band
       FROM respondent_scores r JOIN survey_respondents s USING (period, respondent_id)
       WHERE r.period = $p),
     per_value AS (
       SELECT a.respondent_id, i.factor AS figure, count(*) AS answered,
         count(*) FILTER (WHERE a.scored >= i.scale_max - 1) AS favourable
       FROM survey_answers a JOIN items i USING (item_id)
       WHERE a.period = $p AND i.factor LIKE 'value:%' AND a.scored BETWEEN i.scale_min AND i.scale_max
       GROUP BY ALL),
     long AS (
       SELECT 'role' AS dim, role AS grp, respondent_id, unit_id FROM people WHERE role IS NOT NULL
       UNION ALL
       SELECT 'tenure_band', tenure_band, respondent_id, unit_id FROM people WHERE tenure_band IS NOT NULL
       UNION ALL
       SELECT a.dimension, nullif(trim(a.value), ''), p.respondent_id, p.unit_id
       FROM respondent_attributes a JOIN people p USING (respondent_id)
       WHERE a.period = $p AND a.dimension NOT IN ('role', 'tenure_band')
         AND nullif(trim(a.value), '') IS NOT NULL)
     SELECT dim, grp, unit_id, 'respondents' AS figure, count(*)::INTEGER AS n,
       0::DOUBLE AS answered, 0::DOUBLE AS favourable
     FROM long GROUP BY ALL
     UNION ALL
     SELECT l.dim, l.grp, l.unit_id, v.figure, count(*)::INTEGER, sum(v.answered)::DOUBLE,
       sum(v.favourable)::DOUBLE
     FROM long l JOIN per_value v USING (respondent_id) GROUP BY ALL`,
    { p: period },
  );
  const orgOwn = new Map<string, Map<string, Tally>>();
  for (const r of own) {
    let byUnit = orgOwn.get(r.figure);
    if (!byUnit) orgOwn.set(r.figure, (byUnit = new Map()));
    byUnit.set(r.unit_id, tally(Number(r.n), Number(r.answered), Number(r.favourable)));
  }
  const groupOwn: DemographicPeriodStats['groupOwn'] = new Map();
  const slot = (dim: DimensionId, grp: string, figure: string) => {
    let byGroup = groupOwn.get(dim);
    if (!byGroup) groupOwn.set(dim, (byGroup = new Map()));
    let byFigure = byGroup.get(grp);
    if (!byFigure) byGroup.set(grp, (byFigure = new Map()));
    let byUnit = byFigure.get(figure);
    if (!byUnit) byFigure.set(figure, (byUnit = new Map()));
    return byUnit;
  };
  for (const r of stated) {
    // A stated answer written 'Not stated' joins the people who did not say.
    const grp = r.grp === NOT_STATED ? `${NOT_STATED} (as written)` : r.grp;
    slot(r.dim, grp, r.figure).set(
      r.unit_id,
      tally(Number(r.n), Number(r.answered), Number(r.favourable)),
    );
  }
  // Not stated: the unit's own figure minus every stated group of the dimension.
  const dimensions = [
    ...DEMOGRAPHIC_DIMENSIONS.map((d) => d.id),
    ...(await statedDimensions(conn)).map((d) => d.id).filter((id) => !dimensionOf(id)),
  ];
  for (const id of dimensions) {
    for (const [figure, byUnit] of orgOwn) {
      for (const [unit, all] of byUnit) {
        let rest = { ...all };
        for (const [grp, byFigure] of groupOwn.get(id) ??
          new Map<string, Map<string, Map<string, Tally>>>()) {
          if (grp === NOT_STATED) continue;
          const t = byFigure.get(figure)?.get(unit);
          if (t)
            rest = tally(rest.n - t.n, rest.answered - t.answered, rest.favourable - t.favourable);
        }
        if (rest.n > 0) slot(id, NOT_STATED, figure).set(unit, rest);
      }
    }
  }
  return {
    units: units.map((u) => ({ id: u.id, parentId: u.parent_id })),
    orgOwn,
    groupOwn,
  };
}
