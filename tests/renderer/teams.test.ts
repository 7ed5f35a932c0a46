import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrilldownOutput } from '../../src/shared/analytics/drilldown';
import type { MethodOutput } from '../../src/shared/contract';
import { orderedChildren } from '../../src/renderer/src/components/teams/DirectReports';
import { formatValueCell } from '../../src/renderer/src/components/teams/format';
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
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(d.unit.name);
    for (const v of d.headline) {
      const tile = app.page.getByTestId(`tile-${v.metric}`);
      await expect.poll(() => tile.getByTestId('tile-value').innerText()).toBe(tileValueText(v));
      expect(await tile.getAttribute('data-status')).toBe(v.status);
    }
    for (const v of d.values) {
      const row = app.page.locator(`[data-testid="profile-row"][data-value="${v.value}"]`);
      const cell = row.getByTestId('profile-unit');
      expect(await cell.getAttribute('data-status')).toBe(v.unit.status);
      const text = formatValueCell(v.unit);
      if (text) expect(await cell.innerText()).toBe(text);
      else expect(await cell.innerText()).not.toMatch(/\d/);
    }
    const rows = app.page.getByTestId('report-row');
    if (d.children.length === 0) {
      expect(await rows.count()).toBe(0);
      return;
    }
    const order = orderedChildren(d.children);
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit'))))
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
        expect(cells.join(' ')).toContain(c.reason!.replace(/^Suppressed:\s*/i, ''));
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

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
