import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { parseSelection } from '../../src/shared/selection';
import { servedSmallSample } from '../helpers/servedSample';
import { decodePng, distinctColours } from '../unit/export/readers';
import { smallText } from '../helpers/textSizes';

// "Download" in the top bar: the view on screen as a picture or its tables, built by the real
// engine behind `upstream serve` on the small sample and downloaded by Chromium.
const app = servedSmallSample('downloadView');

describe.skipIf(!app.available)('Download a view in Chromium against upstream serve', () => {
  const { problems } = app;
  const page = (): Page => app.page;
  const open = (hash: string) => page().evaluate((h) => (window.location.hash = h), hash);

  app.register(async (p) => {
    await p.evaluate(() => (window.location.hash = '#/linkage'));
    await p.getByTestId('download-view').waitFor();
  });

  async function openMenu(): Promise<void> {
    if ((await page().getByTestId('download-view-menu').count()) === 0)
      await page().getByTestId('download-view').click();
  }

  /**
   * Picks a choice in the open menu and returns the downloaded file's name and bytes, and every
   * text the status line showed on the way.
   */
  async function download(
    choice: string,
  ): Promise<{ name: string; bytes: Buffer; statuses: string[] }> {
    await openMenu();
    await page().evaluate(() => {
      const status = document.querySelector('[data-testid="download-view-status"]')!;
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const [file] = await Promise.all([
      page().waitForEvent('download', { timeout: 60_000 }),
      page().getByTestId(`download-view-${choice}`).click(),
    ]);
    const name = file.suggestedFilename();
    await expect
      .poll(() => page().getByTestId('download-view-status').innerText())
      .toBe(`Saved: ${name}`);
    const statuses = await page().evaluate(
      () => (window as unknown as { statuses: string[] }).statuses,
    );
    return { name, bytes: readFileSync(await file.path()), statuses };
  }

  it('downloads the Linkage view as a full HD picture', async () => {
    await page().getByTestId('download-view').click();
    const menu = page().getByTestId('download-view-menu');
    expect(await menu.getByRole('button').allInnerTexts()).toEqual([
      'Picture (PNG, full HD)',
      'Picture (PNG, 4K)',
      'Table (Excel)',
      'Table (CSV)',
    ]);
    expect(await page().getByTestId('download-view-masked').isChecked()).toBe(false);
    const { name, bytes, statuses } = await download('png-1920x1080');
    expect(name).toMatch(/\.png$/);
    // 'Preparing…' with the engine's progress while the file is made.
    expect(statuses[0]).toMatch(/^ Preparing…/);
    expect(statuses.some((text) => /^ Preparing… \S/.test(text))).toBe(true);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // A drawn chart and its words, not an empty canvas.
    expect(distinctColours(png)).toBeGreaterThan(20);
  });

  it('downloads the table behind it as Excel: one row per unit the engine plots', async () => {
    const selection = parseSelection(await page().evaluate(() => window.location.hash));
    const linkage = await app.api<MethodOutput<'linkage'>>('linkage', {
      employeeMetric: selection.employeeMetric,
      customerMetric: selection.customerMetric,
      lag: selection.lag,
    });
    expect(linkage.points.length).toBeGreaterThan(0);
    const { name, bytes } = await download('xlsx');
    expect(name).toMatch(/\.xlsx$/);
    const book = XLSX.read(bytes, { type: 'buffer' });
    const sheet = book.Sheets['1 Units'];
    expect(sheet, `sheets: ${book.SheetNames.join(', ')}`).toBeDefined();
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet!);
    expect(rows.map((r) => r.Unit).sort()).toEqual(linkage.points.map((p) => p.name).sort());
  });

  it('says in words why a view cannot be downloaded, and downloads nothing', async () => {
    let downloads = 0;
    const count = () => downloads++;
    page().on('download', count);
    await open('#/linkage?lperiod=2019-Q1');
    await openMenu();
    await page().getByTestId('download-view-csv').click();
    await expect
      .poll(() => page().getByTestId('download-view-error').innerText(), { timeout: 30_000 })
      .toMatch(/^Table \(CSV\) failed: .*2019-Q1/);
    expect(await page().getByTestId('download-view-status').innerText()).toBe('');
    page().off('download', count);
    expect(downloads).toBe(0);
    await page().keyboard.press('Escape');
    await open('#/linkage');
  });

  it('closes with Esc and gives focus back; sits on the views with figures only', async () => {
    await openMenu();
    await page().keyboard.press('Escape');
    expect(await page().getByTestId('download-view-menu').count()).toBe(0);
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'download-view',
    );
    // Opened by keyboard, the first choice has focus and the arrows move through the menu.
    await page().keyboard.press('Enter');
    await expect
      .poll(() => page().evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('download-view-png-1920x1080');
    await page().keyboard.press('ArrowDown');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'download-view-png-3840x2160',
    );
    await page().keyboard.press('Escape');

    for (const view of ['overview', 'values', 'drivers', 'teams']) {
      await open(`#/${view}`);
      await page().getByTestId('download-view').waitFor();
    }
    for (const view of ['import', 'stories']) {
      await open(`#/${view}`);
      await page()
        .getByTestId(`nav-${view}`)
        .and(page().locator('[aria-current="page"]'))
        .waitFor();
      expect(await page().getByTestId('download-view').count()).toBe(0);
    }
  });

  it('keeps the whole top bar on screen at every common width', async () => {
    await open('#/linkage');
    const overflow: string[] = [];
    for (const width of [1280, 1366, 1440, 1536, 1600, 1601, 1680, 1760, 1800, 1801, 1850, 1920]) {
      await page().setViewportSize({ width, height: 900 });
      await page().evaluate(() => document.fonts.ready.then(() => undefined));
      const right = await page().evaluate(() =>
        Math.max(
          ...['nav-import', 'save-view', 'download-view', 'theme-toggle'].map(
            (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().right,
          ),
        ),
      );
      if (right > width) overflow.push(`${width}px wide: ends at ${Math.round(right)}px`);
    }
    expect(overflow).toEqual([]);
  });

  it('fits the top bar and reads from the back of the room at 1280x720, light and dark', async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    for (const theme of ['light', 'dark']) {
      await page().evaluate((t) => window.localStorage.setItem('upstream.theme', t), theme);
      await open('#/linkage');
      await page().reload();
      await page().evaluate(() => document.fonts.ready.then(() => undefined));
      const right = await page().evaluate(() =>
        ['nav-import', 'save-view', 'download-view', 'theme-toggle'].map(
          (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().right,
        ),
      );
      expect(Math.max(...right)).toBeLessThanOrEqual(1280);
      await page().getByTestId('download-view').click();
      const box = (await page().getByTestId('download-view-menu').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(await smallText(page())).toEqual([]);
      await page().screenshot({
        path: join(process.cwd(), '.tmp', `download-view-${theme}-1280.png`),
      });
      await page().keyboard.press('Escape');
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});
