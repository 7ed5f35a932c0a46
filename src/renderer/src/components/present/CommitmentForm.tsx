import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';

/**
 * What the room decided, captured on the slide it was decided on: an action, an owner and a date,
 * against the story, the slide on screen and the unit in focus (if any).
 */
export function CommitmentForm({
  story,
  slideId,
  unitId,
  unitName,
  onSaved,
  onClose,
}: {
  story: string;
  slideId: string | undefined;
  unitId: string | undefined;
  unitName: string | undefined;
  onSaved: () => void;
  onClose: () => void;
}) {
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const result = await api.commitmentSave({
      story,
      action,
      owner,
      ...(slideId ? { slideId } : {}),
      ...(unitId ? { unitId } : {}),
      ...(due ? { due } : {}),
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onSaved();
  }

  return (
    <form
      className="commit-form"
      aria-label="A commitment"
      data-testid="commitment-form"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className="commit-form__title">A commitment{unitName ? ` for ${unitName}` : ''}</h2>
      <label className="commit-form__field">
        <span>Action</span>
        <input
          ref={first}
          required
          maxLength={1000}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          data-testid="commitment-action"
        />
      </label>
      <label className="commit-form__field">
        <span>Owner</span>
        <input
          required
          maxLength={200}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          data-testid="commitment-owner"
        />
      </label>
      <label className="commit-form__field">
        <span>Due</span>
        <input
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          data-testid="commitment-due"
        />
      </label>
      {error && (
        <p className="commit-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="commit-form__buttons">
        <button type="submit" className="button button--primary" data-testid="commitment-save">
          Save
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
