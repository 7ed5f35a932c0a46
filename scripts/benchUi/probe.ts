import type { CDPSession, Page } from 'playwright-core';

/**
 * The in-page half of the benchmark, installed before the app's own scripts (page.addInitScript)
 * as plain JavaScript (so no bundler helper can leak into the page). window.__bench:
 *
 * - notes every change the user could see: DOM mutations (MutationObserver over the document),
 *   drawing on 2D canvases (clearRect, fillRect, fill, stroke, drawImage, putImageData, fillText
 *   are wrapped to stamp the time; one performance.now() per call), and the app's fetches until
 *   their body has arrived (window.fetch is wrapped: in-flight count);
 * - after each change, the next frame: requestAnimationFrame, then a task (setTimeout 0), which
 *   runs after that frame's paint: "the next paint";
 * - long tasks (PerformanceObserver 'longtask') and event timing entries ('event', >= 16 ms);
 * - the first time one of the overview's chart selectors is in the document with a size.
 *
 * arm() starts a measurement (t0 now, or at the next trusted pointerdown / pointerup); settled()
 * resolves once nothing is in flight, nothing under <main> is aria-busy, the main chart selector
 * matches, the last change has been painted and QUIET ms have passed with no change. Its wall
 * time is from t0 to the paint after the last change.
 */
