import { TextField } from './TextField';
import { useState } from 'react';
import { parseSelection } from '../../../../shared/selection';
import { COMMITMENT_STATUSES, type Commitment, type Story } from '../../../../shared/workshop';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { ConfirmButton } from './ConfirmButton';
import { ActionError, useAction } from './useAction';

const STATUS_LABELS: Record<Commitment['status'], string> = {
  open: 'Open',
  done: 'Done',
  dropped: 'Dropped',
};

type UnitNames = ReadonlyMap<string, string>;

/** "Slide 2: Linkage · North" / "North" / "": what a commitment was made against. */
export function commitmentPlace(c: Commitment, story: Story, units: UnitNames): string {
  const parts: string[] = [];
  const index = story.slides.findIndex((s) => s.id === c.slideId);
  if (index >= 0) parts.push(`Slide ${index + 1}: ${story.slides[index]!.title}`);
  if (c.unitId) parts.push(units.get(c.unitId) ?? c.unitId);
  return parts.join(' · ');
}

/** The room's commitments on a story: action, owner, date, status; add, change, delete. */
export function CommitmentsPanel({ story }: { story: Story }) {
  const list = useQuery('commitments', { story: story.id });
  const hierarchy = useQuery('hierarchy', {});
  const units: UnitNames = new Map((hierarchy.data?.units ?? []).map((u) => [u.id, u.name]));
  const commitments = list.data?.commitments ?? [];
  return (
    <section
      className="workshop-panel"
      aria-labelledby="commitments-title"
      data-testid="commitments"
    >
      <h2 id="commitments-title" className="workshop__title">
        Commitments
      </h2>
      {list.error && (
        <p className="workshop__error" role="alert">
          {list.error.message}
        </p>
      )}
      {list.data && commitments.length === 0 && (
        <p className="workshop__hint" data-testid="commitments-empty">
          None yet: write down what the room decides, who does it and by when.
        </p>
      )}
      {commitments.length > 0 && (
        <ul className="workshop-list">
          {commitments.map((c) => (
            <CommitmentRow
              key={`${c.id}:${c.updatedAt}`}
              commitment={c}
              story={story}
              place={commitmentPlace(c, story, units)}
              onChanged={list.reload}
            />
          ))}
        </ul>
      )}
      <CommitmentForm story={story} units={units} onAdded={list.reload} />
    </section>
  );
}

/** The fields commitmentSave needs to keep what a commitment already says. */
function keptFields(c: Commitment, story: Story) {
  return {
    id: c.id,
    story: story.id,
    ...(c.slideId && story.slides.some((s) => s.id === c.slideId) ? { slideId: c.slideId } : {}),
    ...(c.unitId ? { unitId: c.unitId } : {}),
    action: c.action,
    owner: c.owner,
    ...(c.due ? { due: c.due } : {}),
    status: c.status,
  };
}

