import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Selection } from '../../../../shared/selection';
import { parseSelection } from '../../../../shared/selection';
import { CONNECTION_LOST_MESSAGE } from '../../api/transport';
import { useQuery } from '../../hooks/useQuery';
import { select } from '../../state/useSelection';
import { ClosingSlide } from './ClosingSlide';
import { CommitmentForm } from './CommitmentForm';
import {
  enterFullscreen,
  exitFullscreen,
  toggleFullscreen,
  watchFullscreenEscape,
} from './fullscreen';
import { GuessesPanel } from './GuessesPanel';
import { PredictAsk } from './PredictAsk';
import { PresenterTools } from './PresenterTools';
import { usePresenterKeys, type PresenterAction } from './presenterKeys';
import { SlideView } from './SlideView';
import { clampSlide, isSavedState, slideSelection } from './slideState';
import { useMaskedNames } from './useMaskedNames';

function leave(): void {
  exitFullscreen();
  window.location.hash = '#/stories';
}

/**
 * A story on the projector: one slide at a time, each the real, live view in the slide's saved
 * state (the room can change the unit and come back with R), the title large, no navigation,
 * pickers only when asked for, keys for a clicker, a question before the chart where the slide
 * asks one, and the room's commitments on a closing slide.
 */
export function PresentationShell(props: { selection: Selection; lost: boolean }) {
  // Another story starts afresh: its own masking, nothing revealed, no form open.
  return <Presentation key={props.selection.present!.story} {...props} />;
}

