import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { servedSmallSample } from '../helpers/servedSample';

// Workspace settings on the Import screen, on the real engine: a larger minimum group size hides
// more groups in every view at once, and the purpose statement appears beside the values.
const app = servedSmallSample('settings');

describe.skipIf(!app.available)('Workspace settings in Chromium against upstream serve', () => {
  const { problems } = app;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);

  app.register();

  it('raises the minimum group size: a team that was shown is suppressed on the overview', async () => {
    // A team shown at the default minimum of 5 but with fewer than 9 respondents.
    const hierarchy = await api<MethodOutput<'hierarchy'>>('hierarchy', {});
    let team: { id: string; n: number } | null = null;
    for (const u of hierarchy.units.filter((x) => x.level === 'team')) {
      const o = await api<MethodOutput<'overview'>>('overview', { unitId: u.id });
      const r = o.tiles.find((t) => t.metric === 'respondents')!;
      if (r.status === 'ok' && r.n! < 9) {
        team = { id: u.id, n: r.n! };
        break;
      }
    }
    expect(team, 'the sample has small visible teams').not.toBeNull();

    await app.page.getByTestId('nav-import').click();
    await expect.poll(() => app.page.getByTestId('settings-min').inputValue()).toBe('5');
    await app.page.getByTestId('settings-min').fill('9');
    await app.page.getByTestId('settings-save').click();
    await expect
      .poll(() => app.page.getByTestId('settings-saved').innerText())
      .toContain('9 people');
    expect((await api<MethodOutput<'settings'>>('settings', {})).minGroupSize).toBe(9);

    await app.page.goto(`${new URL(app.server.url).origin}/#/overview?unit=${team!.id}`);
    // The headline tile: respondents are small print now, with their reason in the focus card.
    const tile = app.page.getByTestId('tile-engagement_index');
    await expect.poll(() => tile.getAttribute('data-status')).toBe('suppressed');
    expect(await tile.getByTestId('tile-value').innerText()).toBe('Suppressed');
    expect(await tile.getByTestId('tile-reason').innerText()).toMatch(/fewer than 9/i);
  });

  it('refuses a minimum below the floor before sending it', async () => {
    await app.page.getByTestId('nav-import').click();
    await app.page.getByTestId('settings-min').fill('2');
    expect(await app.page.getByTestId('settings-save').isDisabled()).toBe(true);
    await app.page.getByTestId('settings-min').fill('5');
    await app.page.getByTestId('settings-save').click();
    await expect
      .poll(() => app.page.getByTestId('settings-saved').innerText())
      .toContain('5 people');
  });

  it('shows a new purpose statement beside the values', async () => {
    const purpose = 'We help people feel at home wherever they shop with us.';
    await app.page.getByTestId('settings-purpose').fill(purpose);
    await app.page.getByTestId('settings-save').click();
    await expect.poll(() => app.page.getByTestId('settings-saved').isVisible()).toBe(true);
    await app.page.getByTestId('nav-values').click();
    await expect.poll(() => app.page.getByTestId('heatmap-purpose').innerText()).toBe(purpose);
  });

  it('sets the size up to which imported files are kept, and refuses a negative one', async () => {
    await app.page.getByTestId('nav-import').click();
    await expect.poll(() => app.page.getByTestId('settings-copy-limit').inputValue()).toBe('100');
    await app.page.getByTestId('settings-copy-limit').fill('-1');
    expect(await app.page.getByTestId('settings-save').isDisabled()).toBe(true);
    await app.page.getByTestId('settings-copy-limit').fill('20');
    await app.page.getByTestId('settings-save').click();
    await expect
      .poll(() => app.page.getByTestId('settings-saved').innerText())
      .toContain('imported files up to 20 MB are kept');
    expect((await api<MethodOutput<'settings'>>('settings', {})).keptCopyLimitMb).toBe(20);
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
