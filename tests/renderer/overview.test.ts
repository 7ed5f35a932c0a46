import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { tileNText, tileValueText } from '../../src/renderer/src/format/formatMetric';
import { servedSmallSample } from '../helpers/servedSample';

// The real UI on the real engine: `upstream serve` on the small sample, driven in Chromium.
const app = servedSmallSample('renderer');

type Overview = MethodOutput<'overview'>;

describe.skipIf(!app.available)('Overview in Chromium against upstream serve', () => {
  const { problems } = app;

  const api = (method: string, input: unknown) => app.api<Overview>(method, input);

  async function expectTilesToShow(overview: Overview): Promise<void> {
    for (const tile of overview.tiles) {
      const element = app.page.getByTestId(`tile-${tile.metric}`);
      await expect
        .poll(() => element.getByTestId('tile-value').innerText())
        .toBe(tileValueText(tile));
      expect(await element.getAttribute('data-status')).toBe(tile.status);
      expect(await element.getByTestId('tile-n').innerText()).toBe(tileNText(tile));
    }
  }

  app.register();

  it('shows the same company figures as the API, formatted for the room', async () => {
    const overview = await api('overview', {});
    await expect
      .poll(() => app.page.getByTestId('company-name').innerText())
      .toContain(overview.unit.name);
    await expectTilesToShow(overview);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'overview-1920.png') });
  });

  it('follows the period picker', async () => {
    const periods = (await api('info', {})) as unknown as MethodOutput<'info'>;
    const earlier = periods.periods[1]!.id;
    await app.page.getByTestId('period-picker').selectOption(earlier);
    await expectTilesToShow(await api('overview', { period: earlier }));
  });

  it('shows a suppressed team as suppressed, with its reason and no number', async () => {
    const hierarchy = (await api('hierarchy', {})) as unknown as MethodOutput<'hierarchy'>;
    const period = hierarchy.period;
    await app.page.getByTestId('period-picker').selectOption(period);
    let suppressed: Overview | undefined;
    for (const unit of hierarchy.units.filter((u) => u.level === 'team')) {
      const o = await api('overview', { unitId: unit.id, period });
      if (o.tiles.find((t) => t.metric === 'engagement_index')?.status === 'suppressed') {
        suppressed = o;
        break;
      }
    }
    expect(suppressed, 'the sample plants small teams').toBeDefined();
    await app.page.getByTestId('unit-picker').selectOption(suppressed!.unit.id);
    await expectTilesToShow(suppressed!);
    const tile = app.page.getByTestId('tile-engagement_index');
    expect(await tile.getByTestId('tile-value').innerText()).toBe('Suppressed');
    expect(await tile.getByTestId('tile-reason').innerText()).toMatch(/fewer than 5 respondents/i);
    expect(await tile.innerText()).not.toMatch(/\d+\.\d/);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
