import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LINKAGE_CUSTOMER_METRICS,
  LINKAGE_EMPLOYEE_METRICS,
} from '../../src/shared/analytics/linkage';
import type { MethodOutput } from '../../src/shared/contract';
import {
  intervalText,
  linkageNText,
  rText,
} from '../../src/renderer/src/components/linkage/formatLinkage';
import {
  linkSentence,
  quadrantUnitIds,
  QUADRANT_STYLE,
  unitsInside,
} from '../../src/renderer/src/components/linkage/linkageModel';
import { parseSelection } from '../../src/shared/selection';
import { loneDot, plotOf, toData } from '../helpers/linkagePlot';
import { servedSmallSample } from '../helpers/servedSample';

// The Linkage view on the real engine: `upstream serve` on the small sample, driven in Chromium.
// Every figure on screen is compared with what the API returns for the same inputs; brushing and
// clicking are checked against the API's points through the chart's axis mapping.
const app = servedSmallSample('linkage');

type Linkage = MethodOutput<'linkage'>;
type LagProfile = MethodOutput<'lagProfile'>;

describe.skipIf(!app.available)('Linkage in Chromium against upstream serve', () => {
  const { problems } = app;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);
  const selection = () => app.page.evaluate(() => window.location.hash).then(parseSelection);
  const canvas = () => app.page.getByTestId('linkage-canvas');
  const plot = () => plotOf(canvas());

  async function expectStatsToShow(answer: Linkage): Promise<void> {
    await expect.poll(() => app.page.getByTestId('linkage-r').innerText()).toBe(rText(answer.r));
    await expect
      .poll(() => app.page.getByTestId('linkage-n').innerText())
      .toBe(linkageNText(answer));
    expect(await app.page.getByTestId('linkage-interval').innerText()).toBe(
      intervalText(answer.ciLow, answer.ciHigh),
    );
    expect(await app.page.getByTestId('linkage-message').textContent()).toBe(answer.message);
    expect(await app.page.getByTestId('linkage-sentence').innerText()).toContain(
      linkSentence(answer).text,
    );
    await expect
      .poll(() => canvas().getAttribute('data-points-count'))
      .toBe(String(answer.points.length));
  }

  const defaults = { employeeMetric: 'engagement_index', customerMetric: 'nps' } as const;

  app.register(async () => {
    await app.page.getByTestId('nav-linkage').click();
  });

  it('shows the same r, interval, n and points as the API for the default inputs', async () => {
    const answer = await api<Linkage>('linkage', { ...defaults, lag: 1 });
    await expectStatsToShow(answer);
    expect(await app.page.getByTestId('linkage-level').inputValue()).toBe(answer.level);
    expect(await app.page.getByTestId('linkage-lag').inputValue()).toBe('1');
    expect(await app.page.title()).toBe('Linkage · Company · All quarters · Upstream');
    // One canvas scatter, not an SVG node per dot.
    const chartNodes = await app.page
      .getByTestId('linkage-scatter')
      .evaluate((el) => el.querySelectorAll('*').length);
    expect(chartNodes).toBeLessThan(120);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'linkage-1920.png') });
  });

  it('offers every metric the engine links, grouped, on each axis', async () => {
    const options = (testId: string) =>
      app.page
        .getByTestId(testId)
        .locator('option')
        .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect((await options('linkage-employee-metric')).sort()).toEqual(
      [...LINKAGE_EMPLOYEE_METRICS].sort(),
    );
    expect((await options('linkage-customer-metric')).sort()).toEqual(
      [...LINKAGE_CUSTOMER_METRICS].sort(),
    );
    const groups = await app.page
      .locator('[data-testid="linkage-customer-metric"] optgroup')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label));
    expect(groups).toEqual(['Customers', 'Contact centre']);
    const hierarchy = await api<MethodOutput<'hierarchy'>>('hierarchy', {});
    const levels = [...new Set(hierarchy.units.filter((u) => u.parentId).map((u) => u.level))];
    expect((await options('linkage-level')).sort()).toEqual(levels.sort());
  });

  it("moves r to the lag profile's value when the lag changes", async () => {
    const profile = await api<LagProfile>('lagProfile', defaults);
    await app.page.getByTestId('linkage-lag').selectOption('-1');
    const atLag = profile.lags.find((l) => l.lag === -1)!;
    await expect.poll(() => app.page.getByTestId('linkage-r').innerText()).toBe(rText(atLag.r));
    expect((await selection()).lag).toBe(-1);
    await expectStatsToShow(await api<Linkage>('linkage', { ...defaults, lag: -1 }));
  });

  it('brushing a rectangle selects exactly the units whose points lie inside it', async () => {
    const answer = await api<Linkage>('linkage', { ...defaults, lag: -1 });
    const p = await plot();
    // A rectangle over the upper-right middle of the plot, in whole pixels.
    const a = {
      x: Math.round(p.box.x + p.left + p.width * 0.45),
      y: Math.round(p.box.y + p.top + p.height * 0.15),
    };
    const b = {
      x: Math.round(p.box.x + p.left + p.width * 0.85),
      y: Math.round(p.box.y + p.top + p.height * 0.6),
    };
    const da = toData(p, a.x, a.y);
    const db = toData(p, b.x, b.y);
    const expected = unitsInside(answer.points, da.x, db.x, da.y, db.y);
    expect(expected.length).toBeGreaterThan(0);
    await app.page.mouse.move(a.x, a.y);
    await app.page.mouse.down();
    await app.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    await app.page.mouse.move(b.x, b.y, { steps: 4 });
    await app.page.mouse.up();
    await expect
      .poll(async () => (await selection()).units?.ids.slice().sort())
      .toEqual(expected.slice().sort());
    const s = await selection();
    expect(s.units!.source).toBe('brush');
    expect(s.units!.label).toBe(`Brushed ${answer.level}s`);
    const ids = new Set(expected);
    await expect
      .poll(() => canvas().getAttribute('data-selected-count'))
      .toBe(String(answer.points.filter((pt) => ids.has(pt.unitId)).length));
    // Escape clears it (and so does Back, to the state before the brush).
    await app.page.keyboard.press('Escape');
    await expect.poll(async () => (await selection()).units).toBeUndefined();
  });

  it('clicking a dot selects its unit and offers its team page', async () => {
    const answer = await api<Linkage>('linkage', { ...defaults, lag: -1 });
    const p = await plot();
    const lone = loneDot(answer.points, p);
    expect(lone.gap).toBeGreaterThan(12);
    const target = lone.point;
    await app.page.mouse.click(lone.at.x, lone.at.y);
    await expect.poll(async () => (await selection()).unit).toBe(target.unitId);
    const open = app.page.getByTestId('linkage-open-team');
    const href = (await open.getAttribute('href'))!;
    expect(parseSelection(href).view).toBe('teams');
    expect(parseSelection(href).unit).toBe(target.unitId);
    expect(Number(await canvas().getAttribute('data-selected-count'))).toBe(
      answer.points.filter((pt) => pt.unitId === target.unitId).length,
    );
    expect(await app.page.title()).toContain(target.name);
    await open.click();
    await expect.poll(async () => (await selection()).view).toBe('teams');
    await app.page.goBack();
    await expect.poll(async () => (await selection()).view).toBe('linkage');
    expect((await selection()).unit).toBe(target.unitId);
  });

  it('a quadrant heading selects its units for every view', async () => {
    const answer = await api<Linkage>('linkage', { ...defaults, lag: -1 });
    await app.page.getByTestId('linkage-quadrant-bright_spot').click();
    await expect
      .poll(async () => (await selection()).units?.ids.slice().sort())
      .toEqual(quadrantUnitIds(answer, 'bright_spot').sort());
    const s = await selection();
    expect(s.units!.source).toBe('quadrant');
    expect(s.units!.label).toBe(QUADRANT_STYLE.bright_spot.name);
    expect(await app.page.getByTestId('linkage-quadrant-bright_spot').innerText()).toContain(
      String(answer.quadrants.counts.bright_spot),
    );
    await app.page.getByTestId('linkage-brush-clear').click();
    await expect.poll(async () => (await selection()).units).toBeUndefined();
  });

  it('says so when the points come from very few units, and when a lag has nothing to pair', async () => {
    await app.page.getByTestId('linkage-level').selectOption('region');
    const regions = await api<Linkage>('linkage', { ...defaults, lag: -1, level: 'region' });
    await expectStatsToShow(regions);
    expect(linkSentence(regions).kind).toBe('few_units');
    await expect.poll(() => app.page.getByTestId('linkage-few-units').count()).toBe(1);

    const info = await api<MethodOutput<'info'>>('info', {});
    const latest = info.periods
      .filter((x) => x.surveyResponses > 0)
      .map((x) => x.id)
      .sort()
      .at(-1)!;
    await app.page.getByTestId('linkage-period').selectOption(latest);
    await app.page.getByTestId('linkage-lag').selectOption('2');
    await expect.poll(() => app.page.getByTestId('linkage-missing').count()).toBe(1);
    const missing = app.page.getByTestId('linkage-missing');
    expect(await missing.getByTestId('empty').count()).toBe(1);
    expect(await missing.getByTestId('empty-import').getAttribute('href')).toContain('#/import');
    expect(await app.page.getByTestId('error').count()).toBe(0);
    expect(await app.page.title()).toContain(latest);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
