import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DrilldownOutput } from '../../src/shared/analytics/drilldown';
import type { MethodOutput } from '../../src/shared/contract';
import { orderedChildren } from '../../src/renderer/src/components/teams/DirectReports';
import { linkageSentence } from '../../src/renderer/src/components/teams/FactsPanel';
import { formatValueCell, placeWords } from '../../src/renderer/src/components/teams/format';
import { suppressedReasonText } from '../../src/renderer/src/components/Suppressed';
import { formatMetricValue, tileValueText } from '../../src/renderer/src/format/formatMetric';
import { servedSmallSample } from '../helpers/servedSample';

// The team page on the real engine: `upstream serve` on the small sample, driven in Chromium.
const app = servedSmallSample('teams');

describe.skipIf(!app.available)('Teams page in Chromium against upstream serve', () => {
  const { problems } = app;
  let units: MethodOutput<'hierarchy'>['units'] = [];

  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);
  const drilldown = (input: Record<string, unknown>) => api<DrilldownOutput>('drilldown', input);

  /** The headline tiles, the values profile and the direct reports show the API's page. */
  async function expectPageToShow(d: DrilldownOutput): Promise<void> {
    // Generous: the machine running the suite may be busy; the page must get there.
    const patient = { timeout: 30_000 };
    await expect
      .poll(() => app.page.getByTestId('team-name').innerText(), patient)
      .toBe(d.unit.name);
    for (const v of d.headline) {
      const tile = app.page.getByTestId(`tile-${v.metric}`);
      await expect
        .poll(() => tile.getByTestId('tile-value').innerText(), patient)
        .toBe(tileValueText(v));
      expect(await tile.getAttribute('data-status')).toBe(v.status);
    }
    for (const v of d.values) {
      const row = app.page.locator(`[data-testid="profile-row"][data-value="${v.value}"]`);
      const cell = row.getByTestId('profile-unit');
      expect(await cell.getAttribute('data-status')).toBe(v.unit.status);
      const text = formatValueCell(v.unit);
      if (text) expect(await cell.innerText()).toBe(text);
      else {
        // The engine's reason (which may name the minimum group size), never a figure.
        const shown = await cell.innerText();
        expect(shown).toContain(v.unit.status === 'suppressed' ? 'Suppressed' : 'No data');
        expect(shown.replace(`${d.minGroupSize}`, '')).not.toMatch(/\d/);
      }
    }
    const rows = app.page.getByTestId('report-row');
    if (d.children.length === 0) {
      expect(await rows.count()).toBe(0);
      return;
    }
    const order = orderedChildren(d.children);
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit'))), patient)
      .toEqual(order.map((c) => c.id));
    for (const c of order) {
      const row = app.page.locator(`[data-testid="report-row"][data-unit="${c.id}"]`);
      if (c.status === 'ok' && c.shrunkEngagement !== null) {
        expect(await row.locator('.reports__weighted').innerText()).toBe(
          formatMetricValue('engagement_index', c.shrunkEngagement),
        );
        expect(await row.locator('.reports__rank').innerText()).toBe(String(c.rank));
      } else if (c.status === 'suppressed') {
        // Only the reason (which names the minimum), never a figure or a count.
        const cells = await row.locator('td').allInnerTexts();
        expect(cells.join(' ')).toContain(suppressedReasonText(c.reason)!);
        expect(cells.join(' ')).not.toMatch(/\d+\.\d/);
        expect(cells.join(' ').replace(`${d.minGroupSize}`, '')).not.toMatch(/\d/);
      }
    }
  }

  app.register(async () => {
    units = (await api<MethodOutput<'hierarchy'>>('hierarchy', {})).units;
    await app.page.getByTestId('nav-teams').click();
  });

  it('opens on the whole company, its figures and its regions ranked as the API says', async () => {
    const root = units.find((u) => u.parentId === null)!;
    const d = await drilldown({ unitId: root.id });
    await expectPageToShow(d);
    expect(await app.page.getByTestId('reports-ranking').innerText()).toBe(d.childrenRanking);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'teams-1920.png') });
  });

  it('opens a direct report, and goes back up by the breadcrumb', async () => {
    const root = units.find((u) => u.parentId === null)!;
    const top = await drilldown({ unitId: root.id });
    const region = orderedChildren(top.children)[0]!;
    await app.page.locator(`[data-testid="report-row"][data-unit="${region.id}"] button`).click();
    await expect.poll(() => app.page.url()).toContain(`unit=${region.id}`);
    await expectPageToShow(await drilldown({ unitId: region.id }));
    await expect
      .poll(() => app.page.getByTestId('heatmap-breadcrumb').innerText())
      .toContain(root.name);
    await app.page.getByTestId('heatmap-breadcrumb').getByRole('button').first().click();
    await expectPageToShow(top);
  });

  it('shows a suppressed direct report locked, with no figure, somewhere down the tree', async () => {
    let found: DrilldownOutput | null = null;
    for (const u of units.filter((x) => units.some((c) => c.parentId === x.id))) {
      const d = await drilldown({ unitId: u.id });
      if (d.children.some((c) => c.status === 'suppressed')) {
        found = d;
        break;
      }
    }
    expect(found, 'the sample plants small teams').not.toBeNull();
    await app.page.getByTestId('unit-picker').selectOption(found!.unit.id);
    await expectPageToShow(found!);
    const locked = app.page.locator('[data-testid="report-row"][data-status="suppressed"]').first();
    expect(await locked.locator('svg').count()).toBeGreaterThan(0);
  });

  it('switches to the unit’s own people and direct reports only', async () => {
    const region = units.find((u) => u.level === 'region')!;
    await app.page.getByTestId('unit-picker').selectOption(region.id);
    await app.page.getByTestId('scope-picker').selectOption('direct');
    await expectPageToShow(await drilldown({ unitId: region.id, scope: 'direct' }));
    await app.page.getByTestId('scope-picker').selectOption('rollup');
    await expectPageToShow(await drilldown({ unitId: region.id }));
  });

  it('does not compare the company with itself on its own page', async () => {
    const root = units.find((u) => u.parentId === null)!;
    await app.page.getByTestId('unit-picker').selectOption(root.id);
    const d = await drilldown({ unitId: root.id });
    await expectPageToShow(d);
    // One column of values (the company's), no parent or company comparison.
    expect(await app.page.getByTestId('profile-unit').count()).toBe(d.values.length);
    expect(await app.page.getByTestId('profile-parent').count()).toBe(0);
    expect(await app.page.getByTestId('profile-company').count()).toBe(0);
    const facts = await app.page.getByTestId('facts-linkage').innerText();
    expect(facts).toContain(linkageSentence(d, true)!);
    expect(facts).toContain("the company's own figures");
    expect(facts).not.toMatch(/bright spot|above the company|below the company|\(company /);
    expect(await app.page.getByTestId('heatmap-breadcrumb').count()).toBe(0);
  });

  it('shows a region against the company once, not as parent and company both', async () => {
    const region = units.find((u) => u.level === 'region')!;
    await app.page.getByTestId('unit-picker').selectOption(region.id);
    const d = await drilldown({ unitId: region.id });
    await expectPageToShow(d);
    expect(await app.page.getByTestId('profile-parent').count()).toBe(0);
    expect(await app.page.getByTestId('profile-company').count()).toBe(d.values.length);
    expect(await app.page.getByTestId('facts-linkage').innerText()).toContain(
      linkageSentence(d, false)!,
    );
  });

  it('marks the page as updating on a period change, never the old figures under the new label', async () => {
    const region = units.find((u) => u.level === 'region')!;
    await app.page.getByTestId('unit-picker').selectOption(region.id);
    const now = await drilldown({ unitId: region.id });
    await expectPageToShow(now);
    const info = await api<MethodOutput<'info'>>('info', {});
    const earlier = info.periods
      .filter((p) => p.surveyResponses > 0 && p.id < now.period)
      .map((p) => p.id)
      .sort()
      .at(-1)!;
    // Hold the engine's answer for the new period, to look at the page meanwhile.
    const held: Route[] = [];
    let holding = true;
    await app.page.route('**/api/drilldown', (route) =>
      holding ? void held.push(route) : route.continue(),
    );
    try {
      await app.page.getByTestId('period-picker').selectOption(earlier);
      const view = app.page.getByTestId('teams-view');
      await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await view.getAttribute('aria-busy')).toBe('true');
      expect(await app.page.getByTestId('teams-updating').innerText()).toContain('Updating…');
      expect(await app.page.getByTestId('teams-body').getAttribute('data-stale')).toBe('true');
      const opacity = await app.page
        .getByTestId('teams-body')
        .evaluate((el) => Number(getComputedStyle(el).opacity));
      expect(opacity).toBeLessThan(1);
      expect(await app.page.title()).not.toContain(region.name);
    } finally {
      holding = false;
      for (const route of held) await route.continue();
      await app.page.unroute('**/api/drilldown');
    }
    const then = await drilldown({ unitId: region.id, period: earlier });
    await expectPageToShow(then);
    await expect
      .poll(() => app.page.getByTestId('teams-view').getAttribute('aria-busy'), {
        timeout: 30_000,
      })
      .toBe('false');
    expect(await app.page.getByTestId('teams-updating').count()).toBe(0);
    expect(await app.page.getByTestId('teams-body').getAttribute('data-stale')).toBeNull();
    expect(await app.page.title()).toBe(`Teams · ${region.name} · ${earlier} · Upstream`);
    await app.page.getByTestId('period-picker').selectOption(now.period);
    await expectPageToShow(now);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});

