/** Saved views, stories and the room's commitments (being built: issue 13). */
export function StoriesView() {
  return (
    <section className="view" data-testid="stories-view">
      <h1>Stories</h1>
    </section>
  );
}
