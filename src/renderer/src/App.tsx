import { NavBar } from './components/NavBar';
import { useAppLocation } from './state/location';
import { ComingSoonView, TEAMS_TEXT } from './views/ComingSoonView';
import { ImportView } from './views/ImportView';
import { LinkageView } from './views/LinkageView';
import { OverviewView } from './views/OverviewView';
import { ValuesView } from './views/ValuesView';

export function App() {
  const [location, setLocation] = useAppLocation();
  return (
    <div className="app">
      <NavBar location={location} />
      <main className="main" id="main">
        {location.view === 'overview' && (
          <OverviewView location={location} onSelect={setLocation} />
        )}
        {location.view === 'linkage' && <LinkageView />}
        {location.view === 'values' && <ValuesView location={location} onSelect={setLocation} />}
        {location.view === 'teams' && <ComingSoonView title="Teams" what={TEAMS_TEXT} />}
        {location.view === 'import' && <ImportView />}
      </main>
    </div>
  );
}
