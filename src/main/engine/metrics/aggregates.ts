/**
 * The SQL of each metric in the registry (src/shared/metrics.ts), by metric id, written once:
 * every method that computes a figure over some group of people or responses uses these
 * aggregate expressions, so a formula cannot drift between methods.
 */

/**
 * Over rows of employee_figure_stats aliased `s` (one group's rows, role 'all'): each headline
 * employee metric and the n behind it, from the sufficient statistics imports keep.
 */
export const EMPLOYEE_FIGURES_FROM_STATS = `
  sum(s.n) FILTER (WHERE s.figure = 'respondents') AS respondents,
  sum(s.total) FILTER (WHERE s.figure = 'engagement_index')
    / nullif(sum(s.n) FILTER (WHERE s.figure = 'engagement_index'), 0) AS engagement_index,
  coalesce(sum(s.n) FILTER (WHERE s.figure = 'engagement_index'), 0) AS engagement_n,
  sum(s.favourable) FILTER (WHERE s.figure = 'pct_favourable') * 100.0
    / nullif(sum(s.answered) FILTER (WHERE s.figure = 'pct_favourable'), 0) AS pct_favourable,
  coalesce(sum(s.n) FILTER (WHERE s.figure = 'pct_favourable'), 0) AS favourable_n,
  (sum(s.favourable) FILTER (WHERE s.figure = 'enps') - sum(s.detractors) FILTER (WHERE s.figure = 'enps')) * 100.0
    / nullif(sum(s.n) FILTER (WHERE s.figure = 'enps'), 0) AS enps,
  coalesce(sum(s.n) FILTER (WHERE s.figure = 'enps'), 0) AS enps_n`;

/** Over rows of respondent_scores aliased `r`: each metric and the n behind it. */
export const EMPLOYEE_AGGREGATES = `
  count(*) AS respondents,
  avg(r.engagement_0_100) AS engagement_index,
  count(r.engagement_0_100) AS engagement_n,
  sum(r.likert_favourable) * 100.0 / nullif(sum(r.likert_answered), 0) AS pct_favourable,
  count(*) FILTER (WHERE r.likert_answered > 0) AS favourable_n,
  (count(*) FILTER (WHERE r.enps_score >= 9) - count(*) FILTER (WHERE r.enps_score <= 6)) * 100.0
    / nullif(count(r.enps_score), 0) AS enps,
  count(r.enps_score) AS enps_n`;
