import type { DuckDBConnection } from '@duckdb/node-api';
import {
  drilldownInputSchema,
  type DrilldownInput,
  type DrilldownOutput,
  type ItemScore,
  type SmallTeam,
  type ValueCell,
} from '../../../../shared/analytics/drilldown';
import {
  NOT_WEIGHED,
  levelComponents,
  rankOnShrunk,
  smallTeamView,
  type Reference,
} from '../smallTeams/honesty';
import { shownEngagement } from '../smallTeams/shownEngagement';
import type { MetricValue } from '../../../../shared/contract';
import { UpstreamError } from '../../../../shared/result';
import { HR_FIGURES, type HrFigure } from '../../confidentiality/decideHrSuppression';
import { directFigure } from '../../confidentiality/decideSuppression';
import { suppressionReasons } from '../../confidentiality/reasons';
import type { Visibility } from '../../confidentiality/treeVisibility';
import {
  visibilityMaps,
  visibilityOf,
  type VisibilityMap,
} from '../../confidentiality/visibilityMaps';
import { listPeriods, resolvePeriod } from '../../hierarchy/periods';
import { unitReorgs } from '../../hierarchy/reorgs';
import { hierarchyFor, unitsOf, type UnitRow } from '../../hierarchy/units';
import { customerValue, employeeValue, hrValue, noData } from '../../metrics/metricValue';
import { directFigureVisibility, directVisibility } from './directScope';
import { linkagePosition } from './linkagePosition';
import {
  DIRECT_DEPTH,
  ROLLUP_DEPTH,
  figureParts,
  itemTallies,
  ivrMix,
  scopeFigures,
  scopeParts,
  valueFactors,
  valueTallies,
  type FigurePart,
  type ScopeFigures,
} from './queries';

const round = (value: number): number => Math.round(value * 100) / 100;
const ITEMS_SHOWN = 3;

export const drilldownReasons = {
  notInForce: (name: string, period: string) =>
    `${name} was not part of the organisation in ${period}`,
  noParent: 'This unit is the top of the organisation: it has no parent',
  noValueAnswers: "Nobody here answered this value's items in this period",
  noRespondents: 'No survey respondents in this group for this period',
  noItems: (minSize: number) => `No item was answered by at least ${minSize} people here`,
  hrRollupOnly:
    'HR figures are given for the full roll-up: switch to it to see them (the direct reports view is a group the HR rules do not judge)',
} as const;

const ref = (u: UnitRow) => ({ id: u.unit_id, name: u.unit_name, level: u.level });

function headlineValues(
  e: ScopeFigures | undefined,
  c: ScopeFigures | undefined,
  shown: (metric: 'respondents' | 'engagement_index' | 'enps' | 'pct_favourable') => Visibility,
  minSize: number,
): MetricValue[] {
  const respondents = e?.respondents ?? 0;
  return [
    employeeValue(
      'engagement_index',
      e?.engagement_index ?? null,
      e?.engagement_n ?? 0,
      shown('engagement_index'),
      minSize,
    ),
    employeeValue('enps', e?.enps ?? null, e?.enps_n ?? 0, shown('enps'), minSize),
    employeeValue(
      'pct_favourable',
      e?.pct_favourable ?? null,
      e?.favourable_n ?? 0,
      shown('pct_favourable'),
      minSize,
    ),
    employeeValue('respondents', respondents, respondents, shown('respondents'), minSize),
    customerValue('nps', c?.nps ?? null, c?.nps_n ?? 0),
    customerValue('csat', c?.csat ?? null, c?.csat_n ?? 0),
  ];
}

function valueCell(
  tally: { answered: number; favourable: number; n: number } | undefined,
  shown: Visibility,
  minSize: number,
): ValueCell {
  if (!tally || tally.n === 0 || tally.answered === 0) {
    return {
      pctFavourable: null,
      n: null,
      status: 'no_data',
      reason: drilldownReasons.noValueAnswers,
    };
  }
  if (!shown.visible)
    return { pctFavourable: null, n: null, status: 'suppressed', reason: shown.reason };
  if (tally.n < minSize) {
    return {
      pctFavourable: null,
      n: null,
      status: 'suppressed',
      reason: suppressionReasons.metricTooFew(minSize),
    };
  }
  return {
    pctFavourable: round((tally.favourable * 100) / tally.answered),
    n: tally.n,
    status: 'ok',
    reason: null,
  };
}

/** Strongest and weakest never share an item: with fewer than 6, the list is split in halves. */
export function rankItems(items: ItemScore[]): { strongest: ItemScore[]; weakest: ItemScore[] } {
  const best = [...items].sort(
    (a, b) => b.pctFavourable - a.pctFavourable || a.itemId.localeCompare(b.itemId),
  );
  const strongest = best.slice(0, Math.min(ITEMS_SHOWN, Math.ceil(best.length / 2)));
  const taken = new Set(strongest.map((i) => i.itemId));
  const weakest = [...best]
    .reverse()
    .filter((i) => !taken.has(i.itemId))
    .slice(0, Math.min(ITEMS_SHOWN, Math.floor(best.length / 2)));
  return { strongest, weakest };
}

