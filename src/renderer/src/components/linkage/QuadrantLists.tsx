import { memo, useState } from 'react';
import type { LinkageOutput, Quadrant } from '../../../../shared/analytics/linkage';
import { formatCount } from '../../format/formatMetric';
import { select } from '../../state/useSelection';
import { QUADRANT_LAYOUT, QUADRANT_STYLE, quadrantUnitIds } from './linkageModel';
import { QuadrantMark } from './QuadrantMark';

/**
 * The four quadrants as named lists, laid out as they sit on the plot. A quadrant's heading
 * selects its units as the shared set (every other view follows); each name selects that unit.
 * This is also the keyboard's way into the chart: every entry is a button.
 */
/** Names shown per quadrant before "Show more" (the engine lists up to 50, clearest first). */
const SHOWN = 12;

export const QuadrantLists = memo(function QuadrantLists({
  data,
  activeLabel,
  selectedUnit,
}: {
  data: LinkageOutput;
  /** The label of the shared set when it came from a quadrant. */
  activeLabel: string | undefined;
  selectedUnit: string | undefined;
}) {
  const [open, setOpen] = useState<Quadrant | null>(null);
  const pick = (q: Quadrant) => {
    const ids = quadrantUnitIds(data, q);
    const name = QUADRANT_STYLE[q].name;
    if (activeLabel === name) select({ units: undefined });
    else if (ids.length > 0) select({ units: { ids, source: 'quadrant', label: name } });
  };
  return (
    <section className="linkage-quadrants" aria-label="Quadrants">
      {QUADRANT_LAYOUT.map((q) => {
        const style = QUADRANT_STYLE[q];
        const count = data.quadrants.counts[q];
        const all = data.quadrants.units[q];
        const listed = open === q ? all : all.slice(0, SHOWN);
        const active = activeLabel === style.name;
        return (
          <div key={q} className={`linkage-quadrant${active ? ' linkage-quadrant--active' : ''}`}>
            <button
              type="button"
              className="linkage-quadrant__head"
              data-testid={`linkage-quadrant-${q}`}
              data-count={count}
              aria-pressed={active}
              disabled={count === 0}
              title={`${style.description}. Select these ${formatCount(count)} for every view.`}
              aria-label={`${style.name} (${style.description.toLowerCase()}): ${formatCount(count)}. Select them for every view.`}
              onClick={() => pick(q)}
            >
              <QuadrantMark quadrant={q} />
              <span className="linkage-quadrant__name">{style.name}</span>
              <span className="linkage-quadrant__count">{formatCount(count)}</span>
            </button>
            {listed.length > 0 ? (
              <ul className="linkage-quadrant__list" data-testid={`linkage-quadrant-list-${q}`}>
                {listed.map((u) => (
                  <li key={`${u.unitId}|${u.employeePeriod}`}>
                    <button
                      type="button"
                      className="linkage-quadrant__unit"
                      aria-current={u.unitId === selectedUnit ? 'true' : undefined}
                      data-unit={u.unitId}
                      onClick={() => select({ unit: u.unitId })}
                    >
                      {u.name}
                      {data.pooled && (
                        <span className="linkage-quadrant__period"> {u.employeePeriod}</span>
                      )}
                    </button>
                  </li>
                ))}
                {all.length > listed.length && (
                  <li>
                    <button
                      type="button"
                      className="linkage-quadrant__unit linkage-quadrant__more"
                      onClick={() => setOpen(q)}
                    >
                      Show {formatCount(all.length - listed.length)} more
                    </button>
                  </li>
                )}
                {count > all.length && listed.length === all.length && (
                  <li className="linkage-quadrant__more">
                    and {formatCount(count - all.length)} more (the clearest are listed)
                  </li>
                )}
              </ul>
            ) : (
              <p className="linkage-quadrant__none">None</p>
            )}
          </div>
        );
      })}
    </section>
  );
});
