import { DELTA_SCALE_BOUND } from '../../../../shared/analytics/heatmap';
import { cellColours, sequentialDomain } from '../../../../shared/heatmapColours';
import type { SlideChart } from '../content';
import { escapeXml, textBlock } from './text';

/** Series colours, distinct for colour-blind readers (Okabe-Ito) and on a projector. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const AXIS = '#444444';
const GRID = '#dddddd';
/** 24 px on a 1920-wide slide is 16 px at 1280x720, the app's smallest text. */
const LABEL_SIZE = 24;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The chart of a slide as SVG elements inside `box` (no <svg> wrapper). */
export function chartElements(chart: SlideChart, box: Box): string {
  switch (chart.kind) {
    case 'line':
    case 'bar':
      return categoryChart(chart, box);
    case 'scatter':
      return scatterChart(chart, box);
    case 'heatmap':
      return heatmap(chart, box);
  }
}

/** A chart alone as an SVG document, for the PDF's chart area. */
export function chartSvg(chart: SlideChart, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans"><rect width="${width}" height="${height}" fill="#ffffff"/>${chartElements(chart, { x: 0, y: 0, width, height })}</svg>`;
}

function niceRange(values: number[], includeZero: boolean): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [includeZero && lo === 0 ? 0 : lo - pad, includeZero && hi === 0 ? 0 : hi + pad];
}

function ticks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Number(t.toFixed(10)));
  }
  return out;
}

function formatTick(value: number): string {
  return Math.abs(value) >= 100 || Number.isInteger(value)
    ? String(Math.round(value))
    : String(Number(value.toFixed(2)));
}

function plotArea(box: Box, legendRows: number): Box {
  const left = box.x + 90;
  const top = box.y + 20 + legendRows * 32;
  return {
    x: left,
    y: top,
    width: box.x + box.width - left - 20,
    height: box.y + box.height - top - 80,
  };
}

function axes(
  plot: Box,
  yTicks: number[],
  toY: (v: number) => number,
  xLabel: string,
  yLabel: string,
): string {
  const grid = yTicks
    .map(
      (t) =>
        `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${toY(t)}" y2="${toY(t)}" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${plot.x - 10}" y="${toY(t) + 8}" font-size="${LABEL_SIZE}" fill="${AXIS}" text-anchor="end">${formatTick(t)}</text>`,
    )
    .join('');
  const bottom = plot.y + plot.height;
  return (
    grid +
    `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${bottom}" y2="${bottom}" stroke="${AXIS}" stroke-width="2"/>` +
    `<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${bottom}" stroke="${AXIS}" stroke-width="2"/>` +
    `<text x="${plot.x + plot.width / 2}" y="${bottom + 70}" font-size="${LABEL_SIZE}" fill="${AXIS}" text-anchor="middle">${escapeXml(xLabel)}</text>` +
    `<text transform="translate(${plot.x - 70} ${plot.y + plot.height / 2}) rotate(-90)" font-size="${LABEL_SIZE}" fill="${AXIS}" text-anchor="middle">${escapeXml(yLabel)}</text>`
  );
}

function legend(names: string[], box: Box): string {
  if (names.length < 2) return '';
  let x = box.x + 90;
  return names
    .map((name, i) => {
      const item =
        `<rect x="${x}" y="${box.y + 4}" width="22" height="22" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/>` +
        `<text x="${x + 30}" y="${box.y + 23}" font-size="${LABEL_SIZE}" fill="#1a1a1a">${escapeXml(name)}</text>`;
      x += 60 + name.length * LABEL_SIZE * 0.6;
      return item;
    })
    .join('');
}

function categoryChart(chart: Extract<SlideChart, { kind: 'line' | 'bar' }>, box: Box): string {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.length === 0) return noData(box);
  const plot = plotArea(box, chart.series.length > 1 ? 1 : 0);
  const [lo, hi] = niceRange(values, chart.kind === 'bar');
  const toY = (v: number) => plot.y + plot.height - ((v - lo) / (hi - lo)) * plot.height;
  const slot = plot.width / Math.max(1, chart.categories.length);
  const labelEvery = Math.max(1, Math.ceil((chart.categories.length * 110) / plot.width));
  const xLabels = chart.categories
    .map((c, i) =>
      i % labelEvery === 0
        ? `<text x="${plot.x + slot * (i + 0.5)}" y="${plot.y + plot.height + 30}" font-size="${LABEL_SIZE}" fill="${AXIS}" text-anchor="middle">${escapeXml(c.length > 12 ? `${c.slice(0, 11)}…` : c)}</text>`
        : '',
    )
    .join('');
  let marks = '';
  chart.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
    if (chart.kind === 'bar') {
      const barWidth = Math.min(160, (slot * 0.8) / chart.series.length);
      const groupStart = (slot - barWidth * chart.series.length) / 2;
      series.values.forEach((v, i) => {
        if (v === null) return;
        const x = plot.x + slot * i + groupStart + barWidth * s;
        const y0 = toY(Math.max(0, lo));
        const y = toY(v);
        marks += `<rect x="${x}" y="${Math.min(y, y0)}" width="${barWidth}" height="${Math.abs(y0 - y)}" fill="${colour}"/>`;
      });
      return;
    }
    let path = '';
    series.values.forEach((v, i) => {
      if (v === null) {
        path += ' ';
        return;
      }
      const x = plot.x + slot * (i + 0.5);
      path += `${path.endsWith(' ') || path === '' ? 'M' : 'L'}${x.toFixed(1)},${toY(v).toFixed(1)}`;
      marks += `<circle cx="${x.toFixed(1)}" cy="${toY(v).toFixed(1)}" r="7" fill="${colour}"/>`;
    });
    marks = `<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="4"/>` + marks;
  });
  return (
    legend(
      chart.series.map((s) => s.name),
      box,
    ) +
    axes(plot, ticks(lo, hi), toY, chart.xLabel, chart.yLabel) +
    xLabels +
    marks
  );
}

