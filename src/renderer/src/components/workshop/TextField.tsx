/** A labelled one-line text box of the workshop's forms (the label above, projector-sized). */
export function TextField({
  label,
  value,
  onChange,
  testId,
  maxLength,
  placeholder,
  short = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  maxLength?: number;
  placeholder?: string;
  /** A narrow field (a date, a word) beside others on one row. */
  short?: boolean;
}) {
  return (
    <label className={`workshop-field${short ? ' workshop-field--short' : ''}`}>
      <span className="workshop-field__label">{label}</span>
      <input
        className="workshop-input"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
