import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrilldownOutput } from '../../src/shared/analytics/drilldown';
import type { MethodOutput } from '../../src/shared/contract';
import { tileValueText } from '../../src/renderer/src/format/formatMetric';
import { documentTitle } from '../../src/renderer/src/hooks/useDocumentTitle';
import { openAppInChromium } from '../helpers/appInChromium';
import { chromiumFor } from '../helpers/browser';
import { upstream, writeSmallSample } from '../helpers/cli';
import { servedSmallSample } from '../helpers/servedSample';
import { makeTempDir } from '../helpers/tempDir';
import { textSizes } from '../helpers/textSizes';

// The app shell on the real engine (`upstream serve` on the small sample, in Chromium): text
// sizes a 1280x720 projector can be read from, type that grows with browser zoom, the themes,
// the selection bar, tab titles, the page for a bookmark without the token, and the connection
// lost state.
const app = servedSmallSample('shell');

const VIEWS = ['overview', 'linkage', 'values', 'drivers', 'teams', 'import', 'stories'] as const;
/** The smallest text the room must read at 1280x720, in CSS px. */
const MIN_TEXT_PX = 16;

/** Until the view has its answers: no loading panel and nothing aria-busy. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document.querySelector('#main > *') !== null &&
            document.querySelector('[data-testid="loading"], [aria-busy="true"]') === null,
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
}

async function openView(page: Page, view: string, query = ''): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/${view}${query}`);
  await settled(page);
}

describe.skipIf(!app.available)('App shell in Chromium against upstream serve', () => {
  const { problems } = app;
  let hierarchy: MethodOutput<'hierarchy'>;
  let info: MethodOutput<'info'>;

  app.register(async (page) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Light theme to start from, whatever the system says.
    await page.evaluate(() => window.localStorage.setItem('upstream.theme', 'light'));
    await page.reload();
    hierarchy = await app.api('hierarchy', {});
    info = await app.api('info', {});
  });

  it('sets the root size so 0.8rem is at least 16px at 1280x720', async () => {
    const rootPx = await app.page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(rootPx * 0.8).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });

  it.each(VIEWS)('shows no text under 16px at 1280x720 on %s', async (view) => {
    await openView(app.page, view);
    const sizes = await textSizes(app.page);
    expect(sizes.length).toBeGreaterThan(5);
    const small = sizes.filter((s) => s.px < MIN_TEXT_PX - 0.01);
    // Listed by element, so whoever owns the view sees what to change.
    expect(
      small.map((s) => `${view}: ${s.where} "${s.text}" ${s.px.toFixed(1)}px`),
      `${small.length} of ${sizes.length} text elements on ${view} are under ${MIN_TEXT_PX}px`,
    ).toEqual([]);
  });

  it('makes text larger, not smaller, when the browser zooms to 150%', async () => {
    // In device pixels: the root size, the shell's own labels, and the smallest text on the page.
    const measure = (page: Page) =>
      page.evaluate(() => {
        const px = (el: Element | null) =>
          el ? parseFloat(getComputedStyle(el).fontSize) * window.devicePixelRatio : null;
        let smallest = Infinity;
        for (const el of document.querySelectorAll('#main *')) {
          const own = [...el.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
          );
          if (own && el.getClientRects().length > 0) smallest = Math.min(smallest, px(el)!);
        }
        return {
          root: px(document.documentElement),
          tab: px(document.querySelector('[data-testid="nav-teams"]')),
          toggle: px(document.querySelector('[data-testid="theme-toggle"]')),
          picker: px(document.querySelector('.picker__label')),
          smallest,
        };
      });
    await openView(app.page, 'teams');
    const at100 = await measure(app.page);
    // Browser zoom 150% on a 1280x720 window: the CSS viewport is 853x480 and every CSS px is
    // 1.5 device pixels.
    const zoomed = await app.page
      .context()
      .browser()!
      .newContext({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
    try {
      const page = await zoomed.newPage();
      await page.goto(app.server.url);
      await openView(page, 'teams');
      const at150 = await measure(page);
      for (const key of ['root', 'tab', 'toggle', 'picker', 'smallest'] as const) {
        expect(at100[key], `${key} at 100%`).not.toBeNull();
        expect(
          at150[key]!,
          `${key}: device px at 150% against 100% (${at100[key]})`,
        ).toBeGreaterThan(at100[key]! * 1.2);
      }
    } finally {
      await zoomed.close();
    }
  });

  it('switches between light and dark with the nav toggle, and keeps the choice over a reload', async () => {
    const page = app.page;
    await openView(page, 'teams');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const varOf = (name: string) =>
      page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n), name);
    expect(await theme()).toBe('light');
    const lightBg = await varOf('--bg');
    const lightEmployee = await varOf('--employee');
    await page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await page.getByTestId('theme-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await varOf('--bg')).not.toBe(lightBg);
    expect(await varOf('--employee')).not.toBe(lightEmployee);
    expect(await varOf('--employee')).not.toBe(await varOf('--customer'));
    await page.reload();
    await settled(page);
    expect(await theme()).toBe('dark');
    expect(await page.evaluate(() => window.localStorage.getItem('upstream.theme'))).toBe('dark');
    await page.screenshot({ path: join(process.cwd(), '.tmp', 'shell-teams-dark-1280.png') });
    await page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('light');
  });

  it('names the view, the unit and the period in the browser tab', async () => {
    const region = hierarchy.units.find((u) => u.level === 'region')!;
    const period = [...info.periods].sort((a, b) => a.id.localeCompare(b.id)).at(-2)!.id;
    await openView(app.page, 'teams', `?unit=${region.id}&period=${period}`);
    await expect.poll(() => app.page.title()).toBe(documentTitle('Teams', region.name, period));
    await openView(app.page, 'import');
    await expect.poll(() => app.page.title()).toMatch(/^Import · /);
    // The room's other views (built by their own helpers) name themselves and the period too.
    for (const [view, name] of [
      ['overview', 'Overview'],
      ['linkage', 'Linkage'],
      ['values', 'Values'],
      ['drivers', 'Drivers'],
    ] as const) {
      await openView(app.page, view, `?unit=${region.id}&period=${period}`);
      await expect.poll(() => app.page.title(), { timeout: 10_000 }).toContain(`${name} · `);
      expect(await app.page.title()).toContain(region.name);
    }
  });

  it('shows the selected unit under the nav on every view, opens its team page and clears it', async () => {
    const region = hierarchy.units.find((u) => u.level === 'region')!;
    for (const view of ['overview', 'linkage', 'values', 'drivers']) {
      await openView(app.page, view, `?unit=${region.id}`);
      await expect.poll(() => app.page.getByTestId('selection-unit').innerText()).toBe(region.name);
    }
    await app.page.getByTestId('selection-open-team').click();
    await expect.poll(() => app.page.url()).toContain('#/teams');
    await settled(app.page);
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(region.name);
    await app.page.getByTestId('selection-clear').click();
    await expect.poll(() => app.page.url()).not.toContain('unit=');
    expect(await app.page.getByTestId('selection-bar').count()).toBe(0);

    const ids = hierarchy.units.filter((u) => u.level === 'region').map((u) => u.id);
    await openView(app.page, 'overview', `?units=${ids.join('.')}&from=list&label=Regions`);
    expect(await app.page.getByTestId('selection-set-label').innerText()).toBe(
      `Regions: ${ids.length} units`,
    );
    await app.page.getByTestId('selection-set-clear').click();
    await expect.poll(() => app.page.url()).not.toContain('units=');
  });

  it('answers an address without the token with a page that says what to do', async () => {
    const origin = new URL(app.server.url).origin;
    const reply = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('text/html');
    const body = await reply.text();
    expect(body).toContain('This Upstream session needs its link');
    expect(body).toContain('one-time token');
    expect(body).toContain('restart <code>upstream serve</code>');
    const api = await fetch(`${origin}/api/info`, { method: 'POST', body: '{}' });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    // As a browser shows it: a fresh profile (no cookie) opening a bookmark.
    const context = await app.page.context().browser()!.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/#/teams`);
      expect(await page.locator('h1').innerText()).toBe('This Upstream session needs its link');
      expect(await page.locator('script').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });

  it('keeps the last figures greyed under a banner while the server does not answer, and recovers', async () => {
    const page = app.page;
    const region = hierarchy.units.find((u) => u.level === 'region')!;
    await openView(page, 'teams', `?unit=${region.id}`);
    const tile = page.getByTestId('tile-engagement_index').getByTestId('tile-value');
    const before = await tile.innerText();
    const seen = problems.length;
    // What the browser gets from a stopped server: the connection is refused, for every request.
    await page.route('**/*', (route) => route.abort('connectionrefused'));
    try {
      // Nothing asked: the shell's heartbeat notices by itself.
      await expect
        .poll(() => page.getByTestId('connection-lost').count(), { timeout: 20_000 })
        .toBe(1);
      expect(await page.getByTestId('connection-lost').innerText()).toContain(
        'Connection to the Upstream engine lost: showing the last figures. Retrying…',
      );
      // Asking for something else keeps the last figures, greyed, and no error panel.
      await page.getByTestId('scope-picker').selectOption('direct');
      await page.waitForTimeout(500);
      expect(await tile.innerText()).toBe(before);
      expect(await page.locator('.app--offline').count()).toBe(1);
      expect(await page.getByTestId('error').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/Failed to fetch/i);
    } finally {
      await page.unroute('**/*');
    }
    // Back: the banner goes and the page answers what was asked meanwhile.
    await expect
      .poll(() => page.getByTestId('connection-lost').count(), { timeout: 20_000 })
      .toBe(0);
    await settled(page);
    const direct = await app.api<DrilldownOutput>('drilldown', {
      unitId: region.id,
      scope: 'direct',
    });
    const engagement = direct.headline.find((v) => v.metric === 'engagement_index')!;
    await expect.poll(() => tile.innerText()).toBe(tileValueText(engagement));
    expect(page.url()).toContain('scope=direct');
    const refused = problems.slice(seen);
    expect(
      refused.every((p) => /ERR_CONNECTION_REFUSED|ERR_FAILED/.test(p)),
      refused.join('\n'),
    ).toBe(true);
    problems.splice(seen);
  });
});

