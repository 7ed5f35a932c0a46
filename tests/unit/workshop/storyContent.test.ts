import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import {
  buildStoryContent,
  buildViewContent,
} from '../../../src/main/engine/export/buildStoryContent';
import type { StoryContent } from '../../../src/main/engine/export/content';
import { contract, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import { UpstreamError } from '../../../src/shared/result';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

let tiny: TinyWorkspace;
beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input, tiny.ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return contract[method].output.parse(result.value) as MethodOutput<M>;
}

async function story(
  name: string,
  slides: { title: string; state: string; note?: string; speakerNote?: string }[],
  masking = { enabled: false, levelWords: {} as Record<string, string> },
) {
  const ids: string[] = [];
  for (const s of slides) {
    const view = await call('viewSave', { title: s.title, state: s.state, note: s.note ?? '' });
    ids.push(view.id);
  }
  return call('storySave', {
    name,
    title: `${name} for the off-site`,
    masking,
    slides: ids.map((viewId, i) => ({ viewId, speakerNote: slides[i]!.speakerNote ?? '' })),
  });
}

/** The quarter a view opens on without one: the latest with data of the kind it needs. */
async function latestPeriod(needs: 'survey' | 'any'): Promise<string> {
  const { periods } = await call('info', {});
  return periods
    .filter((p) => p.surveyResponses > 0 || (needs === 'any' && p.customerResponses > 0))
    .map((p) => p.id)
    .sort()
    .at(-1)!;
}

/** Every unit and leader name the workspace has held, in any quarter's tree. */
async function everyRealName(): Promise<string[]> {
  const { periods } = await call('info', {});
  const names = new Set<string>();
  for (const p of periods) {
    for (const u of (await call('hierarchy', { period: p.id })).units) {
      names.add(u.name);
      if (u.leader) names.add(u.leader);
    }
  }
  return [...names];
}

const wholeWord = (name: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'iu',
  );

/** Every string in the content except the saved states and ids, which exports never print. */
function printedText(content: unknown): string {
  return JSON.stringify(content, (key, value: unknown) =>
    key === 'state' || key === 'id' || key === 'ids' || /[a-z](Id|Ids)$/.test(key)
      ? undefined
      : value,
  );
}