function scatterChart(chart: Extract<SlideChart, { kind: 'scatter' }>, box: Box): string {
  if (chart.points.length === 0) return noData(box);
  const plot = plotArea(box, 0);
  const [xlo, xhi] = niceRange(
    chart.points.map((p) => p.x),
    false,
  );
  const [ylo, yhi] = niceRange(
    chart.points.map((p) => p.y),
    false,
  );
  const toX = (v: number) => plot.x + ((v - xlo) / (xhi - xlo)) * plot.width;
  const toY = (v: number) => plot.y + plot.height - ((v - ylo) / (yhi - ylo)) * plot.height;
  const xTicks = ticks(xlo, xhi)
    .map(
      (t) =>
        `<text x="${toX(t)}" y="${plot.y + plot.height + 30}" font-size="${LABEL_SIZE}" fill="${AXIS}" text-anchor="middle">${formatTick(t)}</text>`,
    )
    .join('');
  const dots = chart.points
    .map(
      (p) =>
        `<circle cx="${toX(p.x).toFixed(1)}" cy="${toY(p.y).toFixed(1)}" r="9" fill="${SERIES_COLOURS[0]}" fill-opacity="0.75" stroke="#ffffff" stroke-width="1.5"/>`,
    )
    .join('');
  const fit = chart.fit
    ? `<line x1="${toX(xlo)}" y1="${toY(chart.fit.intercept + chart.fit.slope * xlo)}" x2="${toX(xhi)}" y2="${toY(chart.fit.intercept + chart.fit.slope * xhi)}" stroke="${SERIES_COLOURS[1]}" stroke-width="4" stroke-dasharray="14 8"/>`
    : '';
  return (
    `<defs><clipPath id="plot"><rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}"/></clipPath></defs>` +
    axes(plot, ticks(ylo, yhi), toY, chart.xLabel, chart.yLabel) +
    xTicks +
    `<g clip-path="url(#plot)">${dots}${fit}</g>`
  );
}

/**
 * A heatmap cell as the Values view colours and writes it (src/shared/heatmapColours.ts):
 * differences on the engine's fixed -20..+20 diverging scale (orange below, blue above) as whole
 * signed points; % favourable on the sequential scale spanning the figures shown, as whole %.
 */
export function heatCell(
  chart: Extract<SlideChart, { kind: 'heatmap' }>,
  value: number,
): { fill: string; ink: string; text: string } {
  const scale =
    chart.scale === 'difference'
      ? {
          family: 'delta' as const,
          min: -DELTA_SCALE_BOUND,
          max: DELTA_SCALE_BOUND,
          diverging: true,
        }
      : sequentialDomain(
          chart.cells.flat().filter((v): v is number => v !== null),
          { family: 'percent' as const, min: 0, max: 100, diverging: false },
        );
  const { background, color } = cellColours(scale, value);
  const whole = Math.round(value);
  const text =
    chart.scale === 'difference'
      ? whole > 0
        ? `+${whole}`
        : String(whole === 0 ? 0 : whole)
      : `${whole}%`;
  return { fill: background, ink: color, text };
}

function heatmap(chart: Extract<SlideChart, { kind: 'heatmap' }>, box: Box): string {
  const labelWidth = 260;
  const headerHeight = 60;
  const cols = Math.max(1, chart.columns.length);
  const rows = Math.max(1, chart.rows.length);
  const cellWidth = (box.width - labelWidth) / cols;
  const cellHeight = Math.min(80, (box.height - headerHeight) / rows);
  const size = LABEL_SIZE;
  const valuesFit = cellWidth >= size * 3 && cellHeight >= size * 1.4;
  let out = '';
  chart.columns.forEach((c, j) => {
    out += `<text x="${box.x + labelWidth + cellWidth * (j + 0.5)}" y="${box.y + headerHeight - 16}" font-size="${size}" fill="${AXIS}" text-anchor="middle">${escapeXml(c.length > 14 ? `${c.slice(0, 13)}…` : c)}</text>`;
  });
  chart.rows.forEach((r, i) => {
    const y = box.y + headerHeight + cellHeight * i;
    out += `<text x="${box.x + labelWidth - 12}" y="${y + cellHeight / 2 + size / 3}" font-size="${size}" fill="#1a1a1a" text-anchor="end">${escapeXml(r.length > 20 ? `${r.slice(0, 19)}…` : r)}</text>`;
    chart.columns.forEach((_, j) => {
      const v = chart.cells[i]?.[j] ?? null;
      const x = box.x + labelWidth + cellWidth * j;
      const cell = v === null ? { fill: '#e0e0e0', ink: '#1a1a1a', text: '–' } : heatCell(chart, v);
      out += `<rect x="${x + 1}" y="${y + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${cell.fill}"/>`;
      if (valuesFit)
        out += `<text x="${x + cellWidth / 2}" y="${y + cellHeight / 2 + size / 3}" font-size="${size}" fill="${cell.ink}" text-anchor="middle">${cell.text}</text>`;
    });
  });
  return out;
}

function noData(box: Box): string {
  return textBlock(['No data to chart'], box.x + box.width / 2, box.y + box.height / 2, 32, {
    fill: '#555555',
    anchor: 'middle',
  });
}
