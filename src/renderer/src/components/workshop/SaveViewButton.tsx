import { TextField } from './TextField';
import { useEffect, useId, useRef, useState } from 'react';
import { formatSelection, type Selection } from '../../../../shared/selection';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { ActionError, useAction } from './useAction';
import { SAVABLE_VIEWS, VIEW_LABELS } from './viewNames';

const SAVED_MESSAGE_MS = 6000;

/** "Linkage · North · 2026-Q2": the view, the unit in focus and the period, as far as known. */
export function defaultViewTitle(selection: Selection, unitName: string | undefined): string {
  return [VIEW_LABELS[selection.view], unitName, selection.period].filter(Boolean).join(' · ');
}

/**
 * "Save view" on every view the room looks at: a small dialog (title prefilled from the view and
 * the unit, a note) that keeps the whole selection (the address without presentation) as a
 * saved view, ready to become a slide on the Stories tab.
 */
export function SaveViewButton({ selection }: { selection: Selection }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!saved) return;
    const t = window.setTimeout(() => setSaved(false), SAVED_MESSAGE_MS);
    return () => window.clearTimeout(t);
  }, [saved]);
  if (!SAVABLE_VIEWS.includes(selection.view)) return null;
  return (
    <div className="save-view">
      <span className="save-view__saved" role="status" data-testid="save-view-saved">
        {saved ? 'Saved to Stories' : ''}
      </span>
      <button
        ref={opener}
        type="button"
        className="save-view__button"
        onClick={() => {
          setSaved(false);
          setOpen(true);
        }}
        aria-haspopup="dialog"
        data-testid="save-view"
      >
        Save view
      </button>
      {open && (
        <SaveViewDialog
          selection={selection}
          onClose={(didSave) => {
            setOpen(false);
            setSaved(didSave);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function SaveViewDialog({
  selection,
  onClose,
}: {
  selection: Selection;
  onClose: (saved: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [title, setTitle] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const action = useAction();
  const { unit, period } = selection;
  const hierarchy = useQuery('hierarchy', unit ? (period ? { period } : {}) : null);
  const unitName = unit ? hierarchy.data?.units.find((u) => u.id === unit)?.name : undefined;
  // The room's words until the user types their own.
  const shownTitle =
    title ?? defaultViewTitle(selection, unitName ?? (hierarchy.data ? unit : undefined));
  const state = formatSelection({ ...selection, present: undefined });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  async function save() {
    if (!shownTitle.trim()) return action.fail('Give the view a title.');
    const value = await action.run(() =>
      api.call('viewSave', { title: shownTitle.trim(), note, state }),
    );
    if (value) onClose(true);
  }

  return (
    <dialog
      ref={dialog}
      className="workshop-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
      data-testid="save-view-dialog"
    >
      <form
        method="dialog"
        className="workshop-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={titleId} className="workshop__title">
          Save this view
        </h2>
        <TextField
          label="Title"
          value={shownTitle}
          onChange={setTitle}
          testId="save-view-title"
          maxLength={200}
        />
        <label className="workshop-field">
          <span className="workshop-field__label">Note (optional)</span>
          <textarea
            className="workshop-input workshop-input--area"
            value={note}
            maxLength={4000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            data-testid="save-view-note"
          />
        </label>
        <ActionError error={action.error} testId="save-view-error" />
        <div className="workshop__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={action.busy}
            data-testid="save-view-confirm"
          >
            {action.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
