import type { MethodInput } from '../../../../shared/contract';
import type { Predict, Story } from '../../../../shared/workshop';

/** A slide's question for the room as the form holds it: options as typed, one per line. */
export interface QuestionDraft {
  kind: 'none' | 'number' | 'choice';
  question: string;
  unit: string;
  options: string;
  /** Kept from a saved number question (the form does not edit them). */
  min?: number;
  max?: number;
}

export interface SlideDraft {
  /** Stable across reorders (React key, labels); the saved slide's id once it has one. */
  key: string;
  id: string | undefined;
  viewId: string;
  speakerNote: string;
  question: QuestionDraft;
}

export interface StoryDraft {
  id: string | undefined;
  name: string;
  title: string;
  masked: boolean;
  /** Level -> the word names of that level are masked with ('team' -> 'Store'); '' for the default. */
  levelWords: Record<string, string>;
  slides: SlideDraft[];
}

export type StorySaveInput = MethodInput<'storySave'>;

const NO_QUESTION: QuestionDraft = { kind: 'none', question: '', unit: '', options: '' };

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export function emptyDraft(): StoryDraft {
  return { id: undefined, name: '', title: '', masked: false, levelWords: {}, slides: [] };
}

function questionDraft(p: Predict | null): QuestionDraft {
  if (!p) return NO_QUESTION;
  if (p.kind === 'number') {
    return {
      ...NO_QUESTION,
      kind: 'number',
      question: p.question,
      unit: p.unit,
      min: p.min,
      max: p.max,
    };
  }
  return { ...NO_QUESTION, kind: 'choice', question: p.question, options: p.options.join('\n') };
}

export function draftFromStory(story: Story): StoryDraft {
  return {
    id: story.id,
    name: story.name,
    title: story.title,
    masked: story.masking.enabled,
    levelWords: { ...story.masking.levelWords },
    slides: story.slides.map((s) => ({
      key: s.id,
      id: s.id,
      viewId: s.viewId,
      speakerNote: s.speakerNote,
      question: questionDraft(s.predict),
    })),
  };
}

export function addSlide(draft: StoryDraft, viewId: string): StoryDraft {
  const slide: SlideDraft = {
    key: newKey(),
    id: undefined,
    viewId,
    speakerNote: '',
    question: NO_QUESTION,
  };
  return { ...draft, slides: [...draft.slides, slide] };
}

/** Moves slide `index` by `by` places (-1 up, +1 down); a move past either end changes nothing. */
export function moveSlide(draft: StoryDraft, index: number, by: number): StoryDraft {
  const to = index + by;
  if (index < 0 || index >= draft.slides.length || to < 0 || to >= draft.slides.length)
    return draft;
  const slides = [...draft.slides];
  const [moved] = slides.splice(index, 1);
  slides.splice(to, 0, moved!);
  return { ...draft, slides };
}

export function removeSlide(draft: StoryDraft, index: number): StoryDraft {
  return { ...draft, slides: draft.slides.filter((_, i) => i !== index) };
}

export function changeSlide(
  draft: StoryDraft,
  index: number,
  change: Partial<SlideDraft>,
): StoryDraft {
  return {
    ...draft,
    slides: draft.slides.map((s, i) => (i === index ? { ...s, ...change } : s)),
  };
}

/** The options of a choice question: one per line, blank lines and surrounding spaces dropped. */
export function optionLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function predictOf(q: QuestionDraft, slideNumber: number): Predict | null | string {
  if (q.kind === 'none') return null;
  const where = `Slide ${slideNumber}`;
  const question = q.question.trim();
  if (!question) return `${where}: write the question for the room, or choose "No question".`;
  if (question.length > 300) return `${where}: the question is longer than 300 characters.`;
  if (q.kind === 'number') {
    const unit = q.unit.trim();
    if (unit.length > 20) return `${where}: the unit word is longer than 20 characters.`;
    return { kind: 'number', question, unit, min: q.min, max: q.max };
  }
  const options = optionLines(q.options);
  if (options.length < 2)
    return `${where}: a choice question needs at least two options, one per line.`;
  if (options.length > 30) return `${where}: a choice question has at most 30 options.`;
  const long = options.find((o) => o.length > 120);
  if (long) return `${where}: the option "${long.slice(0, 30)}…" is longer than 120 characters.`;
  if (new Set(options).size !== options.length) return `${where}: two options are the same.`;
  return { kind: 'choice', question, options };
}

/**
 * The storySave input for a draft, or what to fix first, in words. `liveViews` are the ids of
 * the saved views the workspace has now; `otherNames` the names of the workspace's other stories.
 */
export function saveInputOf(
  draft: StoryDraft,
  liveViews: ReadonlySet<string>,
  otherNames: readonly string[],
): { input: StorySaveInput } | { error: string } {
  const name = draft.name.trim();
  const title = draft.title.trim();
  if (!name) return { error: 'Give the story a name.' };
  if (name.length > 100) return { error: 'The name is longer than 100 characters.' };
  if (otherNames.includes(name)) {
    return {
      error: `Another story is already called '${name}'. Pick another name, or open that story.`,
    };
  }
  if (!title) return { error: 'Give the story a title (the first words the room reads).' };
  if (title.length > 200) return { error: 'The title is longer than 200 characters.' };
  const slides: StorySaveInput['slides'] = [];
  for (const [i, s] of draft.slides.entries()) {
    if (!liveViews.has(s.viewId)) {
      return { error: `Slide ${i + 1} shows a saved view that was deleted: remove it, then save.` };
    }
    const predict = predictOf(s.question, i + 1);
    if (typeof predict === 'string') return { error: predict };
    if (s.speakerNote.length > 4000)
      return { error: `Slide ${i + 1}: the speaker note is longer than 4,000 characters.` };
    slides.push({
      ...(s.id ? { id: s.id } : {}),
      viewId: s.viewId,
      speakerNote: s.speakerNote,
      predict,
    });
  }
  const levelWords = Object.fromEntries(
    Object.entries(draft.levelWords)
      .map(([level, word]) => [level, word.trim()] as const)
      .filter(([, word]) => word !== ''),
  );
  const longWord = Object.values(levelWords).find((w) => w.length > 30);
  if (longWord)
    return { error: `The masking word "${longWord.slice(0, 30)}…" is longer than 30 characters.` };
  return {
    input: {
      ...(draft.id ? { id: draft.id } : {}),
      name,
      title,
      masking: { enabled: draft.masked, levelWords },
      slides,
    },
  };
}
