/**
 * Full screen for the projector. A browser may refuse (no user gesture, a headless run, an
 * embedding that forbids it): the presentation goes on in the window.
 */
let leavingOnPurpose = false;

export function enterFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenEnabled || document.fullscreenElement || !root.requestFullscreen) return;
  // Without a click or key just before, the browser refuses (and says so in the console).
  if (navigator.userActivation && !navigator.userActivation.isActive) return;
  root.requestFullscreen().catch(() => undefined);
}

export function exitFullscreen(): void {
  if (!document.fullscreenElement) return;
  leavingOnPurpose = true;
  document.exitFullscreen().catch(() => undefined);
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) exitFullscreen();
  else enterFullscreen();
}

/**
 * Calls `onEscaped` when full screen ends without the presentation asking for it: the browser
 * takes Esc to leave full screen and never passes the key on, so that is the presenter's Esc.
 */
export function watchFullscreenEscape(onEscaped: () => void): () => void {
  // An exit asked for by an earlier presentation may have ended after it stopped listening.
  leavingOnPurpose = false;
  const listener = () => {
    if (document.fullscreenElement) return;
    if (leavingOnPurpose) leavingOnPurpose = false;
    else onEscaped();
  };
  document.addEventListener('fullscreenchange', listener);
  return () => document.removeEventListener('fullscreenchange', listener);
}
