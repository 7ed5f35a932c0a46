import type { HeatmapOutput } from '../../../../shared/analytics/heatmap';
import { formatMetricValue, formatN } from '../../../../shared/figureText';
import type { FigureSubject, KeyFigure, SlideTable } from '../content';
import { defaultPeriod, publish, rootOf, type ViewBody, type ViewContext } from './common';

type Row = HeatmapOutput['rows'][number];
type Cell = Row['cells'][number];

const MODE_WORDS: Record<HeatmapOutput['mode'], string> = {
  absolute: '% favourable',
  vs_company: 'points vs company',
  vs_parent: 'points vs parent',
  vs_previous: 'points vs previous period',
};

const percent = (v: number) => formatMetricValue('pct_favourable', v);
/** Whole points, signed unless zero (the heatmap's own rule). */
const points = (v: number) => formatMetricValue('enps', v);

/** The number a cell shows: % favourable, or the difference in the difference modes. */
function shown(mode: HeatmapOutput['mode'], cell: Cell): number | null {
  if (cell.status !== 'ok') return null;
  return mode === 'absolute' ? cell.pctFavourable : cell.delta;
}

function cellWords(mode: HeatmapOutput['mode'], cell: Cell): string | number {
  if (cell.status === 'suppressed') return 'Suppressed';
  const v = shown(mode, cell);
  return v === null ? 'No data' : v;
}

