import type { KeyFigure, SlideContent, StoryContent } from '../content';

/** "n = 42", or why there is no figure; the same words on every format. */
export function figureDetail(figure: KeyFigure): string {
  const parts: string[] = [];
  const nInNote =
    figure.note !== undefined &&
    figure.n !== null &&
    [String(figure.n), figure.n.toLocaleString('en-GB')].some((n) =>
      figure.note!.includes(`n = ${n}`),
    );
  if (figure.n !== null && !nInNote) parts.push(`n = ${figure.n}`);
  if (figure.status === 'suppressed') parts.push('suppressed');
  if (figure.status === 'no_data') parts.push('no data');
  if (figure.note) parts.push(figure.note);
  return parts.join(' · ');
}

/** "Engagement: 72 (n = 42)" for notes and text-only places. */
export function figureLine(figure: KeyFigure): string {
  const detail = figureDetail(figure);
  return `${figure.label}: ${figure.value}${detail ? ` (${detail})` : ''}`;
}

export function predictLines(slide: SlideContent): string[] {
  if (!slide.predict) return [];
  const guesses = slide.guesses.map((g) => `${g.person}: ${g.guess}`);
  return [
    `Question for the room: ${slide.predict.question}`,
    guesses.length ? `The room's guesses: ${guesses.join('; ')}` : 'No guesses recorded.',
  ];
}

export function commitmentRows(story: StoryContent): string[][] {
  return story.commitments.map((c) => [
    c.action,
    c.owner,
    c.due ?? '',
    c.status,
    c.slideTitle ?? c.unitName ?? '',
  ]);
}

export const COMMITMENT_COLUMNS = ['Action', 'Owner', 'Due', 'Status', 'About'];
