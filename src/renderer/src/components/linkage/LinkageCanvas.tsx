import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { LinkageOutput, LinkagePoint, Quadrant } from '../../../../shared/analytics/linkage';
import { METRICS } from '../../../../shared/metrics';
import { formatMetricValue, formatN } from '../../format/formatMetric';
import { select } from '../../state/useSelection';
import {
  axesFor,
  fitBand,
  levelPlural,
  QUADRANT_STYLE,
  tickText,
  unitsInside,
  type Band,
  type MarkShape,
} from './linkageModel';
import { QuadrantMark } from './QuadrantMark';

/**
 * The scatter, drawn on a canvas: density, the fitted line and its band, the company split and
 * one mark per point (shape and colour by quadrant), in about a millisecond per thousand points,
 * so a lag, metric or level change repaints at once. Axis text stays in a small SVG (about 20
 * nodes). A drag brushes a rectangle (the units inside become the shared set); a click on a dot
 * selects its unit. Hover shows the point's figures.
 */

const MARGIN_REM = { top: 1.6, right: 1, bottom: 2.3, left: 3.6 };
const DRAG_PX = 5;

interface Layout {
  width: number;
  height: number;
  left: number;
  top: number;
  plotW: number;
  plotH: number;
  rem: number;
}

interface Scales {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  sx: (v: number) => number;
  sy: (v: number) => number;
  ix: (px: number) => number;
  iy: (px: number) => number;
}

function scalesFor(layout: Layout, x: [number, number], y: [number, number]): Scales {
  const [x0, x1] = x;
  const [y0, y1] = y;
  const kx = layout.plotW / (x1 - x0 || 1);
  const ky = layout.plotH / (y1 - y0 || 1);
  return {
    x0,
    x1,
    y0,
    y1,
    sx: (v) => layout.left + (v - x0) * kx,
    sy: (v) => layout.top + layout.plotH - (v - y0) * ky,
    ix: (px) => x0 + (px - layout.left) / kx,
    iy: (py) => y0 + (layout.top + layout.plotH - py) / ky,
  };
}

function radiusFor(count: number): number {
  return count > 600 ? 3 : count > 200 ? 4.5 : 6;
}

/** Adds one mark's outline to the current path. */
function markPath(ctx: CanvasPath, shape: MarkShape, x: number, y: number, r: number) {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square': {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, s * 2, s * 2);
      break;
    }
    case 'diamond': {
      const s = r * 1.25;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y);
      ctx.lineTo(x, y + s);
      ctx.lineTo(x - s, y);
      ctx.closePath();
      break;
    }
    case 'triangle': {
      const s = r * 1.3;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s * 0.95, y + s * 0.7);
      ctx.lineTo(x - s * 0.95, y + s * 0.7);
      ctx.closePath();
      break;
    }
  }
}

interface Theme {
  ink1: string;
  ink2: string;
  ink3: string;
  grid: string;
  surface: string;
  focus: string;
  quadrant: Record<Quadrant, string>;
}

let themeCache: { key: string; theme: Theme } | undefined;

function themeKey(): string {
  const root = document.documentElement;
  return `${root.className}|${JSON.stringify(root.dataset)}|${root.getAttribute('style') ?? ''}|${matchMedia('(prefers-color-scheme: dark)').matches}`;
}

/** Changes when the theme may have (the root's class, data attributes or style; the OS scheme). */
function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme'],
  });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/**
 * The theme's colours, read from the CSS variables. getComputedStyle forces a style pass, so the
 * answer is kept until the root element's class, data attributes or style change (a theme switch).
 */
function readTheme(el: Element): Theme {
  const key = themeKey();
  if (themeCache?.key === key) return themeCache.theme;
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const theme: Theme = {
    ink1: v('--ink-1', '#111827'),
    ink2: v('--ink-2', '#374151'),
    ink3: v('--ink-3', '#5b6472'),
    grid: v('--grid', '#d9dde3'),
    surface: v('--surface', '#ffffff'),
    focus: v('--focus', '#7b2cbf'),
    quadrant: {
      bright_spot: v(QUADRANT_STYLE.bright_spot.colorVar, '#1d6b3a'),
      customer_only: v(QUADRANT_STYLE.customer_only.colorVar, '#c25100'),
      employee_only: v(QUADRANT_STYLE.employee_only.colorVar, '#0066a8'),
      at_risk: v(QUADRANT_STYLE.at_risk.colorVar, '#a3001b'),
    },
  };
  themeCache = { key, theme };
  return theme;
}

