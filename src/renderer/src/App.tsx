import { NavBar } from './components/NavBar';
import { useSelection } from './state/useSelection';
import { DriversView } from './views/DriversView';
import { ImportView } from './views/ImportView';
import { LinkageView } from './views/LinkageView';
import { OverviewView } from './views/OverviewView';
import { TeamsView } from './views/TeamsView';
import { ValuesView } from './views/ValuesView';

export function App() {
  const [selection] = useSelection();
  return (
    <div className="app">
      <NavBar selection={selection} />
      <main className="main" id="main">
        {selection.view === 'overview' && <OverviewView />}
        {selection.view === 'linkage' && <LinkageView />}
        {selection.view === 'values' && <ValuesView />}
        {selection.view === 'drivers' && <DriversView />}
        {selection.view === 'teams' && <TeamsView />}
        {selection.view === 'import' && <ImportView />}
      </main>
    </div>
  );
}
