import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import {
  intervalText,
  linkageNText,
  rText,
} from '../../src/renderer/src/components/linkage/formatLinkage';
import { callApi, openAppInChromium } from '../helpers/appInChromium';
import { chromiumFor } from '../helpers/browser';
import { startServe, writeSmallSample } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

// The Linkage view on the real engine: `upstream serve` on the small sample, driven in Chromium.
// Needs App.tsx to route '#/linkage' to <LinkageView />.
const browserPath = chromiumFor('linkage');

type Linkage = MethodOutput<'linkage'>;
type LagProfile = MethodOutput<'lagProfile'>;

describe.skipIf(!browserPath)('Linkage in Chromium against upstream serve', () => {
  const temp = makeTempDir();
  const workspace = join(temp.path, 'sample.duckdb');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let token = '';

  const api = async <T>(method: string, input: unknown): Promise<T> => {
    return callApi<T>(server.url, token, method, input);
  };

  async function expectStatsToShow(answer: Linkage): Promise<void> {
    await expect.poll(() => page.getByTestId('linkage-r').innerText()).toBe(rText(answer.r));
    await expect.poll(() => page.getByTestId('linkage-n').innerText()).toBe(linkageNText(answer));
    expect(await page.getByTestId('linkage-interval').innerText()).toBe(
      intervalText(answer.ciLow, answer.ciHigh),
    );
    expect(await page.getByTestId('linkage-message').innerText()).toBe(answer.message);
  }

  beforeAll(async () => {
    const sample = writeSmallSample(workspace, join(temp.path, 'exports'));
    expect(sample.status, sample.stderr).toBe(0);
    ({ server, browser, page, token } = await openAppInChromium(
      browserPath!.path,
      workspace,
      problems,
    ));
    await page.getByTestId('nav-linkage').click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.remove();
  });

  it('shows the same r, interval and n as the API for the same inputs', async () => {
    expect(await page.getByTestId('linkage-employee-metric').inputValue()).toBe('engagement_index');
    expect(await page.getByTestId('linkage-level').inputValue()).toBe('team');
    const lag = Number(await page.getByTestId('linkage-lag').inputValue());
    const answer = await api<Linkage>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      level: 'team',
      lag,
    });
    await expectStatsToShow(answer);
    expect(await page.getByTestId('linkage-scatter').locator('svg.recharts-surface').count()).toBe(
      1,
    );
    await page.screenshot({ path: join(process.cwd(), '.tmp', 'linkage-1920.png') });
  });

  it('follows the lag picker', async () => {
    await page.getByTestId('linkage-lag').selectOption('-1');
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
    await page.getByTestId('linkage-employee-metric').selectOption('enps');
    await page.getByTestId('linkage-level').selectOption('area');
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
    const entries = page.getByTestId('lag-profile').getByTestId('lag-profile-entry');
    await expect.poll(() => entries.count()).toBe(5);
    expect(profile.lags).toHaveLength(5);
    for (const l of profile.lags) {
      await expect
        .poll(() => entries.and(page.locator(`[data-lag="${l.lag}"]`)).innerText())
        .toContain(rText(l.r));
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