describe('Teams: where a unit sits against the company, in words', () => {
  const place = (x: number, y: number, companyX: number, companyY: number) => ({
    status: 'ok' as const,
    reason: null,
    x,
    y,
    nEmployees: 100,
    nCustomers: 300,
    quadrant: 'bright_spot' as const,
    companyX,
    companyY,
  });

  it('calls a unit with the company\'s figures "at company level", never a bright spot', () => {
    // The only region of a company has exactly the company's figures.
    expect(placeWords(place(74.4, 26, 74.4, 26))).toBe('at company level on both');
    // Equal as the room reads them (one decimal, whole NPS points).
    expect(placeWords(place(74.41, 25.8, 74.38, 26.2))).toBe('at company level on both');
    expect(placeWords(place(74.4, 30, 74.4, 26))).toBe(
      'level with the company on engagement, above it on customers',
    );
    expect(placeWords(place(76, 30, 74.4, 26))).toContain('a bright spot');
    expect(placeWords(place(70, 20, 74.4, 26))).toBe('below the company on both');
  });

  it("says so in the linkage sentence, and the company's own page is not compared with itself", () => {
    const page = {
      linkage: {
        employeePeriod: '2025-Q3',
        customerPeriod: '2025-Q4',
        lag: 1,
        point: place(74.4, 26, 74.4, 26),
      },
    } as unknown as DrilldownOutput;
    expect(linkageSentence(page, false)).toBe(
      "Engagement 74.4 in 2025-Q3, customer NPS +26 one quarter later (2025-Q4): at company level (the same figures as the company's).",
    );
    expect(linkageSentence(page, true)).toBe(
      "Engagement 74.4 in 2025-Q3, customer NPS +26 one quarter later (2025-Q4): the company's own figures, where the linkage chart is split.",
    );
  });
});
