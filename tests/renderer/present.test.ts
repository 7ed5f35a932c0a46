import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkageOutput } from '../../src/shared/analytics/linkage';
import type { MethodOutput } from '../../src/shared/contract';
import { rText } from '../../src/shared/linkSentence';
import { parseSelection } from '../../src/shared/selection';
import type { Commitment, SavedView, Story } from '../../src/shared/workshop';
import { servedSmallSample } from '../helpers/servedSample';
import { textSizes } from '../helpers/textSizes';

// Issue 13's presentation mode on the real engine: `upstream serve` on the small sample, a
// three-slide story built through the API, driven by keyboard in Chromium at 1280x720.
const app = servedSmallSample('present');

const MIN_TEXT_PX = 24;
type Units = MethodOutput<'hierarchy'>['units'];

describe.skipIf(!app.available)('Presentation mode in Chromium against upstream serve', () => {
  const { problems } = app;
  const api = <T>(method: string, input: unknown) => app.api<T>(method, input);
  const page = () => app.page;
  const hash = () => page().evaluate(() => window.location.hash);
  const title = () => page().getByTestId('slide-title').innerText();
  const number = () => page().getByTestId('slide-number').innerText();
  const press = (key: string) => page().keyboard.press(key);
  /** The Overview's line naming the unit in focus ("North · region"). */
  const unitShown = async () =>
    (await page().getByTestId('overview-subtitle').innerText()).split(' · ')[0]!.trim();
  let units: Units = [];
  let region: Units[number];
  let otherRegion: Units[number];
  let story: Story;
  const views: SavedView[] = [];

  /** The real unit and leader names found, as whole words, anywhere in the page's text. */
  const realNames = () => [
    ...new Set(units.flatMap((u) => [u.name, u.leader ?? ''].filter((n) => n.length > 2))),
  ];
  const shownNames = () =>
    page().evaluate((names) => {
      // Hidden text too (pickers' options, folded details), and tooltips and labels.
      const labels = [...document.querySelectorAll('[title], [aria-label]')].map(
        (el) => `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`,
      );
      const text = `${document.body.textContent}\n${labels.join('\n')}`;
      const whole = (n: string) =>
        new RegExp(
          `(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
          'u',
        );
      return names.filter((n) => whole(n).test(text));
    }, realNames());

  async function expectNoSmallText(where: string): Promise<void> {
    const sizes = await textSizes(page());
    expect(sizes.length).toBeGreaterThan(3);
    const small = sizes.filter((s) => s.px < MIN_TEXT_PX - 0.01);
    expect(
      small.map((s) => `${where}: ${s.where} "${s.text}" ${s.px.toFixed(1)}px`),
      `${small.length} of ${sizes.length} texts under ${MIN_TEXT_PX}px on ${where}`,
    ).toEqual([]);
  }

  /** Waits until the page shows slide `index` (0-based) of the story. */
  async function expectSlide(index: number): Promise<void> {
    await expect.poll(number).toBe(`${index + 1} / ${story.slides.length}`);
    expect(await title()).toBe(story.slides[index]!.title);
    expect(parseSelection(await hash()).present).toEqual({ story: 'offsite', slide: index });
  }

  app.register(async (p) => {
    await p.setViewportSize({ width: 1280, height: 720 });
    await p.evaluate(() => window.localStorage.setItem('upstream.theme', 'light'));
    await p.reload();
    units = (await api<MethodOutput<'hierarchy'>>('hierarchy', {})).units;
    const regions = units.filter((u) => u.level === 'region');
    [region, otherRegion] = [regions[0]!, regions[1]!];
    const save = (title: string, state: string) =>
      api<SavedView>('viewSave', { title, note: '', state });
    views.push(await save(`How ${region.name} is doing`, `#/overview?unit=${region.id}`));
    views.push(await save('Engagement then NPS a quarter later', '#/linkage?lag=1'));
    views.push(await save('Values across the company', '#/values'));
    story = await api<Story>('storySave', {
      name: 'offsite',
      title: 'Offsite story',
      slides: [
        { viewId: views[0]!.id, speakerNote: `Open on ${region.name}` },
        {
          viewId: views[1]!.id,
          predict: {
            kind: 'number',
            question: 'How strongly does engagement predict NPS a quarter later?',
            unit: 'r',
          },
        },
        { viewId: views[2]!.id },
      ],
    });
    // What the Stories tab's Present button does: slide 0's state, presenting.
    await p.evaluate(
      (h) => (window.location.hash = h),
      `#/overview?unit=${region.id}&present=offsite&slide=0`,
    );
  });

  it('shows the first slide: its live view, title, number; no navigation, pickers on C', async () => {
    await expectSlide(0);
    const view = page().getByTestId('slide-view');
    expect(await view.getAttribute('data-view')).toBe('overview');
    await expect.poll(() => unitShown()).toBe(region.name);
    expect(await page().getByTestId('nav-overview').count()).toBe(0);
    expect(await page().getByTestId('unit-picker').isVisible()).toBe(false);
    expect(await page().getByTestId('speaker-note').count()).toBe(0);
    await expectNoSmallText('slide 1');

    // The room asks about another region: the presenter shows the pickers and changes the unit.
    await press('c');
    await page().getByTestId('unit-picker').selectOption(otherRegion.id);
    await expect.poll(() => unitShown()).toBe(otherRegion.name);
    expect(parseSelection(await hash()).present).toEqual({ story: 'offsite', slide: 0 });
    // A click in the view (focus there): the presenter's keys still work.
    await page().getByTestId('tile-engagement_index').first().click();
    await press('r');
    await expect.poll(() => unitShown()).toBe(region.name);
    expect(parseSelection(await hash()).unit).toBe(region.id);
    await press('n');
    expect(await page().getByTestId('speaker-note').innerText()).toBe(`Open on ${region.name}`);
    await press('n');
    expect(await page().getByTestId('speaker-note').count()).toBe(0);
  });

  it('asks the room before the chart, keeps the guesses, then reveals r beside them', async () => {
    await press('ArrowRight');
    await expectSlide(1);
    const ask = page().getByTestId('predict-ask');
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await page().getByTestId('slide-view').count()).toBe(0);
    expect(await page().getByTestId('predict-question').innerText()).toBe(
      story.slides[1]!.predict!.question,
    );
    const guesses = [
      ['Ana', '0.2'],
      ['Bo', '0.6'],
    ] as const;
    for (const [i, [person, guess]] of guesses.entries()) {
      await page().getByTestId('guess-person').fill(person);
      await page().getByTestId('guess-number').fill(guess);
      await page().getByTestId('guess-number').press('Enter');
      await expect.poll(() => page().getByTestId('guess').count()).toBe(i + 1);
      const listed = await page().getByTestId('guess').nth(i).innerText();
      expect(listed).toContain(person);
      expect(listed).toContain(`${guess} r`);
    }
    const kept = await api<Story>('story', { story: 'offsite' });
    expect(kept.guesses.map((g) => [g.slideId, g.person, g.guess])).toEqual([
      [story.slides[1]!.id, 'Ana', '0.2'],
      [story.slides[1]!.id, 'Bo', '0.6'],
    ]);
    // A reload keeps them: they come back from the engine's story answer.
    await page().reload();
    await expect.poll(() => page().getByTestId('guess').count()).toBe(2);
    await page().getByTestId('predict-question').click();

    await press('PageDown');
    await expect.poll(() => page().getByTestId('guesses-panel').isVisible()).toBe(true);
    expect(await page().getByTestId('slide-view').getAttribute('data-view')).toBe('linkage');
    const linkage = await api<LinkageOutput>('linkage', {
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      lag: 1,
    });
    expect(linkage.r).not.toBeNull();
    await expect
      .poll(() => page().getByTestId('actual-r').innerText())
      .toContain(`The data: ${rText(linkage.r)}`);
    const nearest = Math.abs(0.2 - linkage.r!) <= Math.abs(0.6 - linkage.r!) ? 'Ana' : 'Bo';
    expect(
      await page().locator('[data-testid="guess"][data-closest="true"]').innerText(),
    ).toContain(nearest);
    await expect.poll(() => page().getByTestId('linkage-scatter').isVisible()).toBe(true);
    await expectNoSmallText('revealed slide 2');
    await page().screenshot({ path: join(process.cwd(), '.tmp', 'present-reveal-1280.png') });
  });

  it('moves by clicker keys, blanks on B and comes back on any key', async () => {
    await press('PageDown');
    await expectSlide(2);
    expect(await page().getByTestId('slide-view').getAttribute('data-view')).toBe('values');
    await press('PageUp');
    await expectSlide(1);
    // A slide already revealed stays revealed.
    expect(await page().getByTestId('guesses-panel').isVisible()).toBe(true);
    await press('ArrowDown');
    await expectSlide(2);
    await expectNoSmallText('slide 3');
    await press('b');
    const blank = page().getByTestId('blank-screen');
    expect(await blank.isVisible()).toBe(true);
    expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
    await press('ArrowRight'); // returns from black, does not move
    expect(await blank.count()).toBe(0);
    await expectSlide(2);
  });

  it('captures a commitment with A and lists it on the closing slide', async () => {
    await press('a');
    await page().getByTestId('commitment-action').fill('Visit the two weakest stores');
    await page().getByTestId('commitment-owner').fill('Head of retail');
    await page().getByTestId('commitment-due').fill('2027-01-31');
    await expectNoSmallText('commitment form');
    await page().getByTestId('commitment-save').click();
    await expect.poll(() => page().getByTestId('commitment-form').count()).toBe(0);
    const { commitments } = await api<{ commitments: Commitment[] }>('commitments', {
      story: 'offsite',
    });
    expect(commitments.map((c) => [c.slideId, c.action, c.owner, c.due, c.storyId])).toEqual([
      [
        story.slides[2]!.id,
        'Visit the two weakest stores',
        'Head of retail',
        '2027-01-31',
        story.id,
      ],
    ]);
    await press('ArrowRight');
    await expect.poll(() => page().getByTestId('closing-slide').isVisible()).toBe(true);
    expect(await page().getByTestId('closing-item').allInnerTexts()).toEqual([
      expect.stringContaining('Visit the two weakest stores'),
    ]);
    expect(await page().getByTestId('closing-item').innerText()).toContain('Head of retail');
    await expectNoSmallText('closing slide');
  });

  it('works in the dark theme', async () => {
    const background = () =>
      page()
        .getByTestId('presentation')
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page().getByTestId('theme-toggle').click();
    expect(await page().evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    await press('Home');
    await expectSlide(0);
    await expectNoSmallText('slide 1, dark');
    await page().getByTestId('theme-toggle').click();
  });

  it('masks every unit and leader name on M, consistently, and unmasks on M again', async () => {
    await expectSlide(0);
    expect(await shownNames()).toContain(region.name);
    await press('m');
    await expect
      .poll(() => page().getByTestId('presentation').getAttribute('data-masked'))
      .toBe('true');
    await expect.poll(() => unitShown()).not.toBe(region.name);
    const standIn = await unitShown();
    expect(standIn).toMatch(/^Region [A-Z]+$/);
    expect(await page().getByTestId('company-name').innerText()).toBe('The company');
    expect(await title()).toBe(`How ${standIn} is doing`);
    expect(await shownNames()).toEqual([]);
    await press('c'); // the pickers too (hidden or shown)
    expect(await shownNames()).toEqual([]);
    await press('c');
    await press('ArrowRight'); // the linkage slide, revealed before: point names in the chart
    await expect.poll(() => page().getByTestId('linkage-scatter').isVisible()).toBe(true);
    expect(await shownNames()).toEqual([]);
    await press('ArrowRight'); // the heatmap: a row per region
    await expectSlide(2);
    await expect.poll(() => page().getByTestId('slide-view').innerText()).toContain(standIn);
    expect(await shownNames()).toEqual([]);
    await press('Home');
    await expect.poll(() => unitShown()).toBe(standIn);
    expect(await page().title()).not.toContain(region.name);
    await press('m');
    await expect.poll(() => unitShown()).toBe(region.name);
    await press('m'); // masked again, to leave masked
    await expect.poll(() => unitShown()).toBe(standIn);
  });

  it('asks a choice on a story masked by its own settings, and reveals beside the guesses', async () => {
    const quiz = await api<Story>('storySave', {
      name: 'quiz',
      title: 'Quiz',
      masking: { enabled: true, levelWords: { region: 'Area' } },
      slides: [
        {
          viewId: views[2]!.id,
          predict: {
            kind: 'choice',
            question: 'How favourable is the company on its weakest value?',
            options: ['Under 60%', '60-70%', 'Over 70%'],
          },
        },
      ],
    });
    await page().evaluate((h) => (window.location.hash = h), '#/values?present=quiz&slide=0');
    await expect.poll(() => page().getByTestId('predict-ask').isVisible()).toBe(true);
    expect(await page().getByTestId('presentation').getAttribute('data-masked')).toBe('true');
    expect(await page().getByTestId('guess-option').allInnerTexts()).toEqual([
      'Under 60%',
      '60-70%',
      'Over 70%',
    ]);
    await page().getByTestId('guess-person').fill('Cy');
    await page().getByTestId('guess-option').nth(2).click();
    await expect.poll(() => page().getByTestId('guess').count()).toBe(1);
    const kept = await api<Story>('story', { story: 'quiz' });
    expect(kept.guesses.map((g) => [g.slideId, g.person, g.guess])).toEqual([
      [quiz.slides[0]!.id, 'Cy', 'Over 70%'],
    ]);
    await expectNoSmallText('choice question');
    await press('ArrowRight');
    await expect.poll(() => page().getByTestId('guesses-panel').isVisible()).toBe(true);
    expect(await page().getByTestId('slide-view').getAttribute('data-view')).toBe('values');
    // The story's own word for a region.
    await expect.poll(() => page().getByTestId('slide-view').innerText()).toMatch(/\bArea [A-Z]\b/);
    expect(await shownNames()).toEqual([]);
    expect(await page().getByTestId('guesses-panel').innerText()).toContain('Over 70%');
  });

  it('leaves to the Stories tab on Esc, with nothing asked off the machine and no console error', async () => {
    await press('Escape');
    await expect.poll(hash).toBe('#/stories');
    await expect.poll(() => page().getByTestId('stories-view').isVisible()).toBe(true);
    expect(
      await page().evaluate(() => document.documentElement.classList.contains('presenting')),
    ).toBe(false);
    // Leaving forgets the mask: the app shows real names again.
    await page().evaluate((h) => (window.location.hash = h), `#/overview?unit=${region.id}`);
    await expect.poll(() => unitShown()).toBe(region.name);
    expect(problems).toEqual([]);
  });
});
