import { rText } from '../../../../shared/linkSentence';
import type { Selection } from '../../../../shared/selection';
import type { Predict, Story } from '../../../../shared/workshop';
import { useQuery } from '../../hooks/useQuery';
import { GuessList } from './GuessList';
import { closestGuess } from './slideState';

/** The linkage question the slide was saved with (its lag, metrics, level and quarter). */
function linkageInput(saved: Selection) {
  return {
    employeeMetric: saved.employeeMetric,
    customerMetric: saved.customerMetric,
    lag: saved.lag,
    ...(saved.level ? { level: saved.level } : {}),
    ...(saved.linkPeriod ? { period: saved.linkPeriod } : {}),
  };
}

/**
 * Beside the revealed chart: the question, the room's guesses and, for a number asked on a
 * linkage slide, the real r at the slide's lag with the nearest guess marked.
 */
export function GuessesPanel({
  predict,
  guesses,
  saved,
}: {
  predict: Predict;
  guesses: Story['guesses'];
  saved: Selection;
}) {
  const withR = predict.kind === 'number' && saved.view === 'linkage';
  const linkage = useQuery('linkage', withR ? linkageInput(saved) : null);
  const r = withR ? (linkage.data?.r ?? null) : null;
  const highlight =
    r === null
      ? null
      : closestGuess(
          guesses.map((g) => g.guess),
          r,
        );
  return (
    <aside className="guesses guesses--beside" data-testid="guesses-panel">
      <h2 className="guesses__question">{predict.question}</h2>
      {withR && (
        <p className="guesses__actual" data-testid="actual-r">
          {r === null
            ? linkage.error
              ? 'No r for this slide.'
              : 'Working out r…'
            : `The data: ${rText(r)}`}
          {r !== null && linkage.data ? ` (${linkage.data.n.toLocaleString('en-GB')} points)` : ''}
        </p>
      )}
      <GuessList
        guesses={guesses}
        unit={predict.kind === 'number' ? predict.unit : ''}
        highlight={highlight}
      />
    </aside>
  );
}
