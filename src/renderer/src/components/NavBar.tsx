import { formatSelection, type Selection, type ViewId } from '../../../shared/selection';
import { LogoMark } from './Icons';
import { ThemeToggle } from './ThemeToggle';
import { DownloadViewMenu } from './workshop/DownloadViewMenu';
import { SaveViewButton } from './workshop/SaveViewButton';

// The room's views first; Import, the analyst's tool, sits apart at the right of the bar.
const ITEMS: { id: ViewId; label: string; tool?: boolean }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'linkage', label: 'Linkage' },
  { id: 'values', label: 'Values' },
  { id: 'drivers', label: 'Drivers' },
  { id: 'teams', label: 'Teams' },
  { id: 'stories', label: 'Stories', tool: true },
  { id: 'import', label: 'Import', tool: true },
];

/** The top bar: product mark and one large tab per view; links keep the whole selection. */
export function NavBar({ selection }: { selection: Selection }) {
  return (
    <header className="topbar">
      <div className="brand">
        <LogoMark className="brand__mark" />
        <span className="brand__name">Upstream</span>
      </div>
      <nav className="tabs" aria-label="Views">
        {ITEMS.map((item) => (
          <a
            key={item.id}
            className={`tabs__link${item.tool ? ' tabs__link--tool' : ''}`}
            href={formatSelection({ ...selection, view: item.id })}
            aria-current={selection.view === item.id ? 'page' : undefined}
            data-testid={`nav-${item.id}`}
          >
            {item.label}
          </a>
        ))}
      </nav>
      <SaveViewButton selection={selection} />
      <DownloadViewMenu selection={selection} />
      <ThemeToggle />
    </header>
  );
}
