import { useSyncExternalStore } from 'react';

/**
 * Light and dark themes. The choice sits on <html data-theme="light|dark">, where the CSS
 * variables in styles/app.css take it; it is kept in localStorage once the user picks one, and
 * until then follows the system's prefers-color-scheme (and its changes).
 */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'upstream.theme';

const listeners = new Set<() => void>();

function stored(): Theme | null {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage refused (private mode, file:// policy): follow the system
  }
}

function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** The theme in force: the stored choice, else the system's. */
export function currentTheme(): Theme {
  return stored() ?? systemTheme();
}

/** Puts the theme in force on <html>; call once before the first render. */
export function applyTheme(): void {
  document.documentElement.dataset.theme = currentTheme();
  for (const l of [...listeners]) l();
}

/** Chooses a theme and keeps it. */
export function setTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // not kept across reloads; still applied now
    document.documentElement.dataset.theme = theme;
    for (const l of [...listeners]) l();
    return;
  }
  applyTheme();
}

/** Follows the system's scheme while the user has not chosen; returns the stop function. */
export function followSystemTheme(): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => {
    if (stored() === null) applyTheme();
  };
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const snapshot = (): Theme =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

/**
 * The theme on screen. Canvas and SVG drawings that read colours with getComputedStyle call this
 * so they repaint when it changes.
 */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The nav bar's switch: "Dark", pressed while the dark theme is on. */
export function ThemeToggle() {
  const theme = useTheme();
  return (
    <button
      type="button"
      className="theme-toggle"
      data-testid="theme-toggle"
      aria-pressed={theme === 'dark'}
      aria-label="Dark theme"
      onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
    >
      <span aria-hidden="true" className="theme-toggle__icon">
        ☾
      </span>
      <span className="theme-toggle__label" aria-hidden="true">
        Dark
      </span>
    </button>
  );
}
