import type { DuckDBConnection } from '@duckdb/node-api';
import { NOT_STATED, ORG_GROUPING } from '../../../../shared/analytics/heatmap';
import { EMPTY_TALLY, type Tally } from '../../confidentiality/alikeRemainders';
import {
  decideDimension,
  rollUp,
  type DimensionFigure,
} from '../../confidentiality/demographicSuppression';
import { visibilityMaps } from '../../confidentiality/visibilityMaps';
import {
  demographicPeriodStats,
  statedDimensions,
  type DimensionId,
} from '../../derived/demographicStats';
import { boundedMemo } from '../../workspace/cache';
import type { ValueDef } from './stats';
import { noAnswers, noRespondents, type AssessedUnit, type Judged } from './visibility';

export { dimensionOf } from '../../derived/demographicStats';

/** The groupings the heatmap offers in this workspace: org units, then each stated dimension. */
export async function demographicGroupings(
  conn: DuckDBConnection,
): Promise<{ id: string; label: string }[]> {
  const dims = await statedDimensions(conn);
  return [
    { id: ORG_GROUPING, label: 'Org units' },
    ...dims.map((d) => ({ id: d.id, label: d.label })),
  ];
}

/** One period's demographic roll-ups and decisions for one dimension. */
interface DimensionDecisions {
  /** figure -> group -> unit -> roll-up tally. */
  rollups: Map<string, Map<string, Map<string, Tally>>>;
  /** figure -> group -> unit -> why hidden. */
  hidden: Map<string, Map<string, Map<string, string>>>;
}

/** One period's people by unit and group, read once for every dimension. */
function periodStats(conn: DuckDBConnection, period: string) {
  return boundedMemo(conn, 'demographicStats', period, 4, () =>
    demographicPeriodStats(conn, period),
  );
}

/**
 * Decided once per period, dimension and minimum over the whole tree (the rules in
 * confidentiality/demographicSuppression.ts), on top of the stored org decisions, and kept until
 * the data or the minimum change (imports and settings clear the cache): every scope of every
 * request reads the same decisions.
 */
function dimensionDecisions(
  conn: DuckDBConnection,
  period: string,
  dimension: DimensionId,
  minSize: number,
): Promise<DimensionDecisions> {
  return boundedMemo(
    conn,
    'demographicDecisions',
    `${period}|${dimension}|${minSize}`,
    8,
    async () => {
      const stats = await periodStats(conn, period);
      const org = (
        await visibilityMaps(conn, [period], minSize, { figures: ['respondents', 'value:%'] })
      ).get(period)!;
      const orgHidden = (figure: string, unitId: string) =>
        (figure === 'respondents' ? org.row : org.figure(figure)).get(unitId)?.visible !== true;
      const figures = new Map<string, DimensionFigure>();
      const byGroup =
        stats.groupOwn.get(dimension) ?? new Map<string, Map<string, Map<string, Tally>>>();
      for (const [figure, orgOwn] of stats.orgOwn) {
        const groups = new Map<string, Map<string, Tally>>();
        for (const [g, byFigure] of byGroup) {
          const own = byFigure.get(figure);
          if (own) groups.set(g, own);
        }
        figures.set(figure, { groups, org: orgOwn });
      }
      const hidden = decideDimension(stats.units, figures, orgHidden, minSize);
      const rollups = new Map<string, Map<string, Map<string, Tally>>>();
      for (const [figure, data] of figures) {
        rollups.set(
          figure,
          new Map([...data.groups].map(([g, own]) => [g, rollUp(stats.units, own)])),
        );
      }
      return { rollups, hidden };
    },
  );
}

export interface DemographicGroup {
  id: string;
  label: string;
}

const ROLE_LABELS: Record<string, string> = { leader: 'Leaders', front_line: 'Front line' };

/** Tenure bands in the order of their first number ('<1y', '1-3y', '5y+'); 'Not stated' last. */
function groupOrder(a: string, b: string): number {
  if (a === NOT_STATED || b === NOT_STATED)
    return a === NOT_STATED ? (b === NOT_STATED ? 0 : 1) : -1;
  const start = (s: string) => {
    if (/^\s*(<|under|less than|up to)/i.test(s)) return -1;
    const m = /\d+(\.\d+)?/.exec(s);
    return m ? Number(m[0]) : Number.POSITIVE_INFINITY;
  };
  return start(a) - start(b) || a.localeCompare(b);
}

/**
 * The groups of one dimension inside a unit's full roll-up, each judged like an org unit: its
 * row (respondents) and each value cell, shown only where the demographic decisions allow.
 */
export async function demographicRows(
  conn: DuckDBConnection,
  period: string,
  scopeId: string,
  dimension: DimensionId,
  values: ValueDef[],
  minSize: number,
): Promise<{ groups: DemographicGroup[]; assessed: Map<string, AssessedUnit> }> {
  const { rollups, hidden } = await dimensionDecisions(conn, period, dimension, minSize);
  const tallyOf = (figure: string, g: string) =>
    rollups.get(figure)?.get(g)?.get(scopeId) ?? EMPTY_TALLY;
  const reasonOf = (figure: string, g: string) => hidden.get(figure)?.get(g)?.get(scopeId);
  const respondents = rollups.get('respondents') ?? new Map<string, Map<string, Tally>>();
  const ids = [...respondents.keys()]
    .filter((g) => tallyOf('respondents', g).n > 0)
    .sort(groupOrder);
  const assessed = new Map<string, AssessedUnit>();
  for (const g of ids) {
    const n = tallyOf('respondents', g).n;
    const rowReason = reasonOf('respondents', g);
    const row: Judged =
      n === 0
        ? { status: 'no_data', reason: noRespondents }
        : rowReason !== undefined
          ? { status: 'suppressed', reason: rowReason }
          : { status: 'ok', reason: null };
    const unit: AssessedUnit = {
      unitId: g,
      respondents: n,
      row,
      cells: new Map(),
      gaps: new Map(),
    };
    for (const value of values) {
      const t = tallyOf(value.id, g);
      const tally = { answered: t.answered, favourable: t.favourable, n: t.n };
      const why = reasonOf(value.id, g);
      const cell: Judged =
        row.status !== 'ok'
          ? row
          : t.n === 0 || t.answered === 0
            ? { status: 'no_data', reason: noAnswers }
            : why !== undefined
              ? { status: 'suppressed', reason: why }
              : { status: 'ok', reason: null };
      unit.cells.set(value.id, { ...cell, tally });
    }
    assessed.set(g, unit);
  }
  return {
    groups: ids.map((g) => ({
      id: g,
      label: dimension === 'role' ? (ROLE_LABELS[g] ?? g) : g,
    })),
    assessed,
  };
}
