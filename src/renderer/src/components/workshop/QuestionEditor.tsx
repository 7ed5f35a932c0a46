import { useId } from 'react';
import type { QuestionDraft } from './storyDraft';

const KINDS: { kind: QuestionDraft['kind']; label: string }[] = [
  { kind: 'none', label: 'No question' },
  { kind: 'number', label: 'A number' },
  { kind: 'choice', label: 'A choice' },
];

/**
 * A slide's optional question for the room, asked before its chart is shown: a number with the
 * word after it ("r", "points"), or a choice between options typed one per line.
 */
export function QuestionEditor({
  question,
  slideNumber,
  onChange,
}: {
  question: QuestionDraft;
  slideNumber: number;
  onChange: (next: QuestionDraft) => void;
}) {
  const id = useId();
  const change = (part: Partial<QuestionDraft>) => onChange({ ...question, ...part });
  return (
    <fieldset className="question" data-testid="slide-question">
      <legend className="workshop-field__label">Question for the room</legend>
      <div
        className="question__kinds"
        role="radiogroup"
        aria-label={`Question for the room, slide ${slideNumber}`}
      >
        {KINDS.map((k) => (
          <label key={k.kind} className="question__kind">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.kind}
              checked={question.kind === k.kind}
              onChange={() => change({ kind: k.kind })}
              data-testid={`question-kind-${k.kind}`}
            />
            {k.label}
          </label>
        ))}
      </div>
      {question.kind !== 'none' && (
        <label className="workshop-field">
          <span className="workshop-field__label">Question</span>
          <input
            className="workshop-input"
            value={question.question}
            maxLength={300}
            placeholder="How strongly does team engagement predict NPS next quarter?"
            onChange={(e) => change({ question: e.target.value })}
            data-testid="question-text"
          />
        </label>
      )}
      {question.kind === 'number' && (
        <label className="workshop-field workshop-field--short">
          <span className="workshop-field__label">Unit word after the number</span>
          <input
            className="workshop-input"
            value={question.unit}
            maxLength={20}
            placeholder="r"
            onChange={(e) => change({ unit: e.target.value })}
            data-testid="question-unit"
          />
        </label>
      )}
      {question.kind === 'choice' && (
        <label className="workshop-field">
          <span className="workshop-field__label">Options, one per line</span>
          <textarea
            className="workshop-input workshop-input--area"
            value={question.options}
            rows={4}
            onChange={(e) => change({ options: e.target.value })}
            data-testid="question-options"
          />
        </label>
      )}
    </fieldset>
  );
}
