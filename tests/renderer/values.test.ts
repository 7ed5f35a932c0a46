import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { suppressedReasonText } from '../../src/renderer/src/components/Suppressed';
import {
  formatCellPercent,
  formatHeatmapCell,
  formatPercent,
} from '../../src/renderer/src/components/values/format';
import { assessNoise, smallNThreshold } from '../../src/renderer/src/components/values/noise';
import { servedSmallSample } from '../helpers/servedSample';

// The values heatmap on the real engine: `upstream serve` on the small sample, driven in Chromium.
const app = servedSmallSample('values');

type Heatmap = MethodOutput<'heatmap'>;
type Hierarchy = MethodOutput<'hierarchy'>;
type Cell = Heatmap['rows'][number]['cells'][number];

describe.skipIf(!app.available)('Values heatmap in Chromium against upstream serve', () => {
  const { problems } = app;
  const page = () => app.page;
  const api = <T = Heatmap>(method: string, input: unknown) => app.api<T>(method, input);
  const table = () => page().getByTestId('heatmap-table');

  /** Goes to a hash as a bookmark would (a fresh history entry). */
  async function go(hash: string): Promise<void> {
    await page().evaluate((h) => {
      window.location.hash = h;
    }, hash);
  }

  /** The rows of the level or set shown (not the summary rows), by unit id or group value. */
  async function rowIds(): Promise<string[]> {
    return table()
      .locator('[data-testid="heatmap-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? ''));
  }
  const rowOf = (id: string) =>
    table().locator(`[data-testid="heatmap-row"][data-unit="${id.replace(/"/g, '\\"')}"]`);

  /** One cell as the API says it: status; its numbers (or no digits at all); faded when small. */
  async function expectCell(
    row: Locator,
    h: Heatmap,
    cell: Cell,
    as: 'figure' | 'reference',
  ): Promise<void> {
    const el = row.locator(`[data-testid="heatmap-cell"][data-value="${cell.value}"]`);
    await expect.poll(() => el.getAttribute('data-status')).toBe(cell.status);
    if (cell.status !== 'ok') {
      expect(await el.innerText()).not.toMatch(/\d/);
      expect(await el.getAttribute('data-noise')).toBeNull();
      return;
    }
    if (as === 'reference') {
      expect(await el.getByTestId('heatmap-cell-value').innerText()).toBe(
        formatPercent(cell.pctFavourable!),
      );
      return;
    }
    const main = formatHeatmapCell(h.mode, cell);
    if (main) await expect.poll(() => el.getByTestId('heatmap-cell-value').innerText()).toBe(main);
    else expect(await el.getByTestId('heatmap-cell-value').count()).toBe(0);
    if (h.mode !== 'absolute')
      expect(await el.getByTestId('heatmap-cell-pct').innerText()).toBe(formatCellPercent(cell));
    // Whole numbers: a signed whole difference, a whole percentage.
    if (main && h.mode !== 'absolute') expect(main).toMatch(/^([+-][1-9]\d*|0)$/);
    if (cell.n !== null && cell.n < smallNThreshold(h.minGroupSize))
      expect(await el.getAttribute('data-noise')).toBe('true');
  }

  /** Every row of the answer, in order, and every cell as the API figures. */
  async function expectHeatmapToShow(h: Heatmap, reference: 'company' | 'parent' | null) {
    await expect.poll(rowIds).toEqual(h.rows.map((r) => r.unitId));
    for (const r of h.rows) {
      const row = rowOf(r.unitId);
      for (const cell of r.cells) await expectCell(row, h, cell, 'figure');
    }
    if (reference) {
      const ref = reference === 'company' ? h.company : h.parentRow;
      const row = table().getByTestId(
        reference === 'company' ? 'heatmap-company' : 'heatmap-parent',
      );
      expect(await row.innerText()).toContain('Reference');
      for (const cell of ref.cells) await expectCell(row, h, cell, 'reference');
    }
  }

  app.register(async () => {
    await app.page.getByTestId('nav-values').click();
  });

  it('opens on points vs company: every cell as the API says, the company row as the reference', async () => {
    const h = await api('heatmap', { mode: 'vs_company' });
    // The first answer of a fresh server can take a while on a loaded machine.
    await expect.poll(() => table().isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page().getByTestId('heatmap-mode').inputValue()).toBe('vs_company');
    expect(await page().getByTestId('values-mode').isVisible()).toBe(true);
    expect(await page().getByTestId('heatmap-period').inputValue()).toBe(h.period);
    expect(h.scale).toMatchObject({ family: 'delta', min: -20, max: 20, diverging: true });
    await expectHeatmapToShow(h, 'company');
    await expect
      .poll(() => page().getByTestId('heatmap-legend').getAttribute('data-family'))
      .toBe('delta');
    expect(await page().getByTestId('heatmap-legend').getAttribute('data-min')).toBe('-20');
    expect(await page().getByTestId('heatmap-legend-noise').innerText()).toContain(
      `fewer than ${smallNThreshold(h.minGroupSize)} respondents`,
    );
    expect(await page().title()).toBe(`Values · ${h.parent.name} · ${h.period} · Upstream`);
    await page().screenshot({ path: join(process.cwd(), '.tmp', 'values-1920.png') });
  });

  it('clicking a region focuses it: its units as heatmap({parentId}), its row highlighted, Back returns', async () => {
    const top = await api('heatmap', { mode: 'vs_company' });
    const region = top.rows.find((r) => r.status === 'ok')!;
    await rowOf(region.unitId).getByRole('button').click();
    await expect
      .poll(() => page().evaluate(() => window.location.hash))
      .toContain(`unit=${region.unitId}`);
    const h = await api('heatmap', { mode: 'vs_company', parentId: region.unitId });
    await expectHeatmapToShow(h, 'company');
    const parent = table().getByTestId('heatmap-parent');
    expect(await parent.getAttribute('data-focus')).toBe('true');
    expect(await page().getByTestId('heatmap-breadcrumb').innerText()).toContain(region.name);
    expect(await page().getByTestId('values-open-team').getAttribute('href')).toMatch(
      new RegExp(`^#/teams\\?.*unit=${region.unitId}`),
    );
    expect(await page().title()).toBe(`Values · ${region.name} · ${h.period} · Upstream`);
    await page().goBack();
    await expectHeatmapToShow(top, 'company');
  });

  it('vs parent: the parent row is the reference and shows its own %', async () => {
    const top = await api('heatmap', { mode: 'vs_company' });
    const region = top.rows.find((r) => r.status === 'ok')!;
    await go(`#/values?unit=${region.unitId}&mode=vs_parent`);
    expect(await page().getByTestId('heatmap-mode').inputValue()).toBe('vs_parent');
    const h = await api('heatmap', { mode: 'vs_parent', parentId: region.unitId });
    await expectHeatmapToShow(h, 'parent');
  });

  it('a set of units in the URL shows exactly those rows and the API selection row', async () => {
    const tree = await api<Hierarchy>('hierarchy', {});
    const teams = tree.units.filter((u) => u.level === 'team').slice(0, 3);
    const ids = teams.map((u) => u.id);
    await go(`#/values?units=${ids.join('.')}&from=brush&label=Bright%20spots`);
    const h = await api('heatmap', { mode: 'vs_company', unitIds: ids });
    expect(h.rows.map((r) => r.unitId)).toEqual(ids);
    await expectHeatmapToShow(h, 'company');
    expect(await page().getByTestId('values-selection-chip').innerText()).toContain(
      'Showing Bright spots (3 units)',
    );
    const sel = h.selection!;
    expect(sel, 'the engine returns the combined row for unitIds').not.toBeNull();
    const row = table().getByTestId('values-selection-row');
    for (const cell of sel.cells) await expectCell(row, h, cell, 'figure');
    await page().getByTestId('values-selection-clear').click();
    await expect.poll(() => page().getByTestId('values-selection-chip').count()).toBe(0);
    const top = await api('heatmap', { mode: 'vs_company' });
    await expectHeatmapToShow(top, 'company');

    // Ticking rows and "Select these rows" makes a set for every view, from the heatmap.
    const picked = top.rows.slice(0, 2).map((r) => r.unitId);
    for (const id of picked) await rowOf(id).getByTestId('values-pick').check();
    await page().getByTestId('values-pick-apply').click();
    await expect.poll(() => page().evaluate(() => window.location.hash)).toContain('from=heatmap');
    const mine = await api('heatmap', { mode: 'vs_company', unitIds: picked });
    await expectHeatmapToShow(mine, 'company');
    const combined = table().getByTestId('values-selection-row');
    for (const cell of mine.selection!.cells) await expectCell(combined, mine, cell, 'figure');
    await page().getByTestId('values-selection-clear').click();
  });

  it('groups rows by tenure as heatmap({groupBy}) does', async () => {
    const h = await api('heatmap', { mode: 'vs_company', groupBy: 'tenure_band' });
    expect(h.groupings.map((g) => g.id)).toContain('tenure_band');
    await page().getByTestId('values-grouping').selectOption('tenure_band');
    await expectHeatmapToShow(h, 'company');
    if (h.rows.every((r) => r.status === 'suppressed'))
      expect(await page().getByTestId('values-groups-suppressed').isVisible()).toBe(true);
    await page().getByTestId('values-grouping').selectOption('org');
  });

  it('a suppressed cell shows the reason and no figure; keyboard focus shows the hover detail', async () => {
    const tree = await api<Hierarchy>('hierarchy', {});
    // The area whose teams include a suppressed one (the sample plants small teams).
    let found: { h: Heatmap; unitId: string; cell: Cell } | undefined;
    for (const area of tree.units.filter((u) => u.level === 'area')) {
      const h = await api('heatmap', { mode: 'vs_company', parentId: area.id });
      const row = h.rows.find((r) => r.cells.some((c) => c.status === 'suppressed'));
      if (row) {
        found = { h, unitId: area.id, cell: row.cells.find((c) => c.status === 'suppressed')! };
        found.unitId = area.id;
        const el = row.unitId;
        await go(`#/values?unit=${area.id}`);
        await expectHeatmapToShow(h, 'company');
        const r = rowOf(el);
        const reason = suppressedReasonText(found.cell.reason)!;
        const cellEl = r.locator(`[data-testid="heatmap-cell"][data-value="${found.cell.value}"]`);
        // No figure in the cell: no digits, only the attributes that name it.
        expect(await cellEl.innerText()).not.toMatch(/\d/);
        const attrs = await cellEl.evaluate((e) =>
          Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])),
        );
        for (const [name, value] of Object.entries(attrs)) {
          if (['data-unit', 'data-grid-cell', 'tabindex'].includes(name)) continue;
          expect(value, name).not.toMatch(/\d/);
        }
        // The row says why, and nothing else with a digit.
        const rowText = (await r.innerText()).replace(reason, '');
        expect(rowText).not.toMatch(/\d/);
        await cellEl.hover();
        const detail = page().getByTestId('heatmap-detail');
        await expect.poll(() => detail.innerText()).toContain(reason);
        expect((await detail.innerText()).replace(reason, '')).not.toMatch(/\d/);
        break;
      }
    }
    expect(found, 'the sample plants small teams').toBeDefined();

    // Hover a figure, then reach it with the keyboard: the same words.
    const { h } = found!;
    const row = h.rows.find((r) => r.status === 'ok')!;
    const rowEl = rowOf(row.unitId);
    const target = rowEl.locator('[data-testid="heatmap-cell"]').nth(1);
    await target.hover();
    const detail = page().getByTestId('heatmap-detail');
    await expect.poll(() => detail.count()).toBe(1);
    const hovered = await detail.innerText();
    expect(hovered).toContain(`n = ${row.cells[1]!.n!.toLocaleString('en-GB')}`);
    expect(hovered).toContain(formatPercent(row.cells[1]!.pctFavourable!));
    await page().mouse.move(2, 2);
    await expect.poll(() => detail.count()).toBe(0);
    await rowEl.locator('[data-testid="heatmap-cell"]').nth(0).focus();
    await page().keyboard.press('ArrowRight');
    expect(await target.evaluate((e) => e === document.activeElement)).toBe(true);
    await expect.poll(() => detail.innerText()).toBe(hovered);
    expect(await target.getAttribute('aria-describedby')).toBe(await detail.getAttribute('id'));
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});

