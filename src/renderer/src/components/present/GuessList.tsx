import type { Story } from '../../../../shared/workshop';

type Guess = Story['guesses'][number];

/** The room's guesses as they come, each with its name; `highlight` marks the one nearest. */
export function GuessList({
  guesses,
  unit,
  highlight,
}: {
  guesses: readonly Guess[];
  unit: string;
  highlight: number | null;
}) {
  if (guesses.length === 0) {
    return <p className="guesses__empty">No guesses yet.</p>;
  }
  return (
    <ol className="guesses__list" data-testid="guess-list">
      {guesses.map((g, i) => (
        <li
          key={`${g.person}-${g.createdAt}-${i}`}
          className={`guesses__item${i === highlight ? ' guesses__item--closest' : ''}`}
          data-testid="guess"
          data-closest={i === highlight || undefined}
        >
          <span className="guesses__person">{g.person}</span>
          <span className="guesses__guess">
            {g.guess}
            {unit ? ` ${unit}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
