/**
 * A view whose analytics are not built yet: says so in one sentence, and shows nothing made up.
 */
export function ComingSoonView({ title, what }: { title: string; what: string }) {
  return (
    <div className="view view--soon">
      <div className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company">{title}</h1>
        </div>
      </div>
      <div className="soon" data-testid="coming-soon">
        <p className="soon__badge">Arrives with the analytics</p>
        <p className="soon__what">{what}</p>
      </div>
    </div>
  );
}

export const TEAMS_TEXT =
  "Teams will show a drill-down from company to team: each unit's engagement, eNPS, customer NPS and CSAT across periods, its values profile and its strongest and weakest items.";
