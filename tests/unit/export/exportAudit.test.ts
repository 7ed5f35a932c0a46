import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoryContent } from '../../../src/main/engine/export/content';
import { exportStory } from '../../../src/main/engine/export/exportStory';
import type { ExportProgressEvent } from '../../../src/shared/exportRequest';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';
import { handMadeStory } from './storyFixture';

/**
 * The engine's own rules keep every view of the tiny company safe, so the content here is made
 * by hand: a story whose second slide prints a figure for 3 people of Store C. The audit is the
 * real one, over the real workspace's populations.
 */
const content = vi.hoisted(() => ({ story: null as StoryContent | null }));
vi.mock('../../../src/main/engine/export/buildStoryContent', () => ({
  buildStoryContent: async () => content.story,
  buildViewContent: async () => content.story?.slides[0],
}));

let tiny: TinyWorkspace;
beforeAll(async () => {
  tiny = await tinyWorkspace();
}, 60_000);
afterAll(() => tiny.cleanup());

describe('the disclosure audit before an export', () => {
  it('refuses a story that prints a group under the minimum, before any byte is written', async () => {
    const story = handMadeStory();
    const figure = (slide: number, unitId: string, n: number) => ({
      slide,
      period: '2025-Q2',
      subject: { kind: 'unit' as const, unitId },
      metric: 'engagement_index',
      n,
      value: 50,
    });
    story.slides[0]!.published = [figure(0, 'R2', 20)];
    story.slides[1]!.published = [figure(1, 'T3', 3)];
    content.story = story;
    const events: ExportProgressEvent[] = [];
    const refused = exportStory(tiny.ctx, { story: 'q2-offsite', format: 'pptx' }, (e) =>
      events.push(e),
    );
    const error = (await refused.catch((e: unknown) => e)) as Error & { code: string };
    expect(error.code).toBe('EXPORT_REFUSED');
    expect(error.message).toMatch(
      /^Not exported: together these figures would reveal a group smaller than 5 people\.\n- .*Engaged teams, happier customers.*3 people.*below the minimum of 5\.$/s,
    );
    expect(events.map((e) => e.stage)).toEqual(['content', 'audit']);

    // Without that figure the same story is written.
    story.slides[1]!.published = [];
    const { files } = await exportStory(tiny.ctx, { story: 'q2-offsite', format: 'xlsx' });
    expect(files).toHaveLength(1);
  });
});
