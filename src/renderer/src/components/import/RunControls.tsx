import { type ReactNode, useId } from 'react';
import type { ApiError } from '../../../../shared/result';
import {
  CONSTANT_COLUMNS,
  canonicalColumn,
  constantProblem,
  kindLabel,
  kindNoun,
} from '../../import/canonicalColumns';
import { adviceFor, rowsText } from '../../import/describe';
import {
  cancel,
  editMapping,
  type FileEntry,
  hasFile,
  preview,
  type Profile,
  run,
  setProfileName,
} from '../../import/importSession';
import { blockingProblems, periodFromDate, setConstant } from '../../import/mappingEdit';
import { PHASE_LABELS } from '../../import/progress';
import { formatCount } from '../../format/formatMetric';
import { WarningIcon } from '../Icons';
import { KindPicker } from './PreviewHeader';

/** Typed-in values for what a one-quarter export or a snapshot does not carry (period, effective date). */
export function ConstantsEditor({ entry }: { entry: FileEntry }) {
  const mapping = entry.mapping!;
  const kind = mapping.kind;
  const derived = periodFromDate(mapping);
  const names = [
    ...new Set([
      ...(CONSTANT_COLUMNS[kind] ?? []).filter(
        (n) => mapping.columns[n] === undefined && !(n === 'period' && derived),
      ),
      ...Object.keys(mapping.constants),
    ]),
  ];
  if (names.length === 0) return null;
  return (
    <section className="constants" aria-labelledby="constants-title">
      <h3 className="section-title" id="constants-title">
        Values the file does not carry
      </h3>
      <p className="constants__hint">
        No column holds these; type the one value that applies to every row of this file.
      </p>
      <div className="constants__fields">
        {names.map((name) => {
          const value = mapping.constants[name] ?? '';
          const problem = constantProblem(name, value);
          const label = canonicalColumn(kind, name)?.label ?? name;
          return (
            <ConstantField
              key={name}
              name={name}
              label={label}
              value={value}
              problem={problem}
              disabled={entry.phase !== 'ready'}
              onChange={(v) => editMapping(entry.id, (m) => setConstant(m, name, v))}
            />
          );
        })}
      </div>
    </section>
  );
}

function ConstantField(props: {
  name: string;
  label: string;
  value: string;
  problem: string | null;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  const errorId = useId();
  const example = props.name === 'period' ? '2025-Q3' : '2025-07-01';
  return (
    <label className="field">
      <span className="field__label">
        {props.label} <span className="field__code">({props.name})</span>
      </span>
      <input
        className="input input--constant"
        data-testid={`constant-${props.name}`}
        value={props.value}
        placeholder={`e.g. ${example}`}
        disabled={props.disabled}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value.trim())}
      />
      {props.problem && (
        <span className="field__error" id={errorId}>
          {props.problem}
        </span>
      )}
    </label>
  );
}

/** The profile name, what still blocks the import, and the Import button. */
export function RunBar({
  entry,
  profiles,
  otherRunning,
  children,
}: {
  entry: FileEntry;
  profiles: Profile[] | null;
  otherRunning: string | null;
  /** What the last attempt ended with (cancelled, or an error), shown where Import was pressed. */
  children?: ReactNode;
}) {
  const mapping = entry.mapping!;
  const blocking = blockingProblems(mapping);
  const name = entry.profileName.trim();
  const existing = profiles?.find((p) => p.name === name);
  const hintId = useId();
  const canRun = entry.phase === 'ready' && blocking.length === 0 && !otherRunning;
  const rows = entry.preview?.rows ?? 0;
  return (
    <section className="run-bar" aria-label="Import this file">
      {children && <div className="run-bar__outcome">{children}</div>}
      <label className="field run-bar__profile">
        <span className="field__label">Save as a profile for next quarter (optional)</span>
        <input
          className="input"
          data-testid="profile-name"
          value={entry.profileName}
          maxLength={100}
          placeholder="Profile name, e.g. CX quarterly"
          disabled={entry.phase !== 'ready'}
          aria-describedby={existing ? hintId : undefined}
          onChange={(e) => setProfileName(entry.id, e.target.value)}
        />
        {existing && (
          <span className="field__hint" id={hintId}>
            Replaces the saved profile “{existing.name}” ({kindLabel(existing.kind)}).
          </span>
        )}
      </label>
      <div className="run-bar__go">
        {blocking.length > 0 ? (
          <ul className="run-bar__blocking" data-testid="import-blocking">
            {blocking.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : otherRunning ? (
          <p className="run-bar__ready">Waiting: {otherRunning} is being imported.</p>
        ) : (
          <p className="run-bar__ready">
            Ready: {rowsText(rows)} of {kindNoun(mapping.kind)}.
          </p>
        )}
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="import-run"
          disabled={!canRun}
          onClick={() => void run(entry.id)}
        >
          Import {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}
        </button>
      </div>
    </section>
  );
}

/** The running import: phase, percentage and a way to stop it. */
export function ImportProgress({ entry }: { entry: FileEntry }) {
  const state = entry.run!;
  const pct = Math.round(state.overall * 100);
  const phase = state.event ? PHASE_LABELS[state.event.phase] : 'Starting';
  return (
    <section className="import-progress" data-testid="import-progress" aria-label="Import progress">
      <div className="import-progress__line">
        <span className="import-progress__phase" data-testid="import-phase">
          {state.cancelling ? 'Cancelling…' : `${phase}…`}
        </span>
        <span className="import-progress__pct">{pct}%</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Importing ${entry.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${phase}, ${pct}%`}
      >
        <div className="progress__bar" style={{ width: `${pct}%` }} />
      </div>
      <div className="import-progress__line">
        <span className="import-progress__rows">
          {state.event?.rows !== undefined ? rowsText(state.event.rows) : '\u00a0'}
        </span>
        <button
          type="button"
          className="button"
          data-testid="import-cancel"
          disabled={state.cancelling}
          onClick={() => void cancel(entry.id)}
        >
          Cancel import
        </button>
      </div>
    </section>
  );
}

/** An error in plain words, with what to do about it. */
export function ImportFailure({
  entry,
  during,
  error,
}: {
  entry: FileEntry;
  during: 'upload' | 'preview' | 'run';
  error: ApiError;
}) {
  const title =
    during === 'upload'
      ? `Could not upload ${entry.name}`
      : during === 'preview'
        ? `Could not read ${entry.name}`
        : `${entry.name} was not imported`;
  const askKind = during === 'preview' && /cannot tell what kind/i.test(error.message);
  return (
    <div className="status-panel status-panel--error" role="alert" data-testid="import-error">
      <WarningIcon className="status-panel__icon" />
      <div className="import-error__body">
        <p className="status-panel__title">{title}</p>
        <p className="status-panel__message" data-testid="error-message">
          {error.message}
        </p>
        <p className="import-error__advice" data-testid="import-error-advice">
          {adviceFor(during, error)}
        </p>
        {during === 'preview' && !askKind && hasFile(entry) && (
          <button
            type="button"
            className="button"
            data-testid="import-retry"
            onClick={() => void preview(entry.id)}
          >
            Read the file again
          </button>
        )}
        {askKind && !entry.preview && (
          <div className="import-error__kind">
            <KindPicker entry={entry} label="This file holds" />
          </div>
        )}
      </div>
    </div>
  );
}
