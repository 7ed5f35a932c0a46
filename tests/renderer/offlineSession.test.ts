import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { SAMPLE_STORY_NAME } from '../../src/main/engine/sample/sampleStory';
import { servedSmallSample } from '../helpers/servedSample';
import { makeTempDir } from '../helpers/tempDir';

// Offline, always: one whole session as the analyst and the room live it (an import, every view,
// the story, presenting it, every export) and not one request leaves 127.0.0.1. Besides the
// suite's own watch on requests, every request the page makes is checked at the network layer.
const app = servedSmallSample('offline session');

describe.skipIf(!app.available)('a whole session, offline', () => {
  const page = (): Page => app.page;
  const offsite: string[] = [];
  let units: MethodOutput<'hierarchy'>['units'] = [];

  app.register(async (p) => {
    const origin = new URL(app.server.url).origin;
    await p.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || /^(data|blob):/.test(url)) return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    units = (await app.api<MethodOutput<'hierarchy'>>('hierarchy', {})).units;
  });

  it('imports, shows every view, presents the story and exports it, all on 127.0.0.1', async () => {
    // An analyst's file: recognition events for three real teams.
    const temp = makeTempDir();
    const teams = units.filter((u) => u.level === 'team').slice(0, 3);
    const file = join(temp.path, 'recognition_events_2026-Q2.csv');
    writeFileSync(
      file,
      'event_id,unit_id,recognised_at,programme\n' +
        teams.map((t, i) => `OFF-${i},${t.id},2026-05-1${i},Thank you`).join('\n') +
        '\n',
    );
    await page().evaluate(() => (window.location.hash = '#/import'));
    await page().getByTestId('import-file-input').setInputFiles(file);
    await expect
      .poll(() => page().getByTestId('import-run').isEnabled(), { timeout: 60_000 })
      .toBe(true);
    await page().getByTestId('import-run').click();
    await page().getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page().getByTestId('import-report').getAttribute('data-status')).toBe('imported');
    temp.remove();

    for (const view of ['overview', 'linkage', 'values', 'drivers', 'teams'])
      await page().evaluate((v) => (window.location.hash = `#/${v}`), view);
    await page().evaluate(() => (window.location.hash = '#/stories'));
    await page().locator(`[data-story="${SAMPLE_STORY_NAME}"]`).click();
    await page().getByTestId('story-editor').waitFor({ timeout: 60_000 });

    for (const format of ['pptx', 'pdf', 'xlsx', 'png']) {
      const [download] = await Promise.all([
        page().waitForEvent('download', { timeout: 120_000 }),
        page().getByTestId(`export-${format}`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(format === 'png' ? /\.zip$/ : `.${format}`);
    }

    await page().getByTestId('story-present').click();
    await page().getByTestId('presentation').waitFor({ timeout: 60_000 });
    for (const key of ['PageDown', 'PageDown', 'PageDown', 'PageUp']) {
      await page().keyboard.press(key);
      await page().getByTestId('slide-title').waitFor({ timeout: 60_000 });
    }
    await page().keyboard.press('Escape');
    await expect
      .poll(() => page().evaluate(() => window.location.hash), { timeout: 30_000 })
      .toBe('#/stories');

    expect(offsite).toEqual([]);
    expect(app.problems).toEqual([]);
  }, 400_000);
});
