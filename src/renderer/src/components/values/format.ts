import type { MethodOutput } from '../../../../shared/contract';

/**
 * How the values heatmap writes its numbers. Browser tests import these to compare each cell with
 * the API's figure, so the rules live here and nowhere else.
 *   absolute   % favourable, whole number + '%'            84%
 *   vs_*       points from the reference, signed, 1 dp    +1.5, -0.1, 0.0
 *   spread     points, unsigned, 1 dp                      4.3
 *   gap        leaders minus front line, signed, 1 dp     +6.2
 * Locale en-GB, ASCII minus, a value that rounds to zero is never signed. A suppressed or missing
 * figure has no text at all (the cell shows a lock or an empty mark instead).
 */
export type Heatmap = MethodOutput<'heatmap'>;
export type HeatmapMode = Heatmap['mode'];
export type HeatmapRow = Heatmap['rows'][number];
export type HeatmapCell = HeatmapRow['cells'][number];
export type LeaderGap = NonNullable<HeatmapRow['leaderGap']>[number];

const LOCALE = 'en-GB';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: false });
const oneDecimal = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});
const signedOneDecimal = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
  useGrouping: false,
});
const grouped = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: true });

function noSignedZero(text: string): string {
  return /^[-+]0(\.0)?$/.test(text) ? text.slice(1) : text;
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

export function formatPercent(value: number): string {
  return `${noSignedZero(integer.format(value))}%`;
}

export function formatPoints(value: number, signed = true): string {
  return noSignedZero((signed ? signedOneDecimal : oneDecimal).format(value));
}

/** The exact text printed in a heatmap cell; '' when it shows no number. */
export function formatHeatmapCell(mode: HeatmapMode, cell: HeatmapCell): string {
  const v = heatmapCellNumber(mode, cell);
  if (v === null) return '';
  return isDeltaMode(mode) ? formatPoints(v) : formatPercent(v);
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

export function formatRespondents(n: number): string {
  return `n = ${grouped.format(n)} ${n === 1 ? 'respondent' : 'respondents'}`;
}
