import { suppressedReasonText } from '../Suppressed';
import { isClamped, sequentialDomain, type ColourScale } from './colourScale';
import {
  formatCount,
  formatGap,
  formatPercent,
  formatPoints,
  formatRespondents,
  heatmapCellNumber,
  isDeltaMode,
  type AnyRow,
  type Heatmap,
  type HeatmapCell,
  type LeaderGap,
} from './format';
import { assessNoise, smallNThreshold, type Noise } from './noise';

/**
 * What the heatmap table draws, worked out once from the engine's answer (pure, no DOM):
 * which rows, which of them is the reference (shown as its own % favourable, labelled), what each
 * cell prints, how it is coloured, whether it is within noise, and the detail that hover and
 * keyboard focus show alike.
 */
export type RowKind = 'company' | 'parent' | 'previous' | 'selection' | 'unit' | 'group';

export interface CellModel {
  key: string;
  valueId: string;
  status: 'ok' | 'suppressed' | 'no_data';
  /** How it looks: a data colour, the reference's plain figure, a lock, an empty mark. */
  look: 'colour' | 'reference' | 'plain' | 'suppressed' | 'no_data';
  /** The big printed text ('' when none). */
  main: string;
  /** The % favourable printed beside a difference ('' when none). */
  side: string;
  /** The number the colour comes from (null: no data colour). */
  colourBy: number | null;
  noise: Noise | null;
  detail: Detail;
}

export interface Detail {
  title: string;
  /** Lines of figures and notes; a suppressed cell's lines never hold a figure. */
  lines: string[];
  status: 'ok' | 'suppressed' | 'no_data';
  /** The engine's reason for a suppressed or missing figure. */
  reason: string | null;
  noiseNote: string;
}

export interface RowModel {
  key: string;
  kind: RowKind;
  /** The org unit a click selects (null for groups, the selection and the previous-period row). */
  unitId: string | null;
  name: string;
  sub: string;
  testId: string;
  isReference: boolean;
  status: 'ok' | 'suppressed' | 'no_data';
  reason: string | null;
  cells: CellModel[];
  spread: { text: string; detail: Detail };
  gaps: { valueId: string; text: string; status: string; detail: Detail }[] | null;
}

export interface TableModel {
  scale: ColourScale;
  referenceLabel: string | null;
  summary: RowModel[];
  body: RowModel[];
  smallN: number;
}

const NO_CELL = (valueId: string, reason: string): HeatmapCell => ({
  value: valueId,
  pctFavourable: null,
  delta: null,
  n: null,
  status: 'no_data',
  reason,
});

function referenceName(data: Heatmap, companyName: string, isSet: boolean): string | null {
  switch (data.mode) {
    case 'absolute':
      return null;
    case 'vs_company':
      return companyName || 'the company';
    case 'vs_parent':
      // A listed unit is compared with its own parent (the engine's rule for unitIds).
      return isSet ? 'its own parent' : data.parent.name;
    case 'vs_previous':
      return data.previousPeriod ? `its own ${data.previousPeriod} figure` : null;
  }
}

export interface ModelInput {
  data: Heatmap;
  companyName: string;
  /** Display names of the dimension's groups (row.name) and of the grouping ("Tenure"). */
  groupingLabel: string | null;
  /** The set shown instead of the parent's children, if any. */
  setLabel: string | null;
  showGap: boolean;
}