const DRAW_ORDER: Quadrant[] = ['at_risk', 'customer_only', 'employee_only', 'bright_spot'];

function drawBase(
  canvas: HTMLCanvasElement,
  layout: Layout,
  s: Scales,
  data: LinkageOutput,
  xTicks: number[],
  yTicks: number[],
  band: Band | null,
  highlighted: Set<string> | null,
  focused: Set<string> | null,
  theme: Theme,
): void {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(layout.width * dpr);
  const h = Math.round(layout.height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const { left, top, plotW, plotH } = layout;

  // Grid.
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const t of xTicks) {
    const x = Math.round(s.sx(t)) + 0.5;
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + plotH);
  }
  for (const t of yTicks) {
    const y = Math.round(s.sy(t)) + 0.5;
    ctx.moveTo(left, y);
    ctx.lineTo(left + plotW, y);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.ink3;
  ctx.beginPath();
  ctx.moveTo(left, top + plotH + 0.5);
  ctx.lineTo(left + plotW, top + plotH + 0.5);
  ctx.stroke();

  // Clip to the plot, with room for a mark that sits on an edge (a net score of +100).
  const pad = radiusFor(data.points.length) * 1.4 + 2;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left - pad, top - pad, plotW + 2 * pad, plotH + 2 * pad);
  ctx.clip();

  // Density of every point (when the engine thinned what it sent).
  const d = data.density;
  if (d) {
    let densest = 1;
    for (const c of d.cells) densest = Math.max(densest, c.count);
    ctx.fillStyle = theme.ink3;
    for (const c of d.cells) {
      ctx.globalAlpha = 0.06 + 0.34 * (c.count / densest);
      const xa = s.sx(c.x);
      const ya = s.sy(c.y + d.yStep);
      ctx.fillRect(xa, ya, s.sx(c.x + d.xStep) - xa, s.sy(c.y) - ya);
    }
    ctx.globalAlpha = 1;
  }

  // The company split (one pair, or every pair agrees).
  const splits = data.quadrants.splits;
  const split =
    splits.length > 0 && splits.every((p) => p.x === splits[0]!.x && p.y === splits[0]!.y)
      ? splits[0]
      : undefined;
  if (split) {
    ctx.strokeStyle = theme.ink2;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(s.sx(split.x), top);
    ctx.lineTo(s.sx(split.x), top + plotH);
    ctx.moveTo(left, s.sy(split.y));
    ctx.lineTo(left + plotW, s.sy(split.y));
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // The fitted line and its 95% band.
  if (band) {
    const steps = 48;
    const xs: number[] = [];
    for (let i = 0; i <= steps; i++) xs.push(s.x0 + ((s.x1 - s.x0) * i) / steps);
    ctx.fillStyle = theme.ink1;
    ctx.globalAlpha = 0.12;
    ctx.beginPath();
    xs.forEach((x, i) => {
      const y = band.intercept + band.slope * x + band.halfWidth(x);
      if (i === 0) ctx.moveTo(s.sx(x), s.sy(y));
      else ctx.lineTo(s.sx(x), s.sy(y));
    });
    for (let i = xs.length - 1; i >= 0; i--) {
      const x = xs[i]!;
      ctx.lineTo(s.sx(x), s.sy(band.intercept + band.slope * x - band.halfWidth(x)));
    }
    ctx.closePath();
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  // The points: one path per quadrant; dimmed when a set or unit is picked.
  const r = radiusFor(data.points.length);
  const picking = highlighted !== null || focused !== null;
  const isPicked = (p: LinkagePoint) =>
    (highlighted?.has(p.unitId) ?? false) || (focused?.has(p.unitId) ?? false);
  // One path per quadrant, filled once: cheaper than a stamp per point (measured in Chromium).
  for (const q of DRAW_ORDER) {
    const shape = QUADRANT_STYLE[q].shape;
    ctx.fillStyle = theme.quadrant[q];
    ctx.globalAlpha = picking ? 0.18 : 0.78;
    ctx.beginPath();
    for (const p of data.points) {
      if (p.quadrant !== q || (picking && isPicked(p))) continue;
      markPath(ctx, shape, s.sx(p.x), s.sy(p.y), r);
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  // Outliers: a ring.
  ctx.strokeStyle = theme.ink1;
  ctx.lineWidth = 1.5;
  ctx.globalAlpha = picking ? 0.3 : 0.9;
  ctx.beginPath();
  for (const p of data.points) {
    if (!p.outlier || (picking && isPicked(p))) continue;
    const x = s.sx(p.x);
    const y = s.sy(p.y);
    ctx.moveTo(x + r + 3, y);
    ctx.arc(x, y, r + 3, 0, Math.PI * 2);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;

  // The line over the dots, so it reads.
  if (band) {
    ctx.strokeStyle = theme.ink1;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(s.sx(s.x0), s.sy(band.intercept + band.slope * s.x0));
    ctx.lineTo(s.sx(s.x1), s.sy(band.intercept + band.slope * s.x1));
    ctx.stroke();
  }

  // Picked points on top: full colour, outlined; the focused unit's in the focus colour.
  if (picking) {
    const big = r + 1.5;
    for (const q of DRAW_ORDER) {
      const shape = QUADRANT_STYLE[q].shape;
      ctx.fillStyle = theme.quadrant[q];
      ctx.beginPath();
      for (const p of data.points) {
        if (p.quadrant === q && isPicked(p)) markPath(ctx, shape, s.sx(p.x), s.sy(p.y), big);
      }
      ctx.fill();
      ctx.strokeStyle = theme.surface;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    if (focused) {
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 3;
      ctx.beginPath();
      for (const p of data.points) {
        if (!focused.has(p.unitId)) continue;
        const x = s.sx(p.x);
        const y = s.sy(p.y);
        ctx.moveTo(x + big + 3.5, y);
        ctx.arc(x, y, big + 3.5, 0, Math.PI * 2);
      }
      ctx.stroke();
    }
  }

  // Names, when few enough to read; a name that would overlap one already written is left to
  // the tooltip (a pooled view repeats each name once per quarter).
  if (data.points.length <= 30) {
    const size = 0.8 * layout.rem;
    ctx.font = `600 ${size}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const taken: [number, number, number, number][] = [];
    const order = [...data.points].sort(
      (a, b) => Number(isPicked(b)) - Number(isPicked(a)) || b.y - a.y,
    );
    for (const p of order) {
      const x = s.sx(p.x);
      const y = s.sy(p.y);
      const text = p.name;
      const width = ctx.measureText(text).width;
      const right = x + r + 4 + width < left + plotW;
      const tx = right ? x + r + 4 : x - r - 4 - width;
      const box: [number, number, number, number] = [
        tx - 2,
        y - size * 0.6,
        tx + width + 2,
        y + size * 0.6,
      ];
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]))
        continue;
      taken.push(box);
      ctx.globalAlpha = picking && !isPicked(p) ? 0.35 : 1;
      ctx.strokeStyle = theme.surface;
      ctx.lineWidth = 4;
      ctx.strokeText(text, tx, y);
      ctx.fillStyle = theme.ink1;
      ctx.fillText(text, tx, y);
    }
    ctx.globalAlpha = 1;
  }
  ctx.restore();
}

function Tooltip({
  data,
  point,
  x,
  y,
  layout,
}: {
  data: LinkageOutput;
  point: LinkagePoint;
  x: number;
  y: number;
  layout: Layout;
}) {
  const e = data.employeeMetric;
  const c = data.customerMetric;
  const q = QUADRANT_STYLE[point.quadrant];
  const flip = x > layout.width * 0.6;
  const below = y < layout.height * 0.5;
  return (
    <div
      className="chart-tooltip linkage-tooltip"
      role="presentation"
      style={{
        left: flip ? undefined : x + 14,
        right: flip ? layout.width - x + 14 : undefined,
        top: below ? y + 14 : undefined,
        bottom: below ? undefined : layout.height - y + 14,
      }}
    >
      <div className="chart-tooltip__period">{point.name}</div>
      <div className="chart-tooltip__row">
        <span className="chart-tooltip__swatch" style={{ background: 'var(--employee)' }} />
        <span className="chart-tooltip__label">
          {METRICS[e].label} · {point.employeePeriod}
        </span>
        <span className="chart-tooltip__value">{formatMetricValue(e, point.x)}</span>
        <span className="chart-tooltip__n">{formatN(e, point.nEmployees)}</span>
      </div>
      <div className="chart-tooltip__row">
        <span className="chart-tooltip__swatch" style={{ background: 'var(--customer)' }} />
        <span className="chart-tooltip__label">
          {METRICS[c].label} · {point.customerPeriod}
        </span>
        <span className="chart-tooltip__value">{formatMetricValue(c, point.y)}</span>
        <span className="chart-tooltip__n">{formatN(c, point.nCustomers)}</span>
      </div>
      <div className="chart-tooltip__row">
        <QuadrantMark quadrant={point.quadrant} />
        <span className="chart-tooltip__label">
          {q.name}: {q.description.toLowerCase()}
          {point.outlier ? '; an outlier, far from the line' : ''}
        </span>
      </div>
      <div className="chart-tooltip__n">Click to select; drag to pick several.</div>
    </div>
  );
}

export interface LinkageCanvasProps {
  data: LinkageOutput;
  /** Units of the shared set (brush, quadrant, heatmap rows), expanded to the plotted level. */
  highlighted: Set<string> | null;
  /** The unit in focus and, when it sits above the plotted level, its units at that level. */
  focused: Set<string> | null;
}

function useLayout(el: HTMLElement | null): Layout | null {
  const [size, setSize] = useState<{ w: number; h: number; rem: number } | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setSize((old) =>
        old && old.w === rect.width && old.h === rect.height && old.rem === rem
          ? old
          : { w: rect.width, h: rect.height, rem },
      );
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return useMemo(() => {
    if (!size || size.w < 50 || size.h < 50) return null;
    const m = {
      top: MARGIN_REM.top * size.rem,
      right: MARGIN_REM.right * size.rem,
      bottom: MARGIN_REM.bottom * size.rem,
      left: MARGIN_REM.left * size.rem,
    };
    return {
      width: size.w,
      height: size.h,
      left: m.left,
      top: m.top,
      plotW: Math.max(10, size.w - m.left - m.right),
      plotH: Math.max(10, size.h - m.top - m.bottom),
      rem: size.rem,
    };
  }, [size]);
}

export const LinkageCanvas = memo(function LinkageCanvas({
  data,
  highlighted,
  focused,
}: LinkageCanvasProps) {
  const [wrap, setWrap] = useState<HTMLDivElement | null>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const brushRef = useRef<HTMLDivElement>(null);
  const layout = useLayout(wrap);
  const theme = useSyncExternalStore(subscribeTheme, themeKey, themeKey);
  const axes = useMemo(() => axesFor(data), [data]);
  const band = useMemo(() => fitBand(data), [data]);
  const scales = useMemo(
    () => (layout ? scalesFor(layout, axes.x.domain, axes.y.domain) : null),
    [layout, axes],
  );
  const [hover, setHover] = useState<{ data: LinkageOutput; index: number } | null>(null);
  const drag = useRef<{ x: number; y: number; id: number; moved: boolean } | null>(null);
  const [brushRect, setBrushRect] = useState<{
    data: LinkageOutput;
    ids: string;
    x0: number;
    x1: number;
    y0: number;
    y1: number;
  } | null>(null);

  // Base layer: only when the answer, the size or what is picked changes.
  useEffect(() => {
    const canvas = baseRef.current;
    if (!canvas || !layout || !scales || !wrap) return;
    drawBase(
      canvas,
      layout,
      scales,
      data,
      axes.x.ticks,
      axes.y.ticks,
      band,
      highlighted,
      focused,
      readTheme(wrap),
    );
  }, [data, layout, scales, axes, band, highlighted, focused, wrap, theme]);

  // Hover: one ring (an element, so the chart's bitmap is not touched).
  const hovered = hover && hover.data === data ? data.points[hover.index] : undefined;

  const nearest = (px: number, py: number): number | null => {
    if (!scales) return null;
    const reach = radiusFor(data.points.length) + 5;
    let best = -1;
    let bestD = reach * reach;
    data.points.forEach((p, i) => {
      const dx = scales.sx(p.x) - px;
      const dy = scales.sy(p.y) - py;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    });
    return best < 0 ? null : best;
  };

  const local = (e: React.PointerEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const showBrush = (x0: number, y0: number, x1: number, y1: number) => {
    const el = brushRef.current;
    if (!el) return;
    el.style.display = 'block';
    el.style.left = `${Math.min(x0, x1)}px`;
    el.style.top = `${Math.min(y0, y1)}px`;
    el.style.width = `${Math.abs(x1 - x0)}px`;
    el.style.height = `${Math.abs(y1 - y0)}px`;
  };

  const clamp = (p: { x: number; y: number }) =>
    layout
      ? {
          x: Math.min(Math.max(p.x, layout.left), layout.left + layout.plotW),
          y: Math.min(Math.max(p.y, layout.top), layout.top + layout.plotH),
        }
      : p;

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !layout) return;
    const p = local(e);
    drag.current = { ...clamp(p), id: e.pointerId, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const p = local(e);
    const d = drag.current;
    if (d && d.id === e.pointerId) {
      if (!d.moved && Math.hypot(p.x - d.x, p.y - d.y) >= DRAG_PX) d.moved = true;
      if (d.moved) {
        const q = clamp(p);
        showBrush(d.x, d.y, q.x, q.y);
        if (hover) setHover(null);
        return;
      }
    }
    const i = nearest(p.x, p.y);
    if ((i ?? -1) !== (hovered ? hover!.index : -1))
      setHover(i === null ? null : { data, index: i });
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.id !== e.pointerId || !scales) return;
    const p = local(e);
    if (d.moved) {
      const q = clamp(p);
      const [x0, x1] = [scales.ix(d.x), scales.ix(q.x)];
      const [y0, y1] = [scales.iy(d.y), scales.iy(q.y)];
      const ids = unitsInside(data.points, x0, x1, y0, y1);
      if (ids.length === 0) {
        if (brushRef.current) brushRef.current.style.display = 'none';
        setBrushRect(null);
        select({ units: undefined });
        return;
      }
      setBrushRect({ data, ids: ids.join('\n'), x0, x1, y0, y1 });
      select({
        units: { ids, source: 'brush', label: `Brushed ${levelPlural(data.level).toLowerCase()}` },
      });
      return;
    }
    const i = nearest(p.x, p.y);
    if (i !== null) select({ unit: data.points[i]!.unitId });
  };

  // The brushed rectangle stays while the set it made is the shared set on the same answer.
  const brushShown =
    brushRect !== null && brushRect.data === data && highlighted !== null && scales !== null;
  useLayoutEffect(() => {
    const el = brushRef.current;
    if (!el || drag.current) return;
    if (brushShown && brushRect && scales) {
      showBrush(
        scales.sx(brushRect.x0),
        scales.sy(brushRect.y0),
        scales.sx(brushRect.x1),
        scales.sy(brushRect.y1),
      );
    } else el.style.display = 'none';
  });

  const e = METRICS[data.employeeMetric];
  const c = METRICS[data.customerMetric];
  const selectedCount =
    highlighted || focused
      ? data.points.reduce(
          (n, p) =>
            n +
            ((highlighted?.has(p.unitId) ?? false) || (focused?.has(p.unitId) ?? false) ? 1 : 0),
          0,
        )
      : 0;

  return (
    <div
      ref={setWrap}
      className="linkage-canvas"
      data-testid="linkage-canvas"
      data-points-count={data.points.length}
      data-selected-count={selectedCount}
      data-x-min={axes.x.domain[0]}
      data-x-max={axes.x.domain[1]}
      data-y-min={axes.y.domain[0]}
      data-y-max={axes.y.domain[1]}
      data-plot-left={layout?.left}
      data-plot-top={layout?.top}
      data-plot-width={layout?.plotW}
      data-plot-height={layout?.plotH}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onPointerLeave={() => {
        if (!drag.current) setHover(null);
      }}
    >
      <canvas ref={baseRef} className="linkage-canvas__layer" aria-hidden="true" />
      {layout && scales && (
        <svg
          className="linkage-canvas__axes"
          width={layout.width}
          height={layout.height}
          aria-hidden="true"
        >
          {axes.x.ticks.map((t) => (
            <text
              key={`x${t}`}
              x={scales.sx(t)}
              y={layout.top + layout.plotH + 0.35 * layout.rem}
              textAnchor="middle"
              dominantBaseline="hanging"
            >
              {tickText(e.id, t)}
            </text>
          ))}
          {axes.y.ticks.map((t) => (
            <text
              key={`y${t}`}
              x={layout.left - 0.4 * layout.rem}
              y={scales.sy(t)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {tickText(c.id, t)}
            </text>
          ))}
          <text
            className="linkage-canvas__title"
            x={layout.left + layout.plotW}
            y={layout.height - 0.2 * layout.rem}
            textAnchor="end"
          >
            {e.label} →
          </text>
          <text
            className="linkage-canvas__title"
            x={layout.left}
            y={layout.top - 0.45 * layout.rem}
            textAnchor="start"
          >
            ↑ {c.label}
          </text>
        </svg>
      )}
      <div ref={brushRef} className="linkage-canvas__brush" style={{ display: 'none' }} />
      {hovered && layout && scales && (
        <div
          className="linkage-canvas__ring"
          style={{
            left: scales.sx(hovered.x),
            top: scales.sy(hovered.y),
            width: (radiusFor(data.points.length) + 5) * 2,
            height: (radiusFor(data.points.length) + 5) * 2,
          }}
        />
      )}
      {hovered && layout && scales && (
        <Tooltip
          data={data}
          point={hovered}
          x={scales.sx(hovered.x)}
          y={scales.sy(hovered.y)}
          layout={layout}
        />
      )}
    </div>
  );
});
