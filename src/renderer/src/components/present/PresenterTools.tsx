import type { MouseEvent, ReactNode } from 'react';
import { ThemeToggle } from '../ThemeToggle';

function Tool({
  onClick,
  pressed,
  testId,
  title,
  children,
}: {
  onClick: () => void;
  pressed?: boolean;
  testId: string;
  title: string;
  children: ReactNode;
}) {
  // The button lets go of focus after a click, so Space and Enter move the slides again.
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.blur();
    onClick();
  };
  return (
    <button
      type="button"
      className="presenter-tools__button"
      onClick={click}
      aria-pressed={pressed}
      title={title}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** The presenter's few buttons, faint in a corner; each has its key. */
export function PresenterTools({
  controls,
  changed,
  notes,
  masked,
  onControls,
  onRestore,
  onNotes,
  onCommit,
  onMask,
  onFullscreen,
  onLeave,
}: {
  controls: boolean;
  changed: boolean;
  notes: boolean;
  masked: boolean;
  onControls: () => void;
  onRestore: () => void;
  onNotes: () => void;
  onCommit: () => void;
  onMask: () => void;
  onFullscreen: () => void;
  onLeave: () => void;
}) {
  return (
    <nav className="presenter-tools" aria-label="Presenter">
      {changed && (
        <Tool onClick={onRestore} testId="restore-slide" title="Back to the slide as saved (R)">
          Back to the slide
        </Tool>
      )}
      <Tool onClick={onControls} pressed={controls} testId="toggle-controls" title="Pickers (C)">
        Controls
      </Tool>
      <Tool onClick={onNotes} pressed={notes} testId="toggle-notes" title="Speaker note (N)">
        Notes
      </Tool>
      <Tool onClick={onCommit} testId="open-commitment" title="Capture a commitment (A)">
        Commit
      </Tool>
      <Tool onClick={onMask} pressed={masked} testId="toggle-mask" title="Mask names (M)">
        Mask
      </Tool>
      <Tool onClick={onFullscreen} testId="toggle-fullscreen" title="Full screen (F)">
        Full screen
      </Tool>
      <ThemeToggle />
      <Tool onClick={onLeave} testId="leave-presentation" title="Leave the presentation (Esc)">
        Leave
      </Tool>
    </nav>
  );
}