/**
 * One unit's drill-down page. Every employee figure goes through the same rules as the overview:
 * the tree-wide visibility (minimum group size, next-smallest rule among siblings, no rebuilding a
 * hidden unit from its children) for roll-ups, directVisibility for the direct scope, and the
 * per-metric n minimum via employeeValue / valueCell / the item filter.
 */
export async function runDrilldown(
  conn: DuckDBConnection,
  minSize: number,
  rawInput: DrilldownInput,
): Promise<DrilldownOutput> {
  const parsed = drilldownInputSchema.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new UpstreamError('INVALID_ARGUMENTS', `Invalid arguments for drilldown: ${issues}`);
  }
  const input = parsed.data;
  const scope = input.scope ?? 'rollup';
  const period = await resolvePeriod(conn, input.period);
  const periods = await listPeriods(conn);
  const eff = await hierarchyFor(conn, period);
  const units = await unitsOf(conn, eff);
  const byId = new Map(units.map((u) => [u.unit_id, u]));
  const unit = byId.get(input.unitId);
  if (!unit) {
    throw new UpstreamError(
      'NOT_FOUND',
      `Unit '${input.unitId}' is not in the hierarchy in force for ${period}.`,
    );
  }
  const breadcrumbs: UnitRow[] = [];
  for (let u: UnitRow | undefined = unit; u; u = u.parent_id ? byId.get(u.parent_id) : undefined) {
    breadcrumbs.unshift(u);
    if (breadcrumbs.length > units.length) break; // a cycle would be a broken import; stop anyway
  }
  const company = breadcrumbs[0]!;
  const parent = unit.parent_id ? byId.get(unit.parent_id) : undefined;
  const children = units.filter((u) => u.parent_id === unit.unit_id);
  const maxDepth = scope === 'direct' ? DIRECT_DEPTH : ROLLUP_DEPTH;

  // A handful of set-based queries, run one after another on the workspace's connection.
  const asked = [...breadcrumbs, ...children].map((u) => u.unit_id);
  // One read of the stored decisions: headline figures, values and items of the units shown.
  const visibility = await visibilityMaps(conn, periods, minSize, {
    units: asked,
    figures: [
      'respondents',
      'engagement_index',
      'pct_favourable',
      'enps',
      'value:%',
      'item:%',
      ...HR_FIGURES,
      'direct:%',
    ],
  });
  const figureAtoms = await figureParts(conn, unit.unit_id, periods, period);
  const parts = scopeParts(figureAtoms);
  // Each figure's atoms, by period and figure: the direct scope asks for them figure by figure.
  const atomsOf = new Map<string, FigurePart[]>();
  for (const atom of figureAtoms) {
    const key = `${atom.period}|${atom.figure}`;
    const list = atomsOf.get(key);
    if (list) list.push(atom);
    else atomsOf.set(key, [atom]);
  }
  const figures = await scopeFigures(conn, unit.unit_id, maxDepth, periods);
  const reorgs = new Map(
    (await unitReorgs(conn, unit.unit_id, periods)).map((r) => [r.period, r.note]),
  );

  const shownIn = (p: string): Visibility => {
    const tree = visibilityOf(visibility, p, unit.unit_id);
    if (scope === 'rollup') return tree;
    const mine = parts
      .filter((x) => x.period === p)
      .map((x) => ({ unitId: x.unit_id, depth: x.depth, attached: x.attached, rollup: x.rollup }));
    return directVisibility(tree, mine, minSize).visibility;
  };
  // The direct scope judges each figure on its own atoms too (directFigureVisibility).
  // And on what the import decided for it over the whole tree (a unanimous group below the
  // direct reports: decideSuppression's direct figures).
  const directShown = (p: string, figure: string, group: Visibility): Visibility => {
    if (scope === 'rollup') return group;
    const shown = directFigureVisibility(group, atomsOf.get(`${p}|${figure}`) ?? [], minSize);
    if (!shown.visible || children.length === 0) return shown;
    return visibilityOf(visibility, p, unit.unit_id, directFigure(figure));
  };
  // A figure is shown only when the group is (shownIn) and the figure on its own n is too.
  const shownFor = (
    p: string,
    metric: 'respondents' | 'engagement_index' | 'enps' | 'pct_favourable',
  ): Visibility => {
    const group = shownIn(p);
    if (!group.visible || metric === 'respondents') return group;
    return directShown(p, metric, visibility.get(p)?.figure(metric).get(unit.unit_id) ?? group);
  };
  const inForce = new Set(parts.filter((x) => x.depth === 0).map((x) => x.period));

  const trends: DrilldownOutput['trends'] = periods.map((p) => {
    const values = inForce.has(p)
      ? headlineValues(figures.get(p), figures.get(p), (metric) => shownFor(p, metric), minSize)
      : (['engagement_index', 'enps', 'pct_favourable', 'respondents', 'nps', 'csat'] as const).map(
          (m) => noData(m, drilldownReasons.notInForce(unit.unit_name, p)),
        );
    return { period: p, values, reorg: reorgs.get(p) ?? null };
  });
  const headline = trends.find((t) => t.period === period)!.values;
  const shown = shownIn(period);
  const current = figures.get(period);
  const respondents = current?.respondents ?? 0;

  // Values profile: the unit (in its scope) against its parent and the company (full roll-ups).
  const unitGroup = { key: 'unit', unit: unit.unit_id, maxDepth };
  const groups = [unitGroup, { key: 'company', unit: company.unit_id, maxDepth: ROLLUP_DEPTH }];
  if (parent) groups.push({ key: 'parent', unit: parent.unit_id, maxDepth: ROLLUP_DEPTH });
  const tallies = await valueTallies(conn, groups, period, eff);
  const tally = (key: string, factor: string) =>
    tallies.find((t) => t.key === key && t.factor === factor);
  const treeShown = (id: string) => visibilityOf(visibility, period, id);
  // Value cells and items are each judged on their own n over the tree as well.
  const inPeriod = visibility.get(period)!;
  const figures_ = {
    value: (factor: string) => inPeriod.figure(factor),
    item: (itemId: string) => inPeriod.figure(`item:${itemId}`),
  };
  const both = (group: Visibility, figure: Visibility): Visibility =>
    group.visible ? figure : group;
  const figureShown = (map: VisibilityMap, id: string, group: Visibility) =>
    both(group, map.get(id) ?? { visible: false, reason: suppressionReasons.neighbour(minSize) });
  const values = (await valueFactors(conn)).map((factor) => ({
    value: factor,
    name: factor.slice('value:'.length),
    unit: valueCell(
      tally('unit', factor),
      directShown(period, factor, figureShown(figures_.value(factor), unit.unit_id, shown)),
      minSize,
    ),
    parent: parent
      ? valueCell(
          tally('parent', factor),
          figureShown(figures_.value(factor), parent.unit_id, treeShown(parent.unit_id)),
          minSize,
        )
      : ({
          pctFavourable: null,
          n: null,
          status: 'no_data',
          reason: drilldownReasons.noParent,
        } as const),
    company: valueCell(
      tally('company', factor),
      figureShown(figures_.value(factor), company.unit_id, treeShown(company.unit_id)),
      minSize,
    ),
  }));

  // Strongest and weakest items: only for a visible group, only items answered by the minimum.
  let items: DrilldownOutput['items'];
  if (respondents === 0) {
    items = {
      strongest: [],
      weakest: [],
      status: 'no_data',
      reason: drilldownReasons.noRespondents,
    };
  } else if (!shown.visible) {
    items = { strongest: [], weakest: [], status: 'suppressed', reason: shown.reason };
  } else {
    const scored: ItemScore[] = (await itemTallies(conn, unitGroup, period, eff))
      .filter(
        (t) =>
          t.answered >= minSize &&
          figures_.item(t.item_id).get(unit.unit_id)?.visible === true &&
          directShown(period, `item:${t.item_id}`, shown).visible,
      )
      .map((t) => ({
        itemId: t.item_id,
        text: t.item_text,
        factor: t.factor,
        pctFavourable: round((t.favourable * 100) / t.answered),
        n: t.answered,
      }));
    items =
      scored.length === 0
        ? {
            strongest: [],
            weakest: [],
            status: 'no_data',
            reason: drilldownReasons.noItems(minSize),
          }
        : { ...rankItems(scored), status: 'ok', reason: null };
  }

  // HR figures are decided over the tree like survey figures, with the HR headcount as n
  // (decideHrSuppression.ts). A direct scope with units below the direct reports is a group the
  // tree does not hold: its HR figures are given for the full roll-up only. Headcount is the org
  // chart's.
  const heads = current?.headcount ? current.headcount : null;
  const directIsRollup = children.every((c) => !units.some((u) => u.parent_id === c.unit_id));
  const hrShown = (metric: HrFigure): Visibility =>
    scope === 'direct' && !directIsRollup
      ? { visible: false, reason: drilldownReasons.hrRollupOnly }
      : visibilityOf(visibility, period, unit.unit_id, metric);
  const hrSums: Record<HrFigure, [number | null, number]> = {
    attrition: [current?.leavers ?? null, 100],
    absence_days_per_head: [current?.absence_days ?? null, 1],
    recognition_per_head: [current?.recognition_events ?? 0, 1],
  };
  const hr = HR_FIGURES.map((metric) => {
    const [sum, scale] = hrSums[metric];
    const value = heads === null || sum === null ? null : (sum * scale) / heads;
    return hrValue(metric, value, heads ?? 0, hrShown(metric), minSize);
  });
  const hrNumber = (metric: HrFigure) => hr.find((v) => v.metric === metric)!.value;

  // Direct reports: full roll-ups, judged by the same tree-wide visibility as every other method
  // (their own size, then the next-smallest rule among them and the people attached here).
  // Their roll-ups are the depth-1 rows of scopeParts for the period.
  const engagementShown = (id: string) =>
    both(
      treeShown(id),
      visibility.get(period)?.figure('engagement_index').get(id) ?? treeShown(id),
    );
  // Small-team honesty: the unit's engagement beside a credibility-weighted one, and its children
  // ranked on theirs, each weighed toward the nearest ancestor whose figure is shown.
  const engagementOf = await shownEngagement(
    conn,
    period,
    [...breadcrumbs.map((b) => b.unit_id)],
    engagementShown,
    minSize,
  );
  const nearestShown = (chain: UnitRow[]): Reference | null => {
    for (const u of [...chain].reverse()) {
      const v = engagementOf.get(u.unit_id);
      if (v !== undefined && v !== null) return { id: u.unit_id, name: u.unit_name, value: v };
    }
    return null;
  };
  const own = headline.find((h) => h.metric === 'engagement_index')!;
  const smallTeam: SmallTeam =
    scope === 'direct' && children.length > 0
      ? {
          ...NOT_WEIGHED,
          status: 'no_data',
          reason: 'Given for the full roll-up: switch to it to see the weighted figure.',
        }
      : await smallTeamView(
          conn,
          { unitId: unit.unit_id, level: unit.level },
          period,
          { shown: own.status === 'ok', reason: own.reason, value: own.value, n: own.n },
          nearestShown(breadcrumbs.slice(0, -1)),
        );
  const childTowards = nearestShown(breadcrumbs);
  const position = await linkagePosition(
    conn,
    unit.unit_id,
    company.unit_id,
    period,
    engagementShown,
    minSize,
  );
  const reasons = await ivrMix(conn, unit.unit_id, period, eff);
  const calls = reasons.reduce((sum, r) => sum + r.interactions, 0);
  const ivr = {
    interactions: calls,
    reasons: reasons.map((r) => ({ ...r, share: round((r.interactions * 100) / calls) })),
  };

  const childRows: DrilldownOutput['children'] = children.map((c) => {
    const r = parts.find((x) => x.period === period && x.depth === 1 && x.unit_id === c.unit_id);
    const n = r?.rollup ?? 0;
    const vis = treeShown(c.unit_id);
    const engagement = employeeValue(
      'engagement_index',
      r?.engagement_index ?? null,
      r?.engagement_n ?? 0,
      engagementShown(c.unit_id),
      minSize,
    );
    const unranked = { shrunkEngagement: null, rank: null };
    if (n === 0) {
      return {
        ...ref(c),
        respondents: null,
        engagement,
        ...unranked,
        status: 'no_data',
        reason: drilldownReasons.noRespondents,
      };
    }
    if (!vis.visible) {
      return {
        ...ref(c),
        respondents: null,
        engagement,
        ...unranked,
        status: 'suppressed',
        reason: vis.reason,
      };
    }
    return { ...ref(c), respondents: n, engagement, ...unranked, status: 'ok', reason: null };
  });
  const components = children[0] ? await levelComponents(conn, period, children[0].level) : null;
  const ranks = rankOnShrunk(
    childRows.map((c) => ({ unitId: c.id, value: c.engagement.value, n: c.engagement.n })),
    childTowards?.value ?? null,
    components,
  );
  for (const c of childRows)
    Object.assign(c, { shrunkEngagement: ranks.get(c.id)!.shrunk, rank: ranks.get(c.id)!.rank });
  const childrenRanking =
    components && childTowards
      ? `Ranked on the credibility-weighted engagement index (each shrunk toward ${childTowards.name}'s by how much groups of its size vary by chance), so a small team is not ranked first or last on noise.`
      : 'Ranked on the engagement index as shown (too few comparable units to weigh small ones).';

  return {
    unit: ref(unit),
    period,
    scope,
    minGroupSize: minSize,
    breadcrumbs: breadcrumbs.map(ref),
    headline,
    trends,
    values,
    items,
    hr,
    recognitionPerHead: hrNumber('recognition_per_head'),
    attrition: hrNumber('attrition'),
    absenceDaysPerHead: hrNumber('absence_days_per_head'),
    headcount: heads,
    ivrMix: ivr,
    smallTeam,
    linkage: position,
    children: childRows,
    childrenRanking,
  };
}
