import { describe, expect, it } from 'vitest';
import type { HeatmapOutput } from '../../src/shared/analytics/heatmap';
import type { LagProfileOutput, LinkageOutput } from '../../src/shared/analytics/linkage';
import type { MethodOutput } from '../../src/shared/contract';
import { tileValueText } from '../../src/renderer/src/format/formatMetric';
import { parseSelection } from '../../src/shared/selection';
import { rText } from '../../src/renderer/src/components/linkage/formatLinkage';
import { loneDot, plotOf } from '../helpers/linkagePlot';
import { servedSmallSample } from '../helpers/servedSample';

// Issue 12's "done when": the views are one instrument. `upstream serve` on the small sample in
// Chromium; every expectation is what the API returns for the same selection.
const app = servedSmallSample('linked-views');

type Overview = MethodOutput<'overview'>;
type Units = MethodOutput<'hierarchy'>['units'];

describe.skipIf(!app.available)('Linked views in Chromium against upstream serve', () => {
  const { problems } = app;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);
  const hash = () => app.page.evaluate(() => window.location.hash);
  const selection = async () => parseSelection(await hash());
  let units: Units = [];
  let region: Units[number];

  const descendantsOf = (id: string): Set<string> => {
    const out = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units)
        if (u.parentId && out.has(u.parentId) && !out.has(u.id)) grew = out.add(u.id).size > 0;
    }
    return out;
  };

  async function expectTiles(overview: Overview): Promise<void> {
    for (const tile of overview.tiles.filter((t) => t.status === 'ok').slice(0, 5)) {
      await expect
        .poll(() =>
          app.page.getByTestId(`tile-${tile.metric}`).getByTestId('tile-value').first().innerText(),
        )
        .toBe(tileValueText(tile));
    }
  }

  app.register(async () => {
    units = (await api<MethodOutput<'hierarchy'>>('hierarchy', {})).units;
    region = units.find((u) => u.level === 'region')!;
  });

  it('a region picked on Overview is the unit of Linkage, Values, Drivers and Teams', async () => {
    await app.page.getByTestId('nav-overview').click();
    await app.page.getByTestId('unit-picker').selectOption(region.id);
    await expect.poll(async () => (await selection()).unit).toBe(region.id);
    await expectTiles(await api<Overview>('overview', { unitId: region.id }));

    await app.page.getByTestId('nav-linkage').click();
    const inRegion = descendantsOf(region.id);
    const linkage = await api<LinkageOutput>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      lag: 1,
      level: 'team',
    });
    const expectedSelected = linkage.points.filter((p) => inRegion.has(p.unitId)).length;
    await expect
      .poll(() => app.page.getByTestId('linkage-canvas').getAttribute('data-selected-count'))
      .toBe(String(expectedSelected));

    await app.page.getByTestId('nav-values').click();
    const heatmap = await api<HeatmapOutput>('heatmap', {
      parentId: region.id,
      mode: 'vs_company',
    });
    await expect
      .poll(() =>
        app.page
          .locator('[data-testid="heatmap-row"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit'))),
      )
      .toEqual(heatmap.rows.map((r) => r.unitId));

    await app.page.getByTestId('nav-drivers').click();
    await expect
      .poll(() => app.page.getByTestId('drivers-view').innerText())
      .toContain(region.name);

    await app.page.getByTestId('nav-teams').click();
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(region.name);
  });

  it('Back returns to the previous state and a reload restores the current one', async () => {
    const before = await hash();
    await app.page.getByTestId('nav-linkage').click();
    await expect.poll(hash).toContain('#/linkage');
    await app.page.goBack();
    await expect.poll(hash).toBe(before);
    await app.page.reload();
    await expect.poll(hash).toBe(before);
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(region.name);
  });

  it('the lag control changes r to the lag profile value for that lag', async () => {
    await app.page.getByTestId('nav-linkage').click();
    const profile = await api<LagProfileOutput>('lagProfile', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      level: 'team',
    });
    for (const lag of [-1, 0, 2]) {
      await app.page.getByTestId('linkage-lag').selectOption(String(lag));
      const entry = profile.lags.find((l) => l.lag === lag)!;
      await expect.poll(() => app.page.getByTestId('linkage-r').innerText()).toBe(rText(entry.r));
    }
    await app.page.getByTestId('linkage-lag').selectOption('1');
  });

  it('brushing dots on the scatter makes Overview and Values show that set, as the API does', async () => {
    await app.page.getByTestId('nav-linkage').click();
    const canvas = app.page.getByTestId('linkage-canvas');
    await expect.poll(() => canvas.getAttribute('data-points-count')).not.toBe('0');
    const box = (await canvas.boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8, { steps: 8 });
    await app.page.mouse.up();
    await expect.poll(async () => (await selection()).units?.ids.length ?? 0).toBeGreaterThan(0);
    const ids = (await selection()).units!.ids;
    expect((await selection()).units!.source).toBe('brush');

    await app.page.getByTestId('nav-overview').click();
    await expectTiles(await api<Overview>('overview', { unitIds: ids }));

    await app.page.getByTestId('nav-values').click();
    const heatmap = await api<HeatmapOutput>('heatmap', { unitIds: ids, mode: 'vs_company' });
    await expect
      .poll(() =>
        app.page
          .locator('[data-testid="heatmap-row"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit'))),
      )
      .toEqual(heatmap.rows.map((r) => r.unitId));
  });

  it('a dot click selects its unit, and Open team page shows it', async () => {
    await app.page.getByTestId('nav-linkage').click();
    await app.page.keyboard.press('Escape');
    await expect.poll(async () => (await selection()).units).toBeUndefined();
    const s = await selection();
    const answer = await api<LinkageOutput>('linkage', {
      employeeMetric: s.employeeMetric,
      customerMetric: s.customerMetric,
      lag: s.lag,
      level: 'team',
    });
    const canvas = app.page.getByTestId('linkage-canvas');
    await expect
      .poll(() => canvas.getAttribute('data-points-count'))
      .toBe(String(answer.points.length));
    const dot = loneDot(answer.points, await plotOf(canvas));
    expect(dot.gap).toBeGreaterThan(12);
    await app.page.mouse.click(dot.at.x, dot.at.y);
    await expect.poll(async () => (await selection()).unit).toBe(dot.point.unitId);
    await app.page.getByTestId('linkage-open-team').click();
    await expect.poll(async () => (await selection()).view).toBe('teams');
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(dot.point.name);
  });

  it('a suppressed team shows the suppressed state in every view and no figure of its own', async () => {
    const teams = units.filter((u) => u.level === 'team');
    let hidden: Units[number] | undefined;
    for (const team of teams) {
      const o = await api<Overview>('overview', { unitId: team.id });
      if (o.tiles.find((t) => t.metric === 'engagement_index')!.status === 'suppressed') {
        hidden = team;
        break;
      }
    }
    expect(hidden, 'the small sample has a team whose engagement is hidden').toBeDefined();
    const go = (view: string) =>
      app.page.evaluate((h) => (window.location.hash = h), `#/${view}?unit=${hidden!.id}`);
    const noDigits = async (locator: ReturnType<typeof app.page.getByTestId>) =>
      expect((await locator.innerText()).replace(/\b[35]\b/g, '')).not.toMatch(/\d/);

    await go('overview');
    const tile = app.page.getByTestId('tile-engagement_index').first();
    await expect.poll(() => tile.getAttribute('data-status')).toBe('suppressed');
    await noDigits(tile.getByTestId('tile-value'));

    await go('teams');
    await expect.poll(() => app.page.getByTestId('team-name').innerText()).toBe(hidden!.name);
    const teamTile = app.page.getByTestId('tile-engagement_index').first();
    await expect.poll(() => teamTile.getAttribute('data-status')).toBe('suppressed');
    await noDigits(teamTile.getByTestId('tile-value'));

    await go('values');
    const row = app.page.locator(`[data-testid="heatmap-row"][data-unit="${hidden!.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    const cells = row.getByTestId('heatmap-cell');
    for (let i = 0; i < (await cells.count()); i++) {
      if ((await cells.nth(i).getAttribute('data-status')) !== 'ok') await noDigits(cells.nth(i));
    }

    await go('linkage');
    const linkage = await api<LinkageOutput>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      lag: 1,
      level: 'team',
    });
    expect(linkage.points.some((p) => p.unitId === hidden!.id)).toBe(false);
    await expect
      .poll(() => app.page.getByTestId('linkage-canvas').getAttribute('data-selected-count'))
      .toBe('0');

    await go('drivers');
    await expect
      .poll(() => app.page.getByTestId('drivers-status').getAttribute('data-status'))
      .toBe('suppressed');
    expect(await app.page.getByTestId('drivers-row').count()).toBe(0);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
