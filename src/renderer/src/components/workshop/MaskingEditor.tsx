/**
 * Masked names for a stage: on or off for the story, and the word each level is masked with
 * ("team" -> "Store" gives "Store 12"); a level left blank keeps its own name as the word.
 */
export function MaskingEditor({
  masked,
  levelWords,
  levels,
  onChange,
}: {
  masked: boolean;
  levelWords: Record<string, string>;
  /** The organisation's levels, top down. */
  levels: string[];
  onChange: (next: { masked?: boolean; levelWords?: Record<string, string> }) => void;
}) {
  const shown = [...new Set([...levels, ...Object.keys(levelWords)])];
  return (
    <fieldset className="masking" data-testid="story-masking">
      <legend className="workshop-field__label">Names on screen</legend>
      <label className="workshop-check">
        <input
          type="checkbox"
          checked={masked}
          onChange={(e) => onChange({ masked: e.target.checked })}
          data-testid="story-masked"
        />
        Mask unit and leader names when presenting and exporting
      </label>
      {shown.length > 0 && (
        <div className="masking__words">
          {shown.map((level) => (
            <label key={level} className="workshop-field workshop-field--short">
              <span className="workshop-field__label">{level} masked as</span>
              <input
                className="workshop-input"
                value={levelWords[level] ?? ''}
                maxLength={30}
                placeholder={level}
                onChange={(e) =>
                  onChange({ levelWords: { ...levelWords, [level]: e.target.value } })
                }
                data-testid={`mask-word-${level}`}
              />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
