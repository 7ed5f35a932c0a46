import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import {
  driversSentence,
  driversTitle,
  formatR,
  intervalText,
  weightText,
} from '../../src/renderer/src/components/drivers/format';
import { plottable } from '../../src/renderer/src/components/drivers/layout';
import { suppressedReasonText } from '../../src/renderer/src/components/Suppressed';
import { formatCount } from '../../src/renderer/src/format/formatMetric';
import { servedSmallSample } from '../helpers/servedSample';

// The Drivers view on the real engine: `upstream serve` on the small sample, driven in Chromium.
// Every expectation is worked out from what the `drivers` method answers for the same inputs.
const app = servedSmallSample('drivers');

/** A bound on waiting for an answer on screen: the engine shares two cores with other work. */
const WAIT = { timeout: 60_000, interval: 100 };

type Drivers = MethodOutput<'drivers'>;
type Hierarchy = MethodOutput<'hierarchy'>;

interface Row {
  id: string | null;
  status: string | null;
  rank: string | null;
  r: string | null;
  interval: string | null;
  n: string | null;
  weight: string | null;
}

/**
 * The rank each driver must show, worked out here from the intervals alone: a driver is tied
 * ("=") exactly when its 95% interval overlaps another driver's; its number is one more than the
 * drivers whose interval lies wholly above its own. Drivers without an r show no rank.
 */
function expectedRanks(answer: Drivers): Map<string, string> {
  const withR = answer.drivers.filter((d) => d.importance.status === 'ok');
  const ranks = new Map<string, string>();
  for (const d of withR) {
    const others = withR.filter((o) => o.id !== d.id);
    const clearlyAbove = others.filter((o) => o.importance.ciLow! > d.importance.ciHigh!).length;
    const overlaps = others.some(
      (o) =>
        !(o.importance.ciLow! > d.importance.ciHigh! || o.importance.ciHigh! < d.importance.ciLow!),
    );
    ranks.set(d.id, `${clearlyAbove + 1}${overlaps ? '=' : ''}`);
  }
  return ranks;
}

function expectedRows(answer: Drivers): Row[] {
  const ranks = expectedRanks(answer);
  return answer.drivers.map((d) => {
    const ok = d.importance.status === 'ok';
    return {
      id: d.id,
      status: d.importance.status,
      rank: ranks.get(d.id) ?? null,
      r: ok ? formatR(d.importance.r) : null,
      interval: ok ? intervalText(d.importance.ciLow, d.importance.ciHigh) : null,
      n: ok && d.importance.n !== null ? formatCount(d.importance.n) : null,
      weight: answer.importanceMethod.relativeWeights ? weightText(d.relativeWeight) : null,
    };
  });
}

