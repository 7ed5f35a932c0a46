import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkageOutput } from '../../src/shared/analytics/linkage';
import type { MethodOutput } from '../../src/shared/contract';
import type { MetricId } from '../../src/shared/metrics';
import {
  formatMetricValue,
  tileNText,
  tileValueText,
} from '../../src/renderer/src/format/formatMetric';
import { formatR } from '../../src/renderer/src/components/linkage/formatLinkage';
import { servedSmallSample } from '../helpers/servedSample';

// The real UI on the real engine: `upstream serve` on the small sample, driven in Chromium.
const app = servedSmallSample('renderer');

type Overview = MethodOutput<'overview'>;
type Hierarchy = MethodOutput<'hierarchy'>;

const HEADLINE: MetricId[] = ['engagement_index', 'enps', 'pct_favourable', 'nps', 'csat'];
/** innerText with non-breaking spaces as plain ones. */
const plain = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The quarter before, worked out here rather than by the code under test. */
function quarterBefore(period: string): string {
  const [year, q] = period.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The number a tile shows ("+52" -> 52, "80.4" -> 80.4, "83%" -> 83). */
const shownNumber = (text: string) => Number(text.replace(/[%+,]/g, ''));

/**
 * The change text a headline tile should show, from the API's trend: the shown figure minus the
 * previous quarter's shown figure, in the figure's own decimals; nothing when either is hidden.
 */
function expectedChange(overview: Overview, metric: MetricId): string | null {
  const since = quarterBefore(overview.period);
  const now = overview.tiles.find((t) => t.metric === metric)!;
  const before = overview.trend
    .find((p) => p.period === since)
    ?.values.find((v) => v.metric === metric);
  if (now.status !== 'ok' || !before || before.status !== 'ok') return null;
  const a = formatMetricValue(metric, now.value);
  const b = formatMetricValue(metric, before.value);
  const places = a.split('.')[1]?.length ?? 0;
  const diff = Number((shownNumber(a) - shownNumber(b)).toFixed(places));
  if (diff === 0) return `no change since ${since}`;
  return `${diff > 0 ? '+' : '-'}${Math.abs(diff).toFixed(places)} since ${since}`;
}

describe.skipIf(!app.available)('Overview in Chromium against upstream serve', () => {
  const { problems } = app;

  const api = <T = Overview>(method: string, input: unknown) => app.api<T>(method, input);
  const page = () => app.page;

  async function expectTilesToShow(overview: Overview): Promise<void> {
    for (const tile of overview.tiles) {
      const element = page().getByTestId(`tile-${tile.metric}`);
      await expect
        .poll(() => element.getByTestId('tile-value').innerText(), { timeout: 20_000 })
        .toBe(tileValueText(tile));
      expect(await element.getAttribute('data-status')).toBe(tile.status);
      // Secondary figures keep their n in the focus card: textContent reads it either way.
      expect(await element.getByTestId('tile-n').textContent()).toBe(tileNText(tile));
    }
  }

  async function expectChangesToShow(overview: Overview): Promise<void> {
    for (const metric of HEADLINE) {
      const change = page().getByTestId(`tile-${metric}`).getByTestId('tile-change');
      const expected = expectedChange(overview, metric);
      if (overview.tiles.find((t) => t.metric === metric)?.status !== 'ok') {
        // The tile says why it has no figure; no change line beside it.
        expect(await change.count()).toBe(0);
        continue;
      }
      const text = plain(await change.innerText());
      if (expected === null) {
        expect(text).toMatch(/^No change shown: .*20\d\d-Q[1-4]/);
        continue;
      }
      expect(text).toContain(expected);
      // Never colour alone: an arrow and a sign (or the words "no change").
      if (expected.startsWith('+')) expect(text).toMatch(/^▲/);
      if (expected.startsWith('-')) expect(text).toMatch(/^▼/);
    }
  }

  async function expectLinkSentence(level: string): Promise<void> {
    const link = await api<LinkageOutput>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      lag: 1,
      level,
    });
    const sentence = page().getByTestId('overview-link-sentence');
    const units = new Set(link.points.map((p) => p.unitId)).size;
    const levelPlural = `${level}s`;
    if (units < 10) {
      // Very few units: the sentence says so instead of showing r.
      await expect
        .poll(async () => plain(await sentence.innerText()), { timeout: 20_000 })
        .toContain(`only ${units} ${levelPlural}`);
      expect(plain(await sentence.innerText())).not.toContain('r =');
    } else {
      await expect
        .poll(async () => plain(await sentence.innerText()), { timeout: 20_000 })
        .toContain(`r = ${formatR(link.r)}`);
      const text = plain(await sentence.innerText());
      const crossesZero = link.ciLow! <= 0 && link.ciHigh! >= 0;
      if (crossesZero) expect(text).toMatch(/consistent with no link/);
      else {
        const Level = levelPlural.charAt(0).toUpperCase() + levelPlural.slice(1);
        expect(text).toMatch(
          new RegExp(
            `^${Level} 10 points more engaged have NPS about [\\d.]+ points? (higher|lower) a quarter later`,
          ),
        );
        expect(text).toContain(`95% interval ${formatR(link.ciLow)} to ${formatR(link.ciHigh)}`);
      }
    }
    const href = await page().getByTestId('overview-link-open').getAttribute('href');
    expect(href).toMatch(/^#\/linkage\?/);
    expect(new URLSearchParams(href!.split('?')[1]).get('level')).toBe(level);
  }

  app.register();

  it('leads with the company headline tiles, their change since the previous quarter, sparklines and the link in one sentence', async () => {
    const overview = await api('overview', {});
    await expect
      .poll(() => page().getByTestId('company-name').innerText())
      .toContain(overview.unit.name);
    await expectTilesToShow(overview);
    await expectChangesToShow(overview);
    for (const metric of HEADLINE) {
      await expect(
        page().getByTestId(`tile-${metric}`).getByTestId('tile-sparkline').count(),
      ).resolves.toBe(1);
    }
    // Few chart nodes: each sparkline is a path and a dot or two.
    const sparkNodes = await page().locator('[data-testid=tile-sparkline] *').count();
    expect(sparkNodes).toBeLessThanOrEqual(HEADLINE.length * 4);
    await expectLinkSentence('team');
    expect(await page().title()).toBe(`Overview · Company · ${overview.period} · Upstream`);
    await page().screenshot({ path: join(process.cwd(), '.tmp', 'overview-1920.png') });
  });

  it('follows the period picker', async () => {
    const periods = await api<MethodOutput<'info'>>('info', {});
    const earlier = periods.periods[1]!.id;
    await page().getByTestId('period-picker').selectOption(earlier);
    const overview = await api('overview', { period: earlier });
    await expectTilesToShow(overview);
    await expectChangesToShow(overview);
  });

  it('shows a selected region: its figures, the link at its children level, Open team page', async () => {
    const hierarchy = await api<Hierarchy>('hierarchy', {});
    const period = hierarchy.period;
    await page().getByTestId('period-picker').selectOption(period);
    const region = hierarchy.units.find((u) => u.level === 'region')!;
    const childLevel = hierarchy.units.find((u) => u.parentId === region.id)!.level;
    await page().getByTestId('unit-picker').selectOption(region.id);
    const overview = await api('overview', { period, unitId: region.id });
    await expectTilesToShow(overview);
    await expectChangesToShow(overview);
    await expectLinkSentence(childLevel);
    const open = page().getByTestId('overview-open-team');
    const href = new URLSearchParams((await open.getAttribute('href'))!.split('?')[1]);
    expect((await open.getAttribute('href'))!.startsWith('#/teams')).toBe(true);
    expect(href.get('unit')).toBe(region.id);
    expect(await page().title()).toBe(`Overview · ${region.name} · ${period} · Upstream`);
  });

  let suppressed: Overview | undefined;
  async function findSuppressedTeam(): Promise<Overview> {
    if (suppressed) return suppressed;
    const hierarchy = await api<Hierarchy>('hierarchy', {});
    for (const unit of hierarchy.units.filter((u) => u.level === 'team')) {
      const o = await api('overview', { unitId: unit.id, period: hierarchy.period });
      if (o.tiles.find((t) => t.metric === 'engagement_index')?.status === 'suppressed') {
        suppressed = o;
        break;
      }
    }
    expect(suppressed, 'the sample plants small teams').toBeDefined();
    return suppressed!;
  }

  it('shows a set of units brushed elsewhere with the engine’s set-mode figures, and clears it', async () => {
    const hierarchy = await api<Hierarchy>('hierarchy', {});
    const hidden = await findSuppressedTeam();
    const shown = hierarchy.units.filter((u) => u.level === 'team' && u.id !== hidden.unit.id);
    const ids = [hidden.unit.id, shown[0]!.id, shown[1]!.id];
    await page().evaluate(
      (hash) => (window.location.hash = hash),
      `#/overview?units=${ids.join('.')}&from=brush&label=Brushed%20teams`,
    );
    const overview = await api('overview', { unitIds: ids });
    expect(overview.set).not.toBeNull();
    await expectTilesToShow(overview);
    await expectChangesToShow(overview);
    const header = page().getByTestId('overview-set');
    expect(plain(await header.innerText())).toContain(
      `Selection: Brushed teams (${overview.set!.units.length} units)`,
    );
    // Members whose figure is hidden are left out, and the tile says how many.
    for (const { metric, units } of overview.set!.leftOut) {
      const note = page().getByTestId(`tile-${metric}`).getByTestId('tile-left-out');
      if (units === 0) expect(await note.count()).toBe(0);
      else
        expect(plain((await note.textContent())!)).toBe(
          `${units} of ${overview.set!.units.length} units hidden: left out`,
        );
    }
    expect(await page().title()).toBe(`Overview · Brushed teams · ${overview.period} · Upstream`);
    await page().getByTestId('overview-set-clear').click();
    await expect.poll(() => page().getByTestId('overview-set').count()).toBe(0);
    expect(await page().evaluate(() => window.location.hash)).not.toContain('units=');
    await expectTilesToShow(await api('overview', {}));
  });

  it('shows a suppressed team as suppressed, with its reason, no number, no change and no sparkline dot', async () => {
    const hidden = await findSuppressedTeam();
    await page().getByTestId('unit-picker').selectOption(hidden.unit.id);
    await expectTilesToShow(hidden);
    const tile = page().getByTestId('tile-engagement_index');
    expect(await tile.getByTestId('tile-value').innerText()).toBe('Suppressed');
    expect(await tile.getByTestId('tile-reason').innerText()).toMatch(/fewer than 5 respondents/i);
    expect(await tile.getByTestId('tile-change').count()).toBe(0);
    // The period on screen has no dot on the sparkline (only shown values are drawn).
    expect(await tile.locator('.sparkline__now').count()).toBe(0);
    // No figure of the tile anywhere in it: not in text, attributes or hidden elements.
    // (The sparkline's coordinates are other quarters' shown figures: left out of this check.)
    const html = await tile.evaluate((e) => {
      const copy = e.cloneNode(true) as Element;
      copy.querySelectorAll('svg').forEach((svg) => svg.remove());
      return copy.outerHTML;
    });
    expect(html).not.toMatch(/\d+\.\d/);
    expect(await tile.getByTestId('tile-n').textContent()).toBe('n hidden');
    // The engine sent no number, so none can show: every hidden tile of this team is null.
    for (const t of hidden.tiles.filter((x) => x.status === 'suppressed')) {
      expect(t.value).toBeNull();
      expect(t.n).toBeNull();
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
