import { NavBar } from './components/NavBar';
import { useAppLocation } from './state/location';
import { ImportView } from './views/ImportView';
import { LinkageView } from './views/LinkageView';
import { OverviewView } from './views/OverviewView';
import { TeamsView } from './views/TeamsView';
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
        {location.view === 'teams' && <TeamsView location={location} onSelect={setLocation} />}
        {location.view === 'import' && <ImportView />}
      </main>
    </div>
  );
}