function Presentation({ selection, lost }: { selection: Selection; lost: boolean }) {
  const storyRef = selection.present!.story;
  const story = useQuery('story', { story: storyRef });
  const commitments = useQuery('commitments', { story: storyRef });
  const [maskChoice, setMaskChoice] = useState<boolean | null>(null);
  const masked = maskChoice ?? story.data?.masking.enabled ?? false;
  const maskState = useMaskedNames(masked, story.data?.masking);
  const hierarchy = useQuery('hierarchy', {});

  const [blank, setBlank] = useState(false);
  const [controls, setControls] = useState(false);
  const [notes, setNotes] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());

  const data = story.data;
  const index = data ? clampSlide(data, selection.present!.slide) : 0;
  const slide = data?.slides[index];
  const closing = data !== undefined && index === data.slides.length;

  // The slide a slide number in the address last got its saved state for. Keys set the number and
  // the state at once; a number typed into the address, or the Stories tab opening the story on
  // another view, gets the slide's saved state here. Opening on the slide's own view keeps what it
  // shows (a reload keeps what the room changed), and views the room opens from a slide stay.
  const appliedSlide = useRef<number | null>(null);
  const savedView = slide ? parseSelection(slide.state).view : selection.view;
  const onSavedView = savedView === selection.view;
  useEffect(() => {
    if (!data || appliedSlide.current === index) return;
    const first = appliedSlide.current === null;
    appliedSlide.current = index;
    if (!(first && onSavedView)) select(slideSelection(data, index, storyRef), 'tweak');
  }, [data, index, onSavedView, storyRef]);

  /** Puts slide `n` on screen in its saved state. */
  const go = useCallback(
    (n: number) => {
      if (!data) return;
      const target = clampSlide(data, n);
      appliedSlide.current = target;
      select(slideSelection(data, target, storyRef), 'tweak');
      setControls(false);
    },
    [data, storyRef],
  );

  useEffect(() => {
    document.documentElement.classList.add('presenting');
    enterFullscreen();
    const stop = watchFullscreenEscape(leave);
    return () => {
      stop();
      document.documentElement.classList.remove('presenting');
    };
  }, []);

  const asking = slide?.predict != null && !revealed.has(slide.id);
  const next = () => {
    if (slide && asking) setRevealed(new Set(revealed).add(slide.id));
    else go(index + 1);
  };
  const restore = () => data && !closing && go(index);

  const onAction = (action: PresenterAction) => {
    if (committing && action !== 'leave') return;
    const actions: Record<PresenterAction, () => void> = {
      next,
      previous: () => go(index - 1),
      first: () => go(0),
      last: () => go(data?.slides.length ?? 0),
      blank: () => setBlank(true),
      leave,
      fullscreen: toggleFullscreen,
      controls: () => setControls((c) => !c),
      restore,
      notes: () => setNotes((v) => !v),
      commit: () => setCommitting(true),
      mask: () => setMaskChoice(!masked),
    };
    actions[action]();
  };
  usePresenterKeys(onAction, blank, () => setBlank(false));

  const unitNames = useMemo(
    () => new Map((hierarchy.data?.units ?? []).map((u) => [u.id, u.name])),
    [hierarchy.data],
  );
  const changed = data !== undefined && !closing && !isSavedState(data, index, selection);
  const ready = data !== undefined && maskState === 'ready';

  return (
    <div
      className={`presentation${controls ? ' presentation--controls' : ''}`}
      data-testid="presentation"
      data-slide={index}
      data-masked={masked || undefined}
    >
      {lost && (
        <p className="presentation__lost" role="alert">
          {CONNECTION_LOST_MESSAGE}
        </p>
      )}
      {story.error && (
        <p className="presentation__problem" role="alert">
          {story.error.message}
        </p>
      )}
      {maskState === 'failed' && (
        <p className="presentation__problem" role="alert">
          Names cannot be masked: the organisation tree could not be read.
        </p>
      )}
      {ready && (
        <>
          <header className="presentation__top">
            <h1 className="presentation__title" data-testid="slide-title">
              {closing ? data.title : slide!.title}
            </h1>
            <span className="presentation__number" data-testid="slide-number">
              {closing ? 'End' : `${index + 1} / ${data.slides.length}`}
            </span>
          </header>
          <div
            className={`presentation__stage${slide?.predict && !asking ? ' presentation__stage--reveal' : ''}`}
          >
            {closing ? (
              <ClosingSlide
                story={data}
                commitments={commitments.data?.commitments}
                unitNames={unitNames}
              />
            ) : slide!.problem ? (
              <p className="presentation__problem" data-testid="slide-problem">
                {slide!.problem.message}
              </p>
            ) : asking ? (
              <PredictAsk
                story={storyRef}
                slideId={slide!.id}
                predict={slide!.predict!}
                guesses={data.guesses.filter((g) => g.slideId === slide!.id)}
                onGuessed={story.reload}
                onReveal={next}
              />
            ) : (
              <>
                <SlideView view={selection.view} />
                {slide!.predict && (
                  <GuessesPanel
                    predict={slide!.predict}
                    guesses={data.guesses.filter((g) => g.slideId === slide!.id)}
                    saved={parseSelection(slide!.state)}
                  />
                )}
              </>
            )}
          </div>
          {notes && slide?.speakerNote && (
            <footer className="presentation__note" data-testid="speaker-note">
              {slide.speakerNote}
            </footer>
          )}
          {committing && (
            <CommitmentForm
              story={storyRef}
              slideId={slide?.id}
              unitId={closing ? undefined : selection.unit}
              unitName={selection.unit ? unitNames.get(selection.unit) : undefined}
              onSaved={() => {
                setCommitting(false);
                commitments.reload();
              }}
              onClose={() => setCommitting(false)}
            />
          )}
          <PresenterTools
            controls={controls}
            changed={changed}
            notes={notes}
            masked={masked}
            onControls={() => setControls((c) => !c)}
            onRestore={restore}
            onNotes={() => setNotes((v) => !v)}
            onCommit={() => setCommitting(true)}
            onMask={() => setMaskChoice(!masked)}
            onFullscreen={toggleFullscreen}
            onLeave={leave}
          />
        </>
      )}
      {blank && (
        <div
          className="presentation__blank"
          data-testid="blank-screen"
          onClick={() => setBlank(false)}
          aria-label="Blank screen: press any key"
        />
      )}
    </div>
  );
}
