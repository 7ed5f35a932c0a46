/**
 * `npm run bench:ui [-- --scale large|default|small] [--reps 10] [--rounds 5] [--reloads 3]
 * [--rebuild] [--only 'dot,brush']` (--only: just those interactions, to .tmp/bench-ui/partial.json):
 * the interface's speed on the large sample company, driven in Chromium at 1280x720 against the
 * real `upstream serve`. Prints figures beside the issue's targets (not pass/fail) and writes them
 * to .tmp/bench-ui/latest.json. Measures:
 *
 * - first chart: navigation start to the first of Overview's tiles/trends having a size, and to
 *   that view being settled (cold: first page after the server starts; warm: reloads);
 * - view switches by clicks on the nav tabs (p50/p95 over the rounds);
 * - interactions, each repeated: main-thread time and wall time (see probe.ts for how);
 * - DOM nodes under <main> and in each view's charts.
 *
 * Main-thread time is the renderer main thread's busy time from just before the input until the
 * page has settled, from the Chrome DevTools Protocol (Performance.getMetrics TaskDuration; every
 * task, not only long ones); the sum of long tasks (PerformanceObserver 'longtask', tasks over
 * 50 ms) is in the JSON beside it. Wall time is from the input (the select's change event, the
 * trusted pointerdown of a click, the pointerup ending a brush) to the next paint after the last
 * DOM mutation, canvas draw or fetch of the app.
 *
 * A hook that is missing is reported as "not measured: <why>", never a crash; the server and the
 * browser are closed on exit, error or Ctrl+C.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { arm, atRest, installProbe, settled, taskMs, type Settled } from './benchUi/probe';
import {
  availableScales,
  BENCH_DIR,
  describeSample,
  ensureSample,
  PROJECT_ROOT,
  type Scale,
} from './benchUi/sample';
import { openBrowser, runScript, startServe } from './benchUi/session';
import { ms, summarise, type Summary } from './benchUi/stats';
import { anyOf, MAIN_CHART, STATE_SELECTORS, VIEW_IDS, type BenchView } from './benchUi/views';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string' },
    seed: { type: 'string', default: '42' },
    reps: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    reloads: { type: 'string', default: '3' },
    /** Only the interactions whose names contain one of these (comma-separated); skips the rest. */
    only: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
  },
});

const TARGET = {
  interactionMain: 100,
  interactionWall: 150,
  viewSwitch: 300,
  firstChart: 1500,
  chartNodes: 3000,
};
const REPS = Math.max(1, Number(opts.reps));
const ROUNDS = Math.max(1, Number(opts.rounds));
const RELOADS = Math.max(0, Number(opts.reloads));
const TIMEOUT = 30_000;

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const chartOrState = (view: BenchView) => anyOf([...MAIN_CHART[view], ...STATE_SELECTORS]);

interface Measured {
  name: string;
  view: BenchView;
  status: 'measured' | 'not measured';
  why?: string;
  main?: Summary;
  wall?: Summary;
  longtasks?: Summary;
  maxEvent?: Summary;
  notes: string[];
  samples: {
    main: number;
    wall: number | null;
    longtaskMs: number;
    maxEventMs: number;
    why?: string;
    detail?: string;
  }[];
}

interface Report {
  when: string;
  commit: string;
  loadavgStart: string;
  loadavgEnd?: string;
  cpus: number;
  sample: unknown;
  serverStartMs: number;
  method: Record<string, string>;
  targets: typeof TARGET;
  firstChart: Record<string, unknown>;
  viewSwitch: Record<string, unknown>;
  interactions: Measured[];
  nodes: Record<string, unknown>;
  offsiteRequests: string[];
  consoleErrors: string[];
}

async function setHash(page: Page, hash: string, chart: string): Promise<boolean> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  return atRest(page, chart, 90_000);
}

/** Which of a view's main chart selectors is on the page now (null: none). */
async function whichChart(page: Page, view: BenchView): Promise<string | null> {
  for (const sel of MAIN_CHART[view]) if ((await page.locator(sel).count()) > 0) return sel;
  return null;
}

async function measureOnce(
  page: Page,
  cdp: CDPSession,
  act: () => Promise<void>,
): Promise<{ res: Settled; main: number }> {
  const before = await taskMs(cdp);
  await act();
  const res = await settled(page);
  const after = await taskMs(cdp);
  return { res, main: after - before };
}