/** The Values heatmap with the inputs the view sends (ValuesView.tsx). */
export async function valuesBody(v: ViewContext): Promise<ViewBody> {
  const s = v.selection;
  const surveyed = v.periods.filter((p) => p.surveyResponses > 0);
  const known = s.period !== undefined && surveyed.some((p) => p.id === s.period);
  const period = known ? s.period : defaultPeriod(v.periods, 'survey');
  const units = await v.tree(period);
  const root = rootOf(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const focus =
    s.unit !== undefined && byId.has(s.unit) && s.unit !== root?.id ? s.unit : undefined;
  const set = s.units;
  const grouped = s.grouping !== 'org' && !set;
  const hasChildren = (id: string) => units.some((u) => u.parentId === id);
  let scopeId: string | undefined;
  if (focus) {
    scopeId = grouped || hasChildren(focus) ? focus : (byId.get(focus)?.parentId ?? undefined);
    if (scopeId === root?.id) scopeId = undefined;
  }
  const rowsAsked = {
    ...(scopeId ? { parentId: scopeId } : {}),
    ...(set ? { unitIds: set.ids } : {}),
    ...(grouped ? { groupBy: s.grouping } : {}),
  };
  const data = await v.call('heatmap', {
    ...(period ? { period } : {}),
    mode: s.heatmapMode,
    ...rowsAsked,
  });

  const groupingLabel = data.groupings.find((g) => g.id === data.groupBy)?.label ?? data.groupBy;
  const scope = set
    ? `${set.label} (${data.rows.length} units)`
    : grouped
      ? `${data.parent.name} by ${groupingLabel.toLowerCase()}`
      : data.parent.id === root?.id
        ? 'Whole company'
        : data.parent.name;

  const subjectOf = (row: Pick<Row, 'unitId'>): FigureSubject =>
    grouped
      ? {
          kind: 'group',
          scopeUnitId: data.parent.id,
          grouping: data.groupBy,
          group: row.unitId,
        }
      : { kind: 'unit', unitId: row.unitId };
  const setSubject = (metric: string) => shownMembers(data.rows, metric);

  const valueName = new Map(data.values.map((x) => [x.id, x.name]));
  const columns = data.values.map((x) => x.name);
  const summary = [
    ...(data.selection
      ? [{ label: `${set?.label ?? 'Selection'} (combined)`, row: data.selection }]
      : []),
    { label: 'Company', row: data.company },
    ...(data.parentRow.unitId !== data.company.unitId && !set
      ? [{ label: data.parent.name, row: data.parentRow }]
      : []),
  ];

  const table: SlideTable = {
    name: 'Values',
    columns: [
      grouped ? groupingLabel : 'Unit',
      'Respondents',
      ...columns.flatMap((c) => [`${c} (${MODE_WORDS[data.mode]})`, `${c} n`]),
      'Spread',
      'Status',
    ],
    rows: [
      ...summary.map(({ label, row }) => [
        label,
        row.status === 'ok' ? row.n : null,
        ...row.cells.flatMap((c) => [cellWords(data.mode, c), c.status === 'ok' ? c.n : null]),
        row.spread,
        row.status === 'ok' ? 'reference' : (row.reason ?? row.status),
      ]),
      ...data.rows.map((row) => [
        row.name,
        row.status === 'ok' ? row.n : null,
        ...row.cells.flatMap((c) => [cellWords(data.mode, c), c.status === 'ok' ? c.n : null]),
        row.spread,
        row.status === 'ok' ? 'shown' : (row.reason ?? row.status),
      ]),
    ],
  };

  // The headline: the row furthest down on any value, as the room would read the colours.
  let weakest: { row: Row; cell: Cell; v: number } | null = null;
  for (const row of data.rows)
    for (const cell of row.cells) {
      const x = shown(data.mode, cell);
      if (x !== null && (weakest === null || x < weakest.v)) weakest = { row, cell, v: x };
    }
  const headline = weakest
    ? data.mode === 'absolute'
      ? `${weakest.row.name} is lowest on ${valueName.get(weakest.cell.value) ?? weakest.cell.value}: ${percent(weakest.v)} favourable (${formatN('pct_favourable', weakest.cell.n!)}).`
      : `${weakest.row.name} is furthest ${weakest.v < 0 ? 'below' : 'above'} ${data.mode === 'vs_company' ? 'the company' : data.mode === 'vs_parent' ? 'its parent' : 'its previous quarter'} on ${valueName.get(weakest.cell.value) ?? weakest.cell.value}: ${points(weakest.v)} points (${percent(weakest.cell.pctFavourable!)} favourable, ${formatN('pct_favourable', weakest.cell.n!)}).`
    : null;

  const company = data.company;
  const keyFigures: KeyFigure[] = company.cells.map((c) => ({
    label: `${valueName.get(c.value) ?? c.value} (company)`,
    value: c.status === 'ok' && c.pctFavourable !== null ? percent(c.pctFavourable) : '—',
    raw: c.status === 'ok' ? c.pctFavourable : null,
    n: c.status === 'ok' ? c.n : null,
    status: c.status === 'ok' ? 'shown' : c.status === 'suppressed' ? 'suppressed' : 'no_data',
    note:
      c.status === 'ok' && c.n !== null ? formatN('pct_favourable', c.n) : (c.reason ?? undefined),
  }));

  const published = [
    ...data.rows.flatMap((row) => [
      ...publish(data.period, subjectOf(row), 'respondents', row.n, row.n, row.status),
      ...row.cells.flatMap((c) =>
        publish(data.period, subjectOf(row), c.value, c.pctFavourable, c.n, c.status),
      ),
    ]),
    ...summary.flatMap(({ row }) => {
      const subject = (metric: string): FigureSubject =>
        row === data.selection ? setSubject(metric) : { kind: 'unit', unitId: row.unitId };
      return [
        ...publish(data.period, subject('respondents'), 'respondents', row.n, row.n, row.status),
        ...row.cells.flatMap((c) =>
          publish(data.period, subject(c.value), c.value, c.pctFavourable, c.n, c.status),
        ),
      ];
    }),
    ...(await previousFigures(v, data, rowsAsked, subjectOf)),
  ];

  return {
    scope,
    period: data.previousPeriod ? `${data.period} against ${data.previousPeriod}` : data.period,
    keyFigures,
    headline,
    chart: {
      kind: 'heatmap',
      rowLabel: grouped ? groupingLabel : 'Unit',
      rows: data.rows.map((r) => r.name),
      columns,
      cells: data.rows.map((r) => r.cells.map((c) => shown(data.mode, c))),
      scale: data.mode === 'absolute' ? 'percent' : 'difference',
    },
    tables: [table],
    metrics: ['pct_favourable'],
    definitions: [`Values: ${data.formula}`],
    published,
  };
}

/**
 * A difference from the previous quarter beside this quarter's figure gives the previous
 * quarter's figure away: those are published too (the engine's own, with their n), so the audit
 * weighs them like any printed figure.
 */
async function previousFigures(
  v: ViewContext,
  data: HeatmapOutput,
  rowsAsked: Record<string, unknown>,
  subjectOf: (row: Pick<Row, 'unitId'>) => FigureSubject,
) {
  if (data.mode !== 'vs_previous' || data.previousPeriod === null) return [];
  const before = await v.call('heatmap', {
    period: data.previousPeriod,
    mode: 'absolute',
    ...rowsAsked,
  });
  const previous = data.previousPeriod;
  const shownNow = new Set(
    data.rows.flatMap((r) =>
      r.cells
        .filter((c) => c.status === 'ok' && c.delta !== null)
        .map((c) => `${r.unitId}|${c.value}`),
    ),
  );
  const rows = before.rows.flatMap((row) =>
    row.cells
      .filter((c) => shownNow.has(`${row.unitId}|${c.value}`))
      .flatMap((c) => publish(previous, subjectOf(row), c.value, c.pctFavourable, c.n, c.status)),
  );
  const summaries: [Pick<Row, 'cells'> | null, Pick<Row, 'cells'> | null, FigureSubject | null][] =
    [
      [data.company, before.company, { kind: 'unit', unitId: data.company.unitId }],
      [data.selection, before.selection, null],
    ];
  for (const [now, then, fixed] of summaries) {
    if (!now || !then) continue;
    const shown = new Set(
      now.cells.filter((c) => c.status === 'ok' && c.delta !== null).map((c) => c.value),
    );
    for (const c of then.cells)
      if (shown.has(c.value)) {
        const subject = fixed ?? shownMembers(before.rows, c.value);
        rows.push(...publish(previous, subject, c.value, c.pctFavourable, c.n, c.status));
      }
  }
  return rows;
}

/**
 * A set's combined figure is made of the member rows whose own figure is shown (hidden members
 * are left out and only counted), so those members, not every member asked for, are who it is
 * about: the audit reasons about the right people.
 */
function shownMembers(
  rows: Pick<Row, 'unitId' | 'status' | 'cells'>[],
  metric: string,
): FigureSubject {
  return {
    kind: 'set',
    unitIds: rows
      .filter((r) =>
        metric === 'respondents'
          ? r.status === 'ok'
          : r.cells.some((c) => c.value === metric && c.status === 'ok'),
      )
      .map((r) => r.unitId),
  };
}
