import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/result';
import { MAX_KEPT_COPY_LIMIT_MB } from '../../../../shared/settings';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';

type Settings = MethodOutput<'settings'>;

/**
 * The workspace's own settings, where the analyst prepares the data: the minimum group size
 * every employee figure needs (never below the floor; every view applies a change at once), the
 * purpose statement shown beside the values, and the size up to which imported files are kept.
 */
export function SettingsPanel() {
  const current = useQuery('settings', {});
  // The form starts from what the workspace holds; a fresh answer starts a fresh form.
  return current.data ? (
    <SettingsForm key={JSON.stringify(current.data)} initial={current.data} />
  ) : null;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [min, setMin] = useState(String(initial.minGroupSize));
  const [purpose, setPurpose] = useState(initial.purpose ?? '');
  const [copyLimit, setCopyLimit] = useState(String(initial.keptCopyLimitMb));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<Settings | null>(null);
  const shown = saved ?? initial;

  const floor = shown.minGroupSizeFloor;
  const minNumber = Number(min);
  const copyLimitNumber = Number(copyLimit);
  const valid =
    Number.isInteger(minNumber) &&
    minNumber >= floor &&
    minNumber <= 100 &&
    Number.isInteger(copyLimitNumber) &&
    copyLimitNumber >= 0 &&
    copyLimitNumber <= MAX_KEPT_COPY_LIMIT_MB;
  const changed =
    minNumber !== shown.minGroupSize ||
    purpose.trim() !== (shown.purpose ?? '') ||
    copyLimitNumber !== shown.keptCopyLimitMb;

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await api.settings({
      minGroupSize: minNumber,
      purpose,
      keptCopyLimitMb: copyLimitNumber,
    });
    setSaving(false);
    if (result.ok) setSaved(result.value);
    else setError(result.error);
  };

  return (
    <section className="settings" aria-labelledby="settings-title" data-testid="settings">
      <h2 className="section-title section-title--large" id="settings-title">
        Workspace settings
      </h2>
      <label className="settings__field">
        <span className="settings__label">Minimum group size for employee figures</span>
        <input
          type="number"
          min={floor}
          max={100}
          step={1}
          value={min}
          onChange={(e) => setMin(e.target.value)}
          data-testid="settings-min"
          aria-invalid={!valid}
        />
        <span className="settings__hint">
          At least {floor}. Comments need {shown.commentsMinGroupSize}. Smaller groups are shown as
          suppressed in every view, and so are neighbours that would give them away.
        </span>
      </label>
      <label className="settings__field">
        <span className="settings__label">Purpose statement (shown beside the values)</span>
        <textarea
          rows={5}
          maxLength={600}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          data-testid="settings-purpose"
        />
      </label>
      <label className="settings__field">
        <span className="settings__label">Keep a copy of each imported file up to (MB)</span>
        <input
          type="number"
          min={0}
          max={MAX_KEPT_COPY_LIMIT_MB}
          step={1}
          value={copyLimit}
          onChange={(e) => setCopyLimit(e.target.value)}
          data-testid="settings-copy-limit"
          aria-invalid={!Number.isInteger(copyLimitNumber) || copyLimitNumber < 0}
        />
        <span className="settings__hint">
          Kept copies, compressed, let the workspace be rebuilt from itself. Larger files are
          recorded by name and fingerprint only: keep them where they came from. 0 keeps none.
        </span>
      </label>
      <button
        type="button"
        className="button button--primary"
        disabled={!valid || !changed || saving}
        onClick={() => void save()}
        data-testid="settings-save"
      >
        {saving ? 'Saving…' : 'Save settings'}
      </button>
      {saved && !changed && (
        <p className="settings__done" data-testid="settings-saved">
          Saved: employee figures now need {saved.minGroupSize} people;{' '}
          {saved.keptCopyLimitMb === 0
            ? 'no copies of imported files are kept.'
            : `imported files up to ${saved.keptCopyLimitMb} MB are kept.`}
        </p>
      )}
      {error && (
        <p className="notice" role="alert" data-testid="settings-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