const PROBE = String.raw`
(() => {
  if (window.__bench) return;
  const cfg = window.__benchConfig || {};
  const B = {
    inflight: 0, lastChange: 0, lastPaint: 0, covered: 0, pending: false, changes: 0,
    armed: null, longtasks: [], events: [], firstChartAt: null, firstChartPaint: null,
  };
  window.__bench = B;
  const now = () => performance.now();
  const schedule = () => {
    B.pending = true;
    requestAnimationFrame(() => {
      const covered = B.lastChange;
      setTimeout(() => {
        B.lastPaint = now();
        B.covered = covered;
        B.pending = false;
        if (B.lastChange > covered) schedule();
      }, 0);
    });
  };
  const touch = () => {
    B.lastChange = now();
    B.changes++;
    if (!B.pending) schedule();
  };
  B.touch = touch;
  const chartVisible = (sel) => {
    const el = sel && document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const watchFirstChart = () => {
    if (B.firstChartAt !== null || !cfg.firstChart) return;
    if (chartVisible(cfg.firstChart)) {
      B.firstChartAt = now();
      requestAnimationFrame(() => setTimeout(() => { B.firstChartPaint = now(); }, 0));
    }
  };
  new MutationObserver(() => { touch(); watchFirstChart(); }).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  const proto = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  if (proto) {
    for (const name of ['clearRect', 'fillRect', 'fill', 'stroke', 'drawImage', 'putImageData', 'fillText']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) { B.canvasAt = B.lastChange = now(); if (!B.pending) schedule(); return original.apply(this, args); };
    }
  }
  const originalFetch = window.fetch.bind(window);
  window.fetch = (...args) => {
    B.inflight++;
    touch();
    const done = () => { B.inflight--; touch(); };
    return originalFetch(...args).then(
      (res) => { res.clone().arrayBuffer().then(done, done); return res; },
      (err) => { done(); throw err; },
    );
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { B.noLongtask = String(e); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        B.events.push({ name: e.name, start: e.startTime, duration: e.duration,
          processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch (e) { B.noEventTiming = String(e); }
  for (const type of ['pointerdown', 'pointerup']) {
    window.addEventListener(type, (ev) => {
      const a = B.armed;
      if (a && a.t0 === null && a.startOn === type && ev.isTrusted) a.t0 = ev.timeStamp;
    }, { capture: true });
  }
  B.arm = (opts) => {
    B.armed = {
      armedAt: now(), t0: opts.startOn === 'now' ? now() : opts.startOn === 'origin' ? 0 : null,
      startOn: opts.startOn, chart: opts.chart || null, quiet: opts.quiet || 150,
      timeout: opts.timeout || 30000, noChange: opts.noChange || 3000, changesAtArm: B.changes,
    };
    return true;
  };
  B.busy = () => document.querySelector('main[aria-busy="true"], main [aria-busy="true"]') !== null;
  B.settled = () => new Promise((resolve) => {
    const a = B.armed;
    const tick = () => {
      const t = now();
      const result = (extra) => {
        B.armed = null;
        const from = a.startOn === 'origin' ? 0 : a.armedAt - 1;
        const lt = B.longtasks.filter((l) => l.start >= from && l.start <= t);
        const ev = B.events.filter((e) => e.start >= from && e.start <= t);
        resolve(Object.assign({
          t0: a.t0, armedAt: a.armedAt, endAt: t, changes: B.changes - a.changesAtArm,
          longtaskMs: lt.reduce((s, l) => s + l.duration, 0), longtaskCount: lt.length,
          maxEventMs: ev.reduce((m, e) => Math.max(m, e.duration), 0),
          events: ev.map((e) => e.name + ':' + Math.round(e.duration)),
          busy: B.busy(), inflight: B.inflight,
        }, extra));
      };
      if (a.t0 === null) {
        if (t - a.armedAt > a.timeout) return result({ wall: null, why: 'no input seen' });
        return setTimeout(tick, 20);
      }
      const changed = B.changes > a.changesAtArm;
      const chartOk = !a.chart || document.querySelector(a.chart) !== null;
      if (changed && B.inflight === 0 && !B.busy() && chartOk && !B.pending &&
          B.covered >= B.lastChange && t - B.lastChange >= a.quiet)
        return result({ wall: Math.max(0, B.lastPaint - a.t0), lastChangeAt: B.lastChange });
      if (!changed && t - a.t0 > a.noChange) return result({ wall: null, why: 'nothing changed' });
      if (t - a.t0 > a.timeout)
        return result({ wall: null, why: 'timed out', chartOk, busyNow: B.busy() });
      setTimeout(tick, 20);
    };
    tick();
  });
  const controlOf = (testid) => {
    const root = document.querySelector('[data-testid="' + testid + '"]');
    if (!root) return { root: null };
    const select = root.tagName === 'SELECT' ? root : root.querySelector('select');
    const range = root.matches('input[type=range]') ? root : root.querySelector('input[type=range]');
    const buttons = root.matches('button, [role=radio], [role=tab], input[type=radio]')
      ? [root] : [...root.querySelectorAll('input[type=radio], [role=radio], [role=tab], button')];
    return { root, select, range, buttons };
  };
  B.controlInfo = (testid) => {
    const c = controlOf(testid);
    if (!c.root) return { found: false };
    if (c.select) return { found: true, kind: 'select', disabled: c.select.disabled, value: c.select.value,
      options: [...c.select.options].filter((o) => !o.disabled).map((o) => o.value),
      labels: [...c.select.options].filter((o) => !o.disabled).map((o) => o.textContent.trim()) };
    if (c.range) {
      const options = [];
      const step = Number(c.range.step) || 1;
      for (let v = Number(c.range.min); v <= Number(c.range.max) + 1e-9; v += step) options.push(String(v));
      return { found: true, kind: 'range', disabled: c.range.disabled, value: c.range.value, options, labels: options };
    }
    const on = (b) => b.checked || b.getAttribute('aria-pressed') === 'true' ||
      b.getAttribute('aria-checked') === 'true' || b.getAttribute('aria-selected') === 'true';
    const current = c.buttons.findIndex(on);
    return { found: true, kind: 'buttons', disabled: false, value: String(current),
      options: c.buttons.map((_, i) => String(i)), labels: c.buttons.map((b) => (b.textContent || b.value || '').trim()) };
  };
  B.buttonCentre = (testid, index) => {
    const c = controlOf(testid);
    const b = c.buttons && c.buttons[Number(index)];
    if (!b) return null;
    b.scrollIntoView({ block: 'nearest' });
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  B.choose = (testid, value, opts) => {
    const c = controlOf(testid);
    B.arm(Object.assign({}, opts, { startOn: 'now' }));
    if (c.select) {
      c.select.value = value;
      c.select.dispatchEvent(new Event('input', { bubbles: true }));
      c.select.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (c.range) {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(c.range, value);
      c.range.dispatchEvent(new Event('input', { bubbles: true }));
      c.range.dispatchEvent(new Event('change', { bubbles: true }));
    } else return false;
    return true;
  };
  /** Likely dots on the canvas: the most saturated opaque pixel of each 10 px cell, in page px. */
  B.dotCandidates = (testid, max) => {
    const root = document.querySelector('[data-testid="' + testid + '"]');
    if (!root) return { error: 'no [data-testid=' + testid + ']' };
    const canvases = root.tagName === 'CANVAS' ? [root] : [...root.querySelectorAll('canvas')];
    if (canvases.length === 0) return { error: 'no canvas inside [data-testid=' + testid + ']' };
    const out = [];
    const errors = [];
    for (const canvas of canvases) {
      const r = canvas.getBoundingClientRect();
      if (!canvas.width || !canvas.height || !r.width || !r.height) continue;
      let data;
      try {
        const ctx = canvas.getContext('2d');
        if (!ctx) { errors.push('canvas has no 2d context'); continue; }
        data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      } catch (e) { errors.push(String(e)); continue; }
      const sx = canvas.width / r.width, sy = canvas.height / r.height;
      const cell = Math.max(4, Math.round(10 * sx));
      for (let cy = 0; cy < canvas.height; cy += cell) for (let cx = 0; cx < canvas.width; cx += cell) {
        let best = 0, bx = 0, by = 0;
        for (let y = cy; y < Math.min(cy + cell, canvas.height); y += 1) for (let x = cx; x < Math.min(cx + cell, canvas.width); x += 1) {
          const i = (y * canvas.width + x) * 4;
          const a = data[i + 3];
          if (a < 120) continue;
          const s = Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
          if (s > best) { best = s; bx = x; by = y; }
        }
        if (best >= 60) out.push({ x: r.left + bx / sx, y: r.top + by / sy, s: best });
      }
    }
    if (out.length === 0 && errors.length > 0) return { error: errors.join('; ') };
    out.sort((a, b) => b.s - a.s);
    // Spread them: not two within 30 px.
    const picked = [];
    for (const p of out) {
      if (picked.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 30)) picked.push(p);
      if (picked.length >= max) break;
    }
    return { points: picked, scanned: canvases.length };
  };
  B.nodeCounts = (chartSel) => {
    const main = document.querySelector('main');
    const chart = chartSel ? document.querySelector(chartSel) : null;
    return {
      main: document.querySelectorAll('main *').length,
      svg: document.querySelectorAll('main svg *').length,
      canvas: document.querySelectorAll('main canvas').length,
      chart: chart ? chart.querySelectorAll('*').length + 1 : null,
      options: document.querySelectorAll('main option').length,
      hasMain: !!main,
    };
  };
})();
`;