describe('story content from the engine', () => {
  let content: StoryContent;
  let period: string;
  let surveyPeriod: string;
  beforeAll(async () => {
    period = await latestPeriod('any');
    surveyPeriod = await latestPeriod('survey');
    await story('Every view', [
      { title: 'Company', state: '#/overview' },
      { title: 'Two stores', state: '#/overview?units=T1.T4&from=list&label=Two%20stores' },
      { title: 'The link', state: '#/linkage?lag=0' },
      { title: 'Values', state: '#/values?mode=vs_company' },
      { title: 'Drivers', state: '#/drivers' },
      { title: 'A team', state: '#/teams?unit=T1' },
      { title: 'Gone', state: '#/teams?unit=T9' },
    ]);
    content = await buildStoryContent(tiny.ctx, { story: 'Every view' });
  });

  it('has one slide per saved view, in order, with titles, subtitles and the footnote', () => {
    expect(content.masked).toBe(false);
    expect(content.minGroupSize).toBe(5);
    expect(content.slides.map((s) => [s.title, s.view])).toEqual([
      ['Company', 'overview'],
      ['Two stores', 'overview'],
      ['The link', 'linkage'],
      ['Values', 'values'],
      ['Drivers', 'drivers'],
      ['A team', 'teams'],
      ['Gone', 'teams'],
    ]);
    expect(content.slides[0]!.subtitle).toBe(`Overview · Whole company · ${period}`);
    expect(content.slides[5]!.subtitle).toBe(`Teams · Store A · ${surveyPeriod}`);
    for (const s of content.slides)
      expect(s.footnote).toContain(
        'Confidentiality: employee figures are shown only for groups of at least 5 people',
      );
    expect(content.slides[0]!.footnote).toContain(`Period: ${period}.`);
    expect(content.slides[0]!.footnote).toContain('Engagement index: Each respondent');
  });

  it('overview slides carry the engine’s tiles and trend for the unit or set', async () => {
    const company = await call('overview', { period });
    const slide = content.slides[0]!;
    const tile = (m: string) => company.tiles.find((t) => t.metric === m)!;
    const figure = (label: string) => slide.keyFigures.find((k) => k.label === label)!;
    expect(figure('Engagement index').raw).toBe(tile('engagement_index').value);
    expect(figure('Engagement index').n).toBe(tile('engagement_index').n);
    expect(figure('eNPS').raw).toBe(tile('enps').value);
    expect(figure('Customer NPS').raw).toBe(tile('nps').value);
    expect(figure('Engagement index').value).toBe(tile('engagement_index').value!.toFixed(1));
    expect(slide.chart?.kind).toBe('line');
    const root = (await call('hierarchy', { period })).units.find((u) => u.parentId === null)!;
    expect(slide.published).toContainEqual({
      slide: 0,
      period,
      subject: { kind: 'unit', unitId: root.id },
      metric: 'engagement_index',
      n: tile('engagement_index').n,
      value: tile('engagement_index').value,
    });
    // Customer figures are not employee figures: the audit never sees them.
    expect(slide.published.some((f) => f.metric === 'nps')).toBe(false);

    const set = await call('overview', { period, unitIds: ['T1', 'T4'] });
    const setSlide = content.slides[1]!;
    expect(setSlide.subtitle).toBe(`Overview · Two stores (2 units) · ${period}`);
    const setEngagement = set.tiles.find((t) => t.metric === 'engagement_index')!;
    expect(setSlide.keyFigures.find((k) => k.label === 'Engagement index')!.raw).toBe(
      setEngagement.value,
    );
    expect(
      setSlide.published.find((f) => f.metric === 'engagement_index' && f.period === period),
    ).toMatchObject({ subject: { kind: 'set', unitIds: ['T1', 'T4'] }, n: setEngagement.n });
  });

  it('the linkage slide has r, the sentence and every point of the engine’s answer', async () => {
    const link = await call('linkage', { lag: 0 });
    const slide = content.slides[2]!;
    expect(slide.keyFigures[0]).toMatchObject({ label: 'r (Pearson)', raw: link.r, n: link.n });
    expect(slide.headline).toMatch(/team|store/i);
    expect(slide.chart).toMatchObject({ kind: 'scatter' });
    const points = slide.chart!.kind === 'scatter' ? slide.chart!.points : [];
    expect(points.map((p) => [p.label, p.x, p.y])).toEqual(
      link.points.map((p) => [p.name, p.x, p.y]),
    );
    expect(slide.published.map((f) => [f.subject, f.value, f.n])).toEqual(
      link.points.map((p) => [{ kind: 'unit', unitId: p.unitId }, p.x, p.nEmployees]),
    );
  });

  it('the values slide is the heatmap: rows by values, the mode’s figure, hidden cells empty', async () => {
    const heat = await call('heatmap', { period: surveyPeriod, mode: 'vs_company' });
    const slide = content.slides[3]!;
    if (slide.chart?.kind !== 'heatmap') throw new Error('no heatmap');
    expect(slide.chart.rows).toEqual(heat.rows.map((r) => r.name));
    expect(slide.chart.columns).toEqual(heat.values.map((v) => v.name));
    expect(slide.chart.cells).toEqual(
      heat.rows.map((r) => r.cells.map((c) => (c.status === 'ok' ? c.delta : null))),
    );
    expect(slide.chart.scale).toBe('difference');
    const shownCells = heat.rows.flatMap((r) => r.cells.filter((c) => c.status === 'ok'));
    for (const c of shownCells)
      expect(slide.published).toContainEqual(
        expect.objectContaining({ metric: c.value, value: c.pctFavourable, n: c.n }),
      );
  });

  it('the drivers slide says what the engine said, suppressed or not', async () => {
    const drivers = await call('drivers', { outcome: 'enps', by: 'item' });
    const slide = content.slides[4]!;
    expect(slide.keyFigures[0]!.raw).toBe(drivers.n);
    expect(slide.keyFigures[0]!.status).toBe(drivers.status === 'ok' ? 'shown' : drivers.status);
    expect(slide.tables[0]!.rows).toHaveLength(drivers.drivers.length);
  });

  it('the team slide is the drill-down page', async () => {
    const page = await call('drilldown', { unitId: 'T1', period: surveyPeriod, scope: 'rollup' });
    const slide = content.slides[5]!;
    expect(slide.keyFigures.slice(0, page.headline.length).map((k) => k.raw)).toEqual(
      page.headline.map((h) => (h.status === 'ok' ? h.value : null)),
    );
    expect(slide.tables.map((t) => t.name)).toEqual([
      'Figures',
      'Values profile',
      'Items',
      'Direct reports',
      'Trend',
    ]);
    expect(slide.chart?.kind).toBe('bar');
  });

  it('a slide whose unit went away says so and carries no figures', () => {
    const slide = content.slides[6]!;
    expect(slide.problem).toMatch(/not in the organisation any more/);
    expect(slide.keyFigures).toEqual([]);
    expect(slide.chart).toBeNull();
    expect(slide.tables).toEqual([]);
    expect(slide.published).toEqual([]);
  });

  it('a difference from the previous quarter publishes the previous quarter’s figures too', async () => {
    const now = await call('heatmap', { period: surveyPeriod, mode: 'vs_previous' });
    expect(now.previousPeriod).not.toBeNull();
    const before = await call('heatmap', { period: now.previousPeriod!, mode: 'absolute' });
    const view = await buildViewContent(tiny.ctx, '#/values?mode=vs_previous');
    const previous = view.published.filter((f) => f.period === now.previousPeriod);
    const expected = before.rows.flatMap((r) =>
      r.cells
        .filter(
          (c) =>
            c.status === 'ok' &&
            now.rows
              .find((x) => x.unitId === r.unitId)
              ?.cells.some((x) => x.value === c.value && x.status === 'ok' && x.delta !== null),
        )
        .map((c) => ({ unitId: r.unitId, metric: c.value, value: c.pctFavourable, n: c.n })),
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected)
      expect(previous).toContainEqual(
        expect.objectContaining({
          subject: { kind: 'unit', unitId: e.unitId },
          metric: e.metric,
          value: e.value,
          n: e.n,
        }),
      );
  });

  it('says who each published figure is about: a demographic group, a team page’s direct scope', async () => {
    // Four leaders in the tiny company: shown once the minimum is the floor of 3.
    await call('settings', { minGroupSize: 3 });
    try {
      const groups = await buildViewContent(tiny.ctx, '#/values?group=role&mode=absolute');
      const heat = await call('heatmap', {
        period: surveyPeriod,
        mode: 'absolute',
        groupBy: 'role',
      });
      const shownGroups = heat.rows.filter((r) => r.status === 'ok');
      expect(shownGroups.length).toBeGreaterThan(0);
      for (const r of shownGroups)
        expect(groups.published).toContainEqual(
          expect.objectContaining({
            subject: {
              kind: 'group',
              scopeUnitId: heat.parent.id,
              grouping: 'role',
              group: r.unitId,
            },
            metric: 'respondents',
            n: r.n,
          }),
        );
    } finally {
      await call('settings', { minGroupSize: 5 });
    }

    const region = (await call('hierarchy', { period: surveyPeriod })).units.find(
      (u) => u.depth === 1 && u.id === 'R2',
    )!;
    const children = (await call('hierarchy', { period: surveyPeriod })).units
      .filter((u) => u.parentId === region.id)
      .map((u) => u.id);
    const direct = await buildViewContent(tiny.ctx, `#/teams?unit=${region.id}&scope=direct`);
    const page = await call('drilldown', {
      unitId: region.id,
      period: surveyPeriod,
      scope: 'direct',
    });
    const engagement = page.headline.find((h) => h.metric === 'engagement_index')!;
    expect(engagement.status).toBe('ok');
    expect(direct.published).toContainEqual(
      expect.objectContaining({
        period: surveyPeriod,
        subject: { kind: 'members', unitIds: [region.id, ...children] },
        metric: 'engagement_index',
        value: engagement.value,
        n: engagement.n,
      }),
    );
  });

  it('a single view’s content equals its slide', async () => {
    const view = await buildViewContent(tiny.ctx, '#/linkage?lag=0');
    const slide = content.slides[2]!;
    expect(view.title).toBe('Linkage: Engagement index against Customer NPS by team');
    expect(view.chart).toEqual(slide.chart);
    expect(view.keyFigures).toEqual(slide.keyFigures);
    const masked = await buildViewContent(tiny.ctx, '#/values?unit=R1&mode=absolute', {
      masked: true,
      maskingOptions: { levelWords: { team: 'Store' } },
    });
    const names = await everyRealName();
    expect(names.filter((n) => wholeWord(n).test(printedText(masked)))).toEqual([]);
    expect(masked.title).toMatch(/^Values: Region [AB]$/);
    await expect(buildViewContent(tiny.ctx, '#/import')).rejects.toThrow(
      'The import page has no figures to export',
    );
  });
});

