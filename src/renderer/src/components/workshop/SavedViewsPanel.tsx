import { TextField } from './TextField';
import { useState } from 'react';
import type { SavedView } from '../../../../shared/workshop';
import { api } from '../../api/client';
import { ConfirmButton } from './ConfirmButton';
import { ActionError, useAction } from './useAction';
import { viewLabelOf } from './viewNames';

/** The workspace's saved views: open one, change its title or note, delete it. */
export function SavedViewsPanel({
  views,
  onChanged,
}: {
  views: SavedView[];
  /** After a change: the lists and the open story ask the engine again. */
  onChanged: () => void;
}) {
  return (
    <section
      className="workshop-panel"
      aria-labelledby="saved-views-title"
      data-testid="saved-views"
    >
      <h2 id="saved-views-title" className="workshop__title">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="workshop__hint" data-testid="saved-views-empty">
          No saved views yet. On any view, choose “Save view” at the top right.
        </p>
      ) : (
        <ul className="workshop-list">
          {views.map((v) => (
            <SavedViewItem key={v.id} view={v} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedViewItem({ view, onChanged }: { view: SavedView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(view.title);
  const [note, setNote] = useState(view.note);
  const action = useAction();

  async function save() {
    if (!title.trim()) return action.fail('Give the view a title.');
    const saved = await action.run(() =>
      api.call('viewSave', { id: view.id, title: title.trim(), note, state: view.state }),
    );
    if (saved) {
      setEditing(false);
      onChanged();
    }
  }

  async function remove() {
    const done = await action.run(() => api.call('viewDelete', { id: view.id }));
    if (done) onChanged();
  }

  return (
    <li className="workshop-item" data-testid="saved-view" data-view-id={view.id}>
      {editing ? (
        <form
          className="workshop-form"
          aria-label={`Edit ${view.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField
            label="Title"
            value={title}
            onChange={setTitle}
            testId="saved-view-title-input"
            maxLength={200}
          />
          <label className="workshop-field">
            <span className="workshop-field__label">Note</span>
            <textarea
              className="workshop-input workshop-input--area"
              value={note}
              maxLength={4000}
              rows={2}
              onChange={(e) => setNote(e.target.value)}
              data-testid="saved-view-note-input"
            />
          </label>
          <div className="workshop__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={action.busy}
              data-testid="saved-view-save"
            >
              Save
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setTitle(view.title);
                setNote(view.note);
                action.clear();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="workshop-item__title" data-testid="saved-view-title">
            {view.title}
          </p>
          <p className="workshop-item__meta" data-testid="saved-view-kind">
            {viewLabelOf(view.state)}
          </p>
          {view.note && (
            <p className="workshop-item__note" data-testid="saved-view-note">
              {view.note}
            </p>
          )}
          <div className="workshop__actions">
            <a className="button" href={view.state} data-testid="saved-view-open">
              Open<span className="sr-only"> {view.title}</span>
            </a>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setEditing(true)}
              data-testid="saved-view-edit"
            >
              Edit<span className="sr-only"> {view.title}</span>
            </button>
            <ConfirmButton
              label="Delete"
              question={`Delete “${view.title}”? Slides that show it will say so.`}
              confirmLabel="Yes, delete"
              onConfirm={() => void remove()}
              disabled={action.busy}
              testId="saved-view-delete"
            />
          </div>
        </>
      )}
      <ActionError error={action.error} testId="saved-view-error" />
    </li>
  );
}
