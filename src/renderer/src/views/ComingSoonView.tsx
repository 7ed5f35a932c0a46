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

export const LINKAGE_TEXT =
  'Linkage will show how closely team engagement tracks customer NPS and CSAT across units: the correlation with its 95% interval and number of units, lags in both directions, and the bright-spot teams worth studying.';
export const VALUES_TEXT =
  'Values will show a heatmap of units against the company values, as % favourable or the gap to the company, parent or last period, with suppressed cells marked.';
export const TEAMS_TEXT =
  "Teams will show a drill-down from company to team: each unit's engagement, eNPS, customer NPS and CSAT across periods, its values profile and its strongest and weakest items.";
