import { useState } from 'react';
import type { Story } from '../../../shared/workshop';
import { ErrorPanel, Loading } from '../components/StatusPanel';
import { CommitmentsPanel } from '../components/workshop/CommitmentsPanel';
import { ExportPanel } from '../components/workshop/ExportPanel';
import { SavedViewsPanel } from '../components/workshop/SavedViewsPanel';
import { StoriesList } from '../components/workshop/StoriesList';
import { StoryEditor } from '../components/workshop/StoryEditor';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useQuery } from '../hooks/useQuery';

/** The story open in the editor stays open across a reload of the window. */
const OPEN_STORY_KEY = 'upstream.openStory';
function rememberedStory(): string | undefined {
  try {
    return window.sessionStorage.getItem(OPEN_STORY_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
function remember(id: string | undefined): void {
  try {
    if (id) window.sessionStorage.setItem(OPEN_STORY_KEY, id);
    else window.sessionStorage.removeItem(OPEN_STORY_KEY);
  } catch {
    // not kept across reloads
  }
}

/**
 * The analyst's workshop: saved views, stories made of them (slides, speaker notes, questions
 * for the room, masking), the room's commitments, and the exports.
 */
export function StoriesView() {
  useDocumentTitle('Stories');
  const views = useQuery('views', {});
  const stories = useQuery('stories', {});
  const hierarchy = useQuery('hierarchy', {});
  const [openId, setOpenId] = useState<string | undefined>(rememberedStory);
  // A new editor (fresh draft) for each story opened and each "New story".
  const [editorKey, setEditorKey] = useState(0);
  const [justSaved, setJustSaved] = useState<Story | undefined>();
  const storyQuery = useQuery('story', openId ? { story: openId } : null);

  const open = (id: string | undefined) => {
    setOpenId(id);
    remember(id);
    setJustSaved(undefined);
    setEditorKey((k) => k + 1);
  };
  const refreshAll = () => {
    views.reload();
    stories.reload();
    storyQuery.reload();
  };

  const fromQuery =
    storyQuery.fresh && storyQuery.data?.id === openId ? storyQuery.data : undefined;
  const story = fromQuery ?? (justSaved?.id === openId ? justSaved : undefined);
  const levels = [
    ...new Map(
      [...(hierarchy.data?.units ?? [])]
        .sort((a, b) => a.depth - b.depth)
        .map((u) => [u.level, u.level]),
    ).keys(),
  ];
  const storyList = stories.data?.stories ?? [];
  const otherNames = storyList.filter((s) => s.id !== openId).map((s) => s.name);

  const failed = views.error ?? stories.error;
  if (failed) {
    return (
      <section className="view" data-testid="stories-view">
        <ErrorPanel title="The stories could not be read" error={failed} onRetry={refreshAll} />
      </section>
    );
  }
  if (!views.data || !stories.data) {
    return (
      <section className="view" data-testid="stories-view">
        <Loading label="Reading saved views and stories…" />
      </section>
    );
  }

  let editor;
  if (openId && storyQuery.error && !story) {
    editor = (
      <ErrorPanel
        title="This story could not be opened"
        error={storyQuery.error}
        onRetry={() => open(undefined)}
      />
    );
  } else if (openId && !story) {
    editor = <Loading label="Opening the story…" />;
  } else {
    editor = (
      <StoryEditor
        key={editorKey}
        story={story}
        views={views.data.views}
        otherNames={otherNames}
        levels={levels}
        onSaved={(saved) => {
          setJustSaved(saved);
          setOpenId(saved.id);
          remember(saved.id);
          stories.reload();
          storyQuery.reload();
        }}
        onDeleted={() => {
          open(undefined);
          stories.reload();
        }}
      />
    );
  }

  return (
    <section className="view workshop" data-testid="stories-view">
      <header className="view-header">
        <div className="view-header__titles">
          <h1 className="view-header__company">Stories</h1>
          <p className="view-header__sub">
            Saved views, stories for the room, and what the room decided
          </p>
        </div>
      </header>
      <div className="workshop__layout">
        <div className="workshop__column">
          <StoriesList
            stories={storyList}
            openId={openId}
            onOpen={(id) => open(id)}
            onNew={() => open(undefined)}
          />
          <SavedViewsPanel views={views.data.views} onChanged={refreshAll} />
        </div>
        <div className="workshop__column workshop__column--wide">
          {editor}
          {story && <CommitmentsPanel key={`commitments-${story.id}`} story={story} />}
          {story && <ExportPanel key={`export-${story.id}`} story={story} />}
        </div>
      </div>
    </section>
  );
}
