import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STORY_NAME } from '../../../src/main/engine/sample/sampleStory';
import { parseSelection } from '../../../src/shared/selection';
import type { MethodOutput } from '../../../src/shared/contract';
import type { Story } from '../../../src/shared/workshop';
import { buildStoryContent } from '../../../src/main/engine/export/buildStoryContent';
import { openSampleCompany, type SampleCompany } from '../../helpers/sampleCompany';

let sample: SampleCompany;
let story: Story;
beforeAll(async () => {
  sample = await openSampleCompany();
  const result = await sample.engine.call('story', { story: SAMPLE_STORY_NAME });
  if (!result.ok) throw new Error(result.error.message);
  story = result.value as Story;
});
afterAll(() => sample?.close());

describe('the story the sample company comes with', () => {
  it('has six slides that all draw, one of them asking the room first', () => {
    expect(story.slides).toHaveLength(6);
    expect(story.slides.filter((s) => s.problem !== null)).toEqual([]);
    expect(story.slides.filter((s) => s.predict !== null).map((s) => s.predict!.kind)).toEqual([
      'number',
    ]);
    expect(story.slides.map((s) => parseSelection(s.state).view)).toEqual([
      'overview',
      'linkage',
      'linkage',
      'values',
      'teams',
      'drivers',
    ]);
  });

  it('finds the planted weak value in its region, and a bright-spot team, from the data', async () => {
    const weak = story.slides[3]!;
    expect(parseSelection(weak.state).unit).toBe(sample.truth.weakValue.regionId);
    expect(weak.title).toBe(`${sample.truth.weakValue.value}: the weakest region`);
    const bright = parseSelection(story.slides[4]!.state).unit!;
    const link = await sample.engine.call('linkage', { lag: 1 });
    if (!link.ok) throw new Error(link.error.message);
    const quadrants = (link.value as MethodOutput<'linkage'>).points
      .filter((p) => p.unitId === bright)
      .map((p) => p.quadrant);
    expect(quadrants).toContain('bright_spot');
  });

  it('is listed by the stories method', async () => {
    const list = await sample.engine.call('stories', {});
    expect(
      list.ok && (list.value as MethodOutput<'stories'>).stories.map((s) => [s.name, s.slides]),
    ).toEqual([[SAMPLE_STORY_NAME, 6]]);
  });

  it('can be exported masked: none of its own words names a unit or a leader', async () => {
    const content = await buildStoryContent(sample.ctx, { story: SAMPLE_STORY_NAME, masked: true });
    const hierarchy = await sample.engine.call('hierarchy', {});
    if (!hierarchy.ok) throw new Error(hierarchy.error.message);
    const text = JSON.stringify(content);
    const { units } = hierarchy.value as MethodOutput<'hierarchy'>;
    const named = units
      .flatMap((u) => [u.name, u.leader])
      .filter((name): name is string => !!name && new RegExp(`\\b${name}\\b`).test(text));
    expect(named).toEqual([]);
    expect(content.slides).toHaveLength(6);
  });
});
