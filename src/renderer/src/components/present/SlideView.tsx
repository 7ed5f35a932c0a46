import type { ViewId } from '../../../../shared/selection';
import { DriversView } from '../../views/DriversView';
import { LinkageView } from '../../views/LinkageView';
import { OverviewView } from '../../views/OverviewView';
import { TeamsView } from '../../views/TeamsView';
import { ValuesView } from '../../views/ValuesView';

/** The real, live view of a slide: it reads the selection from the address like in the app. */
export function SlideView({ view }: { view: ViewId }) {
  return (
    <main className="main presentation__view" id="main" data-testid="slide-view" data-view={view}>
      {view === 'overview' && <OverviewView />}
      {view === 'linkage' && <LinkageView />}
      {view === 'values' && <ValuesView />}
      {view === 'drivers' && <DriversView />}
      {view === 'teams' && <TeamsView />}
      {(view === 'import' || view === 'stories') && (
        <p className="presentation__problem">This slide shows a tab that cannot be presented.</p>
      )}
    </main>
  );
}
