import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { parseSelection } from '../../src/shared/selection';
import type { Commitment, SavedView, Story } from '../../src/shared/workshop';
import { defaultViewTitle } from '../../src/renderer/src/components/workshop/SaveViewButton';
import { presentHash } from '../../src/renderer/src/components/workshop/StoryEditor';
import { viewLabelOf } from '../../src/renderer/src/components/workshop/viewNames';
import {
  addSlide,
  changeSlide,
  emptyDraft,
  moveSlide,
  removeSlide,
  saveInputOf,
  type StoryDraft,
} from '../../src/renderer/src/components/workshop/storyDraft';
import { servedSmallSample } from '../helpers/servedSample';
import { smallText } from '../helpers/textSizes';

// Saved views, a story of them and the room's commitments, on the real engine: `upstream serve`
// on the small sample, driven in Chromium, checked against the engine's own answers.
const app = servedSmallSample('stories');

const STORY = 'Offsite 2026';
const DELETED = 'The saved view of this slide was deleted.';

describe.skipIf(!app.available)('Stories in Chromium against upstream serve', () => {
  const { problems } = app;
  const page = (): Page => app.page;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);
  let units: MethodOutput<'hierarchy'>['units'] = [];
  const saved: { hash: string; title: string; note: string; id?: string }[] = [];
  // The sample comes with a story of its own and its saved views.
  let before: { views: SavedView[]; stories: MethodOutput<'stories'>['stories'] };

  app.register(async () => {
    units = (await api<MethodOutput<'hierarchy'>>('hierarchy', {})).units;
    before = {
      views: (await api<{ views: SavedView[] }>('views', {})).views,
      stories: (await api<MethodOutput<'stories'>>('stories', {})).stories,
    };
  });

  const savedViewItem = (i: number) =>
    page().locator(`[data-testid="saved-view"][data-view-id="${saved[i]!.id}"]`);
  const storyItem = () => page().locator(`[data-testid="story-item"][data-story="${STORY}"]`);

  const slideTitles = () => page().getByTestId('slide-title').allInnerTexts();

  /** Opens a view by its address, saves it from the nav bar's dialog, and checks what was kept. */
  async function saveView(hash: string, note: string, unitName?: string): Promise<void> {
    await page().evaluate((h) => (window.location.hash = h), hash);
    await page().getByTestId('save-view').click();
    const dialog = page().getByTestId('save-view-dialog');
    const title = defaultViewTitle(parseSelection(hash), unitName);
    // Prefilled with the view's name and its unit's name (once the hierarchy has answered).
    await expect.poll(() => dialog.getByTestId('save-view-title').inputValue()).toBe(title);
    await dialog.getByTestId('save-view-note').fill(note);
    await dialog.getByTestId('save-view-confirm').click();
    await expect
      .poll(() => page().getByTestId('save-view-saved').innerText())
      .toBe('Saved to Stories');
    expect(await page().getByTestId('save-view-dialog').count()).toBe(0);
    saved.push({ hash, title, note });
  }

  it('saves two views of the dashboard with their whole state, title and note', async () => {
    const region = units.find((u) => u.level === 'region')!;
    await saveView('#/linkage?lag=2', 'The link, two quarters on');
    await saveView(`#/teams?unit=${region.id}`, 'A region to look at', region.name);
    const views = (await api<{ views: SavedView[] }>('views', {})).views.slice(before.views.length);
    expect(views.map((v) => [v.title, v.note, v.state])).toEqual(
      saved.map((s) => [s.title, s.note, s.hash]),
    );
    views.forEach((v, i) => (saved[i]!.id = v.id));
    expect(saved[1]!.title).toContain(region.name);
  });

  it('lists them on the Stories tab (no Save view there) and renames one', async () => {
    await page().getByTestId('nav-stories').click();
    await expect.poll(() => page().getByTestId('saved-view').count()).toBe(before.views.length + 2);
    expect(await page().getByTestId('save-view').count()).toBe(0);
    for (const [i, kind] of ['Linkage', 'Teams'].entries()) {
      expect(await savedViewItem(i).getByTestId('saved-view-title').innerText()).toBe(
        saved[i]!.title,
      );
      expect(await savedViewItem(i).getByTestId('saved-view-note').innerText()).toBe(
        saved[i]!.note,
      );
      expect(await savedViewItem(i).getByTestId('saved-view-kind').innerText()).toBe(kind);
    }
    // Renamed, with a new note: the engine keeps the same view (id and state).
    const item = savedViewItem(0);
    await item.getByTestId('saved-view-edit').click();
    await item.getByTestId('saved-view-title-input').fill('The link, later');
    await item.getByTestId('saved-view-note-input').fill('Customers two quarters on');
    await item.getByTestId('saved-view-save').click();
    await expect
      .poll(() => item.getByTestId('saved-view-title').innerText())
      .toBe('The link, later');
    const renamed = (await api<{ views: SavedView[] }>('views', {})).views.find(
      (v) => v.id === saved[0]!.id,
    );
    expect([renamed?.title, renamed?.note, renamed?.state]).toEqual([
      'The link, later',
      'Customers two quarters on',
      saved[0]!.hash,
    ]);
    Object.assign(saved[0]!, { title: 'The link, later', note: 'Customers two quarters on' });
  });

  it('makes a story of them, reorders by keyboard, adds a speaker note and a question', async () => {
    await page().getByTestId('story-new').click();
    await page().getByTestId('story-name').fill(STORY);
    await page().getByTestId('story-title').fill('What our teams tell our customers');
    for (const s of saved) {
      const label = `${s.title} (${viewLabelOf(s.hash)})`;
      await page().getByTestId('slide-add-view').selectOption({ label });
      await page().getByTestId('slide-add').click();
    }
    expect(await slideTitles()).toEqual(saved.map((s) => s.title));
    // Move the second slide up with the keyboard; focus stays on the moved slide.
    await page().getByTestId('slide-up').nth(1).focus();
    await page().keyboard.press('Enter');
    expect(await slideTitles()).toEqual([saved[1]!.title, saved[0]!.title]);
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'slide-down',
    );

    const linkSlide = page().getByTestId('slide').nth(1);
    await linkSlide.getByTestId('slide-speaker-note').fill('Ask before showing the chart.');
    await linkSlide.getByTestId('question-kind-choice').check();
    await linkSlide.getByTestId('question-text').fill('Which comes first?');
    // One option only: a clear error, nothing saved.
    await linkSlide.getByTestId('question-options').fill('Engaged teams\n');
    await page().getByTestId('story-save').click();
    await expect
      .poll(() => page().getByTestId('story-error').innerText())
      .toBe('Slide 2: a choice question needs at least two options, one per line.');
    expect((await api<MethodOutput<'stories'>>('stories', {})).stories).toEqual(before.stories);

    await linkSlide.getByTestId('question-options').fill('Engaged teams\n  Happy customers \n\n');
    await page().getByTestId('story-masked').check();
    await page().getByTestId('mask-word-team').fill('Store');
    await page().getByTestId('story-save').click();
    await expect.poll(() => page().getByTestId('story-status').innerText()).toBe('Saved');
    await expect.poll(() => storyItem().count()).toBe(1);
  });

  it('keeps the story in the workspace: the engine and a reloaded page show it all', async () => {
    const story = await api<Story>('story', { story: STORY });
    expect(story.title).toBe('What our teams tell our customers');
    expect(story.masking).toEqual({ enabled: true, levelWords: { team: 'Store' } });
    expect(story.slides.map((s) => s.viewId)).toEqual([saved[1]!.id, saved[0]!.id]);
    expect(story.slides.map((s) => [s.speakerNote, s.predict])).toEqual([
      ['', null],
      [
        'Ask before showing the chart.',
        {
          kind: 'choice',
          question: 'Which comes first?',
          options: ['Engaged teams', 'Happy customers'],
        },
      ],
    ]);
    expect(story.slides.every((s) => s.problem === null)).toBe(true);

    await page().reload();
    await storyItem().click();
    await expect.poll(() => page().getByTestId('story-name').inputValue()).toBe(STORY);
    expect(await slideTitles()).toEqual([saved[1]!.title, saved[0]!.title]);
    const linkSlide = page().getByTestId('slide').nth(1);
    expect(await linkSlide.getByTestId('slide-speaker-note').inputValue()).toBe(
      'Ask before showing the chart.',
    );
    expect(await linkSlide.getByTestId('question-kind-choice').isChecked()).toBe(true);
    expect(await linkSlide.getByTestId('question-options').inputValue()).toBe(
      'Engaged teams\nHappy customers',
    );
    expect(await page().getByTestId('story-masked').isChecked()).toBe(true);
    expect(await page().getByTestId('mask-word-team').inputValue()).toBe('Store');
    expect(await storyItem().innerText()).toContain('2 slides');
  });

  it('records a commitment against a slide and marks it done', async () => {
    const panel = page().getByTestId('commitments');
    await panel.getByTestId('commitment-action-input').fill('Visit the bright-spot stores');
    await panel.getByTestId('commitment-owner-input').fill('COO');
    await panel.getByTestId('commitment-due-input').fill('2027-03-31');
    await panel.getByTestId('commitment-slide-input').selectOption({ index: 2 });
    await panel.getByTestId('commitment-add').click();
    await expect.poll(() => panel.getByTestId('commitment').count()).toBe(1);
    const row = panel.getByTestId('commitment');
    expect(await row.getByTestId('commitment-owner').innerText()).toBe('COO');
    expect(await row.getByTestId('commitment-due').innerText()).toBe('by 2027-03-31');
    expect(await row.getByTestId('commitment-place').innerText()).toBe(
      `Slide 2: ${saved[0]!.title}`,
    );

    await row.getByTestId('commitment-status').selectOption('done');
    await expect.poll(() => row.getAttribute('data-status')).toBe('done');
    // A new owner and date; the status and the slide stay.
    await row.getByTestId('commitment-edit').click();
    await row.getByTestId('commitment-owner-input').fill('Head of Retail');
    await row.getByTestId('commitment-due-input').fill('2027-04-30');
    await row.getByTestId('commitment-save').click();
    await expect.poll(() => row.getByTestId('commitment-owner').innerText()).toBe('Head of Retail');
    const story = await api<Story>('story', { story: STORY });
    const { commitments } = await api<{ commitments: Commitment[] }>('commitments', {
      story: STORY,
    });
    expect(commitments.map((c) => [c.action, c.owner, c.due, c.status, c.slideId])).toEqual([
      ['Visit the bright-spot stores', 'Head of Retail', '2027-04-30', 'done', story.slides[1]!.id],
    ]);
  });

  it('exports the story from the app: masked refused while a title names a unit, then the PowerPoint and PDF download', async () => {
    // The story masks names, and a slide title names its unit: nothing is written, and it says why.
    await page().getByTestId('export-masked').check();
    await page().getByTestId('export-pptx').click();
    await expect
      .poll(() => page().getByTestId('export-error').innerText(), { timeout: 60_000 })
      .toMatch(
        /^PowerPoint export failed: Slide \d+ ".+" title names ".+": a masked export cannot contain real names\. Edit the title or export unmasked\.$/,
      );
    await page().getByTestId('export-masked').uncheck();
    const [download] = await Promise.all([
      page().waitForEvent('download', { timeout: 120_000 }),
      page().getByTestId('export-pptx').click(),
    ]);
    const bytes = readFileSync(await download.path());
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const story = await api<Story>('story', { story: STORY });
    // A title slide, one per story slide, and the closing commitments slide.
    expect(slides).toHaveLength(story.slides.length + 2);
    const text = (await Promise.all(slides.map((f) => zip.file(f)!.async('string')))).join('\n');
    for (const slide of story.slides.filter((s) => s.problem === null))
      expect(text).toContain(escapeXml(slide.title));
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    await expect
      .poll(() => page().getByTestId('export-status').innerText())
      .toBe(`PowerPoint saved: ${download.suggestedFilename()}`);

    const [pdf] = await Promise.all([
      page().waitForEvent('download'),
      page().getByTestId('export-pdf').click(),
    ]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('presents from the first slide in its saved state', async () => {
    const story = await api<Story>('story', { story: STORY });
    await page().getByTestId('story-present').click();
    await expect.poll(() => page().evaluate(() => window.location.hash)).toBe(presentHash(story));
    const hash = await page().evaluate(() => window.location.hash);
    expect(parseSelection(hash).present).toEqual({ story: STORY, slide: 0 });
    expect(parseSelection(hash).view).toBe('teams');
    await page().evaluate(() => (window.location.hash = '#/stories'));
    await expect.poll(() => page().getByTestId('story-name').inputValue()).toBe(STORY);
  });

  it('says on its slide that a saved view was deleted', async () => {
    const item = savedViewItem(0);
    await item.getByTestId('saved-view-delete').click();
    await item.getByTestId('saved-view-delete-confirm').click();
    await expect.poll(() => page().getByTestId('saved-view').count()).toBe(before.views.length + 1);
    const slide = page().getByTestId('slide').nth(1);
    await expect.poll(() => slide.getByTestId('slide-problem').innerText()).toBe(DELETED);
    const story = await api<Story>('story', { story: STORY });
    expect(story.slides[1]!.problem).toEqual({ code: 'VIEW_MISSING', message: DELETED });
    // Saving as it is names the slide to fix.
    await page().getByTestId('story-save').click();
    await expect
      .poll(() => page().getByTestId('story-error').innerText())
      .toBe('Slide 2 shows a saved view that was deleted: remove it, then save.');
    await page().screenshot({
      path: join(process.cwd(), '.tmp', 'stories-1920.png'),
      fullPage: true,
    });
  });

  it('reads from the back of the room at 1280x720, light and dark, the Save view dialog too', async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    for (const theme of ['light', 'dark']) {
      await page().evaluate((t) => window.localStorage.setItem('upstream.theme', t), theme);
      await page().evaluate(() => (window.location.hash = '#/linkage'));
      await page().reload();
      // The whole top bar on screen: every tab, Save view and the theme toggle (in the app's
      // font, once loaded: the fallback is wider).
      await page().evaluate(() => document.fonts.ready.then(() => undefined));
      const right = await page().evaluate(() =>
        ['nav-import', 'save-view', 'theme-toggle'].map(
          (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().right,
        ),
      );
      expect(Math.max(...right)).toBeLessThanOrEqual(1280);
      await page().getByTestId('save-view').click();
      await expect.poll(() => page().getByTestId('save-view-title').inputValue()).toBe('Linkage');
      expect(await smallText(page())).toEqual([]);
      await page().screenshot({ path: join(process.cwd(), '.tmp', `save-view-${theme}-1280.png`) });
      await page().keyboard.press('Escape');
      expect(await page().getByTestId('save-view-dialog').count()).toBe(0);
      await page().evaluate(() => (window.location.hash = '#/stories'));
      await expect.poll(() => page().getByTestId('story-name').inputValue()).toBe(STORY);
      expect(await smallText(page())).toEqual([]);
      await page().screenshot({ path: join(process.cwd(), '.tmp', `stories-${theme}-1280.png`) });
    }
  });

  it('logged no console errors or warnings and made no request off the machine', () => {
    expect(problems).toEqual([]);
  });
});

// The story form's rules, without a browser: what it sends to storySave and what it refuses.
describe('story draft', () => {
  const views = new Set(['v1', 'v2']);
  const draft = (): StoryDraft => {
    const d = addSlide(addSlide({ ...emptyDraft(), name: ' Q2 ', title: 'The link' }, 'v1'), 'v2');
    return d;
  };

  it('moves slides by one place and not past either end', () => {
    const d = draft();
    expect(moveSlide(d, 1, -1).slides.map((s) => s.viewId)).toEqual(['v2', 'v1']);
    expect(moveSlide(d, 0, -1)).toBe(d);
    expect(moveSlide(d, 1, 1)).toBe(d);
    expect(removeSlide(d, 0).slides.map((s) => s.viewId)).toEqual(['v2']);
  });

  it('sends trimmed names, options one per line, and only the level words filled in', () => {
    let d = changeSlide(draft(), 1, {
      question: { kind: 'choice', question: ' Which? ', unit: '', options: ' North \n\nSouth\n' },
    });
    d = { ...d, masked: true, levelWords: { team: ' Store ', region: '  ' } };
    expect(saveInputOf(d, views, [])).toEqual({
      input: {
        name: 'Q2',
        title: 'The link',
        masking: { enabled: true, levelWords: { team: 'Store' } },
        slides: [
          { viewId: 'v1', speakerNote: '', predict: null },
          {
            viewId: 'v2',
            speakerNote: '',
            predict: { kind: 'choice', question: 'Which?', options: ['North', 'South'] },
          },
        ],
      },
    });
  });

  it('says what to fix before anything is sent', () => {
    const d = draft();
    expect(saveInputOf({ ...d, name: ' ' }, views, [])).toEqual({
      error: 'Give the story a name.',
    });
    expect(saveInputOf(d, views, ['Q2'])).toEqual({
      error: "Another story is already called 'Q2'. Pick another name, or open that story.",
    });
    expect(saveInputOf(d, new Set(['v1']), [])).toEqual({
      error: 'Slide 2 shows a saved view that was deleted: remove it, then save.',
    });
    const numberQuestion = changeSlide(d, 0, {
      question: { kind: 'number', question: 'How strong?', unit: 'x'.repeat(21), options: '' },
    });
    expect(saveInputOf(numberQuestion, views, [])).toEqual({
      error: 'Slide 1: the unit word is longer than 20 characters.',
    });
    const twice = changeSlide(d, 0, {
      question: { kind: 'choice', question: 'Which?', unit: '', options: 'A\nA' },
    });
    expect(saveInputOf(twice, views, [])).toEqual({ error: 'Slide 1: two options are the same.' });
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
