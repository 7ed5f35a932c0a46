import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import {
  intervalText,
  linkageNText,
  rText,
} from '../../src/renderer/src/components/linkage/formatLinkage';
import { servedSmallSample } from '../helpers/servedSample';

// The Linkage view on the real engine: `upstream serve` on the small sample, driven in Chromium.
// Needs App.tsx to route '#/linkage' to <LinkageView />.
const app = servedSmallSample('linkage');

type Linkage = MethodOutput<'linkage'>;
type LagProfile = MethodOutput<'lagProfile'>;

describe.skipIf(!app.available)('Linkage in Chromium against upstream serve', () => {
  const { problems } = app;

  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);

  async function expectStatsToShow(answer: Linkage): Promise<void> {
    await expect.poll(() => app.page.getByTestId('linkage-r').innerText()).toBe(rText(answer.r));
    await expect
      .poll(() => app.page.getByTestId('linkage-n').innerText())
      .toBe(linkageNText(answer));
    expect(await app.page.getByTestId('linkage-interval').innerText()).toBe(
      intervalText(answer.ciLow, answer.ciHigh),
    );
    expect(await app.page.getByTestId('linkage-message').innerText()).toBe(answer.message);
  }

  app.register(async () => {
    await app.page.getByTestId('nav-linkage').click();
  });

  it('shows the same r, interval and n as the API for the same inputs', async () => {
    expect(await app.page.getByTestId('linkage-employee-metric').inputValue()).toBe(
      'engagement_index',
    );
    expect(await app.page.getByTestId('linkage-level').inputValue()).toBe('team');
    const lag = Number(await app.page.getByTestId('linkage-lag').inputValue());
    const answer = await api<Linkage>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      level: 'team',
      lag,
    });
    await expectStatsToShow(answer);
    expect(
      await app.page.getByTestId('linkage-scatter').locator('svg.recharts-surface').count(),
    ).toBe(1);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'linkage-1920.png') });
  });

  it('follows the lag picker', async () => {
    await app.page.getByTestId('linkage-lag').selectOption('-1');
    await expectStatsToShow(
      await api<Linkage>('linkage', {
        employeeMetric: 'engagement_index',
        customerMetric: 'nps',
        level: 'team',
        lag: -1,
      }),
    );
  });

  it('follows the employee metric and level pickers', async () => {
    await app.page.getByTestId('linkage-employee-metric').selectOption('enps');
    await app.page.getByTestId('linkage-level').selectOption('area');
    await expectStatsToShow(
      await api<Linkage>('linkage', {
        employeeMetric: 'enps',
        customerMetric: 'nps',
        level: 'area',
        lag: -1,
      }),
    );
  });

  it('shows the lag profile for lags -2..+2', async () => {
    const profile = await api<LagProfile>('lagProfile', {
      employeeMetric: 'enps',
      customerMetric: 'nps',
      level: 'area',
    });
    const entries = app.page.getByTestId('lag-profile').getByTestId('lag-profile-entry');
    await expect.poll(() => entries.count()).toBe(5);
    expect(profile.lags).toHaveLength(5);
    for (const l of profile.lags) {
      await expect
        .poll(() => entries.and(app.page.locator(`[data-lag="${l.lag}"]`)).innerText())
        .toContain(rText(l.r));
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
