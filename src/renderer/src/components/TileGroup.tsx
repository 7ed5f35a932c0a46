import { Fragment, type ReactNode } from 'react';
import { MetricTile, type Tile } from './MetricTile';

/** A titled row of tiles for one side of the story (employees blue, customers orange). */
export function TileGroup({
  title,
  side,
  tiles,
  children,
  aside,
  renderTile,
}: {
  title: string;
  side: 'employee' | 'customer';
  tiles: Tile[];
  /** Shown under the tiles (a note about them). */
  children?: ReactNode;
  /** Shown beside the title, in small print (e.g. respondents and response rate). */
  aside?: ReactNode;
  /** Draws one tile (default: a plain MetricTile). */
  renderTile?: (tile: Tile) => ReactNode;
}) {
  if (tiles.length === 0) return null;
  return (
    <section className={`tile-group tile-group--${side}`} aria-label={title}>
      {aside ? (
        <div className="tile-group__head">
          <h2 className="tile-group__title">{title}</h2>
          {aside}
        </div>
      ) : (
        <h2 className="tile-group__title">{title}</h2>
      )}
      <div
        className="tile-group__tiles"
        style={{ gridTemplateColumns: `repeat(${tiles.length}, minmax(0, 1fr))` }}
      >
        {tiles.map((t) =>
          renderTile ? (
            <Fragment key={t.metric}>{renderTile(t)}</Fragment>
          ) : (
            <MetricTile key={t.metric} tile={t} />
          ),
        )}
      </div>
      {children}
    </section>
  );
}
