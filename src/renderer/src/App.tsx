import { NavBar } from './components/NavBar';
import { useAppLocation } from './state/location';
import { ComingSoonView, LINKAGE_TEXT, TEAMS_TEXT, VALUES_TEXT } from './views/ComingSoonView';
import { ImportView } from './views/ImportView';
import { OverviewView } from './views/OverviewView';

export function App() {
  const [location, setLocation] = useAppLocation();
  return (
    <div className="app">
      <NavBar location={location} />
      <main className="main" id="main">
        {location.view === 'overview' && (
          <OverviewView location={location} onSelect={setLocation} />
        )}
        {location.view === 'linkage' && <ComingSoonView title="Linkage" what={LINKAGE_TEXT} />}
        {location.view === 'values' && <ComingSoonView title="Values" what={VALUES_TEXT} />}
        {location.view === 'teams' && <ComingSoonView title="Teams" what={TEAMS_TEXT} />}
        {location.view === 'import' && <ImportView />}
      </main>
    </div>
  );
}
