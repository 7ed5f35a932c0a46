import { useState } from 'react';
import type { Story } from '../../../../shared/workshop';
import {
  EXPORT_FORMAT_LABELS,
  exportStory,
  STORY_EXPORT_FORMATS,
  type StoryExportFormat,
} from '../../api/exportFiles';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'preparing'; format: StoryExportFormat; step: string }
  | { phase: 'done'; format: StoryExportFormat; name: string; cancelled: boolean; hid: boolean }
  | {
      phase: 'failed';
      format: StoryExportFormat;
      message: string;
      /** The disclosure audit refused it; the user may consent to hiding the flagged figures. */
      hideable: boolean;
    };

/** Exports the saved story to PowerPoint, PDF, Excel or PNG, names masked when asked. */
export function ExportPanel({ story }: { story: Story }) {
  const [masked, setMasked] = useState(story.masking.enabled);
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const busy = state.phase === 'preparing';

  async function run(format: StoryExportFormat, hideFlagged = false) {
    setState({ phase: 'preparing', format, step: '' });
    const result = await exportStory(story.name, format, { masked, hideFlagged }, (event) =>
      setState((now) => (now.phase === 'preparing' ? { ...now, step: event.message } : now)),
    );
    setState(
      result.ok
        ? {
            phase: 'done',
            format,
            name: result.value.name,
            cancelled: result.value.cancelled,
            hid: hideFlagged,
          }
        : {
            phase: 'failed',
            format,
            message: result.error.message,
            hideable: result.error.code === 'EXPORT_REFUSED' && !hideFlagged,
          },
    );
  }

  return (
    <section className="workshop-panel" aria-labelledby="export-title" data-testid="story-export">
      <h2 id="export-title" className="workshop__title">
        Export
      </h2>
      <label className="workshop-check">
        <input
          type="checkbox"
          checked={masked}
          onChange={(e) => setMasked(e.target.checked)}
          data-testid="export-masked"
        />
        Masked names
      </label>
      <div className="workshop__actions" role="group" aria-label="Export the story as">
        {STORY_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(format)}
            data-testid={`export-${format}`}
          >
            {EXPORT_FORMAT_LABELS[format]}
          </button>
        ))}
      </div>
      <p className="workshop__status" role="status" aria-live="polite" data-testid="export-status">
        {state.phase === 'preparing' && (
          <>
            <span className="spinner spinner--small" aria-hidden="true" /> Preparing{' '}
            {EXPORT_FORMAT_LABELS[state.format]}…{state.step && ` ${state.step}`}
          </>
        )}
        {state.phase === 'done' &&
          (state.cancelled
            ? `${EXPORT_FORMAT_LABELS[state.format]} not saved.`
            : `${EXPORT_FORMAT_LABELS[state.format]} saved: ${state.name}${state.hid ? ' (flagged figures hidden; the slide footnotes say which)' : ''}`)}
      </p>
      {state.phase === 'failed' && (
        <p className="workshop__error" role="alert" data-testid="export-error">
          {EXPORT_FORMAT_LABELS[state.format]} export failed: {state.message}
        </p>
      )}
      {state.phase === 'failed' && state.hideable && (
        <div className="workshop__actions">
          <button
            type="button"
            className="button"
            onClick={() => void run(state.format, true)}
            data-testid="export-hide-flagged"
          >
            Hide these figures and export
          </button>
        </div>
      )}
    </section>
  );
}
