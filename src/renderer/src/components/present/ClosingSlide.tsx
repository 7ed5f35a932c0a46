import type { Commitment, Story } from '../../../../shared/workshop';

/** After the last slide: what the room committed to, with owners and dates. */
export function ClosingSlide({
  story,
  commitments,
  unitNames,
}: {
  story: Story;
  commitments: readonly Commitment[] | undefined;
  unitNames: ReadonlyMap<string, string>;
}) {
  const slideTitle = (id: string | null) => story.slides.find((s) => s.id === id)?.title;
  return (
    <section className="closing" data-testid="closing-slide">
      <h2 className="closing__title">What we committed to</h2>
      {commitments === undefined ? (
        <p className="closing__empty">Loading the commitments…</p>
      ) : commitments.length === 0 ? (
        <p className="closing__empty">
          No commitments yet: press A (or “Commit”) on any slide to add one.
        </p>
      ) : (
        <ol className="closing__list" data-testid="closing-list">
          {commitments.map((c) => (
            <li key={c.id} className="closing__item" data-testid="closing-item">
              <span className="closing__action">{c.action}</span>
              <span className="closing__meta">
                {[
                  c.owner,
                  c.due ? `by ${c.due}` : null,
                  c.unitId ? (unitNames.get(c.unitId) ?? null) : null,
                  slideTitle(c.slideId),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