export function buildTableModel({
  data,
  companyName,
  groupingLabel,
  setLabel,
  showGap,
}: ModelInput): TableModel {
  const mode = data.mode;
  const delta = isDeltaMode(mode);
  const parentIsCompany = data.parentRow.unitId === data.company.unitId;
  const grouped = groupingLabel !== null && data.groupBy !== 'org';
  const isSet = setLabel !== null && !grouped;
  const refName = referenceName(data, companyName, isSet);
  // Each row has its own reference (its previous figure; a listed unit's own parent).
  const ownReference = mode === 'vs_previous' || (mode === 'vs_parent' && isSet);
  const threshold = smallNThreshold(data.minGroupSize);

  const refRow: AnyRow | null =
    mode === 'vs_company' ? data.company : mode === 'vs_parent' && !isSet ? data.parentRow : null;
  const refCells = new Map((refRow?.cells ?? []).map((c) => [c.value, c]));

  /** The row's own previous-period figures (vs_previous): % favourable minus its difference. */
  const previousOf = (cell: HeatmapCell): number | null =>
    cell.status === 'ok' && cell.pctFavourable !== null && cell.delta !== null
      ? cell.pctFavourable - cell.delta
      : null;

  const cellModel = (
    row: AnyRow,
    kind: RowKind,
    rowName: string,
    cell: HeatmapCell,
    valueName: string,
    asReference: boolean,
    isReference: boolean,
    nested: boolean,
  ): CellModel => {
    const key = `${kind}:${row.unitId}:${cell.value}`;
    const title = `${valueName} · ${rowName}`;
    if (cell.status !== 'ok' || cell.pctFavourable === null) {
      const status = cell.status === 'ok' ? 'no_data' : cell.status;
      const reason =
        status === 'suppressed'
          ? (suppressedReasonText(cell.reason) ?? 'Hidden by the confidentiality rules')
          : (cell.reason ?? 'No responses for this value');
      return {
        key,
        valueId: cell.value,
        status,
        look: status,
        main: '',
        side: '',
        colourBy: null,
        noise: null,
        detail: {
          title,
          lines: [status === 'suppressed' ? 'Suppressed' : 'No data'],
          status,
          reason,
          noiseNote: '',
        },
      };
    }
    const pct = cell.pctFavourable;
    const lines = [`${formatPercent(pct)} favourable`];
    if (cell.n !== null) lines.push(formatRespondents(cell.n));
    if (asReference) {
      lines.push(
        kind === 'previous'
          ? `Reference: ${rowName}`
          : isReference
            ? 'Reference: the other rows are compared with this one'
            : 'For context: its own % favourable (not compared)',
      );
      if (cell.reason) lines.push(cell.reason);
      return {
        key,
        valueId: cell.value,
        status: 'ok',
        look: 'reference',
        main: formatPercent(pct),
        side: '',
        colourBy: null,
        noise: null,
        detail: { title, lines, status: 'ok', reason: null, noiseNote: '' },
      };
    }
    const d = delta ? cell.delta : null;
    let noise: Noise | null = null;
    if (cell.n !== null) {
      if (!delta) {
        noise = assessNoise({
          pct,
          n: cell.n,
          ref: null,
          nested: false,
          minGroupSize: data.minGroupSize,
        });
      } else if (d !== null) {
        const refCell = refCells.get(cell.value);
        const ref = ownReference
          ? { pct: pct - d, n: null }
          : refCell && refCell.pctFavourable !== null
            ? { pct: refCell.pctFavourable, n: refCell.n }
            : { pct: pct - d, n: null };
        noise = assessNoise({ pct, n: cell.n, ref, nested, minGroupSize: data.minGroupSize });
      }
    }
    if (delta) {
      if (d === null) {
        lines.push(cell.reason ?? `No figure for ${refName ?? 'the reference'} to compare with`);
      } else {
        const refPct = ownReference ? pct - d : refCells.get(cell.value)?.pctFavourable;
        lines.push(
          `${formatPoints(d)} points vs ${refName ?? 'the reference'}${
            refPct !== null && refPct !== undefined ? ` (${formatPercent(refPct)})` : ''
          }`,
        );
        if (isClamped(data.scale, d))
          lines.push(
            `Beyond the colour range (${formatPoints(data.scale.min)} to ${formatPoints(data.scale.max)}): shown in the end colour`,
          );
        if (cell.reason) lines.push(cell.reason);
      }
    } else if (cell.reason) lines.push(cell.reason);
    if (noise?.interval)
      lines.push(
        `95% interval of the difference: ${formatPoints(noise.interval[0])} to ${formatPoints(noise.interval[1])} points`,
      );
    const colourBy = heatmapCellNumber(mode, cell);
    return {
      key,
      valueId: cell.value,
      status: 'ok',
      look: colourBy === null ? 'plain' : 'colour',
      main: delta ? (d === null ? '' : formatPoints(d)) : formatPercent(pct),
      side: delta ? formatPercent(pct) : '',
      colourBy,
      noise,
      detail: {
        title,
        lines,
        status: 'ok',
        reason: null,
        noiseNote: noise?.note ?? '',
      },
    };
  };

  const spreadOf = (row: AnyRow, rowName: string) => {
    const text =
      row.spread === null || !Number.isFinite(row.spread) ? '' : formatPoints(row.spread, false);
    return {
      text,
      detail: {
        title: `Spread · ${rowName}`,
        lines: text
          ? [`${text} points between the highest and the lowest % favourable across the values`]
          : ['Needs at least two values with a figure'],
        status: text ? ('ok' as const) : ('no_data' as const),
        reason: null,
        noiseNote: '',
      },
    };
  };

  const gapsOf = (row: AnyRow, rowName: string) => {
    if (!showGap) return null;
    const byValue = new Map((row.leaderGap ?? []).map((g) => [g.value, g]));
    return data.values.map((v) => {
      const gap: LeaderGap | undefined = byValue.get(v.id);
      const title = `Leaders − front line · ${v.name} · ${rowName}`;
      if (!gap || gap.status !== 'ok' || gap.gap === null) {
        const status = gap?.status === 'suppressed' ? 'suppressed' : 'no_data';
        return {
          valueId: v.id,
          text: '',
          status,
          detail: {
            title,
            lines: [status === 'suppressed' ? 'Suppressed' : 'No data'],
            status,
            reason:
              status === 'suppressed'
                ? (suppressedReasonText(gap?.reason) ?? 'Hidden by the confidentiality rules')
                : (gap?.reason ?? 'No role data'),
            noiseNote: '',
          } satisfies Detail,
        };
      }
      const side = (label: string, pct: number | null, n: number | null) =>
        `${label} ${pct === null ? '—' : formatPercent(pct)}${n !== null ? ` (${formatRespondents(n)})` : ''}`;
      const lines = [
        `${formatGap(gap)} points`,
        side('Leaders', gap.leaders, gap.leadersN),
        side('Front line', gap.frontLine, gap.frontLineN),
      ];
      if (gap.reason) lines.push(gap.reason);
      return {
        valueId: v.id,
        text: formatGap(gap),
        status: 'ok',
        detail: { title, lines, status: 'ok', reason: null, noiseNote: '' } satisfies Detail,
      };
    });
  };

  const rowModel = (
    row: AnyRow,
    kind: RowKind,
    name: string,
    sub: string,
    testId: string,
    opts: { unitId: string | null; isReference: boolean; plain: boolean; nested: boolean },
  ): RowModel => {
    const byValue = new Map(row.cells.map((c) => [c.value, c]));
    const cells = data.values.map((v) =>
      cellModel(
        row,
        kind,
        name,
        byValue.get(v.id) ?? NO_CELL(v.id, 'No data'),
        v.name,
        opts.plain,
        opts.isReference,
        opts.nested,
      ),
    );
    const nText =
      row.n !== null
        ? `n = ${formatCount(row.n)}`
        : row.status === 'suppressed'
          ? (suppressedReasonText(row.reason) ?? 'Suppressed')
          : row.status === 'no_data'
            ? (row.reason ?? 'No data')
            : '';
    return {
      key: `${kind}:${row.unitId}`,
      kind,
      unitId: opts.unitId,
      name,
      sub: [sub, nText].filter(Boolean).join(' · '),
      testId,
      isReference: opts.isReference,
      status: row.status,
      reason: row.reason,
      cells,
      spread: spreadOf(row, name),
      gaps: gapsOf(row, name),
    };
  };

  const summary: RowModel[] = [];
  // The company shows its own % favourable when it is the reference, and in vs_parent below the
  // company (it is not compared with the parent: it contains it) for context.
  const companyPlain = mode === 'vs_company' || mode === 'vs_parent';
  const companyIsReference =
    mode === 'vs_company' || (mode === 'vs_parent' && parentIsCompany && !isSet);
  summary.push(
    rowModel(
      data.company,
      'company',
      companyName || 'Company',
      companyIsReference
        ? 'Reference · company'
        : mode === 'vs_parent'
          ? 'Company · for context'
          : 'Company',
      'heatmap-company',
      {
        unitId: data.company.unitId,
        isReference: companyIsReference,
        plain: companyPlain,
        nested: true,
      },
    ),
  );
  if (!parentIsCompany) {
    summary.push(
      rowModel(
        data.parentRow,
        'parent',
        data.parent.name,
        mode === 'vs_parent'
          ? `Reference · whole ${data.parent.level}`
          : `whole ${data.parent.level}`,
        'heatmap-parent',
        {
          unitId: data.parentRow.unitId,
          isReference: mode === 'vs_parent' && !isSet,
          plain: mode === 'vs_parent',
          nested: true,
        },
      ),
    );
  }
  if (mode === 'vs_previous' && data.previousPeriod) {
    const base = data.parentRow;
    const prevCells: HeatmapCell[] = base.cells.map((c) => {
      const prev = previousOf(c);
      return prev === null
        ? NO_CELL(
            c.value,
            c.status === 'suppressed'
              ? 'No figure to show'
              : (c.reason ?? 'No figure to compare with'),
          )
        : { ...c, pctFavourable: prev, delta: 0, n: null, reason: null };
    });
    summary.push(
      rowModel(
        { ...base, cells: prevCells, n: null, spread: null, leaderGap: null },
        'previous',
        `${data.parent.name} in ${data.previousPeriod}`,
        `Reference · rows vs their own ${data.previousPeriod}`,
        'heatmap-previous',
        { unitId: null, isReference: true, plain: true, nested: false },
      ),
    );
  }
  if (isSet && data.selection) {
    summary.push(
      rowModel(
        data.selection,
        'selection',
        `Selection: ${setLabel}`,
        `${formatCount(data.rows.length)} ${data.rows.length === 1 ? 'unit' : 'units'} combined`,
        'values-selection-row',
        {
          unitId: null,
          isReference: false,
          plain: false,
          nested: mode === 'vs_company',
        },
      ),
    );
  }

  const body = data.rows.map((row) =>
    rowModel(
      row,
      grouped ? 'group' : 'unit',
      row.name,
      grouped ? (groupingLabel ?? row.level) : row.level,
      'heatmap-row',
      {
        unitId: grouped ? null : row.unitId,
        isReference: false,
        plain: false,
        // A listed unit need not sit inside the parent; children and groups always do.
        nested: mode === 'vs_company' || (mode === 'vs_parent' && !isSet),
      },
    ),
  );

  // The sequential scale spans the % favourable on screen (coloured cells only).
  const absolutes = body
    .concat(summary)
    .flatMap((r) => r.cells.filter((c) => c.look === 'colour').map((c) => c.colourBy!))
    .filter((v) => Number.isFinite(v));
  const scale = sequentialDomain(absolutes, data.scale);

  return {
    scale,
    referenceLabel: refName,
    summary,
    body,
    smallN: threshold,
  };
}
