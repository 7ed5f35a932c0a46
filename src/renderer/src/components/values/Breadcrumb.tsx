export interface Crumb {
  id: string;
  name: string;
}

/** Company › Region › Area: where the rows come from; each ancestor goes back up. */
export function Breadcrumb({ trail, onGo }: { trail: Crumb[]; onGo: (id: string) => void }) {
  return (
    <nav className="heatmap-breadcrumb" aria-label="Level shown" data-testid="heatmap-breadcrumb">
      <ol>
        {trail.map((c, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={c.id} data-unit={c.id}>
              {last ? (
                <span aria-current="location" className="heatmap-breadcrumb__current">
                  {c.name}
                </span>
              ) : (
                <button
                  type="button"
                  className="heatmap-breadcrumb__link"
                  onClick={() => onGo(c.id)}
                >
                  {c.name}
                </button>
              )}
              {!last && (
                <span className="heatmap-breadcrumb__sep" aria-hidden="true">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