// The noise rule the legend states, on hand-worked figures (no browser needed).
describe('Values heatmap noise rule', () => {
  it('independent groups: 80% of 100 vs 70% of 100 is +10 with an interval from about -2 to +22', () => {
    // se = sqrt(.8 x .2 / 100 + .7 x .3 / 100) = .0608; 1.96 se = 11.9 points.
    const n = assessNoise({
      pct: 80,
      n: 100,
      ref: { pct: 70, n: 100 },
      nested: false,
      minGroupSize: 5,
    });
    expect(n.interval![0]).toBeCloseTo(-1.92, 1);
    expect(n.interval![1]).toBeCloseTo(21.92, 1);
    expect(n).toMatchObject({ crossesZero: true, smallN: false, noisy: true });
  });

  it('a unit inside its reference: 85% of 100 within 75% of 500 is +10, 3 to 17, not noise', () => {
    // rest = (500 x .75 - 100 x .85) / 400 = .725; se = .8 x sqrt(.1275/100 + .199375/400) = .0337.
    const n = assessNoise({
      pct: 85,
      n: 100,
      ref: { pct: 75, n: 500 },
      nested: true,
      minGroupSize: 5,
    });
    expect(n.interval![0]).toBeCloseTo(3.4, 1);
    expect(n.interval![1]).toBeCloseTo(16.6, 1);
    expect(n.noisy).toBe(false);
  });

  it('fewer than 30 respondents (or twice the minimum group size) is noise whatever the gap', () => {
    expect(smallNThreshold(5)).toBe(30);
    expect(smallNThreshold(20)).toBe(40);
    const n = assessNoise({ pct: 95, n: 29, ref: null, nested: false, minGroupSize: 5 });
    expect(n).toMatchObject({ smallN: true, noisy: true, interval: null });
    expect(n.note).toContain('fewer than 30 respondents');
  });
});