describe('masked story content', () => {
  it('names no real unit or leader anywhere, keeps guess authors, and masks commitments', async () => {
    const saved = await story(
      'Masked',
      [
        { title: 'Company', state: '#/overview' },
        { title: 'Region', state: '#/overview?unit=R1' },
        { title: 'The link', state: '#/linkage?lag=0' },
        { title: 'Values', state: '#/values?mode=absolute&unit=R2' },
        { title: 'Drivers', state: '#/drivers' },
        { title: 'A team', state: '#/teams?unit=T2' },
      ],
      { enabled: true, levelWords: { team: 'Store' } },
    );
    await call('guessAdd', {
      story: 'Masked',
      slideId: saved.slides[3]!.id,
      person: 'Priya',
      guess: 'South',
    });
    await call('commitmentSave', {
      story: 'Masked',
      slideId: saved.slides[5]!.id,
      unitId: 'T2',
      action: 'Visit the store',
      owner: 'Priya',
    });

    const plain = await buildStoryContent(tiny.ctx, { story: 'Masked', masked: false });
    const masked = await buildStoryContent(tiny.ctx, { story: 'Masked' });
    expect(masked.masked).toBe(true);
    const names = await everyRealName();
    const leaks = (c: StoryContent) => names.filter((n) => wholeWord(n).test(printedText(c)));
    // Unmasked, the content does name them (else this test would prove nothing).
    expect(leaks(plain).length).toBeGreaterThan(5);
    expect(leaks(masked)).toEqual([]);

    expect(masked.slides[1]!.subtitle).toMatch(/^Overview · Region [AB] · /);
    expect(masked.slides[5]!.subtitle).toMatch(/^Teams · Store \d+ · /);
    expect(masked.slides[3]!.guesses).toEqual([{ person: 'Priya', guess: 'Region B' }]);
    expect(masked.commitments).toHaveLength(1);
    expect(masked.commitments[0]).toMatchObject({
      slideTitle: 'A team',
      unitName: masked.slides[5]!.subtitle.split(' · ')[1],
      action: 'Visit the store',
      owner: 'Priya',
    });
    expect(plain.commitments[0]!.unitName).toBe('Store B');
    // The figures are the same: only the words changed.
    expect(masked.slides.map((s) => s.keyFigures.map((k) => k.raw))).toEqual(
      plain.slides.map((s) => s.keyFigures.map((k) => k.raw)),
    );
    expect(masked.slides.map((s) => s.published)).toEqual(plain.slides.map((s) => s.published));
  });

  it('refuses a speaker note that names a real unit, saying which slide and which name', async () => {
    await story(
      'Leaky',
      [
        { title: 'Company', state: '#/overview' },
        { title: 'The link', state: '#/linkage?lag=0' },
        { title: 'Bright spot', state: '#/teams?unit=T1', speakerNote: 'Ask how North did it' },
      ],
      { enabled: true, levelWords: {} },
    );
    const error = await buildStoryContent(tiny.ctx, { story: 'Leaky' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('INVALID_ARGUMENTS');
    expect((error as UpstreamError).message).toBe(
      'Slide 3 "Bright spot" speaker note names "North": a masked export cannot contain real names. Edit the note or export unmasked.',
    );
    // Unmasked, the same story exports.
    const plain = await buildStoryContent(tiny.ctx, { story: 'Leaky', masked: false });
    expect(plain.slides[2]!.speakerNote).toBe('Ask how North did it');
  });
});

describe('suppressed figures', () => {
  it('a unit hidden by a larger minimum shows as suppressed and none of its figures appear', async () => {
    const period = await latestPeriod('survey');
    const before = await call('drilldown', { unitId: 'T2', period });
    const shown = before.headline.filter(
      (h) => h.status === 'ok' && h.metric !== 'nps' && h.metric !== 'csat',
    );
    expect(shown.length).toBeGreaterThan(0);
    const n = before.headline.find((h) => h.metric === 'respondents')!.value!;
    await call('settings', { minGroupSize: n + 1 });
    try {
      await story('Hidden', [{ title: 'Small store', state: '#/teams?unit=T2' }]);
      const content = await buildStoryContent(tiny.ctx, { story: 'Hidden' });
      const slide = content.slides[0]!;
      expect(content.minGroupSize).toBe(n + 1);
      const engagement = slide.keyFigures.find((k) => k.label === 'Engagement index')!;
      expect(engagement).toMatchObject({ status: 'suppressed', raw: null, value: '—', n: null });
      const text = JSON.stringify(content);
      for (const h of shown) {
        const hidden = h.value!;
        // Whole numbers (a count, a net score) could be any other figure; the fractions cannot.
        if (Number.isInteger(hidden)) continue;
        expect(text).not.toContain(String(hidden));
      }
      expect(
        slide.published.filter(
          (f) => f.period === period && f.subject.kind === 'unit' && f.subject.unitId === 'T2',
        ),
      ).toEqual([]);
    } finally {
      await call('settings', { minGroupSize: 5 });
    }
  });
});

describe('an empty workspace', () => {
  it('gives every slide its reason instead of failing', async () => {
    const empty = await tinyWorkspace({ load: false });
    try {
      const save = async (state: string) => {
        const r = await dispatch('viewSave', { title: state, state }, empty.ctx);
        if (!r.ok) throw new Error(r.error.message);
        return (r.value as { id: string }).id;
      };
      const states = ['#/overview', '#/linkage', '#/values', '#/drivers', '#/teams'];
      const ids = [];
      for (const s of states) ids.push(await save(s));
      const saved = await dispatch(
        'storySave',
        { name: 'Empty', title: 'Nothing yet', slides: ids.map((viewId) => ({ viewId })) },
        empty.ctx,
      );
      expect(saved.ok).toBe(true);
      const content = await buildStoryContent(empty.ctx, { story: 'Empty' });
      expect(content.slides).toHaveLength(states.length);
      for (const slide of content.slides) {
        expect(slide.problem, slide.view).toBeTruthy();
        expect(slide.keyFigures).toEqual([]);
        expect(slide.published).toEqual([]);
      }
    } finally {
      empty.cleanup();
    }
  });
});