function finish(m: Measured): Measured {
  const ok = m.samples.filter((s) => s.wall !== null);
  if (ok.length === 0) {
    m.status = 'not measured';
    m.why ??= m.samples[0]?.why ?? 'no sample';
    return m;
  }
  m.status = 'measured';
  m.main = summarise(ok.map((s) => s.main));
  m.wall = summarise(ok.map((s) => s.wall!));
  m.longtasks = summarise(ok.map((s) => s.longtaskMs));
  m.maxEvent = summarise(ok.map((s) => s.maxEventMs));
  const failed = m.samples.length - ok.length;
  if (failed > 0)
    m.notes.push(
      `${failed} of ${m.samples.length} repetitions gave no figure (${[...new Set(m.samples.filter((s) => s.wall === null).map((s) => s.why))].join(', ')})`,
    );
  return m;
}

function printInteraction(m: Measured): void {
  const label = m.name.padEnd(28);
  if (m.status !== 'measured') {
    console.log(`${label}not measured: ${m.why}`);
  } else {
    console.log(
      `${label}main p50 ${ms(m.main!.p50).padStart(7)} p95 ${ms(m.main!.p95).padStart(7)}  ` +
        `wall p50 ${ms(m.wall!.p50).padStart(7)} p95 ${ms(m.wall!.p95).padStart(7)}  ` +
        `long tasks p95 ${ms(m.longtasks!.p95).padStart(7)}  (target ${TARGET.interactionMain} / ${TARGET.interactionWall}; n=${m.wall!.n})`,
    );
  }
  for (const n of m.notes) console.log(`${''.padEnd(28)}  note: ${n}`);
}

/** A <select>, range or button group found by data-testid, changed REPS times to the next option. */
async function controlChange(
  page: Page,
  cdp: CDPSession,
  name: string,
  view: BenchView,
  testid: string,
): Promise<Measured> {
  const m: Measured = { name, view, status: 'not measured', notes: [], samples: [] };
  const chart = chartOrState(view);
  const info = (await page.evaluate(`window.__bench.controlInfo(${JSON.stringify(testid)})`)) as {
    found: boolean;
    kind?: 'select' | 'range' | 'buttons';
    disabled?: boolean;
    value?: string;
    options?: string[];
    labels?: string[];
  };
  if (!info.found) return { ...m, why: `no [data-testid=${testid}] on ${view}` };
  if (info.disabled) return { ...m, why: `${testid} is disabled` };
  const options = info.options ?? [];
  if (options.length < 2) return { ...m, why: `${testid} offers ${options.length} option(s)` };
  m.notes.push(
    `${info.kind} with ${options.length} options; started at ${JSON.stringify(info.labels?.[options.indexOf(info.value ?? '')] ?? info.value)}`,
  );
  let current = info.value ?? options[0]!;
  let timeouts = 0;
  for (let i = 0; i < REPS; i++) {
    const next = options[(options.indexOf(current) + 1) % options.length]!;
    await atRest(page, chart, 90_000);
    const armOpts = { chart, timeout: TIMEOUT };
    const { res, main } = await measureOnce(page, cdp, async () => {
      if (info.kind === 'buttons') {
        const c = (await page.evaluate(
          `window.__bench.buttonCentre(${JSON.stringify(testid)}, ${JSON.stringify(next)})`,
        )) as { x: number; y: number } | null;
        if (!c) throw new Error(`${testid}: option ${next} vanished`);
        await arm(page, { ...armOpts, startOn: 'pointerdown' });
        await page.mouse.click(c.x, c.y);
      } else {
        await page.evaluate(
          `window.__bench.choose(${JSON.stringify(testid)}, ${JSON.stringify(next)}, ${JSON.stringify(armOpts)})`,
        );
      }
    });
    m.samples.push({
      main,
      wall: res.wall,
      longtaskMs: res.longtaskMs,
      maxEventMs: res.maxEventMs,
      why: res.why,
      detail: next,
    });
    current = next;
    if (res.why === 'timed out' && ++timeouts >= 2) {
      m.notes.push('stopped after two timeouts');
      break;
    }
  }
  return finish(m);
}

