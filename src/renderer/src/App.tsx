import { useEffect, useSyncExternalStore } from 'react';
import { connection, CONNECTION_LOST_MESSAGE, watchConnection } from './api/transport';
import { NavBar } from './components/NavBar';
import { SelectionBar } from './components/SelectionBar';
import { WarningIcon } from './components/Icons';
import { useSelection } from './state/useSelection';
import { DriversView } from './views/DriversView';
import { ImportView } from './views/ImportView';
import { LinkageView } from './views/LinkageView';
import { OverviewView } from './views/OverviewView';
import { TeamsView } from './views/TeamsView';
import { ValuesView } from './views/ValuesView';
import { StoriesView } from './views/StoriesView';
import { PresentationShell } from './components/present/PresentationShell';

/** While the loopback server does not answer: one banner, and the last figures greyed below it. */
function ConnectionBanner({ lost }: { lost: boolean }) {
  if (!lost) return null;
  return (
    <div className="connection-lost" role="alert" data-testid="connection-lost">
      <WarningIcon className="connection-lost__icon" />
      <span>{CONNECTION_LOST_MESSAGE}</span>
      <span className="spinner spinner--small" aria-hidden="true" />
    </div>
  );
}

export function App() {
  const [selection] = useSelection();
  const lost = useSyncExternalStore(connection.subscribe, connection.state) === 'lost';
  // Only the loopback server can stop answering; the desktop app's engine is its own process.
  useEffect(() => (window.upstream ? undefined : watchConnection()), []);
  if (selection.present) return <PresentationShell selection={selection} lost={lost} />;
  return (
    <div className={`app${lost ? ' app--offline' : ''}`}>
      <NavBar selection={selection} />
      <ConnectionBanner lost={lost} />
      <SelectionBar />
      <main className="main" id="main" aria-busy={lost || undefined}>
        {selection.view === 'overview' && <OverviewView />}
        {selection.view === 'linkage' && <LinkageView />}
        {selection.view === 'values' && <ValuesView />}
        {selection.view === 'drivers' && <DriversView />}
        {selection.view === 'teams' && <TeamsView />}
        {selection.view === 'import' && <ImportView />}
        {selection.view === 'stories' && <StoriesView />}
      </main>
    </div>
  );
}
