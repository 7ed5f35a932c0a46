import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, followSystemTheme } from './components/ThemeToggle';
// Bundled, so the room sees the same type on every laptop, offline.
import '@fontsource-variable/inter';
import './styles/app.css';

// `upstream serve` opens the page with ?token=...; the server has set its cookie by the time this
// runs, so take the token out of the address bar (it should not sit on a projected screen).
if (new URLSearchParams(window.location.search).has('token')) {
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.hash,
  );
}

// The theme before the first paint (the stored choice, else the system's), and the system's
// changes while none is stored.
applyTheme();
followSystemTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
