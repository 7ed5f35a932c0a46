import { useMemo, useState } from 'react';
import { formatSelection, parseSelection } from '../../../../shared/selection';
import type { SavedView, Story } from '../../../../shared/workshop';
import { api } from '../../api/client';
import { ConfirmButton } from './ConfirmButton';
import { MaskingEditor } from './MaskingEditor';
import { SlideEditor } from './SlideEditor';
import {
  addSlide,
  changeSlide,
  draftFromStory,
  emptyDraft,
  moveSlide,
  removeSlide,
  saveInputOf,
  type StoryDraft,
} from './storyDraft';
import { ActionError, useAction } from './useAction';
import { viewLabelOf } from './viewNames';

const DELETED_VIEW = 'The saved view of this slide was deleted.';

/** The hash that presents a story from its first slide, in that slide's saved state. */
export function presentHash(story: Story): string {
  const first = story.slides[0];
  return formatSelection({
    ...parseSelection(first?.state ?? ''),
    present: { story: story.name, slide: 0 },
  });
}

/**
 * Makes or changes a story: its name and title, masking, and its slides (saved views in order,
 * each with a speaker note and an optional question for the room); Save, Present, Delete.
 */
export function StoryEditor({
  story,
  views,
  otherNames,
  levels,
  onSaved,
  onDeleted,
}: {
  /** The story as saved (its slides checked by the engine); undefined for a new one. */
  story: Story | undefined;
  views: SavedView[];
  otherNames: string[];
  levels: string[];
  onSaved: (story: Story) => void;
  onDeleted: () => void;
}) {
  const [baseline, setBaseline] = useState<StoryDraft>(() =>
    story ? draftFromStory(story) : emptyDraft(),
  );
  const [draft, setDraft] = useState<StoryDraft>(baseline);
  const [moved, setMoved] = useState<{ key: string; by: -1 | 1 } | null>(null);
  const [toAdd, setToAdd] = useState('');
  const [savedNote, setSavedNote] = useState(false);
  const action = useAction();
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  const byId = useMemo(() => new Map(views.map((v) => [v.id, v])), [views]);
  const problems = useMemo(
    () => new Map((story?.slides ?? []).map((s) => [s.id, s.problem?.message ?? null])),
    [story],
  );

  const edit = (next: StoryDraft) => {
    setDraft(next);
    setSavedNote(false);
    setMoved(null);
  };

  async function save(): Promise<Story | undefined> {
    const prepared = saveInputOf(draft, new Set(byId.keys()), otherNames);
    if ('error' in prepared) {
      action.fail(prepared.error);
      return undefined;
    }
    const saved = await action.run(() => api.call('storySave', prepared.input));
    if (!saved) return undefined;
    const fresh = draftFromStory(saved);
    setBaseline(fresh);
    setDraft(fresh);
    setSavedNote(true);
    onSaved(saved);
    return saved;
  }

  async function present() {
    const saved = dirty || !story ? await save() : story;
    if (saved && saved.slides.length > 0) window.location.hash = presentHash(saved);
  }

  async function remove() {
    if (!story) return;
    const done = await action.run(() => api.call('storyDelete', { story: story.id }));
    if (done) onDeleted();
  }

  const slideProblem = (viewId: string, id: string | undefined): string | null => {
    if (!byId.has(viewId)) return DELETED_VIEW;
    return (id && problems.get(id)) || null;
  };

  return (
    <section
      className="workshop-panel story-editor"
      aria-labelledby="story-editor-title"
      data-testid="story-editor"
    >
      <h2 id="story-editor-title" className="workshop__title">
        {story ? `Story: ${story.name}` : 'New story'}
      </h2>
      <form
        className="workshop-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="story-editor__names">
          <label className="workshop-field">
            <span className="workshop-field__label">Name</span>
            <input
              className="workshop-input"
              value={draft.name}
              maxLength={100}
              onChange={(e) => edit({ ...draft, name: e.target.value })}
              data-testid="story-name"
            />
          </label>
          <label className="workshop-field">
            <span className="workshop-field__label">Title</span>
            <input
              className="workshop-input"
              value={draft.title}
              maxLength={200}
              onChange={(e) => edit({ ...draft, title: e.target.value })}
              data-testid="story-title"
            />
          </label>
        </div>
        <MaskingEditor
          masked={draft.masked}
          levelWords={draft.levelWords}
          levels={levels}
          onChange={(m) =>
            edit({
              ...draft,
              masked: m.masked ?? draft.masked,
              levelWords: m.levelWords ?? draft.levelWords,
            })
          }
        />
        <h3 className="workshop-field__label">Slides</h3>
        {draft.slides.length === 0 ? (
          <p className="workshop__hint" data-testid="slides-empty">
            No slides yet: add saved views below.
          </p>
        ) : (
          <ol className="slide-list" data-testid="slides">
            {draft.slides.map((s, i) => {
              const view = byId.get(s.viewId);
              const saved = story?.slides.find((x) => x.id === s.id);
              return (
                <SlideEditor
                  key={s.key}
                  slide={s}
                  index={i}
                  count={draft.slides.length}
                  title={view?.title ?? saved?.title ?? '(deleted view)'}
                  viewName={viewLabelOf(view?.state ?? saved?.state ?? '')}
                  problem={slideProblem(s.viewId, s.id)}
                  focus={moved?.key === s.key ? (moved.by === -1 ? 'up' : 'down') : null}
                  onChange={(change) => edit(changeSlide(draft, i, change))}
                  onMove={(by) => {
                    edit(moveSlide(draft, i, by));
                    setMoved({ key: s.key, by });
                  }}
                  onRemove={() => edit(removeSlide(draft, i))}
                />
              );
            })}
          </ol>
        )}
        <div className="story-editor__add">
          <label className="workshop-field">
            <span className="workshop-field__label">Add a saved view as a slide</span>
            <select
              className="workshop-input"
              value={toAdd}
              onChange={(e) => setToAdd(e.target.value)}
              disabled={views.length === 0}
              data-testid="slide-add-view"
            >
              <option value="">
                {views.length ? 'Choose a saved view…' : 'No saved views yet'}
              </option>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title} ({viewLabelOf(v.state)})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={!toAdd}
            onClick={() => {
              edit(addSlide(draft, toAdd));
              setToAdd('');
            }}
            data-testid="slide-add"
          >
            Add slide
          </button>
        </div>
        <ActionError error={action.error} testId="story-error" />
        <div className="workshop__actions story-editor__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={action.busy}
            data-testid="story-save"
          >
            {action.busy ? 'Saving…' : 'Save story'}
          </button>
          <button
            type="button"
            className="button"
            disabled={action.busy || draft.slides.length === 0}
            onClick={() => void present()}
            data-testid="story-present"
          >
            {dirty ? 'Save and present' : 'Present'}
          </button>
          <span className="workshop__status" role="status" data-testid="story-status">
            {dirty ? 'Unsaved changes' : savedNote ? 'Saved' : ''}
          </span>
          {story && (
            <ConfirmButton
              label="Delete story"
              question={`Delete the story “${story.name}”? Its commitments stay.`}
              confirmLabel="Yes, delete"
              onConfirm={() => void remove()}
              disabled={action.busy}
              testId="story-delete"
            />
          )}
        </div>
      </form>
    </section>
  );
}