/** The sample's export files whose names match, to build a workspace from some of them. */
function exportsLike(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}

// Bad input: workspaces built by the real `upstream import` from some of the small sample's
// exports. Each says what is missing and what to import; never an empty chart, a red error or
// a crash.
const partial = chromiumFor('shell (partial workspaces)');

describe.skipIf(!partial)('Partial workspaces in Chromium against upstream serve', () => {
  const temp = makeTempDir();
  let exportsDir = '';
  afterAll(() => temp.remove());

  beforeAll(() => {
    exportsDir = join(temp.path, 'exports');
    const sample = writeSmallSample(join(temp.path, 'sample.duckdb'), exportsDir);
    expect(sample.status, sample.stderr).toBe(0);
  });

  function build(name: string, files: string[]): string {
    const workspace = join(temp.path, `${name}.duckdb`);
    const result = upstream(['import', ...files, '--workspace', workspace]);
    expect(result.status, result.stderr).toBe(0);
    return workspace;
  }

  async function visit(
    workspace: string,
    check: (page: Page, problems: string[]) => Promise<void>,
  ): Promise<void> {
    const problems: string[] = [];
    const opened = await openAppInChromium(partial!.path, workspace, problems);
    try {
      await opened.page.setViewportSize({ width: 1280, height: 720 });
      await check(opened.page, problems);
      expect(problems, 'Teams').toEqual([]);
      // The other views (each built by its own helper) on the same workspace.
      const found: string[] = [];
      for (const view of ['overview', 'linkage', 'values', 'drivers', 'import']) {
        const before = problems.length;
        await openView(opened.page, view);
        if ((await opened.page.getByTestId('error').count()) > 0)
          found.push(`${view}: a red error: ${await opened.page.getByTestId('error').innerText()}`);
        found.push(...problems.slice(before).map((p) => `${view}: ${p}`));
      }
      expect(found).toEqual([]);
    } finally {
      await opened.browser.close();
      await opened.server.stop();
    }
  }

  const org = () => exportsLike(exportsDir, /^HRIS_Org_Units/);

  it('employee data for one quarter only: Teams says to import customer feedback and another quarter', async () => {
    const workspace = build('employees', [
      ...org(),
      ...exportsLike(exportsDir, /^survey_items/),
      ...exportsLike(exportsDir, /^survey_responses_/).slice(-1),
    ]);
    await visit(workspace, async (page) => {
      await openView(page, 'teams');
      const customers = page.getByTestId('teams-no-customer');
      expect(await customers.innerText()).toContain('No data');
      expect(await customers.getByTestId('no-data-import').innerText()).toBe(
        'Import customer feedback',
      );
      expect(await page.getByTestId('tile-engagement_index').getAttribute('data-status')).toBe(
        'ok',
      );
      expect(await page.getByTestId('teams-no-trend').innerText()).toContain(
        'trends appear once a second quarter is imported',
      );
      expect(await page.getByTestId('facts-hr').getByTestId('no-data-import').innerText()).toBe(
        'Import HR records',
      );
      await page.getByTestId('teams-no-customer').getByTestId('no-data-import').click();
      await expect.poll(() => page.url()).toContain('#/import');
    });
  });

  it('customer data only: Teams says to import survey responses, with the customer figures shown', async () => {
    const workspace = build('customers', [
      ...org(),
      ...exportsLike(exportsDir, /^unit_mapping/),
      ...exportsLike(exportsDir, /^cx_feedback_export_/).slice(-2),
    ]);
    await visit(workspace, async (page) => {
      await openView(page, 'teams');
      const employees = page.getByTestId('teams-no-survey');
      expect(await employees.innerText()).toContain('No data');
      expect(await employees.getByTestId('no-data-import').innerText()).toBe(
        'Import survey responses',
      );
      expect(await page.getByTestId('tile-nps').getAttribute('data-status')).toBe('ok');
      expect(await page.getByTestId('values-profile').innerText()).toContain(
        'Import survey responses',
      );
      expect(await page.getByTestId('items-panel').innerText()).toContain(
        'Import survey responses',
      );
    });
  });
});
