import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatSelection, type Selection } from '../../../../shared/selection';
import { requestExport } from '../../api/exportFiles';
import { SAVABLE_VIEWS } from './viewNames';

type ViewFormat = 'png' | 'xlsx' | 'csv';
type PngSize = '1920x1080' | '3840x2160';

interface DownloadChoice {
  id: string;
  label: string;
  format: ViewFormat;
  size?: PngSize;
}

export const DOWNLOAD_CHOICES: readonly DownloadChoice[] = [
  { id: 'png-1920x1080', label: 'Picture (PNG, full HD)', format: 'png', size: '1920x1080' },
  { id: 'png-3840x2160', label: 'Picture (PNG, 4K)', format: 'png', size: '3840x2160' },
  { id: 'xlsx', label: 'Table (Excel)', format: 'xlsx' },
  { id: 'csv', label: 'Table (CSV)', format: 'csv' },
];

type DownloadState =
  | { phase: 'idle' }
  | { phase: 'preparing'; choice: DownloadChoice; step: string }
  | { phase: 'done'; choice: DownloadChoice; name: string; cancelled: boolean; hid: boolean }
  | {
      phase: 'failed';
      choice: DownloadChoice;
      message: string;
      /** The disclosure audit refused: the user may consent to hiding the figures it names. */
      hideable: boolean;
    };

/**
 * "Download" on every view the room looks at: the view as it is on screen (its whole selection,
 * without presentation) as a picture at full HD or 4K, or the tables behind it as Excel or CSV,
 * names masked when asked. The engine builds and audits the file; progress, the saved file's
 * name or the reason it failed show in the open menu.
 */
export function DownloadViewMenu({ selection }: { selection: Selection }) {
  const [open, setOpen] = useState(false);
  const [masked, setMasked] = useState(false);
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const busy = state.phase === 'preparing';

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !opener.current?.contains(target)) setOpen(false);
    };
    // Esc closes wherever focus is (the page itself, after a click elsewhere in the menu).
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      opener.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!SAVABLE_VIEWS.includes(selection.view)) return null;

  async function download(choice: DownloadChoice, hideFlagged = false) {
    setState({ phase: 'preparing', choice, step: '' });
    const state = formatSelection({ ...selection, present: undefined });
    const result = await requestExport(
      {
        state,
        format: choice.format,
        masked,
        hideFlagged,
        ...(choice.size ? { size: choice.size } : {}),
      },
      (event) =>
        setState((now) => (now.phase === 'preparing' ? { ...now, step: event.message } : now)),
    );
    // Closed while the file was made: a failure opens it again, so the reason is seen.
    if (!result.ok) setOpen(true);
    setState(
      result.ok
        ? {
            phase: 'done',
            choice,
            name: result.value.name,
            cancelled: result.value.cancelled,
            hid: hideFlagged,
          }
        : {
            phase: 'failed',
            choice,
            message: result.error.message,
            hideable: result.error.code === 'EXPORT_REFUSED' && !hideFlagged,
          },
    );
  }

  /** The arrow keys move between the menu's controls. */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const controls = [
      ...(panel.current?.querySelectorAll<HTMLElement>('button, input') ?? []),
    ].filter((el) => !(el as HTMLInputElement).disabled);
    const at = controls.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    controls[(at + step + controls.length) % controls.length]?.focus();
    event.preventDefault();
  }

  return (
    <div className="download-view">
      <button
        ref={opener}
        type="button"
        className="save-view__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          // Opened afresh, the menu forgets the last file (it may be of another view).
          if (!open && !busy) setState({ phase: 'idle' });
          setOpen(!open);
        }}
        data-testid="download-view"
      >
        Download
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          className="download-view__panel"
          role="group"
          aria-label="Download this view"
          onKeyDown={onKeyDown}
          data-testid="download-view-menu"
        >
          <ul className="download-view__list">
            {DOWNLOAD_CHOICES.map((choice) => (
              <li key={choice.id}>
                <button
                  type="button"
                  className="download-view__item"
                  // Not disabled while busy: the focused choice keeps focus for the keyboard.
                  aria-disabled={busy}
                  onClick={() => {
                    if (!busy) void download(choice);
                  }}
                  data-testid={`download-view-${choice.id}`}
                >
                  {choice.label}
                </button>
              </li>
            ))}
          </ul>
          <label className="workshop-check download-view__masked">
            <input
              type="checkbox"
              checked={masked}
              disabled={busy}
              onChange={(e) => setMasked(e.target.checked)}
              data-testid="download-view-masked"
            />
            Masked names
          </label>
          <p
            className="download-view__status"
            role="status"
            aria-live="polite"
            data-testid="download-view-status"
          >
            {state.phase === 'preparing' && (
              <>
                <span className="spinner spinner--small" aria-hidden="true" /> Preparing…
                {state.step && ` ${state.step}`}
              </>
            )}
            {state.phase === 'done' &&
              (state.cancelled
                ? 'Not saved.'
                : `Saved: ${state.name}${state.hid ? ' (the flagged figures hidden)' : ''}`)}
          </p>
          {state.phase === 'failed' && (
            <p className="workshop__error" role="alert" data-testid="download-view-error">
              {state.choice.label} failed: {state.message}
            </p>
          )}
          {state.phase === 'failed' && state.hideable && (
            <button
              type="button"
              className="download-view__item"
              onClick={() => void download(state.choice, true)}
              data-testid="download-view-hide-flagged"
            >
              Hide these figures and download
            </button>
          )}
        </div>
      )}
    </div>
  );
}
