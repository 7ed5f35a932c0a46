import { COMMENTS_MIN_GROUP_SIZE } from '../../../shared/settings';
import type { Mask } from '../../../shared/masking';
import { METRICS } from '../../../shared/metrics';
import { UpstreamError } from '../../../shared/result';
import { formatSelection, parseSelection, type Selection } from '../../../shared/selection';
import type { Masking, Slide, Story } from '../../../shared/workshop';
import type { EngineContext } from '../handlers/context';
import type { SlideContent, StoryContent } from './content';
import { engineCaller, type OrgUnit, type ViewBody } from './views/common';
import { SLIDE_VIEWS } from './views';
import { refuseRealNames, storyMask } from './views/storyMask';

/**
 * The content of an export, built from the engine's own answers to the same questions the views
 * ask (so every figure has passed the confidentiality rules and equals what the screen shows),
 * then masked as a whole when the export is masked. Every writer and the disclosure audit read
 * only this.
 */

export interface StoryContentOptions {
  /** A story's name or id. */
  story: string;
  /** Default: the story's own masking setting. */
  masked?: boolean;
}

export interface ViewContentOptions {
  masked?: boolean;
  /** The level words masked names use ("Store 12"); default the level names. */
  maskingOptions?: Pick<Masking, 'levelWords'>;
}

/** One engine session: the workspace's periods and minimum, each period's tree asked once. */
async function session(ctx: EngineContext) {
  const call = engineCaller(ctx);
  const info = await call('info', {});
  const trees = new Map<string, Promise<OrgUnit[]>>();
  const tree = (period?: string) => {
    const key = period ?? '';
    let found = trees.get(key);
    if (!found) {
      found = call('hierarchy', period ? { period } : {}).then(
        (h) => h.units,
        // A quarter before the first org snapshot has no tree: nothing to name or mask there.
        () => [],
      );
      trees.set(key, found);
    }
    return found;
  };
  return { call, periods: info.periods, minGroupSize: info.workspace.minGroupSize, tree };
}
type Session = Awaited<ReturnType<typeof session>>;

function footnote(body: ViewBody | null, minGroupSize: number): string {
  const parts: string[] = [];
  if (body) {
    parts.push(`Period: ${body.period}.`);
    for (const m of [...new Set(body.metrics)])
      parts.push(`${METRICS[m].label}: ${METRICS[m].formula}`);
    parts.push(...body.definitions);
  }
  parts.push(
    `Confidentiality: employee figures are shown only for groups of at least ${minGroupSize} people (comments: ${COMMENTS_MIN_GROUP_SIZE}); smaller groups, and groups whose figures could be worked out from others, are suppressed and their figures never printed.`,
  );
  return parts.join(' ');
}

/** Engine refusals that describe the data (no linkage for these quarters): the slide says so. */
const DATA_REFUSALS = new Set(['NOT_FOUND', 'INVALID_ARGUMENTS']);

async function slideContent(
  s: Session,
  index: number,
  slide: Pick<Slide, 'id' | 'title' | 'note' | 'state' | 'speakerNote' | 'predict' | 'problem'>,
  guesses: SlideContent['guesses'],
): Promise<SlideContent> {
  const selection = parseSelection(slide.state);
  const view = SLIDE_VIEWS[selection.view];
  const base: SlideContent = {
    index,
    id: slide.id,
    title: slide.title,
    subtitle: view?.label ?? selection.view,
    view: selection.view,
    state: slide.state,
    note: slide.note,
    speakerNote: slide.speakerNote,
    keyFigures: [],
    headline: null,
    chart: null,
    tables: [],
    footnote: footnote(null, s.minGroupSize),
    predict: slide.predict,
    guesses,
    problem: slide.problem?.message ?? null,
    published: [],
  };
  if (base.problem !== null) return base;
  if (!view)
    return { ...base, problem: `The ${selection.view} page has no figures to show on a slide.` };
  let body: ViewBody;
  try {
    body = await view.body({ ...s, selection });
  } catch (error) {
    if (error instanceof UpstreamError && DATA_REFUSALS.has(error.code))
      return { ...base, problem: error.message };
    throw error;
  }
  return {
    ...base,
    subtitle: `${view.label} · ${body.scope} · ${body.period}`,
    keyFigures: body.keyFigures,
    headline: body.headline,
    chart: body.chart,
    tables: body.tables,
    footnote: footnote(body, s.minGroupSize),
    published: body.published.map((f) => ({ ...f, slide: index })),
  };
}