async function brush(page: Page, cdp: CDPSession): Promise<Measured> {
  const m: Measured = {
    name: 'linkage brush drag',
    view: 'linkage',
    status: 'not measured',
    notes: [],
    samples: [],
  };
  const canvas = page.locator('[data-testid="linkage-canvas"]').first();
  if ((await canvas.count()) === 0)
    return { ...m, why: 'no [data-testid=linkage-canvas] on Linkage' };
  const box = await canvas.boundingBox();
  if (!box || box.width < 50) return { ...m, why: 'linkage-canvas has no size' };
  const chart = chartOrState('linkage');
  const rects = [
    [0.2, 0.2, 0.55, 0.6],
    [0.45, 0.35, 0.85, 0.8],
  ] as const;
  let selected = 0;
  for (let i = 0; i < REPS; i++) {
    await atRest(page, chart, 90_000);
    const [x1, y1, x2, y2] = rects[i % 2]!;
    const hashBefore = await page.evaluate(() => window.location.hash);
    const { res, main } = await measureOnce(page, cdp, async () => {
      await arm(page, { startOn: 'pointerup', chart, timeout: TIMEOUT });
      await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1);
      await page.mouse.down();
      for (let s = 1; s <= 6; s++)
        await page.mouse.move(
          box.x + box.width * (x1 + ((x2 - x1) * s) / 6),
          box.y + box.height * (y1 + ((y2 - y1) * s) / 6),
        );
      await page.mouse.up();
    });
    const hashAfter = await page.evaluate(() => window.location.hash);
    if (hashAfter !== hashBefore && /[?&]units=/.test(hashAfter)) selected++;
    m.samples.push({
      main,
      wall: res.wall,
      longtaskMs: res.longtaskMs,
      maxEventMs: res.maxEventMs,
      why: res.why,
    });
  }
  m.notes.push(
    `main-thread time covers the whole drag (pointerdown to settled); wall is from pointerup`,
  );
  if (selected < REPS)
    m.notes.push(`${REPS - selected} of ${REPS} drags left no units= set in the URL`);
  return finish(m);
}

async function dotClick(page: Page, cdp: CDPSession, linkageHash: string): Promise<Measured> {
  const m: Measured = {
    name: 'linkage dot click',
    view: 'linkage',
    status: 'not measured',
    notes: [],
    samples: [],
  };
  const chart = chartOrState('linkage');
  const unitOf = (hash: string) => /[?&]unit=([^&]+)/.exec(hash)?.[1] ?? null;
  const viewOf = (hash: string) => /^#\/([a-z]+)/.exec(hash)?.[1] ?? 'overview';
  const hashNow = () => page.evaluate(() => window.location.hash);
  // Dots are kept relative to the chart's box: selecting a unit may move the chart on the page.
  const boxNow = async () => page.locator('[data-testid="linkage-canvas"]').first().boundingBox();
  type Dot = { dx: number; dy: number; unit: string };
  let opensTeams = false;
  let scanned = 0;
  /** Clicks the canvas's coloured spots until one selects a unit other than `not`. */
  const findDot = async (not: string | null, reset: string | null): Promise<Dot | null> => {
    const found = (await page.evaluate(`window.__bench.dotCandidates('linkage-canvas', 25)`)) as {
      error?: string;
      points?: { x: number; y: number }[];
    };
    if (found.error) throw new Error(found.error);
    for (const p of found.points ?? []) {
      scanned++;
      if (reset) await setHash(page, reset, chart);
      const box = await boxNow();
      if (!box) return null;
      await page.mouse.click(p.x, p.y);
      await page.waitForTimeout(400);
      const hash = await hashNow();
      const unit = unitOf(hash);
      if (viewOf(hash) === 'teams') {
        opensTeams = true;
        reset = linkageHash;
      }
      if (unit && unit !== not) return { dx: p.x - box.x, dy: p.y - box.y, unit };
    }
    return null;
  };
  let a: Dot | null;
  let b: Dot | null = null;
  try {
    a = await findDot(null, linkageHash);
    // With a unit selected (the state every measured click starts from), find a second one.
    if (a && !opensTeams) {
      await atRest(page, chart, 90_000);
      b = await findDot(a.unit, null);
    }
  } catch (error) {
    return { ...m, why: String(error instanceof Error ? error.message : error) };
  }
  if (!a)
    return {
      ...m,
      why: `none of ${scanned} coloured spots on the canvas selected a unit when clicked`,
    };
  const dots = b ? [a, b] : [a];
  m.notes.push(
    `dots of ${dots.map((d) => d.unit).join(', ')}` +
      (opensTeams
        ? '; a click opens the team page (timed until it settles)'
        : '; each click moves the selection from the other dot'),
  );
  for (let i = 0; i < REPS; i++) {
    // In turn A, B, A, ...: the page shows B selected when A is clicked (after the search, B).
    const dot = dots[i % dots.length]!;
    if (opensTeams || dots.length === 1) await setHash(page, linkageHash, chart);
    else await atRest(page, chart, 90_000);
    const box = await boxNow();
    if (!box) break;
    const target = opensTeams ? chartOrState('teams') : chart;
    const { res, main } = await measureOnce(page, cdp, async () => {
      await arm(page, { startOn: 'pointerdown', chart: target, timeout: TIMEOUT });
      await page.mouse.click(box.x + dot.dx, box.y + dot.dy);
    });
    const ok = unitOf(await hashNow()) === dot.unit;
    m.samples.push({
      main,
      wall: ok ? res.wall : null,
      longtaskMs: res.longtaskMs,
      maxEventMs: res.maxEventMs,
      why: ok ? res.why : 'click did not select the dot',
      detail: dot.unit,
    });
    if (!ok && !opensTeams && dots.length > 1) {
      // Put the page back in the expected state for the next click.
      await setHash(page, `${linkageHash}?unit=${encodeURIComponent(dot.unit)}`, chart);
    }
  }
  return finish(m);
}

