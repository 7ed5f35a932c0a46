import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { formatHeatmapCell } from '../../src/renderer/src/components/values/format';
import { servedSmallSample } from '../helpers/servedSample';

// The values heatmap on the real engine: `upstream serve` on the small sample, driven in Chromium.
const app = servedSmallSample('values');

type Heatmap = MethodOutput<'heatmap'>;

describe.skipIf(!app.available)('Values heatmap in Chromium against upstream serve', () => {
  const { problems } = app;

  const api = <T = Heatmap>(method: string, input: unknown) => app.api<T>(method, input);

  /** Every cell of every row (reference rows too) shows the API's figure, or no digits at all. */
  async function expectHeatmapToShow(h: Heatmap): Promise<void> {
    const table = app.page.getByTestId('heatmap-table');
    await expect
      .poll(async () =>
        (
          await table
            .getByTestId(/^heatmap-row-/)
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))
        ).sort(),
      )
      .toEqual(h.rows.map((r) => `heatmap-row-${r.unitId}`).sort());
    const rows: { locator: Locator; cells: Heatmap['rows'][number]['cells'] }[] = [
      ...h.rows.map((r) => ({
        locator: table.getByTestId(`heatmap-row-${r.unitId}`),
        cells: r.cells,
      })),
      { locator: table.getByTestId('heatmap-company'), cells: h.company.cells },
    ];
    for (const { locator, cells } of rows) {
      for (const cell of cells) {
        const el = locator.locator(`[data-testid="heatmap-cell"][data-value="${cell.value}"]`);
        await expect.poll(() => el.getAttribute('data-status')).toBe(cell.status);
        const text = formatHeatmapCell(h.mode, cell);
        if (text) {
          await expect.poll(() => el.getByTestId('heatmap-cell-value').innerText()).toBe(text);
        } else {
          expect(await el.innerText()).not.toMatch(/\d/);
          if (cell.status === 'suppressed')
            expect(await el.getAttribute('title')).toContain(cell.reason ?? 'Suppressed');
        }
        if (cell.status === 'ok' && cell.n !== null)
          expect(await el.getAttribute('title')).toContain(`n = ${cell.n.toLocaleString('en-GB')}`);
      }
    }
  }

  app.register(async () => {
    await app.page.getByTestId('nav-values').click();
  });

  it('shows each unit x value as the API figures, % favourable by default', async () => {
    const h = await api('heatmap', { mode: 'absolute' });
    await expect.poll(() => app.page.getByTestId('heatmap-table').isVisible()).toBe(true);
    expect(await app.page.getByTestId('heatmap-mode').inputValue()).toBe('absolute');
    expect(await app.page.getByTestId('heatmap-period').inputValue()).toBe(h.period);
    expect(await app.page.getByTestId('heatmap-breadcrumb').innerText()).toContain(h.parent.name);
    await expectHeatmapToShow(h);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'values-1920.png') });
  });

  it('switches to points vs company on a diverging scale', async () => {
    await app.page.getByTestId('heatmap-mode').selectOption('vs_company');
    const h = await api('heatmap', { mode: 'vs_company' });
    expect(h.scale.diverging).toBe(true);
    await expectHeatmapToShow(h);
    await expect
      .poll(() => app.page.getByTestId('heatmap-legend').getAttribute('data-family'))
      .toBe('delta');
  });

  it('drills into a region and shows its children as heatmap({parentId}) does', async () => {
    const top = await api('heatmap', { mode: 'vs_company' });
    const region = top.rows.find((r) => r.level !== 'team' && r.status === 'ok')!;
    expect(region, 'the sample has regions').toBeDefined();
    await app.page.getByTestId(`heatmap-row-${region.unitId}`).click();
    const h = await api('heatmap', { mode: 'vs_company', parentId: region.unitId });
    await expectHeatmapToShow(h);
    await expect
      .poll(() => app.page.getByTestId('heatmap-breadcrumb').innerText())
      .toContain(region.name);
    expect(await app.page.getByTestId('heatmap-parent').isVisible()).toBe(true);
  });

  it('shows suppressed cells locked, with no digits, somewhere down the tree', async () => {
    // Drill until a level with suppressed cells (the sample plants small teams), checking each.
    let h = await api('heatmap', { mode: 'absolute' });
    await app.page.getByTestId('heatmap-mode').selectOption('absolute');
    await app.page.getByTestId('heatmap-breadcrumb').getByRole('button').first().click();
    await expectHeatmapToShow(h);
    const seen = () => h.rows.some((r) => r.cells.some((c) => c.status === 'suppressed'));
    for (let depth = 0; depth < 4 && !seen(); depth++) {
      const next = h.rows.find((r) => r.level !== 'team' && r.status === 'ok');
      if (!next) break;
      const children = await api('heatmap', { mode: 'absolute', parentId: next.unitId });
      if (children.rows.length === 0) break;
      await app.page.getByTestId(`heatmap-row-${next.unitId}`).click();
      h = children;
      await expectHeatmapToShow(h);
    }
    expect(seen(), 'the sample plants small teams').toBe(true);
    const locked = app.page
      .locator('[data-testid="heatmap-cell"][data-status="suppressed"]')
      .first();
    expect(await locked.locator('svg').count()).toBeGreaterThan(0);
    expect(await locked.innerText()).not.toMatch(/\d/);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
