/**
 * `npm run screenshots [-- --scale default] [--views overview,linkage] [--themes light,dark]`:
 * the README's pictures, taken from the real app (`upstream serve` on the sample company, built
 * once and cached under .tmp/bench-ui/) in Chromium at 1280x720, in the light and the dark theme:
 * docs/screenshots/<view>-<theme>.png. Each view is shown in a state worth looking at (Linkage at
 * team level, a quarter's lag; Teams for the largest region). The theme is chosen the way the app
 * keeps it: localStorage 'upstream.theme' set before the page loads (else a click on
 * theme-toggle); when the app does not apply it (<html data-theme>), that theme is skipped and
 * said so. PNGs over the size budget are recompressed (losslessly, then to 256 colours) when
 * ImageMagick is there.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { atRest, installProbe } from './benchUi/probe';
import { describeSample, ensureSample, PROJECT_ROOT, type Scale } from './benchUi/sample';
import { openBrowser, runScript, startServe } from './benchUi/session';
import { anyOf, MAIN_CHART, STATE_SELECTORS, VIEW_IDS, type BenchView } from './benchUi/views';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: 'default' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: join(PROJECT_ROOT, 'docs/screenshots') },
    views: { type: 'string', default: VIEW_IDS.join(',') },
    themes: { type: 'string', default: 'light,dark' },
    'max-kb': { type: 'string', default: '400' },
    /** Also the workshop: the Stories tab and the sample story presented (question, reveal). */
    workshop: { type: 'boolean', default: true },
  },
});
const THEMES = opts.themes
  .split(',')
  .filter((t): t is 'light' | 'dark' => t === 'light' || t === 'dark');
const VIEWS = opts.views
  .split(',')
  .filter((v): v is BenchView => (VIEW_IDS as readonly string[]).includes(v));
const MAX_BYTES = Number(opts['max-kb']) * 1024;

interface Unit {
  id: string;
  name: string;
  level: string;
  depth: number;
  headcount?: number | null;
}

async function api<T>(origin: string, token: string, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** The hash each view is photographed at. */
function statesFor(units: Unit[]): Record<BenchView, { hash: string; what: string }> {
  const depth = Math.max(...units.map((u) => u.depth));
  const teamLevel = units.find((u) => u.depth === depth)?.level ?? 'team';
  const regions = units
    .filter((u) => u.depth === 1)
    .sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0));
  const region = regions[0];
  return {
    overview: { hash: '#/overview', what: 'the whole company, latest quarter' },
    linkage: {
      hash: `#/linkage?lag=1&level=${encodeURIComponent(teamLevel)}`,
      what: `${teamLevel} level, customer figures a quarter later (lag 1)`,
    },
    values: { hash: '#/values', what: 'regions against the company (the default "vs company")' },
    drivers: { hash: '#/drivers', what: 'what moves eNPS across the company (the default)' },
    teams: region
      ? {
          hash: `#/teams?unit=${encodeURIComponent(region.id)}`,
          what: `the team page of ${region.name}, the largest region`,
        }
      : { hash: '#/teams', what: 'the company page (no region found)' },
  };
}

function shrink(file: string): string {
  const size = () => statSync(file).size;
  if (size() <= MAX_BYTES) return '';
  const convert = spawnSync('convert', ['-version']);
  if (convert.status !== 0) return ` (over ${opts['max-kb']} KB; no ImageMagick to recompress)`;
  spawnSync('convert', [
    file,
    '-strip',
    '-define',
    'png:compression-level=9',
    '-define',
    'png:compression-filter=5',
    file,
  ]);
  if (size() <= MAX_BYTES) return ' (recompressed losslessly)';
  spawnSync('convert', [file, '-strip', '-dither', 'None', '-colors', '256', `PNG8:${file}`]);
  return ' (reduced to 256 colours)';
}