describe.skipIf(!app.available)('Drivers in Chromium against upstream serve', () => {
  const { problems } = app;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);

  const readRows = () =>
    app.page.getByTestId('drivers-row').evaluateAll((els) =>
      els.map((e) => {
        const text = (id: string) =>
          e.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
        return {
          id: e.getAttribute('data-driver'),
          status: e.getAttribute('data-status'),
          rank: e.getAttribute('data-rank'),
          r: text('drivers-r'),
          interval: text('drivers-interval'),
          n: text('drivers-n'),
          weight: text('drivers-weight'),
        };
      }),
    );

  async function expectViewToShow(answer: Drivers): Promise<void> {
    await expect.poll(readRows, WAIT).toEqual(expectedRows(answer));
    expect(await app.page.getByTestId('drivers-sentence').innerText()).toBe(
      driversSentence(answer, answer.unit.name),
    );
    const marks = app.page.getByTestId('drivers-chart').locator('.drivers-chart__points path');
    await expect.poll(() => marks.count(), WAIT).toBe(plottable(answer.drivers).length);
    await expect
      .poll(() => app.page.title(), WAIT)
      .toBe(driversTitle(answer.unit.name, answer.period));
  }

  const hash = () => new URL(app.page.url()).hash;

  app.register(async (page) => {
    await page.getByTestId('nav-drivers').click();
  });

  it('shows the same r, interval and n as the API for the default inputs, with ties where intervals overlap', async () => {
    const answer = await api<Drivers>('drivers', {});
    expect(answer.status).toBe('ok');
    await expectViewToShow(answer);

    // The sample has both ties and drivers clearly below the first: both kinds of rank appear.
    const ranks = [...expectedRanks(answer).values()];
    expect(ranks.filter((r) => r === '1=').length).toBeGreaterThan(1);
    expect(ranks.some((r) => !r.startsWith('1'))).toBe(true);
    expect(await app.page.getByTestId('drivers-rank-note').innerText()).toMatch(/tie/);

    // A light chart: well under the ~3,000 nodes a view may draw.
    const nodes = await app.page.getByTestId('drivers-chart').locator('*').count();
    expect(nodes).toBeLessThan(600);
    await app.page.screenshot({ path: join(process.cwd(), '.tmp', 'drivers-1920.png') });
  });

  it('follows the outcome picker and the items/values toggle, in the URL hash', async () => {
    await app.page.getByTestId('drivers-outcome').selectOption('engagement_index');
    await app.page.getByTestId('drivers-kind').getByRole('button', { name: 'Values' }).click();
    const answer = await api<Drivers>('drivers', { outcome: 'engagement_index', by: 'value' });
    await expectViewToShow(answer);
    expect(hash()).toContain('outcome=engagement_index');
    expect(hash()).toContain('by=value');

    // A reload restores the same analysis from the hash.
    await app.page.reload();
    await expectViewToShow(answer);
  });

  it('customer NPS across teams: the lag picker changes the analysis to the API answer for that lag', async () => {
    await app.page.getByTestId('drivers-outcome').selectOption('nps');
    const lag = app.page.getByTestId('drivers-lag');
    await expect.poll(() => lag.inputValue(), WAIT).toBe('1'); // the shared selection's default lag
    await expectViewToShow(await api<Drivers>('drivers', { outcome: 'nps', by: 'value', lag: 1 }));
    await lag.selectOption('0');
    await expectViewToShow(await api<Drivers>('drivers', { outcome: 'nps', by: 'value', lag: 0 }));
    expect(hash()).toContain('lag=0');
  });

  it('says so when a unit has too few units below it for a customer outcome', async () => {
    const tree = await api<Hierarchy>('hierarchy', {});
    let found: { id: string; answer: Drivers } | undefined;
    for (const u of tree.units.filter((x) => x.level === 'region')) {
      const answer = await api<Drivers>('drivers', {
        outcome: 'nps',
        by: 'value',
        lag: 0,
        unitId: u.id,
      });
      if (answer.status === 'no_data') {
        found = { id: u.id, answer };
        break;
      }
    }
    expect(found, 'a region with too few teams for customer drivers').toBeDefined();
    await app.page.getByTestId('unit-picker').selectOption(found!.id);
    const status = app.page.getByTestId('drivers-status');
    await expect.poll(() => status.getAttribute('data-status'), WAIT).toBe('no_data');
    expect(await app.page.getByTestId('drivers-reason').innerText()).toContain(
      found!.answer.reason!,
    );
    expect(await app.page.getByTestId('drivers-row').count()).toBe(0);
  });

  it('a small team shows the suppressed state with the engine reason and no figure anywhere', async () => {
    await app.page.getByTestId('drivers-outcome').selectOption('enps');
    const tree = await api<Hierarchy>('hierarchy', {});
    let found: { id: string; name: string; answer: Drivers } | undefined;
    for (const u of tree.units.filter((x) => x.level === 'team')) {
      const answer = await api<Drivers>('drivers', { outcome: 'enps', by: 'value', unitId: u.id });
      if (answer.status === 'suppressed') {
        found = { id: u.id, name: u.name, answer };
        break;
      }
    }
    expect(found, 'a team whose driver analysis is suppressed').toBeDefined();
    const { answer } = found!;
    expect(answer.n).toBeNull();
    await app.page.getByTestId('unit-picker').selectOption(found!.id);

    const status = app.page.getByTestId('drivers-status');
    await expect.poll(() => status.getAttribute('data-status'), WAIT).toBe('suppressed');
    expect(await app.page.getByTestId('drivers-reason').innerText()).toContain(
      suppressedReasonText(answer.reason)!,
    );
    expect(await app.page.getByTestId('drivers-unit').innerText()).toBe(found!.name);
    expect(await app.page.getByTestId('drivers-sentence').innerText()).toBe(
      driversSentence(answer, answer.unit.name),
    );
    await expect.poll(() => app.page.title(), WAIT).toBe(driversTitle(found!.name, answer.period));
    expect(await app.page.getByTestId('drivers-team-link').getAttribute('href')).toContain(
      `#/teams?`,
    );

    // No figure anywhere in the view's DOM: no rows, no chart, no r, and no digits outside the
    // pickers, the quarter names and the engine's reason (which names only the rule).
    const view = app.page.getByTestId('drivers-view');
    const html = await view.innerHTML();
    expect(html).not.toMatch(/drivers-(row|r|interval|weight|chart)"/);
    expect(html).not.toMatch(/data-rank/);
    const loose = await view.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('select, [data-testid="drivers-reason"]').forEach((n) => n.remove());
      return copy.textContent ?? '';
    });
    expect(
      loose
        .split(found!.name)
        .join('')
        .replace(/\d{4}-Q[1-4]/g, ''),
    ).not.toMatch(/\d/);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