export interface Settled {
  t0: number | null;
  armedAt: number;
  endAt: number;
  changes: number;
  wall: number | null;
  why?: string;
  longtaskMs: number;
  longtaskCount: number;
  maxEventMs: number;
  events: string[];
  busy: boolean;
  inflight: number;
}

export interface ProbeConfig {
  /** Selector of the first chart to time from navigation start. */
  firstChart?: string;
}

export async function installProbe(page: Page, config: ProbeConfig): Promise<void> {
  await page.addInitScript(`window.__benchConfig = ${JSON.stringify(config)};\n${PROBE}`);
}

export interface ArmOptions {
  startOn: 'now' | 'origin' | 'pointerdown' | 'pointerup';
  chart?: string;
  quiet?: number;
  timeout?: number;
  noChange?: number;
}

export async function arm(page: Page, options: ArmOptions): Promise<void> {
  await page.evaluate(`window.__bench.arm(${JSON.stringify(options)})`);
}

export async function settled(page: Page): Promise<Settled> {
  return (await page.evaluate('window.__bench.settled()')) as Settled;
}

/** Main-thread busy time of the page's renderer so far (CDP Performance.getMetrics TaskDuration), ms. */
export async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = metrics.find((x) => x.name === 'TaskDuration');
  return (m?.value ?? 0) * 1000;
}

/**
 * Waits until the page is at rest (nothing in flight or busy, quiet for `quiet` ms), without
 * measuring; true when it got there within the timeout.
 */
export async function atRest(page: Page, chart?: string, timeout = 60_000): Promise<boolean> {
  return page
    .waitForFunction(
      ({ chart, quiet }) => {
        const w = window as unknown as {
          __bench: { inflight: number; busy(): boolean; lastChange: number; pending: boolean };
        };
        const b = w.__bench;
        return (
          b.inflight === 0 &&
          !b.busy() &&
          !b.pending &&
          performance.now() - b.lastChange > quiet &&
          (!chart || document.querySelector(chart) !== null)
        );
      },
      { chart, quiet: 250 },
      { timeout, polling: 50 },
    )
    .then(
      () => true,
      () => false,
    );
}