async function main(): Promise<void> {
  const sample = await ensureSample(opts.scale as Scale, Number(opts.seed));
  console.log(`sample: ${describeSample(sample.size)}`);
  const server = await startServe(sample.workspace, '/tmp/renderer-bench-ui');
  const token = new URL(server.url).searchParams.get('token') ?? '';
  const { units } = await api<{ units: Unit[] }>(server.origin, token, 'hierarchy', {});
  const states = statesFor(units);
  const session = await openBrowser(server.origin);
  mkdirSync(opts.out, { recursive: true });
  const written: string[] = [];
  const skipped: string[] = [];
  for (const theme of THEMES) {
    const context = await session.browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 1,
      colorScheme: theme,
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') session.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => session.consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !/^(data|blob):/.test(r.url()))
        session.offsite.push(r.url());
    });
    // The app keeps the theme in localStorage 'upstream.theme' (ThemeToggle.tsx; 'upstream-theme'
    // in the brief that asked for it): both are set, and the browser prefers the same scheme.
    await page.addInitScript(
      `try { for (const k of ['upstream.theme', 'upstream-theme']) localStorage.setItem(k, ${JSON.stringify(theme)}); } catch {}`,
    );
    await installProbe(page, {});
    // The token URL sets the session cookie; the views are then opened by their hash.
    await page.goto(`${server.url}${states.overview.hash}`);
    await atRest(page, anyOf([...MAIN_CHART.overview, ...STATE_SELECTORS]), 180_000);
    let applied = await page.evaluate(() => document.documentElement.dataset.theme ?? null);
    const toggle = page.locator('[data-testid="theme-toggle"]');
    if (applied !== theme && (await toggle.count()) > 0) {
      console.log(`note: the stored ${theme} theme was not applied; using the theme toggle`);
      await toggle.first().click();
      applied = await page.evaluate(() => document.documentElement.dataset.theme ?? null);
    }
    if (applied !== theme) {
      const why = `the app did not apply the ${theme} theme (<html data-theme> is ${JSON.stringify(applied)}; the theme toggle is not there yet?)`;
      if (theme !== 'light') {
        skipped.push(`${theme}: ${why}`);
        console.log(`not taken: ${theme} screenshots: ${why}`);
        await context.close();
        continue;
      }
      console.log(`note: ${why}; taking the light screenshots in the app's default look`);
    }
    for (const view of VIEWS) {
      const state = states[view];
      await page.evaluate((h) => {
        window.location.hash = h;
      }, state.hash);
      const chart = anyOf([...MAIN_CHART[view], ...STATE_SELECTORS]);
      const rested = await atRest(page, chart, 180_000);
      await page.evaluate(() => document.fonts.ready.then(() => true));
      await page.mouse.move(1279, 719);
      await page.waitForTimeout(400);
      let found: string | null = null;
      for (const sel of MAIN_CHART[view])
        if ((await page.locator(sel).count()) > 0) found = found ?? sel;
      const file = join(opts.out, `${view}-${theme}.png`);
      writeFileSync(file, await page.screenshot({ type: 'png', animations: 'disabled' }));
      const how = shrink(file);
      const kb = Math.round(statSync(file).size / 1024);
      written.push(file);
      console.log(
        `${view}-${theme}.png  ${kb} KB${how}  ${state.what} (${state.hash})` +
          (found ? '' : `  WARNING: no main chart (${MAIN_CHART[view].join(' | ')})`) +
          (rested ? '' : '  WARNING: the page had not settled after 180 s'),
      );
    }
    if (opts.workshop) written.push(...(await workshopShots(page, theme, server.origin, token)));
    await context.close();
  }
  console.log(`\n${written.length} screenshots in ${opts.out}`);
  if (skipped.length) console.log(`not taken: ${skipped.join('; ')}`);
  console.log(
    `requests outside 127.0.0.1: ${session.offsite.length === 0 ? 'none' : session.offsite.join(', ')}`,
  );
  console.log(
    `console errors: ${session.consoleErrors.length === 0 ? 'none' : [...new Set(session.consoleErrors)].slice(0, 5).join(' | ')}`,
  );
}

interface SampleStory {
  name: string;
  slides: { id: string; state: string; predict: unknown }[];
}

/**
 * The workshop as the README shows it, on the story the sample comes with: the Stories tab with
 * it open, its question for the room with two guesses, and the reveal beside them. The guesses
 * are taken back afterwards, so the cached sample is left as it was.
 */
async function workshopShots(
  page: import('playwright-core').Page,
  theme: string,
  origin: string,
  token: string,
): Promise<string[]> {
  const { stories } = await api<{ stories: { name: string }[] }>(origin, token, 'stories', {});
  if (stories.length === 0) {
    console.log('not taken: workshop screenshots (the sample has no story: rebuild it)');
    return [];
  }
  const story = await api<SampleStory>(origin, token, 'story', { story: stories[0]!.name });
  const files: string[] = [];
  const shoot = async (name: string, what: string) => {
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.mouse.move(1279, 719);
    await page.waitForTimeout(600);
    const file = join(opts.out, `${name}-${theme}.png`);
    writeFileSync(file, await page.screenshot({ type: 'png', animations: 'disabled' }));
    const how = shrink(file);
    console.log(
      `${name}-${theme}.png  ${Math.round(statSync(file).size / 1024)} KB${how}  ${what}`,
    );
    files.push(file);
  };
  await page.evaluate(() => (window.location.hash = '#/stories'));
  await page.locator('[data-testid="story-item"]').first().click();
  await page.locator('[data-testid="story-editor"]').waitFor({ timeout: 60_000 });
  await shoot('stories', 'the Stories tab with the sample story open');

  const asking = story.slides.findIndex((s) => s.predict !== null);
  if (asking >= 0) {
    const slide = story.slides[asking]!;
    for (const [person, guess] of [
      ['Amara', '0.3'],
      ['Ben', '0.6'],
    ])
      await api(origin, token, 'guessAdd', { story: story.name, slideId: slide.id, person, guess });
    const present = `${slide.state}${slide.state.includes('?') ? '&' : '?'}present=${encodeURIComponent(story.name)}&slide=${asking}`;
    await page.evaluate((h) => (window.location.hash = h), present);
    await page.waitForTimeout(1500);
    await atRest(page, undefined, 120_000);
    await shoot('present-ask', 'presenting: the question for the room, two guesses in');
    await page.keyboard.press('ArrowRight');
    await atRest(page, anyOf(MAIN_CHART.linkage), 120_000);
    await shoot('present-reveal', 'presenting: the reveal, the real r beside the guesses');
    await page.keyboard.press('Escape');
    await api(origin, token, 'guessClear', { story: story.name, slideId: slide.id });
  }
  return files;
}

runScript(main);
