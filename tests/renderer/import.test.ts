import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS as ENGINE_COLUMNS } from '../../src/main/engine/import/canonicalFormats';
import { CANONICAL_COLUMNS as SCREEN_COLUMNS } from '../../src/renderer/src/import/canonicalColumns';
import { guessDateFormat } from '../../src/renderer/src/import/dateFormats';
import {
  assignRole,
  blockingProblems,
  columnChanged,
  missingRequired,
  roleOf as screenRoleOf,
} from '../../src/renderer/src/import/mappingEdit';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ColumnMapping } from '../../src/shared/imports';
import { callApi, openAppInChromium } from '../helpers/appInChromium';
import { chromiumFor } from '../helpers/browser';
import { startServe, writeSmallSample } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

// The Import screen on the real engine: `upstream serve` on the small sample, driven in Chromium.
// An analyst uploads a CX export whose columns are not Upstream's, checks and corrects the
// inferred mapping, saves it as a profile, imports, reads the report; next quarter's file is then
// mapped by the profile without being asked.
const browserPath = chromiumFor('Import screen');

const HEADER = 'Response ID,Store Code,Date,Likelihood to recommend,Overall satisfaction,Via';
const ROWS = 40;

/**
 * A CX platform's export in its own words: day-first dates, a store code the customer answered
 * about, NPS and CSAT, and the channel under a name nobody would guess ("Via"). Two rows are bad
 * on purpose: an NPS of 12 and a missing store code.
 */
