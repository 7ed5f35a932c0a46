import type { Story } from '../../../../shared/workshop';
import { parseSelection, type Selection } from '../../../../shared/selection';

/** The views a slide can show (the Import and Stories tabs are not slides). */
export const SLIDE_VIEWS = ['overview', 'linkage', 'values', 'drivers', 'teams'] as const;

/**
 * The whole selection of slide `index` of a story, as saved, still presenting. The slide after the
 * last one is the closing slide (the room's commitments): it keeps the last slide's state.
 */
export function slideSelection(story: Story, index: number, storyRef: string): Selection {
  const last = story.slides[Math.min(index, story.slides.length - 1)];
  return {
    ...parseSelection(last?.state ?? '#/overview'),
    present: { story: storyRef, slide: index },
  };
}

/** Slide positions run from 0 to slides.length (the closing slide). */
export function clampSlide(story: Story, index: number): number {
  return Math.max(0, Math.min(index, story.slides.length));
}

/** Whether the selection on screen is still the slide's saved one (the room has not changed it). */
export function isSavedState(story: Story, index: number, current: Selection): boolean {
  const slide = story.slides[index];
  if (!slide) return true;
  const saved = parseSelection(slide.state);
  return (
    JSON.stringify({ ...saved, present: undefined }) ===
    JSON.stringify({ ...current, present: undefined })
  );
}

/** The number guess nearest the real figure (the first of equals), as its index in `guesses`. */
export function closestGuess(guesses: readonly string[], actual: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  guesses.forEach((g, i) => {
    const value = Number(g.replace(',', '.'));
    if (!Number.isFinite(value)) return;
    const distance = Math.abs(value - actual);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}
