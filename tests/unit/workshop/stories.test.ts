import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import { contract, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

let tiny: TinyWorkspace;
beforeEach(async () => {
  tiny = await tinyWorkspace();
});
afterEach(() => tiny.cleanup());

async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input, tiny.ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return contract[method].output.parse(result.value) as MethodOutput<M>;
}
async function failure(method: MethodName, input: unknown) {
  const result = await dispatch(method, input, tiny.ctx);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

async function someUnit(): Promise<string> {
  const h = await call('hierarchy', {});
  return h.units.find((u) => u.depth === 1)!.id;
}

describe('saved views and stories', () => {
  it('keeps views, a story of them in order, and reopens them from the workspace file', async () => {
    const unit = await someUnit();
    const link = await call('viewSave', {
      title: 'The link',
      state: '#/linkage?lag=1',
      note: 'n1',
    });
    const values = await call('viewSave', { title: 'Values', state: `#/values?unit=${unit}` });
    const story = await call('storySave', {
      name: 'Offsite',
      title: 'Thursday off-site',
      slides: [
        { viewId: values.id, speakerNote: 'Start here' },
        {
          viewId: link.id,
          predict: { kind: 'number', question: 'How strong is the link?', unit: 'r' },
        },
      ],
    });
    expect(story.slides.map((s) => s.title)).toEqual(['Values', 'The link']);
    expect(story.slides[0]!.speakerNote).toBe('Start here');
    expect(story.slides[1]!.predict).toEqual({
      kind: 'number',
      question: 'How strong is the link?',
      unit: 'r',
    });
    expect(story.slides.every((s) => s.problem === null)).toBe(true);

    // Reopen the file: everything is still there.
    const path = tiny.ws.path;
    tiny.ws.close();
    const { openWorkspace } = await import('../../../src/main/engine/workspace/workspace');
    tiny.ctx.ws = tiny.ws = await openWorkspace(path);
    const again = await call('story', { story: 'Offsite' });
    expect(again.slides.map((s) => [s.title, s.state])).toEqual([
      ['Values', `#/values?unit=${unit}`],
      ['The link', '#/linkage?lag=1'],
    ]);
    expect((await call('stories', {})).stories).toEqual([
      expect.objectContaining({ name: 'Offsite', title: 'Thursday off-site', slides: 2 }),
    ]);
  });

  it('says which slide lost its unit after the organisation changed, instead of failing', async () => {
    const view = await call('viewSave', { title: 'Gone', state: '#/teams?unit=NO-SUCH-UNIT' });
    const story = await call('storySave', {
      name: 's',
      title: 's',
      slides: [{ viewId: view.id }],
    });
    expect(story.slides[0]!.problem).toEqual({
      code: 'UNIT_MISSING',
      message: expect.stringContaining('NO-SUCH-UNIT'),
    });
    await call('viewDelete', { id: view.id });
    const after = await call('story', { story: 's' });
    expect(after.slides[0]!.problem?.code).toBe('VIEW_MISSING');
  });

  it('refuses slides naming views the workspace does not have, and changes nothing', async () => {
    const error = await failure('storySave', {
      name: 'x',
      title: 'x',
      slides: [{ viewId: 'nope' }],
    });
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: 'Slides name saved views this workspace does not have: nope.',
    });
    expect((await call('stories', {})).stories).toEqual([]);
  });

  it('keeps one guess per person per slide, drops guesses of removed slides', async () => {
    const a = await call('viewSave', { title: 'A', state: '#/overview' });
    const b = await call('viewSave', { title: 'B', state: '#/drivers' });
    const story = await call('storySave', {
      name: 'g',
      title: 'g',
      slides: [
        { viewId: a.id, predict: { kind: 'choice', question: 'Which?', options: ['x', 'y'] } },
        { viewId: b.id },
      ],
    });
    const [first, second] = story.slides;
    await call('guessAdd', { story: 'g', slideId: first!.id, person: 'Ana', guess: 'x' });
    await call('guessAdd', { story: 'g', slideId: first!.id, person: 'Ana', guess: 'y' });
    await call('guessAdd', { story: 'g', slideId: first!.id, person: 'Bo', guess: 'x' });
    expect((await call('story', { story: 'g' })).guesses.map((g) => [g.person, g.guess])).toEqual([
      ['Ana', 'y'],
      ['Bo', 'x'],
    ]);
    await call('storySave', {
      id: story.id,
      name: 'g',
      title: 'g',
      slides: [{ id: second!.id, viewId: b.id }],
    });
    expect((await call('story', { story: 'g' })).guesses).toEqual([]);
    const missing = await failure('guessAdd', {
      story: 'g',
      slideId: first!.id,
      person: 'C',
      guess: '1',
    });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('records commitments against a slide or a unit, edits them, and keeps them when the story goes', async () => {
    const unit = await someUnit();
    const v = await call('viewSave', { title: 'A', state: '#/overview' });
    const story = await call('storySave', { name: 'c', title: 'c', slides: [{ viewId: v.id }] });
    const made = await call('commitmentSave', {
      story: 'c',
      slideId: story.slides[0]!.id,
      unitId: unit,
      action: 'Run listening sessions',
      owner: 'COO',
      due: '2027-03-31',
    });
    expect(made).toMatchObject({
      storyId: story.id,
      unitId: unit,
      status: 'open',
      due: '2027-03-31',
    });
    const edited = await call('commitmentSave', {
      id: made.id,
      story: 'c',
      unitId: unit,
      action: 'Run listening sessions in every region',
      owner: 'COO',
      status: 'done',
    });
    expect(edited).toMatchObject({ id: made.id, status: 'done', createdAt: made.createdAt });
    expect((await call('commitments', { story: 'c' })).commitments).toHaveLength(1);
    expect(
      (await failure('commitmentSave', { action: 'a', owner: 'b', due: '2027-02-30' })).code,
    ).toBe('INVALID_ARGUMENTS');
    await call('storyDelete', { story: 'c' });
    const [kept] = (await call('commitments', {})).commitments;
    expect(kept).toMatchObject({ id: made.id, storyId: null, slideId: null, unitId: unit });
  });

  it('says in words that a read-only workspace cannot keep a story, and keeps it as it was', async () => {
    const path = tiny.ws.path;
    tiny.ws.close();
    const { openWorkspace } = await import('../../../src/main/engine/workspace/workspace');
    tiny.ctx.ws = tiny.ws = await openWorkspace(path, { readOnly: true });
    const error = await failure('viewSave', { title: 'x', state: '#/overview' });
    expect(error).toEqual({
      code: 'WORKSPACE_ERROR',
      message:
        'This workspace is open read-only (another window or program has it, or the file cannot be written), so stories, views and commitments cannot be saved. Close the other window, or copy the workspace somewhere writable.',
    });
    expect((await call('views', {})).views).toEqual([]);
  });
});