/** The saved state with a unit set's label masked (ids are kept: exports never print them). */
function maskedState(state: string, mask: Mask): string {
  const selection: Selection = parseSelection(state);
  if (!selection.units) return state;
  return formatSelection({
    ...selection,
    units: { ...selection.units, label: mask.maskText(selection.units.label) },
  });
}

function maskSlide(slide: SlideContent, mask: Mask): SlideContent {
  const { guesses, state, ...rest } = slide;
  return {
    ...mask.maskDeep(rest),
    state: maskedState(state, mask),
    // The person who guessed stays as typed; the guess (often a unit) is masked.
    guesses: guesses.map((g) => ({ person: g.person, guess: mask.maskText(g.guess) })),
  };
}

export async function buildStoryContent(
  ctx: EngineContext,
  options: StoryContentOptions,
): Promise<StoryContent> {
  const s = await session(ctx);
  const story: Story = await s.call('story', { story: options.story });
  const masked = options.masked ?? story.masking.enabled;
  const { commitments } = await s.call('commitments', { story: story.id });
  const slideTitle = new Map(story.slides.map((sl) => [sl.id, sl.title]));
  const titled = commitments.map((c) => ({
    ...c,
    slideTitle: c.slideId !== null ? (slideTitle.get(c.slideId) ?? null) : null,
  }));

  const masking = masked ? await storyMask(s, story.masking) : null;
  if (masking) refuseRealNames(story, titled, masking.mask);
  const names = masking?.names ?? new Map((await s.tree()).map((u) => [u.id, u.name] as const));
  // Units that left the latest tree are still named by the tree they were in.
  if (!masking)
    for (const p of s.periods)
      for (const u of await s.tree(p.id)) if (!names.has(u.id)) names.set(u.id, u.name);

  const slides: SlideContent[] = [];
  for (const [i, slide] of story.slides.entries()) {
    const guesses = story.guesses
      .filter((g) => g.slideId === slide.id)
      .map((g) => ({ person: g.person, guess: g.guess }));
    slides.push(await slideContent(s, i, slide, guesses));
  }

  const content: StoryContent = {
    name: story.name,
    title: story.title,
    masked,
    minGroupSize: s.minGroupSize,
    generatedAt: new Date().toISOString(),
    slides,
    commitments: titled.map((c) => ({
      ...c,
      unitName: c.unitId !== null ? (names.get(c.unitId) ?? null) : null,
    })),
    story: { id: story.id, name: story.name },
  };
  if (!masking) return content;
  const mask = masking.mask;
  return {
    ...content,
    name: mask.maskText(content.name),
    title: mask.maskText(content.title),
    slides: slides.map((sl) => maskSlide(sl, mask)),
    commitments: content.commitments.map((c) => ({
      ...mask.maskDeep(c),
      unitName: c.unitId !== null ? mask.maskedName(c.unitId) : null,
    })),
    story: { id: story.id, name: mask.maskText(story.name) },
  };
}

/** One dashboard state (a PNG, CSV or XLSX of any view) as a single slide's content. */
export async function buildViewContent(
  ctx: EngineContext,
  state: string,
  options: ViewContentOptions = {},
): Promise<SlideContent> {
  const s = await session(ctx);
  const selection = parseSelection(state);
  const view = SLIDE_VIEWS[selection.view];
  if (!view)
    throw new UpstreamError(
      'INVALID_ARGUMENTS',
      `The ${selection.view} page has no figures to export: pick Overview, Linkage, Values, Drivers or Teams.`,
    );
  const slide = await slideContent(
    s,
    0,
    {
      id: 'view',
      title: view.label,
      note: '',
      state,
      speakerNote: '',
      predict: null,
      problem: null,
    },
    [],
  );
  if (slide.problem !== null) throw new UpstreamError('NOT_FOUND', slide.problem);
  const titled = {
    ...slide,
    title: `${view.label}: ${slide.subtitle.split(' · ')[1] ?? ''}`.replace(/: $/, ''),
  };
  if (!options.masked) return titled;
  const { mask } = await storyMask(s, options.maskingOptions ?? { levelWords: {} });
  return maskSlide(titled, mask);
}
