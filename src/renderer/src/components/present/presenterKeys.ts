import { useEffect, useRef } from 'react';

export type PresenterAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'blank'
  | 'leave'
  | 'fullscreen'
  | 'controls'
  | 'restore'
  | 'notes'
  | 'commit'
  | 'mask';

/** Clickers send PageUp/PageDown (some send B or '.' for a black screen). */
const KEYS: Record<string, PresenterAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Enter: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  b: 'blank',
  '.': 'blank',
  Escape: 'leave',
  f: 'fullscreen',
  c: 'controls',
  r: 'restore',
  n: 'notes',
  a: 'commit',
  m: 'mask',
};

/** Keys typed into a field (a name, a guess, a picker) belong to the field. */
function typedIntoField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function presenterAction(event: KeyboardEvent): PresenterAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (typedIntoField(event.target)) return null;
  const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? null;
  // Space and Enter on a focused button press the button.
  const onButton = event.target instanceof HTMLElement && event.target.closest('button, a');
  if ((event.key === ' ' || event.key === 'Enter') && onButton) return null;
  return action;
}

/**
 * The presenter's keys, listened for on the window so they work wherever focus is (after a click
 * in a chart too). While `swallowAll` is set (the screen is blanked), any key calls `onAny`.
 */
export function usePresenterKeys(
  onAction: (action: PresenterAction) => void,
  swallowAll: boolean,
  onAny: () => void,
): void {
  const latest = useRef({ onAction, swallowAll, onAny });
  useEffect(() => {
    latest.current = { onAction, swallowAll, onAny };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      const { onAction: act, swallowAll: blanked, onAny: any } = latest.current;
      if (blanked) {
        if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
        event.preventDefault();
        any();
        return;
      }
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
