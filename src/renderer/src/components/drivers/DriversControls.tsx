import {
  DRIVER_KINDS,
  RESPONDENT_OUTCOMES,
  UNIT_OUTCOMES,
  type DriverKind,
  type DriverOutcome,
} from '../../../../shared/analytics/drivers';
import { KIND_LABELS, LAGS, lagLabel, OUTCOME_OPTION_LABELS } from './format';

/**
 * What the analysis is about: the outcome (eNPS and engagement across the scope's respondents;
 * customer NPS and CSAT across units, at a lag), items or values, and for the customer outcomes
 * the lag and the level whose units are compared.
 */
export function DriversControls({
  outcome,
  kind,
  lag,
  level,
  levels,
  onOutcome,
  onKind,
  onLag,
  onLevel,
}: {
  outcome: DriverOutcome;
  kind: DriverKind;
  lag: number;
  /** The level shown (the engine's answer or the selection's). */
  level: string | undefined;
  /** Levels below the unit in focus, top first (customer outcomes only). */
  levels: string[];
  onOutcome: (o: DriverOutcome) => void;
  onKind: (k: DriverKind) => void;
  onLag: (lag: number) => void;
  onLevel: (level: string) => void;
}) {
  const unitLevel = (UNIT_OUTCOMES as readonly string[]).includes(outcome);
  return (
    <div className="drivers-controls">
      <label className="picker">
        <span className="picker__label">Outcome</span>
        <select
          className="picker__select"
          data-testid="drivers-outcome"
          value={outcome}
          onChange={(e) => onOutcome(e.target.value as DriverOutcome)}
        >
          <optgroup label="Across employees">
            {RESPONDENT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_OPTION_LABELS[o]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Across units: customers">
            {UNIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_OPTION_LABELS[o]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="picker" role="group" aria-labelledby="drivers-kind-label">
        <span className="picker__label" id="drivers-kind-label">
          Drivers
        </span>
        <div className="drivers-toggle" data-testid="drivers-kind" data-value={kind}>
          {DRIVER_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="drivers-toggle__button"
              aria-pressed={kind === k}
              data-kind={k}
              onClick={() => onKind(k)}
            >
              {KIND_LABELS[k].title}
            </button>
          ))}
        </div>
      </div>
      {unitLevel && (
        <label className="picker">
          <span className="picker__label">Lag</span>
          <select
            className="picker__select"
            data-testid="drivers-lag"
            value={String(lag)}
            onChange={(e) => onLag(Number(e.target.value))}
          >
            {LAGS.map((k) => (
              <option key={k} value={String(k)}>
                {lagLabel(k)}
              </option>
            ))}
          </select>
        </label>
      )}
      {unitLevel && levels.length > 0 && (
        <label className="picker">
          <span className="picker__label">Compare</span>
          <select
            className="picker__select"
            data-testid="drivers-level"
            value={level && levels.includes(level) ? level : levels.at(-1)}
            onChange={(e) => onLevel(e.target.value)}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {`${l.charAt(0).toUpperCase()}${l.slice(1)}s`}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
