import type { MethodOutput } from '../../../../shared/contract';

type StorySummary = MethodOutput<'stories'>['stories'][number];

/** "7 Dec 2026, 21:04" in the reader's locale: when a story last changed. */
export function whenText(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return t.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The workspace's stories; choosing one opens it in the editor. */
export function StoriesList({
  stories,
  openId,
  onOpen,
  onNew,
}: {
  stories: StorySummary[];
  openId: string | undefined;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  return (
    <section className="workshop-panel" aria-labelledby="stories-title" data-testid="stories-list">
      <div className="workshop-panel__head">
        <h2 id="stories-title" className="workshop__title">
          Stories
        </h2>
        <button type="button" className="button" onClick={onNew} data-testid="story-new">
          New story
        </button>
      </div>
      {stories.length === 0 ? (
        <p className="workshop__hint" data-testid="stories-empty">
          No stories yet. Save a few views, then make a story of them.
        </p>
      ) : (
        <ul className="workshop-list">
          {stories.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="story-card"
                aria-current={s.id === openId ? 'true' : undefined}
                onClick={() => onOpen(s.id)}
                data-testid="story-item"
                data-story={s.name}
              >
                <span className="story-card__name">{s.name}</span>
                <span className="story-card__title">{s.title}</span>
                <span className="story-card__meta">
                  {s.slides} {s.slides === 1 ? 'slide' : 'slides'} · updated {whenText(s.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