function cxExport(
  codes: string[],
  quarter: { month: string; year: string; prefix: string },
): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const code = i === 11 ? '' : codes[i % codes.length];
    const nps = i === 7 ? 12 : i % 11;
    const csat = (i % 5) + 1;
    const via = ['Web', 'App', 'Phone'][i % 3];
    lines.push(
      `${quarter.prefix}${String(i + 1).padStart(4, '0')},${code},${day}/${quarter.month}/${quarter.year},${nps},${csat},${via}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe("the mapping screen's rules (no browser needed)", () => {
  it("offers exactly the engine's canonical columns for every kind", () => {
    for (const [kind, specs] of Object.entries(ENGINE_COLUMNS)) {
      const screen = SCREEN_COLUMNS[kind as keyof typeof SCREEN_COLUMNS]
        .filter((c) => !(kind === 'survey_responses' && c.name === 'comment'))
        .map((c) => ({ name: c.name, required: c.required }));
      expect(screen, kind).toEqual(specs.map((c) => ({ name: c.name, required: c.required })));
    }
  });

  const base: ColumnMapping = {
    kind: 'customer_feedback',
    columns: { response_id: 'Id', responded_at: 'When', cx_code: 'Store', nps: 'LTR' },
    constants: {},
    items: [],
    dateFormats: { responded_at: ['%d/%m/%Y'] },
    naCodes: {},
    decimalComma: false,
  };
  const col = (name: string, samples: string[] = []) => ({ name, label: null, samples });

  it('maps a canonical column from one source column only', () => {
    const change = assignRole(base, col('Score'), 'nps', base);
    expect(change.mapping.columns.nps).toBe('Score');
    expect(Object.values(change.mapping.columns)).not.toContain('LTR');
    expect(change.moved).toEqual({ role: 'nps', from: 'LTR' });
    expect(columnChanged(change.mapping, base, 'LTR')).toBe(true);
    const back = assignRole(change.mapping, col('LTR'), 'nps', base).mapping;
    expect(columnChanged(back, base, 'LTR')).toBe(false);
  });

  it('flags missing required columns and bad typed-in values before running', () => {
    const noStore = assignRole(base, col('Store'), '', base).mapping;
    expect(missingRequired(noStore)).toEqual(['cx_code']);
    expect(blockingProblems(noStore).join(' ')).toContain('cx_code');
    const survey: ColumnMapping = { ...base, kind: 'survey_responses', columns: {} };
    // The engine fills in a survey's respondent, unit and date when the file has none.
    expect(missingRequired({ ...survey, constants: { period: '2025-Q3' } })).toEqual([]);
    expect(missingRequired(survey)).toEqual(['period']);
    expect(blockingProblems({ ...survey, constants: { period: 'Q3 2025' } }).join(' ')).toMatch(
      /YYYY-Qn/,
    );
  });

  it('makes a survey item of an answer column, with a scale guessed from its answers', () => {
    const survey: ColumnMapping = { ...base, kind: 'survey_responses', columns: {} };
    const item = assignRole(
      survey,
      col('Q12 - I feel proud', ['1', '5', '3', '99']),
      'item',
      survey,
    ).mapping.items[0];
    expect(item).toMatchObject({ itemId: 'Q12_I_feel_proud', scaleMin: 1, scaleMax: 5 });
    expect(item?.naCodes).toEqual(['99']);
  });

  it('keeps a survey column as respondent groups, one column per dimension, and lets it go', () => {
    const survey: ColumnMapping = { ...base, kind: 'survey_responses', columns: {} };
    const gender = assignRole(survey, col('Gender', ['F', 'M']), 'demographic:gender', survey);
    expect(gender.mapping.demographics).toEqual({ gender: 'Gender' });
    expect(screenRoleOf(gender.mapping, 'Gender')).toBe('demographic:gender');
    const moved = assignRole(gender.mapping, col('Sex', ['F']), 'demographic:gender', survey);
    expect(moved.mapping.demographics).toEqual({ gender: 'Sex' });
    expect(moved.moved).toEqual({ role: 'demographic:gender', from: 'Gender' });
    expect(assignRole(moved.mapping, col('Sex', ['F']), '', survey).mapping.demographics).toEqual(
      {},
    );
  });

  it('reads the date format from the samples when a date column is chosen by hand', () => {
    expect(guessDateFormat(['25/07/2025', '01/08/2025'])).toBe('%d/%m/%Y');
    expect(guessDateFormat(['07/25/2025 14:05', '08/01/2025 09:00'])).toBe('%m/%d/%Y');
    expect(guessDateFormat(['2025-07-25'])).toBe('');
    expect(guessDateFormat(['soon'])).toBeNull();
    const change = assignRole(base, col('Visited', ['31/07/2025']), 'responded_at', base);
    expect(change.mapping.dateFormats.responded_at?.[0]).toBe('%d/%m/%Y');
  });
});

describe.skipIf(!browserPath)('Import screen in Chromium against upstream serve', () => {
  const temp = makeTempDir();
  const workspace = join(temp.path, 'sample.duckdb');
  const exportsDir = join(temp.path, 'exports');
  const q3File = join(temp.path, 'cx_feedback_2025-Q3.csv');
  const q4File = join(temp.path, 'cx_feedback_2025-Q4.csv');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let token = '';

  async function api<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    return callApi<MethodOutput<M>>(server.url, token, method, input);
  }

  const row = (column: string) => page.getByTestId(`mapping-row-${column}`);
  const roleOf = (column: string) => row(column).getAttribute('data-role');
  const count = async (testId: string) =>
    Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));

  /** Records what the progress element showed while an import ran (it may last a moment only). */
  async function watchProgress(): Promise<void> {
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: string[] };
      w.progressSeen = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="import-progress"]');
        if (el) w.progressSeen.push((el as HTMLElement).innerText);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }
  const progressSeen = () =>
    page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

  async function upload(path: string, name: string): Promise<void> {
    await page.getByTestId('import-file-input').setInputFiles(path);
    await expect
      .poll(() => page.getByTestId('import-file-name').innerText(), { timeout: 30_000 })
      .toBe(name);
    await page.getByTestId('mapping-table').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-run').isEnabled()).toBe(true);
  }

  /** The report on screen, checked against the workspace's own record of the import. */
  async function expectReportToMatchWorkspace(fileName: string) {
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-report').getAttribute('data-status')).toBe('imported');
    const shown = {
      read: await count('report-read'),
      imported: await count('report-imported'),
      quarantined: await count('report-quarantined'),
    };
    expect(shown.read).toBe(shown.imported + shown.quarantined);
    const info = await api('info', {});
    const source = info.sources
      .filter((s) => s.fileName === fileName)
      .sort((a, b) => b.id - a.id)[0];
    expect(source, `${fileName} is recorded in the workspace`).toBeDefined();
    expect(shown).toEqual({
      read: source!.rowsRead,
      imported: source!.rowsImported,
      quarantined: source!.rowsQuarantined,
    });
    const quarantined = await api('quarantine', { sourceId: source!.id, limit: 100, offset: 0 });
    expect(quarantined.total).toBe(shown.quarantined);
    // Every quarantined row is listed with its row number and reason.
    const table = page.getByTestId('quarantine-table');
    await expect.poll(() => table.getByTestId('quarantine-row').count()).toBe(quarantined.total);
    const text = await table.innerText();
    for (const r of quarantined.rows) {
      expect(text).toContain(r.reason);
    }
    const rowNumbers = await table
      .getByTestId('quarantine-row')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')!.textContent)));
    expect(rowNumbers.sort()).toEqual(quarantined.rows.map((r) => r.row).sort());
    return { shown, source: source!, quarantined };
  }

  beforeAll(async () => {
    const sample = writeSmallSample(workspace, exportsDir);
    expect(sample.status, sample.stderr).toBe(0);
    // Codes the workspace can link to a unit, from the sample's own unit mapping.
    const codes = readFileSync(join(exportsDir, 'unit_mapping.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!)
      .slice(0, 8);
    expect(codes.length).toBe(8);
    writeFileSync(q3File, cxExport(codes, { month: '08', year: '2025', prefix: 'Q3-' }));
    writeFileSync(q4File, cxExport(codes, { month: '11', year: '2025', prefix: 'Q4-' }));

    ({ server, browser, page, token } = await openAppInChromium(
      browserPath!.path,
      workspace,
      problems,
    ));
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-choose').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    temp.remove();
  });

  it('previews a CX export with its own column names as customer feedback', async () => {
    expect(page.url()).toContain('#/import');
    await upload(q3File, 'cx_feedback_2025-Q3.csv');
    expect(await page.getByTestId('import-kind').inputValue()).toBe('customer_feedback');
    expect(await page.getByTestId('import-detected').innerText()).toMatch(
      /CSV file, UTF-8, comma-separated, 40 rows/,
    );
    expect(await page.getByTestId('import-mapping-source').getAttribute('data-source')).toBe(
      'inferred',
    );
    expect(await roleOf('Response ID')).toBe('response_id');
    expect(await roleOf('Store Code')).toBe('cx_code');
    expect(await roleOf('Date')).toBe('responded_at');
    expect(await roleOf('Likelihood to recommend')).toBe('nps');
    expect(await roleOf('Overall satisfaction')).toBe('csat');
    expect(await roleOf('Via')).toBe('');
    // Day-first dates were recognised, and the select says so.
    expect(await row('Date').getByTestId('mapping-date-format').inputValue()).toBe('%d/%m/%Y');
    // Sample values and the engine's reasons are on screen.
    expect(await row('Via').getByTestId('mapping-samples').innerText()).toMatch(/Web|App|Phone/);
    // Ids and answers are never sent: a marker says so and why, with what was counted.
    const ids = row('Response ID').getByTestId('mapping-samples');
    expect(await ids.getAttribute('data-hidden')).toBe('personal: ids');
    expect(await ids.innerText()).toMatch(/^Hidden: personal \(ids\)\s*40 values, 40 distinct/);
    expect(await row('Likelihood to recommend').getByTestId('mapping-samples').innerText()).toMatch(
      /^Hidden: personal \(survey answers\)\s*40 values, \d+ distinct, number/,
    );
    expect(await row('Store Code').getByTestId('mapping-why').innerText()).not.toBe('');
    expect(await row('Store Code').getByTestId('mapping-confidence').innerText()).toMatch(
      /^(high|medium|low)$/,
    );
    await page.screenshot({ path: join(process.cwd(), '.tmp', 'import-preview-1920.png') });
  });

  it('lets the analyst correct the mapping: one source column per Upstream column', async () => {
    // Taking nps for "Overall satisfaction" unassigns "Likelihood to recommend", and says so.
    await row('Overall satisfaction').getByTestId('mapping-role').selectOption('nps');
    expect(await roleOf('Overall satisfaction')).toBe('nps');
    expect(await roleOf('Likelihood to recommend')).toBe('');
    expect(await page.getByTestId('mapping-notice').innerText()).toContain(
      'Likelihood to recommend',
    );
    await row('Likelihood to recommend').getByTestId('mapping-role').selectOption('nps');
    await row('Overall satisfaction').getByTestId('mapping-role').selectOption('csat');
    expect(await roleOf('Likelihood to recommend')).toBe('nps');
    expect(await roleOf('Overall satisfaction')).toBe('csat');

    // A required column left out blocks the import, in words.
    await row('Store Code').getByTestId('mapping-role').selectOption('');
    expect(await page.getByTestId('import-run').isEnabled()).toBe(false);
    expect(await page.getByTestId('import-blocking').innerText()).toContain('cx_code');
    await row('Store Code').getByTestId('mapping-role').selectOption('cx_code');
    expect(await page.getByTestId('import-run').isEnabled()).toBe(true);

    // The correction the engine could not guess.
    await row('Via').getByTestId('mapping-role').selectOption('channel');
    expect(await roleOf('Via')).toBe('channel');
    expect(await row('Via').getByTestId('mapping-confidence').innerText()).toBe('set by you');
  });

  it('imports with progress, saves the profile and reports numbers that reconcile', async () => {
    await page.getByTestId('profile-name').fill('CX quarterly');
    await watchProgress();
    await page.getByTestId('import-run').click();
    const { shown, source } = await expectReportToMatchWorkspace('cx_feedback_2025-Q3.csv');
    expect(shown).toEqual({ read: ROWS, imported: ROWS - 2, quarantined: 2 });
    const reasons = await page.getByTestId('report-reasons').innerText();
    expect(reasons).toContain('nps');
    expect(reasons).toContain('cx_code');
    const seen = await progressSeen();
    expect(seen.length, 'the progress bar was shown while importing').toBeGreaterThan(0);
    expect(
      seen.some((text) => !text.startsWith('Starting')),
      'progress events reached the page',
    ).toBe(true);
    console.log(`progress seen: ${[...new Set(seen.map((s) => s.split('\n')[0]))].join(' | ')}`);

    // The corrected mapping went into the profile and into the workspace.
    const { profiles } = await api('profiles', {});
    const profile = profiles.find((p) => p.name === 'CX quarterly');
    expect(profile?.kind).toBe('customer_feedback');
    expect(profile?.mapping.columns.channel).toBe('Via');
    await expect
      .poll(() => page.getByTestId('profiles-list').innerText())
      .toContain('CX quarterly');
    expect(source.kind).toBe('customer_feedback');
    await page.screenshot({
      path: join(process.cwd(), '.tmp', 'import-report-1920.png'),
      fullPage: true,
    });
  });

  it("maps next quarter's file with the saved profile, keeping the correction", async () => {
    await upload(q4File, 'cx_feedback_2025-Q4.csv');
    const banner = page.getByTestId('import-mapping-source');
    expect(await banner.getAttribute('data-source')).toBe('matched profile');
    expect(await banner.innerText()).toContain('CX quarterly');
    expect(await page.getByTestId('import-kind').inputValue()).toBe('customer_feedback');
    expect(await roleOf('Via')).toBe('channel');
    expect(await roleOf('Store Code')).toBe('cx_code');
    expect(await roleOf('Likelihood to recommend')).toBe('nps');
    expect(await page.getByTestId('profile-in-use').isVisible()).toBe(true);
    await page.screenshot({ path: join(process.cwd(), '.tmp', 'import-matched-1920.png') });

    await page.getByTestId('import-run').click();
    const { shown } = await expectReportToMatchWorkspace('cx_feedback_2025-Q4.csv');
    expect(shown).toEqual({ read: ROWS, imported: ROWS - 2, quarantined: 2 });
  });

  it('says plainly when the very same file is imported again', async () => {
    await upload(q3File, 'cx_feedback_2025-Q3.csv');
    expect(await page.getByTestId('import-mapping-source').getAttribute('data-source')).toBe(
      'matched profile',
    );
    const before = (await api('info', {})).sources.length;
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getAttribute('data-status')).toBe('unchanged');
    // The earlier import's figures follow once the workspace has been asked.
    await expect
      .poll(() => page.getByTestId('report-unchanged').innerText())
      .toMatch(
        /this exact file was imported before[\s\S]*read 40 rows: 38 imported, 2 quarantined/,
      );
    expect((await api('info', {})).sources.length).toBe(before);
  });

  it('imports a file again after the server deleted its upload: the page sends it again', async () => {
    // The server deletes an upload when its import ends; the page still holds the file.
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getAttribute('data-status')).toBe('unchanged');
    expect(await page.getByTestId('import-error').count()).toBe(0);
  });

  it('fits a 1280x720 laptop screen', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('import-file').first().click();
    await page.getByTestId('import-report').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(process.cwd(), '.tmp', 'import-report-1280.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });

  it('explains a file it cannot take, with what to do', async () => {
    // Last: the server answers an empty upload with HTTP 400, which Chromium logs by itself.
    const empty = join(temp.path, 'empty.csv');
    writeFileSync(empty, '');
    await page.getByTestId('import-file-input').setInputFiles(empty);
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getByTestId('error-message').innerText()).toContain('empty');
    expect(await error.getByTestId('import-error-advice').innerText()).not.toBe('');
  });
});
