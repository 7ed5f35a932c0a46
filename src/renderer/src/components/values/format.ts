import type { MethodOutput } from '../../../../shared/contract';

/**
 * How the values heatmap writes its numbers. Browser tests import these to compare each cell with
 * the API's figure, so the rules live here and nowhere else.
 *   absolute   % favourable, whole number + '%'                      84%
 *   vs_*       points from the reference, signed, whole number      +4, -13, 0
 *              beside the cell's own % favourable                   +4  72%
 *   spread     points, unsigned, whole number                       5
 *   gap        leaders minus front line, signed, whole number       +6
 * Locale en-GB, ASCII minus, a value that rounds to zero is never signed. A suppressed or missing
 * figure has no text at all (the cell shows a lock or an empty mark instead).
 */
export type Heatmap = MethodOutput<'heatmap'>;
export type HeatmapMode = Heatmap['mode'];
export type HeatmapRow = Heatmap['rows'][number];
export type HeatmapCell = HeatmapRow['cells'][number];
export type LeaderGap = NonNullable<HeatmapRow['leaderGap']>[number];
/** A row of any kind: a unit or group, the company, the parent, the combined selection. */
export type AnyRow = Pick<
  HeatmapRow,
  'unitId' | 'n' | 'status' | 'reason' | 'cells' | 'spread' | 'leaderGap'
>;

const LOCALE = 'en-GB';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: false });
const signedInteger = new Intl.NumberFormat(LOCALE, {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
  useGrouping: false,
});
const grouped = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: true });

function noSignedZero(text: string): string {
  return /^[-+]0$/.test(text) ? '0' : text.replace('\u2212', '-');
}

export const MODE_LABELS: Record<HeatmapMode, string> = {
  absolute: '% favourable',
  vs_company: 'vs company',
  vs_parent: 'vs parent',
  vs_previous: 'vs previous period',
};

export function isDeltaMode(mode: HeatmapMode): boolean {
  return mode !== 'absolute';
}

/** The number a cell is coloured by: % favourable (absolute) or the delta (other modes). */
export function heatmapCellNumber(mode: HeatmapMode, cell: HeatmapCell): number | null {
  if (cell.status !== 'ok') return null;
  const v = isDeltaMode(mode) ? cell.delta : cell.pctFavourable;
  return v === null || !Number.isFinite(v) ? null : v;
}

/** 72.4 -> '72%'. */
export function formatPercent(value: number): string {
  return `${noSignedZero(integer.format(Math.round(value)))}%`;
}

/** Whole points, signed unless zero: 3.6 -> '+4', -0.4 -> '0', -12.9 -> '-13'. */
export function formatPoints(value: number, signed = true): string {
  const whole = Math.round(value);
  return noSignedZero((signed ? signedInteger : integer).format(Object.is(whole, -0) ? 0 : whole));
}

/** The main text printed in a heatmap cell; '' when it shows no number. */
export function formatHeatmapCell(mode: HeatmapMode, cell: HeatmapCell): string {
  const v = heatmapCellNumber(mode, cell);
  if (v === null) return '';
  return isDeltaMode(mode) ? formatPoints(v) : formatPercent(v);
}

/** The % favourable printed beside a difference (delta modes); '' when the cell has none. */
export function formatCellPercent(cell: HeatmapCell): string {
  return cell.status === 'ok' && cell.pctFavourable !== null && Number.isFinite(cell.pctFavourable)
    ? formatPercent(cell.pctFavourable)
    : '';
}

/** The printed spread of a row ('' when null). */
export function formatSpread(spread: number | null): string {
  return spread === null || !Number.isFinite(spread) ? '' : formatPoints(spread, false);
}

/** The printed leaders-vs-front-line gap ('' unless ok with a number). */
export function formatGap(gap: LeaderGap): string {
  return gap.status === 'ok' && gap.gap !== null && Number.isFinite(gap.gap)
    ? formatPoints(gap.gap)
    : '';
}

export function formatCount(n: number): string {
  return grouped.format(n);
}

export function formatRespondents(n: number): string {
  return `n = ${grouped.format(n)} ${n === 1 ? 'respondent' : 'respondents'}`;
}