function CommitmentRow({
  commitment: c,
  story,
  place,
  onChanged,
}: {
  commitment: Commitment;
  story: Story;
  place: string;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState(c.action);
  const [owner, setOwner] = useState(c.owner);
  const [due, setDue] = useState(c.due ?? '');
  const call = useAction();

  async function save(change: Partial<Pick<Commitment, 'action' | 'owner' | 'due' | 'status'>>) {
    const { due: newDue, ...rest } = { ...keptFields(c, story), ...change };
    const input = { ...rest, ...(newDue ? { due: newDue } : {}) };
    const saved = await call.run(() => api.call('commitmentSave', input));
    if (saved) {
      setEditing(false);
      onChanged();
    }
  }

  return (
    <li className="workshop-item commitment" data-testid="commitment" data-status={c.status}>
      {editing ? (
        <form
          className="workshop-form"
          aria-label="Edit commitment"
          onSubmit={(e) => {
            e.preventDefault();
            if (!action.trim() || !owner.trim())
              return call.fail('Write the action and its owner.');
            void save({ action: action.trim(), owner: owner.trim(), due: due || null });
          }}
        >
          <CommitmentFields
            action={action}
            owner={owner}
            due={due}
            onAction={setAction}
            onOwner={setOwner}
            onDue={setDue}
          />
          <div className="workshop__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={call.busy}
              data-testid="commitment-save"
            >
              Save
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="workshop-item__title" data-testid="commitment-action">
            {c.action}
          </p>
          <p className="workshop-item__meta">
            <span data-testid="commitment-owner">{c.owner}</span>
            {' · '}
            <span data-testid="commitment-due">{c.due ? `by ${c.due}` : 'no date'}</span>
            {place && (
              <>
                {' · '}
                <span data-testid="commitment-place">{place}</span>
              </>
            )}
          </p>
          <div className="workshop__actions">
            <label className="workshop-inline">
              <span className="workshop-field__label">Status</span>
              <select
                className="workshop-input"
                value={c.status}
                disabled={call.busy}
                onChange={(e) => void save({ status: e.target.value as Commitment['status'] })}
                data-testid="commitment-status"
              >
                {COMMITMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setEditing(true)}
              data-testid="commitment-edit"
            >
              Edit
            </button>
            <ConfirmButton
              label="Delete"
              question="Delete this commitment?"
              confirmLabel="Yes, delete"
              onConfirm={() =>
                void call
                  .run(() => api.call('commitmentDelete', { id: c.id }))
                  .then((done) => {
                    if (done) onChanged();
                  })
              }
              disabled={call.busy}
              testId="commitment-delete"
            />
          </div>
        </>
      )}
      <ActionError error={call.error} testId="commitment-error" />
    </li>
  );
}

function CommitmentFields(props: {
  action: string;
  owner: string;
  due: string;
  onAction: (v: string) => void;
  onOwner: (v: string) => void;
  onDue: (v: string) => void;
}) {
  return (
    <>
      <TextField
        label="Action"
        value={props.action}
        onChange={props.onAction}
        testId="commitment-action-input"
        maxLength={1000}
      />
      <div className="workshop-row">
        <TextField
          label="Owner"
          value={props.owner}
          onChange={props.onOwner}
          testId="commitment-owner-input"
          maxLength={200}
        />
        <label className="workshop-field workshop-field--short">
          <span className="workshop-field__label">Due (optional)</span>
          <input
            type="date"
            className="workshop-input"
            value={props.due}
            onChange={(e) => props.onDue(e.target.value)}
            data-testid="commitment-due-input"
          />
        </label>
      </div>
    </>
  );
}

/** A new commitment, against one of the story's slides and a unit it shows (both optional). */
function CommitmentForm({
  story,
  units,
  onAdded,
}: {
  story: Story;
  units: UnitNames;
  onAdded: () => void;
}) {
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [slideId, setSlideId] = useState('');
  const [unitId, setUnitId] = useState('');
  const call = useAction();
  const slideUnits = [
    ...new Set(
      story.slides
        .filter((s) => s.state && !s.problem)
        .map((s) => parseSelection(s.state).unit)
        .filter((u): u is string => u !== undefined),
    ),
  ];

  async function add() {
    if (!action.trim() || !owner.trim()) return call.fail('Write the action and its owner.');
    const saved = await call.run(() =>
      api.call('commitmentSave', {
        story: story.id,
        ...(slideId ? { slideId } : {}),
        ...(unitId ? { unitId } : {}),
        action: action.trim(),
        owner: owner.trim(),
        ...(due ? { due } : {}),
        status: 'open',
      }),
    );
    if (saved) {
      setAction('');
      setOwner('');
      setDue('');
      setSlideId('');
      setUnitId('');
      onAdded();
    }
  }

  return (
    <form
      className="workshop-form commitment-form"
      aria-label="Add a commitment"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      data-testid="commitment-form"
    >
      <h3 className="workshop-field__label">Add a commitment</h3>
      <CommitmentFields
        action={action}
        owner={owner}
        due={due}
        onAction={setAction}
        onOwner={setOwner}
        onDue={setDue}
      />
      <div className="workshop-row">
        <label className="workshop-field">
          <span className="workshop-field__label">Slide (optional)</span>
          <select
            className="workshop-input"
            value={slideId}
            onChange={(e) => setSlideId(e.target.value)}
            data-testid="commitment-slide-input"
          >
            <option value="">Whole story</option>
            {story.slides.map((s, i) => (
              <option key={s.id} value={s.id}>
                Slide {i + 1}: {s.title}
              </option>
            ))}
          </select>
        </label>
        {slideUnits.length > 0 && (
          <label className="workshop-field">
            <span className="workshop-field__label">Unit (optional)</span>
            <select
              className="workshop-input"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              data-testid="commitment-unit-input"
            >
              <option value="">No unit</option>
              {slideUnits.map((u) => (
                <option key={u} value={u}>
                  {units.get(u) ?? u}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ActionError error={call.error} testId="commitment-form-error" />
      <div className="workshop__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={call.busy}
          data-testid="commitment-add"
        >
          Add commitment
        </button>
      </div>
    </form>
  );
}