async function main(): Promise<void> {
  const started = new Date();
  const scales = availableScales();
  const scale = (opts.scale ??
    (scales.includes('large') ? 'large' : scales[scales.length - 1])) as Scale;
  if (!scales.includes(scale))
    throw new Error(`upstream sample has no scale ${scale} (it has ${scales.join(', ')})`);
  const report: Report = {
    when: started.toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim(),
    loadavgStart: loadavg(),
    cpus: (await import('node:os')).cpus().length,
    sample: null,
    serverStartMs: 0,
    method: {
      main: 'CDP Performance.getMetrics TaskDuration delta (renderer main thread, all tasks) from just before the input to settled',
      longtasks:
        "sum of PerformanceObserver('longtask') entries (tasks > 50 ms) in the same window",
      wall: 'input (change event dispatched / trusted pointerdown / pointerup) to the next frame after the last DOM mutation, canvas draw or fetch',
      settled:
        'no fetch in flight, nothing under <main> aria-busy, main chart present, quiet for 150 ms',
    },
    targets: TARGET,
    firstChart: {},
    viewSwitch: {},
    interactions: [],
    nodes: {},
    offsiteRequests: [],
    consoleErrors: [],
  };
  console.log(`Upstream UI benchmark (${started.toISOString()}, commit ${report.commit})`);
  console.log(
    `load average at start: ${report.loadavgStart} on ${report.cpus} cores (shared machine: figures are noisy)`,
  );

  const sample = await ensureSample(scale, Number(opts.seed), { rebuild: opts.rebuild });
  report.sample = {
    ...sample.size,
    workspace: sample.workspace,
    builtInSeconds: sample.builtInSeconds,
  };
  console.log(
    `sample: ${describeSample(sample.size)}${sample.builtInSeconds !== null ? ` (built in ${sample.builtInSeconds.toFixed(0)} s)` : ' (cached)'}`,
  );

  const t = performance.now();
  const server = await startServe(sample.workspace, '/tmp/renderer-bench-ui');
  report.serverStartMs = performance.now() - t;
  console.log(
    `upstream serve up in ${(report.serverStartMs / 1000).toFixed(1)} s at ${server.origin}`,
  );
  const session = await openBrowser(server.origin);
  report.offsiteRequests = session.offsite;
  report.consoleErrors = session.consoleErrors;
  const { page } = session;
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await installProbe(page, { firstChart: anyOf(MAIN_CHART.overview) });

  const only = opts.only?.split(',').filter(Boolean);
  if (!only) {
    // 1. First chart.
    console.log('\nfirst chart (navigation start to Overview chart visible / settled)');
    const firstRuns: {
      kind: string;
      chart: number | null;
      settled: number | null;
      why?: string;
    }[] = [];
    for (let i = 0; i <= RELOADS; i++) {
      if (i === 0) await page.goto(server.url, { waitUntil: 'commit' });
      else await page.reload({ waitUntil: 'commit' });
      await arm(page, {
        startOn: 'origin',
        chart: chartOrState('overview'),
        timeout: 60_000,
        noChange: 60_000,
      });
      // Changes before arm() count for a page load: pretend none had been counted.
      await page.evaluate('window.__bench.armed.changesAtArm = 0');
      const res = await settled(page);
      const chart = (await page.evaluate('window.__bench.firstChartPaint')) as number | null;
      firstRuns.push({ kind: i === 0 ? 'cold' : 'warm', chart, settled: res.wall, why: res.why });
    }
    const cold = firstRuns[0]!;
    const warm = firstRuns.slice(1);
    const warmChart = summarise(warm.flatMap((r) => (r.chart === null ? [] : [r.chart])));
    const warmSettled = summarise(warm.flatMap((r) => (r.settled === null ? [] : [r.settled])));
    report.firstChart = {
      runs: firstRuns,
      warmChart,
      warmSettled,
      selector: anyOf(MAIN_CHART.overview),
    };
    if (cold.chart === null)
      console.log(
        `first chart                 not measured: no Overview chart (${MAIN_CHART.overview.join(' | ')}) appeared${cold.why ? ` (${cold.why})` : ''}`,
      );
    else
      console.log(
        `first chart                 cold ${ms(cold.chart)} (settled ${ms(cold.settled)})  warm p50 ${ms(warmChart.p50)} (settled ${ms(warmSettled.p50)}, ${warm.length} reloads)  (target ${TARGET.firstChart})`,
      );

    // 2. View switches.
    console.log(
      `\nswitching views by the nav tabs (${ROUNDS} rounds; wall until the main chart is there and nothing is aria-busy)`,
    );
    const order: BenchView[] = ['linkage', 'values', 'drivers', 'teams', 'overview'];
    const switches: Record<
      string,
      { wall: number[]; main: number[]; why: string[]; found: string | null }
    > = {};
    const skip = new Set<BenchView>();
    // The first round asks the engine; later rounds come back to views whose answers are kept.
    const firstVisits: number[] = [];
    const returnVisits: number[] = [];
    await setHash(page, '#/overview', chartOrState('overview'));
    for (let round = 0; round < ROUNDS; round++) {
      let from: BenchView = 'overview';
      for (const view of order) {
        const rec = (switches[`${from}->${view}`] ??= { wall: [], main: [], why: [], found: null });
        const nav = page.locator(`[data-testid="nav-${view}"]`).first();
        const box = (await nav.count()) > 0 ? await nav.boundingBox() : null;
        if (!box) {
          rec.why.push(`no [data-testid=nav-${view}]`);
          await setHash(page, `#/${view}`, chartOrState(view));
          from = view;
          continue;
        }
        await atRest(page, undefined, 30_000);
        const { res, main } = await measureOnce(page, cdp, async () => {
          await arm(page, {
            startOn: 'pointerdown',
            chart: chartOrState(view),
            timeout: skip.has(view) ? 3_000 : TIMEOUT,
          });
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        });
        const found = await whichChart(page, view);
        rec.found = found;
        if (res.wall !== null && found) {
          rec.wall.push(res.wall);
          rec.main.push(main);
          (round === 0 ? firstVisits : returnVisits).push(res.wall);
        } else {
          rec.why.push(
            found ? (res.why ?? 'no figure') : `no main chart (${MAIN_CHART[view].join(' | ')})`,
          );
          if (!found) skip.add(view);
          await atRest(page, undefined, 30_000);
        }
        if (round === 0) {
          const sel = found ?? undefined;
          report.nodes[view] = {
            selector: sel ?? null,
            ...((await page.evaluate(
              `window.__bench.nodeCounts(${JSON.stringify(sel ?? null)})`,
            )) as object),
          };
        }
        from = view;
      }
    }
    const allWall: number[] = [];
    for (const [key, rec] of Object.entries(switches)) {
      allWall.push(...rec.wall);
      const sw = summarise(rec.wall);
      const mn = summarise(rec.main);
      report.viewSwitch[key] = {
        wall: sw,
        main: mn,
        samples: rec.wall,
        why: rec.why,
        chart: rec.found,
      };
      const label = `switch ${key}`.padEnd(28);
      if (sw.n === 0) console.log(`${label}not measured: ${[...new Set(rec.why)].join('; ')}`);
      else
        console.log(
          `${label}wall p50 ${ms(sw.p50).padStart(7)} p95 ${ms(sw.p95).padStart(7)}  main p95 ${ms(mn.p95).padStart(7)}  (target ${TARGET.viewSwitch}; n=${sw.n})${rec.why.length ? `  ${rec.why.length} without a figure: ${[...new Set(rec.why)].join('; ')}` : ''}`,
        );
    }
    const overall = summarise(allWall);
    report.viewSwitch.all = overall;
    const firstVisit = summarise(firstVisits);
    const returnVisit = summarise(returnVisits);
    report.viewSwitch.firstVisit = firstVisit;
    report.viewSwitch.returnVisit = returnVisit;
    for (const [label, s] of [
      ['switch, all views', overall],
      ['  first visit (round 1)', firstVisit],
      ['  coming back (rounds 2+)', returnVisit],
    ] as [string, Summary][])
      console.log(
        `${label.padEnd(28)}wall p50 ${ms(s.p50).padStart(7)} p95 ${ms(s.p95).padStart(7)}  (target ${TARGET.viewSwitch}; n=${s.n})`,
      );

    // 3. Node counts.
    console.log(
      `\nDOM nodes (default state of each view; target <= ~${TARGET.chartNodes} chart nodes)`,
    );
    for (const view of VIEW_IDS) {
      const n = report.nodes[view] as
        | {
            selector: string | null;
            main: number;
            svg: number;
            canvas: number;
            options: number;
            chart: number | null;
          }
        | undefined;
      if (!n) console.log(`${view.padEnd(28)}not measured: view not reached`);
      else
        console.log(
          `${view.padEnd(28)}main * ${String(n.main).padStart(6)} (of them <option> ${n.options})   svg * ${String(n.svg).padStart(6)}   canvas ${n.canvas}   ` +
            (n.selector ? `main chart ${n.chart} nodes (${n.selector})` : 'main chart not found'),
        );
    }
  }

  // 4. Interactions.
  console.log(
    `\ninteractions (${REPS} each; main = main-thread time, wall = input to the paint after the page settles)`,
  );
  const run = async (name: string, view: BenchView, hash: string, fn: () => Promise<Measured>) => {
    if (only && !only.some((o) => name.includes(o))) return;
    if (only && (await page.evaluate(() => window.location.href)) === 'about:blank')
      await page.goto(server.url, { waitUntil: 'commit' });
    const ready = await setHash(page, hash, chartOrState(view));
    let m: Measured;
    if (!ready && (await whichChart(page, view)) === null)
      m = {
        name,
        view,
        status: 'not measured',
        why: `${view} did not settle with a main chart`,
        notes: [],
        samples: [],
      };
    else m = { ...(await fn()), name };
    report.interactions.push(m);
    printInteraction(m);
  };
  const control = (name: string, view: BenchView, testid: string) =>
    run(name, view, `#/${view}`, () => controlChange(page, cdp, name, view, testid));
  await control('linkage lag change', 'linkage', 'linkage-lag');
  await control('linkage metric change', 'linkage', 'linkage-employee-metric');
  await control('linkage level change', 'linkage', 'linkage-level');
  await run('linkage dot click', 'linkage', '#/linkage', () => dotClick(page, cdp, '#/linkage'));
  await run('linkage brush drag', 'linkage', '#/linkage', () => brush(page, cdp));
  await control('values mode change', 'values', 'values-mode');
  await control('values grouping change', 'values', 'values-grouping');
  await control('overview unit change', 'overview', 'unit-picker');
  await control('drivers outcome change', 'drivers', 'drivers-outcome');

  report.loadavgEnd = loadavg();
  console.log(`\nload average at end: ${report.loadavgEnd}`);
  console.log(
    `requests outside 127.0.0.1: ${session.offsite.length === 0 ? 'none' : session.offsite.join(', ')}`,
  );
  console.log(
    `console errors: ${session.consoleErrors.length === 0 ? 'none' : `${session.consoleErrors.length}: ${[...new Set(session.consoleErrors)].slice(0, 5).join(' | ')}`}`,
  );
  mkdirSync(BENCH_DIR, { recursive: true });
  // A partial run (--only) does not replace the full run's figures.
  const out = join(BENCH_DIR, only ? 'partial.json' : 'latest.json');
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`figures written to ${out}`);
}

runScript(main);
