import { useEffect, useRef } from 'react';
import { QuestionEditor } from './QuestionEditor';
import type { SlideDraft } from './storyDraft';

/** One slide of the story being edited: its view, its problem in words, its place, its notes. */
export function SlideEditor({
  slide,
  index,
  count,
  title,
  viewName,
  problem,
  focus,
  onChange,
  onMove,
  onRemove,
}: {
  slide: SlideDraft;
  index: number;
  count: number;
  title: string;
  viewName: string;
  /** Why the slide cannot be drawn as saved (a deleted view, a unit gone), or null. */
  problem: string | null;
  /** The move button to keep focus on after this slide moved (the same key, a new place). */
  focus: 'up' | 'down' | null;
  onChange: (change: Partial<SlideDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const number = index + 1;
  useEffect(() => {
    if (focus === null) return;
    const wanted = focus === 'up' ? up.current : down.current;
    const other = focus === 'up' ? down.current : up.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focus, index]);
  return (
    <li
      className={`slide-editor${problem ? ' slide-editor--problem' : ''}`}
      data-testid="slide"
      data-view-id={slide.viewId}
      aria-label={`Slide ${number}: ${title}`}
    >
      <div className="slide-editor__head">
        <span className="slide-editor__number" aria-hidden="true">
          {number}
        </span>
        <div className="slide-editor__titles">
          <p className="workshop-item__title" data-testid="slide-title">
            {title}
          </p>
          {viewName && <p className="workshop-item__meta">{viewName}</p>}
        </div>
        <div className="workshop__actions slide-editor__moves">
          <button
            ref={up}
            type="button"
            className="button button--quiet"
            disabled={index === 0}
            aria-label={`Move slide ${number} up`}
            onClick={() => onMove(-1)}
            data-testid="slide-up"
          >
            Up
          </button>
          <button
            ref={down}
            type="button"
            className="button button--quiet"
            disabled={index === count - 1}
            aria-label={`Move slide ${number} down`}
            onClick={() => onMove(1)}
            data-testid="slide-down"
          >
            Down
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Remove slide ${number}`}
            onClick={onRemove}
            data-testid="slide-remove"
          >
            Remove
          </button>
        </div>
      </div>
      {problem && (
        <p className="slide-editor__problem" role="note" data-testid="slide-problem">
          {problem}
        </p>
      )}
      <label className="workshop-field">
        <span className="workshop-field__label">Speaker note</span>
        <textarea
          className="workshop-input workshop-input--area"
          value={slide.speakerNote}
          maxLength={4000}
          rows={2}
          onChange={(e) => onChange({ speakerNote: e.target.value })}
          data-testid="slide-speaker-note"
        />
      </label>
      <QuestionEditor
        question={slide.question}
        slideNumber={number}
        onChange={(question) => onChange({ question })}
      />
    </li>
  );
}
