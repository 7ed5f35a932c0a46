import { useState, type FormEvent } from 'react';
import type { Predict, Story } from '../../../../shared/workshop';
import { api } from '../../api/client';
import { GuessList } from './GuessList';

/**
 * The room is asked before the chart is shown: each person types a name and a number (or clicks
 * one of the options); every guess is kept with the story and listed as it comes.
 */
export function PredictAsk({
  story,
  slideId,
  predict,
  guesses,
  onGuessed,
  onReveal,
}: {
  story: string;
  slideId: string;
  predict: Predict;
  guesses: Story['guesses'];
  onGuessed: () => void;
  onReveal: () => void;
}) {
  const [person, setPerson] = useState('');
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(guess: string): Promise<void> {
    if (!person.trim()) {
      setError('Type your name first.');
      return;
    }
    setBusy(true);
    const result = await api.guessAdd({ story, slideId, person, guess });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setPerson('');
    setNumber('');
    onGuessed();
  }

  const submitNumber = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim() === '' || !Number.isFinite(Number(number))) {
      setError('Type a number.');
      return;
    }
    void send(number.trim());
  };

  return (
    <section className="predict" data-testid="predict-ask">
      <h2 className="predict__question" data-testid="predict-question">
        {predict.question}
      </h2>
      <form className="predict__form" onSubmit={submitNumber} data-testid="guess-form">
        <label className="predict__field">
          <span>Your name</span>
          <input
            value={person}
            maxLength={80}
            onChange={(e) => setPerson(e.target.value)}
            data-testid="guess-person"
          />
        </label>
        {predict.kind === 'number' ? (
          <>
            <label className="predict__field">
              <span>Your guess{predict.unit ? ` (${predict.unit})` : ''}</span>
              <input
                type="number"
                step="any"
                inputMode="decimal"
                min={predict.min}
                max={predict.max}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                data-testid="guess-number"
              />
            </label>
            <button type="submit" className="button button--primary" disabled={busy}>
              Add guess
            </button>
          </>
        ) : (
          <div className="predict__options" role="group" aria-label="Options">
            {predict.options.map((option) => (
              <button
                key={option}
                type="button"
                className="button predict__option"
                disabled={busy}
                onClick={() => void send(option)}
                data-testid="guess-option"
              >
                {option}
              </button>
            ))}
          </div>
        )}
      </form>
      {error && (
        <p className="predict__error" role="alert">
          {error}
        </p>
      )}
      <div className="guesses">
        <GuessList
          guesses={guesses}
          unit={predict.kind === 'number' ? predict.unit : ''}
          highlight={null}
        />
      </div>
      <button
        type="button"
        className="button button--primary predict__reveal"
        onClick={onReveal}
        data-testid="reveal"
      >
        Reveal
      </button>
    </section>
  );
}
